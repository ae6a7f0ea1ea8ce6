"""`catalogus proactief`: household ids compared in one normalised form in all three files (an opt-out in any
spelling excludes the household), unmatched list rows reported by line and never by id, files in UTF-8 or cp1252,
and a bad cell (or an amount the evaluator refuses) reported on its row while every other row is processed."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.be import nn

from catalogus.check.pipeline import check
from catalogus.cli import main
from catalogus.outreach import batch as outreach
from catalogus.outreach import letters
from catalogus.outreach.columns import evaluate_product
from catalogus.outreach.households import household_keys, read_households
from catalogus.rules.compiled import compile_rule
from catalogus.rules.evaluate import AnswerError, evaluate
from catalogus.rules.questions import questions
from factories import TOWN, with_letters
from test_properties import FAST

REPO = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 26)
PRODUCT = "gratis-huisvuilzakken"  # verhoogde tegemoetkoming = ja: category a, eligible
NATIONAL = "85073003328"  # a valid national register number (the example of python-stdnum)
HEADER = "huishouden;verhoogde_tegemoetkoming;netto_belastbaar_gezinsinkomen;kadastraal_inkomen"


@pytest.fixture(scope="module")
def catalogue():
    result = check(REPO, TODAY, town=TOWN)
    assert not result.errors
    return with_letters(result.catalogue)  # the demo town names no council decision; letters need one


def households_file(folder: Path, ids: list[str], name: str = "h.csv") -> Path:
    path = folder / name
    path.write_text("\n".join([HEADER, *(f"{i};ja;;" for i in ids)]) + "\n", encoding="utf-8")
    return path


def household_key(text: str) -> str:
    keys, bad = household_keys([text])
    assert not bad
    return keys[0]


def invited(run) -> set[str]:
    return {run.households.ids[i] for p in run.products for i, _ in p.invitations}


def test_the_normal_form_of_an_id():
    assert household_key("  H 12 ") == household_key("h12") == "h12"
    assert household_key("85.07.30-033.28") == household_key("85 07 30 033 28") == NATIONAL
    assert household_key("Ｈ１２") == "h12"  # full-width letters and digits, as some programs write them
    keys, bad = household_keys(["85.07.30-033.29", "1-2", ""])
    assert keys == ["", "1-2", ""] and list(bad) == [0] and "controlecijfers" in bad[0]


def test_an_opt_out_in_another_spelling_excludes_the_household(tmp_path, catalogue):
    households = households_file(tmp_path, ["H1", "H2", "H3", "h4", NATIONAL, "H6"])
    opt_out = tmp_path / "o.csv"
    opt_out.write_text("huishouden\nh1\n h 2 \nH3\u00a0\nH4\n85.07.30-033.28\n", encoding="utf-8")
    run = outreach.run(catalogue, outreach.Inputs(households, bezwaar=opt_out), TODAY, [PRODUCT])
    assert invited(run) == {"H6"} and run.households.opted_out == 5 and not run.problems


def test_an_opt_out_for_one_product_and_an_unreadable_product(tmp_path, catalogue, capsys):
    products = [e.id for e, _ in catalogue.with_rules()]
    other = next(p for p in products if p != PRODUCT)
    households = households_file(tmp_path, ["H1", "H2", "H3"])
    opt_out = tmp_path / "o.csv"
    opt_out.write_text(f"huishouden;product\nH1;{PRODUCT}\nH2;{other}\nh3;bestaat-niet\n", encoding="utf-8")
    run = outreach.run(catalogue, outreach.Inputs(households, bezwaar=opt_out), TODAY, [PRODUCT])
    assert invited(run) == {"H2"}  # H3: an unknown product counts as an opt-out for every product
    assert run.products[0].opted_out == 1 and run.households.opted_out == 1
    assert [(p.file, p.row) for p in run.problems] == [("o.csv", 4)]
    assert "geldt daarom voor alle producten" in run.problems[0].reason


def test_unmatched_opt_outs_and_served_are_reported_by_line_never_by_id(tmp_path, catalogue):
    households = households_file(tmp_path, ["H1", "H2"])
    opt_out = tmp_path / "o.csv"
    opt_out.write_text("huishouden\nGEHEIM-1\nh1\nGEHEIM-2\n", encoding="utf-8")
    served = tmp_path / "s.csv"
    served.write_text(f"huishouden;product\nH2;{PRODUCT}\nGEHEIM-3;{PRODUCT}\n", encoding="utf-8")
    target = tmp_path / "uit"
    code = main(["--root", str(REPO), "--gemeente", TOWN, "proactief", "--huishoudens", str(households), "--bediend",
                 str(served), "--bezwaar", str(opt_out), "--uit", str(target), "--today", TODAY.isoformat()])
    assert code == 0
    run = outreach.run(catalogue, outreach.Inputs(huishoudens=households, bediend=served, bezwaar=opt_out), TODAY, [PRODUCT])
    assert run.unmatched == {"o.csv": [2, 4], "s.csv": [3]}
    report = outreach.report(run)
    assert "o.csv: 2 regels" in report and "regels 2, 4" in report and "s.csv: 1 regels" in report
    written = {f.name: f.read_text(encoding="utf-8") for f in target.iterdir()}
    assert "o.csv;2" in written["niet-gevonden.csv"] and "s.csv;3" in written["niet-gevonden.csv"]
    assert all("GEHEIM" not in text for text in [report, *written.values()])


def test_an_invalid_national_number_is_a_finding_on_its_row(tmp_path, catalogue):
    households = households_file(tmp_path, ["H1", "85.07.30-033.29", "H3"])
    run = outreach.run(catalogue, outreach.Inputs(households), TODAY, [PRODUCT])
    assert [(p.row, "controlecijfers" in p.reason) for p in run.problems] == [(3, True)]
    assert "033" not in run.problems[0].reason and run.households.ids == ["H1", "H3"]


def test_a_cp1252_file_with_accents_reads_correctly(tmp_path, catalogue):
    path = tmp_path / "h.csv"
    path.write_bytes(f"{HEADER}\nZoë-1;ja;;\nRené;ja;€ 12;\n".encode("cp1252"))
    target = tmp_path / "uit"
    for encoding in (None, "cp1252"):
        run = outreach.run(catalogue, outreach.Inputs(path), TODAY, [PRODUCT], encoding)
        letters.write(run, catalogue, target, None)
        assert invited(run) == {"Zoë-1"}
        assert "Zoë-1" in (target / "uitnodigingen.csv").read_text(encoding="utf-8")
        assert "huishouden Zoë-1<" in (target / "brieven-001.html").read_text(encoding="utf-8")
        assert "'€ 12' is geen getal" in (target / "ongeldige-regels.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("data, option", [
    (f"{HEADER}\nH1;ja;;\n".encode("utf-16-le"), None),
    (bytes(range(256)) * 4, None),
    (f"{HEADER}\nZoë;ja;;\n".encode("cp1252"), "utf-8"),
])
def test_an_unreadable_file_gets_a_dutch_message_and_exit_1(tmp_path, capsys, data, option):
    path = tmp_path / "h.csv"
    path.write_bytes(data)
    code = main(["--root", str(REPO), "--gemeente", TOWN, "proactief", "--huishoudens", str(path), "--uit",
                 str(tmp_path / "uit"), "--today", TODAY.isoformat(), *(["--codering", option] if option else [])])
    err = capsys.readouterr().err
    assert code == 1 and str(path) in err and "Traceback" not in err and "interne fout" not in err
    assert "UTF-8" in err or "utf-8" in err


def test_a_bad_cell_is_reported_on_its_row_and_the_others_are_processed(tmp_path, catalogue):
    lines = [HEADER, "H1;ja;veel;0", "H2;ja;999999999.99;0", "H3;nee;12000;0", "H4;ja;9999999999;0",
             "H5;ja;999.999.999,99;0", "H6;ja;1000000000;"]
    path = tmp_path / "h.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = outreach.run(catalogue, outreach.Inputs(path), TODAY)
    assert {p.row for p in run.problems} == {2, 5, 6}  # a text, above 1.000.000.000, thousands dots
    assert run.households.ids == ["H2", "H3", "H6"] and run.evaluated == 3
    assert invited(run) == {"H2", "H3", "H6"}  # the largest amounts evaluated, not refused



def test_a_limit_too_large_to_compute_is_refused_on_its_row_like_the_evaluator_does(tmp_path, catalogue):
    """The only answer the columns can refuse after reading: a count times a per-person amount beyond 2**53. The
    household is refused as the evaluator refuses it (AnswerError), the others are judged."""
    rule = compile_rule("verwarmingstoelage", catalogue.product("verwarmingstoelage").record.rechten)
    for limit in rule["grenzen"].values():
        if limit["per"]:
            for value in limit["waarden"]:
                value["per_persoon"] = 10**13
    path = tmp_path / "h.csv"
    path.write_text("huishouden;verwarming;bruto_belastbaar_gezinsinkomen;personen_ten_laste\n"
                    "H1;huisbrandolie;100;0\nH2;huisbrandolie;100;2000\nH3;huisbrandolie;100;\n", encoding="utf-8")
    households = read_households(path, catalogue.config.proactief, set())
    codes, decided, failed = evaluate_product(rule, households, TODAY.isoformat())
    assert set(failed) == {1} and "personen_ten_laste" in failed[1]
    for index in (0, 2):
        expected = evaluate(rule, households.answers(index, questions()), TODAY.isoformat())["uitkomst"]
        assert decided[int(codes[index])][0] == expected
    with pytest.raises(AnswerError):
        evaluate(rule, households.answers(1, questions()), TODAY.isoformat())


def national(serial: int) -> str:
    """A valid national register number (born 30 July 1985), written with dots and a dash."""
    base = f"850730{serial:03d}"
    return nn.format(f"{base}{97 - int(base) % 97:02d}")


spellings = st.sampled_from([str.lower, str.upper, lambda t: f" {t} ", lambda t: " ".join(t)])


@FAST
@given(
    st.lists(st.integers(0, 1996), min_size=1, max_size=12, unique=True),
    st.lists(st.booleans(), min_size=12, max_size=12),
    st.lists(spellings, min_size=12, max_size=12),
)
def test_no_opted_out_id_in_any_spelling_gets_a_letter(tmp_path_factory, catalogue, numbers, opted, spell):
    assert all(nn.is_valid(national(n)) for n in (1, 500, 999))
    folder = tmp_path_factory.mktemp("o")
    ids = [f"H{n}" if n % 2 else national(n // 2 + 1) for n in numbers]
    households = households_file(folder, ids)
    chosen = [i for i, flag in zip(ids, opted[: len(ids)], strict=True) if flag]
    written = [spell[k](i if k % 2 else i.replace(".", "").replace("-", " ")) for k, i in enumerate(chosen)]
    opt_out = folder / "o.csv"
    opt_out.write_text("huishouden\n" + "\n".join(written) + "\n", encoding="utf-8")
    run = outreach.run(catalogue, outreach.Inputs(households, bezwaar=opt_out), TODAY, [PRODUCT])
    letters.write(run, catalogue, folder / "uit", None)
    with (folder / "uit" / "uitnodigingen.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["huishouden"] for row in csv.DictReader(handle, delimiter=";")}
    text = "".join(path.read_text(encoding="utf-8") for path in (folder / "uit").glob("brieven-*.html"))
    assert not run.problems
    assert rows == invited(run) == set(ids) - set(chosen)
    assert all(f"huishouden {i}<" not in text for i in chosen)
