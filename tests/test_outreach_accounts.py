"""The account for the data-protection officer: which files (by SHA-256), rules, legal basis and counts; never an id,
a name or an answer, neither in the account nor on the screen."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
import sys
from pathlib import Path

from catalogus.cli import main
from catalogus.outreach import command
from factories import LETTERS, TOWN, with_letters

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
from synthetic_households import STATUS_CODES, write_registers  # noqa: E402

TODAY = dt.date(2026, 11, 26)


def test_the_account_names_files_rules_and_counts_and_no_person(tmp_path, capsys, monkeypatch):
    checked = command.check

    def configured(*args, **kwargs):  # the demo town maps no status codes and names no council decision
        result = checked(*args, **kwargs)
        catalogue = with_letters(result.catalogue)
        settings = catalogue.config.proactief.model_copy(update={"statussen": STATUS_CODES})
        config = catalogue.config.model_copy(update={"proactief": settings})
        return dataclasses.replace(result, catalogue=dataclasses.replace(catalogue, config=config))

    monkeypatch.setattr(command, "check", configured)
    paths = write_registers(tmp_path / "in", 300, seed=8, day=TODAY.isoformat())
    people = [line.split(";")[0] for line in paths["gezinnen"].read_text(encoding="utf-8").splitlines()[1:]]
    opt_out = tmp_path / "in" / "bezwaar.csv"
    opt_out.write_text(f"huishouden\n{people[0]}\nH9999999\n", encoding="utf-8")
    target = tmp_path / "uit"
    code = main(["--root", str(REPO), "--gemeente", TOWN, "proactief", "--gezinnen", str(paths["gezinnen"]),
                 "--statussen", str(paths["statussen"]), "--bezwaar", str(opt_out), "--uit", str(target),
                 "--today", TODAY.isoformat()])
    out = capsys.readouterr()
    assert code == 0, out.err
    account = (target / "verantwoording.md").read_text(encoding="utf-8")
    for path in (paths["gezinnen"], paths["statussen"], opt_out):
        assert f"| {path.name} | `{hashlib.sha256(path.read_bytes()).hexdigest()}` |" in account
    assert LETTERS["rechtsgrond"] in account and LETTERS["bezwaar"] in account
    assert "Peildatum: 2026-11-26" in account and "| gratis-huisvuilzakken |" in account
    assert "overgeslagen wegens bezwaar voor alle producten: 1" in account
    assert "bezwaar.csv: 1 regels met een nummer dat bij geen huishouden hoort" in account
    assert re.search(r"Brieven: \d+ geschreven", account)
    for text in (account, out.out, out.err):
        assert not re.search(r"\b\d{11}\b", text) and "H000" not in text  # no national number, no household id
    assert "verantwoording.md" in out.out
