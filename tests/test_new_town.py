"""`catalogus nieuwe-gemeente`, then `check`, then `build --concept`, on a fresh copy of this repository.

These are the steps of 'Uw gemeente aansluiten' in the README, run as a new town would run them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factories import REPO
from test_town import DEMO_TOWN, TODAY, leftovers

CLI = [sys.executable, "-m", "catalogus"]


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
