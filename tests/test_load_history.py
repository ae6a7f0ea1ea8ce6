"""Git history per fiche: last change and recent commit subjects, one `git log` pass; a shallow clone counts as none."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from xml.etree import ElementTree as ET

from catalogus.load.history import Change, History, change_dates, read_history
from catalogus.opendata import layout
from exported import export_catalogue
from factories import fiche, git, make_project

ATOM = "{http://www.w3.org/2005/Atom}"



def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def repository(root: Path) -> Path:
    """Three fiches; poetsdienst changed in three commits, huurpremie in one, reispas never committed."""
    root.mkdir()
    make_project(root, [
        fiche(),
        fiche(id="poetsdienst", titel="Poetsdienst", laatst_nagekeken="2026-06-01"),
        fiche(id="reispas", titel="Reispas", laatst_nagekeken="2026-09-01"),
    ])
    products = root / "content" / "products"
    git(root, "init", "-q")
    git(root, "add", "catalogus.yml", "vocabularies.yml", "content/loketten", "content/products/huurpremie.md",
        "content/products/poetsdienst.md")
    git(root, "commit", "-qm", "Eerste fiches", day="2026-03-02")
    append(products / "poetsdienst.md", "\nNog een zin.\n")
    git(root, "commit", "-qam", "Poetsdienst: uitleg over de prijs", day="2026-08-14")
    append(products / "poetsdienst.md", "\nEn nog een.\n")
    git(root, "commit", "-qam", "Poetsdienst: nieuw telefoonnummer", day="2026-11-20")
    append(root / "catalogus.yml", "\n")
    git(root, "commit", "-qam", "Instellingen: geen fiche", day="2026-11-25")
    return root


def test_recent_changes_are_the_fiche_s_own_commits_newest_first(tmp_path):
    root = repository(tmp_path / "repo")
    catalogue, _ = export_catalogue(root)
    history = read_history(catalogue, root)
    assert history.recent("poetsdienst", 5) == (
        Change(dt.date(2026, 11, 20), "Poetsdienst: nieuw telefoonnummer"),
        Change(dt.date(2026, 8, 14), "Poetsdienst: uitleg over de prijs"),
        Change(dt.date(2026, 3, 2), "Eerste fiches"),
    )
    assert history.recent("poetsdienst", 2) == history.recent("poetsdienst", 5)[:2]
    assert history.last_changed("huurpremie") == dt.date(2026, 3, 2)
    assert history.last_changed("reispas") is None  # never committed: pages fall back to laatst_nagekeken
    assert read_history(catalogue, root) == history  # the repository alone decides


def test_a_shallow_clone_counts_as_no_history(tmp_path):
    """Its one commit has no parent, so git lists every file as added that day: falling back is honest."""
    source = repository(tmp_path / "repo")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", source.as_uri(), str(clone)], check=True, capture_output=True)
    catalogue, site = export_catalogue(clone)
    assert read_history(catalogue, clone) == History()
    assert change_dates(catalogue, clone) == {}
    feed = ET.fromstring((site / layout.FEED).read_text(encoding="utf-8"))
    updated = {e.findtext(f"{ATOM}title"): e.findtext(f"{ATOM}updated") for e in feed.iter(f"{ATOM}entry")}
    assert updated == {"Huurpremie": "2026-10-01T00:00:00Z", "Poetsdienst": "2026-06-01T00:00:00Z"}


def test_outside_a_repository_there_is_no_history(tmp_path):
    (tmp_path / "los").mkdir()
    root = make_project(tmp_path / "los", [fiche()])
    catalogue, _ = export_catalogue(root)
    assert read_history(catalogue, root) == History()
