"""`catalogus nieuwe-gemeente`, then `check`, then `build --concept`, on a fresh copy of this repository.

These are the steps of 'Uw gemeente aansluiten' in the README, run as a new town would run them."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from factories import CLI, REPO
from test_town import DEMO_TOWN, TODAY, leftovers


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], cwd=root, capture_output=True, text=True, timeout=900, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def fork(tmp_path_factory) -> Path:
    """A fresh copy of the committed tree, as a fork's clone has it."""
    root = tmp_path_factory.mktemp("fork") / "catalogus"
    root.mkdir()
    files = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    archive = subprocess.run(["git", "archive", "HEAD"], cwd=REPO, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(root)], input=archive, check=True)
    assert files and (root / "catalogus.yml").exists()
    made = run(root, "nieuwe-gemeente", "--naam", "Zwevegem", "--email", "sociaalhuis@zwevegem.example",
               "--repository-url", "https://github.com/zwevegem-example/catalogus")
    assert made.returncode == 0, made.stdout + made.stderr
    return root


def test_no_demo_town_value_is_left_in_content_or_configuration(fork):
    assert leftovers(fork / "content", DEMO_TOWN) == []
    assert DEMO_TOWN not in (fork / "catalogus.yml").read_text(encoding="utf-8").casefold()


def test_every_fiche_is_kept_and_waits_for_review(fork):
    fiches = sorted(p.stem for p in (REPO / "content" / "products").glob("*.md"))
    assert sorted(p.stem for p in (fork / "content" / "products").glob("*.md")) == fiches
    for name in fiches:
        local = (fork / "content" / "lokaal" / f"{name}.yml").read_text(encoding="utf-8")
        assert "laatst_nagekeken: IN TE VULLEN" in local and "eigenaar: IN TE VULLEN" in local


def test_check_reports_exactly_the_fields_still_to_fill(fork):
    checked = run(fork, "check", "--today", TODAY, "--format", "json")
    assert checked.returncode == 1
    findings = json.loads(checked.stdout)["meldingen"]
    marked = sum(  # every marked value, not the comments that explain the marker
        line.count("IN TE VULLEN")
        for path in [fork / "catalogus.yml", *(fork / "content").rglob("*.*")]
        if path.name != "README.md"
        for line in path.read_text(encoding="utf-8").split("\n")
        if not line.lstrip().startswith("#")
    )
    assert len(findings) == marked
    assert all("IN TE VULLEN" in f["melding"] and f["niveau"] == "fout" for f in findings)
    checklist = (fork / "NIEUWE-GEMEENTE.md").read_text(encoding="utf-8")
    assert f"In te vullen ({marked} velden" in checklist


def test_a_draft_site_builds_with_a_banner_and_without_the_demo_town(fork):
    site = fork.parent / "site"
    built = run(fork, "build", "--concept", "--today", TODAY, "--site-dir", str(site))
    assert built.returncode == 0, built.stdout + built.stderr
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Dit is een conceptversie" in home and "Sociaal Huis Zwevegem" in home
    assert leftovers(site, DEMO_TOWN) == []


def test_without_concept_the_build_refuses(fork):
    site = fork.parent / "refused"
    built = run(fork, "build", "--today", TODAY, "--site-dir", str(site))
    assert built.returncode == 1 and not site.exists()


FILLED = {  # what the town fills in, by field (made-up values of a test town)
    "postcode": '"8550"',
    "telefoon": '"056 00 00 00"',
    "email": "sociaalhuis@zwevegem.example",
    "website": "https://www.zwevegem.example/sociaal-huis",
    "url": "https://www.zwevegem.example/sociaal-huis",
    "laatst_nagekeken": TODAY,
    "kostprijs": "{gratis: true}",
    "ontvangt": "{toelichting: Het bedrag staat in het reglement van de gemeente.}",
    "eigenaar": "Sociaal Huis Zwevegem",
}
MARKED = re.compile(r'^(\s*(?:- )?)([a-z_]+)?(:\s*)?["\']?IN TE VULLEN[^"\'\n]*["\']?\s*$')


def fill_in(line: str) -> str | None:
    """One line as the town writes it: the marker replaced by a value for that field (None: line left out)."""
    found = MARKED.match(line)
    if not found:
        return line.replace("IN TE VULLEN: wat kan de burger bij dit loket doen? Twee of drie zinnen.", "Voor alle vragen.")
    indent, key, colon = found.group(1), found.group(2), found.group(3) or ""
    if key == "rechten":
        return None  # the town has no rules for the guided help (yet)
    value = FILLED.get(key or "", "Voorbeeld Zwevegem")  # short: a local name also lands in keywords
    if key is None:
        value = "U woont in Zwevegem."  # a list item: the town's own condition
    return f"{indent}{key or ''}{colon}{value}"


def test_filled_in_the_fork_checks_clean_and_publishes(fork, tmp_path):
    """Step 4 and 5 of 'Uw gemeente aansluiten': every marker filled in, then check and build without --concept."""
    town = tmp_path / "ingevuld"
    shutil.copytree(fork, town)
    for path in [town / "catalogus.yml", *(town / "content").rglob("*.*")]:
        text = path.read_text(encoding="utf-8")
        if "IN TE VULLEN" in text:
            lines = [fill_in(line) for line in text.split("\n")]
            path.write_text("\n".join(line for line in lines if line is not None), encoding="utf-8")
    checked = run(town, "check", "--today", TODAY)
    assert checked.returncode == 0, checked.stdout
    site = tmp_path / "site"
    built = run(town, "build", "--today", TODAY, "--site-dir", str(site))
    assert built.returncode == 0, built.stdout + built.stderr
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Sociaal Huis Zwevegem" in home and "conceptversie" not in home
    assert leftovers(site, DEMO_TOWN) == []
