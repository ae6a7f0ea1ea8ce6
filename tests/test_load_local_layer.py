"""Shared fiche + local layer: messages about either file, placeholders, and a real upstream → fork merge."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from browser import build_site
from catalogus.check.pipeline import check
from factories import git
from test_town import TODAY, town

DAY = dt.date.fromisoformat(TODAY)
LOCAL = Path("content/lokaal/boodschappendienst.yml")
SHARED = Path("content/products/boodschappendienst.md")


def findings(root: Path) -> list[str]:
    return [f"{f.path}:{f.line}: {f.level}: {f.field}: {f.message}" for f in check(root, DAY).findings]


def test_the_fixture_town_checks_clean(tmp_path):
    assert findings(town(tmp_path)) == []


def test_an_error_in_a_local_field_points_at_the_local_file_and_line(tmp_path):
    root = town(tmp_path)
    text = (root / LOCAL).read_text(encoding="utf-8").replace("bedrag: 3.00", "bedrag: drie euro")
    (root / LOCAL).write_text(text, encoding="utf-8")
    line = text.split("\n").index("      bedrag: drie euro") + 1
    [message] = findings(root)
    assert message.startswith(f"{LOCAL.as_posix()}:{line}: fout: kostprijs.bedragen.0.bedrag:")


def test_an_error_in_a_shared_field_stays_with_the_fiche(tmp_path):
    root = town(tmp_path)
    text = (root / SHARED).read_text(encoding="utf-8").replace("doelgroepen: [", "doelgroepen: [geen-doelgroep, ")
    (root / SHARED).write_text(text, encoding="utf-8")
    [message] = findings(root)
    assert message.startswith(f"{SHARED.as_posix()}:") and "geen-doelgroep" in message


def test_a_shared_field_in_the_local_file_is_refused(tmp_path):
    root = town(tmp_path)
    line = len((root / LOCAL).read_text(encoding="utf-8").splitlines()) + 1
    with (root / LOCAL).open("a", encoding="utf-8") as out:
        out.write("titel: Een andere titel\n")
    [message] = findings(root)
    assert message.startswith(f"{LOCAL.as_posix()}:{line}: fout: titel: 'titel' is een veld van de gedeelde fiche")


def test_a_value_in_both_files_is_an_error_at_both_lines_that_says_which_counts(tmp_path):
    root = town(tmp_path)
    text = (root / SHARED).read_text(encoding="utf-8").replace("\n---\n", "\nloket: onthaal-ocmw\n---\n", 1)
    (root / SHARED).write_text(text, encoding="utf-8")
    shared_line = text.split("\n").index("loket: onthaal-ocmw") + 1
    local_line = (root / LOCAL).read_text(encoding="utf-8").split("\n").index("loket: onthaal-ocmw") + 1
    assert sorted(findings(root)) == sorted([
        f"{SHARED.as_posix()}:{shared_line}: fout: loket: 'loket' staat ook in {LOCAL.as_posix()} (regel {local_line}), "
        "en die waarde telt: verwijder 'loket' hier",
        f"{LOCAL.as_posix()}:{local_line}: fout: loket: 'loket' staat ook in {SHARED.as_posix()} (regel {shared_line}); "
        "deze waarde hier telt: verwijder 'loket' daar",
    ])


def test_a_local_file_without_fiche_is_an_error(tmp_path):
    root = town(tmp_path)
    (root / "content/lokaal/bestaat-niet.yml").write_text("eigenaar: Iemand\n", encoding="utf-8")
    [message] = findings(root)
    assert message.startswith("content/lokaal/bestaat-niet.yml:1: fout: bestand: er is geen fiche 'bestaat-niet'")


def test_an_unknown_placeholder_is_an_error_at_its_line(tmp_path):
    root = town(tmp_path)
    step = "  - Bel of kom langs bij het Onthaal OCMW of bij dienstencentrum $centrum."
    text = (root / SHARED).read_text(encoding="utf-8").replace("$dienstencentrum.", "$centrum.")
    (root / SHARED).write_text(text, encoding="utf-8")
    [message] = findings(root)
    line = text.split("\n").index(step) + 1
    assert message.startswith(f"{SHARED.as_posix()}:{line}: fout: stappen.0: '$centrum' is geen bekende invulplaats")
    assert "zet 'centrum' onder 'namen:' in catalogus.yml" in message



def test_upstream_text_and_fork_cost_merge_without_conflict(tmp_path):
    upstream = town(tmp_path)
    git(upstream, "init", "-q", "-b", "main")
    git(upstream, "add", "-A")
    git(upstream, "commit", "-qm", "catalogus")
    fork = tmp_path / "fork"
    git(tmp_path, "clone", "-q", str(upstream), str(fork))
    # The fork sets its own cost (local layer) ...
    local = fork / LOCAL
    local.write_text(local.read_text(encoding="utf-8").replace("bedrag: 3.00", "bedrag: 4.25"), encoding="utf-8")
    git(fork, "commit", "-qam", "onze prijs")
    # ... while upstream improves the shared description of the same fiche.
    shared = upstream / SHARED
    old = "Bel of kom langs bij het Onthaal OCMW of bij dienstencentrum $dienstencentrum."
    assert old in shared.read_text(encoding="utf-8")
    new = (
        "Bel of kom langs bij het Onthaal OCMW of bij dienstencentrum $dienstencentrum; "
        "u kunt ook iemand anders laten bellen voor u."
    )
    shared.write_text(shared.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    git(upstream, "commit", "-qam", "betere uitleg")
    git(fork, "pull", "--no-rebase", "--no-edit", "-q", "origin", "main")  # a conflict fails here
    assert git(fork, "diff", "--name-only", "--diff-filter=U") == ""
    site = tmp_path / "site"
    result = build_site(fork, site, TODAY)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (site / "products" / "boodschappendienst" / "index.html").read_text(encoding="utf-8").replace("\xa0", " ")
    assert "u kunt ook iemand anders laten bellen voor u" in page
    assert "€ 4,25" in page


def test_the_inventory_takes_only_local_files_named_after_a_fiche(tmp_path):
    root = town(tmp_path)
    (root / "content/lokaal/notities.txt").write_text("kladje\n", encoding="utf-8")
    (root / "content/lokaal/boodschappendienst.yaml").write_text("loket: onthaal-ocmw\n", encoding="utf-8")
    (root / "content/lokaal/README.md").write_text("# Lokale gegevens\n", encoding="utf-8")  # allowed, like elsewhere
    assert findings(root) == [
        "content/lokaal/boodschappendienst.yaml:1: fout: bestand: noem het bestand 'boodschappendienst.yml' "
        "(de id van de fiche, met de extensie .yml in kleine letters)",
        "content/lokaal/notities.txt:1: fout: bestand: in lokaal/ staan alleen de lokale gegevens van fiches, "
        "als <id van de fiche>.yml; verplaats dit bestand of verwijder het",
    ]
