"""The Atom feed: change dates from one `git log` pass, the review date when git does not know a fiche."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from xml.etree import ElementTree as ET

from catalogus.load.history import change_dates, read_history
from catalogus.opendata import layout
from exported import demo_exports, export_catalogue
from factories import fiche, git, instance_values, make_project, make_region, write_local

ATOM = "{http://www.w3.org/2005/Atom}"



def _entries(site: Path) -> list[tuple[str, str]]:
    root = ET.fromstring((site / layout.FEED).read_text(encoding="utf-8"))
    return [(e.findtext(f"{ATOM}title"), e.findtext(f"{ATOM}updated")) for e in root.iter(f"{ATOM}entry")]


def _project(root: Path) -> Path:
    make_project(root, [
        fiche(),
        fiche(id="poetsdienst", titel="Poetsdienst", laatst_nagekeken="2026-06-01"),
        fiche(id="reispas", titel="Reispas", laatst_nagekeken="2026-09-01"),
    ])
    return root


def test_feed_uses_git_dates_and_falls_back_to_the_review_date(tmp_path):
    root = _project(tmp_path)
    git(root, "init", "-q")
    git(root, "add", "content/products/huurpremie.md", "content/products/poetsdienst.md")
    git(root, "commit", "-qm", "eerste", day="2026-03-02")
    path = root / "content" / "products" / "poetsdienst.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nNog een zin.\n", encoding="utf-8")
    git(root, "commit", "-qam", "tweede", day="2026-11-20")
    catalogue, site = export_catalogue(root)
    assert change_dates(catalogue, root) == {
        "huurpremie": (dt.date(2026, 3, 2), dt.date(2026, 3, 2)),
        "poetsdienst": (dt.date(2026, 3, 2), dt.date(2026, 11, 20)),
    }
    assert _entries(site) == [
        ("Poetsdienst", "2026-11-20T00:00:00Z"),
        ("Reispas", "2026-09-01T00:00:00Z"),  # not committed: its laatst_nagekeken
        ("Huurpremie", "2026-03-02T00:00:00Z"),
    ]


def test_feed_without_git_uses_review_dates_and_is_deterministic(tmp_path):
    (tmp_path / "zonder-git").mkdir()
    root = _project(tmp_path / "zonder-git")
    _, site = export_catalogue(root)
    first = (site / layout.FEED).read_bytes()
    assert [title for title, _ in _entries(site)] == ["Huurpremie", "Reispas", "Poetsdienst"]
    _, again = export_catalogue(root)
    assert (again / layout.FEED).read_bytes() == first


def test_demo_feed_is_valid_atom():
    root = ET.fromstring((demo_exports() / layout.FEED).read_text(encoding="utf-8"))
    assert root.tag == f"{ATOM}feed"
    for required in ("title", "id", "updated"):
        assert root.findtext(f"{ATOM}{required}")
    entries = list(root.iter(f"{ATOM}entry"))
    assert 0 < len(entries) <= 50
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids)
    dates = [e.findtext(f"{ATOM}updated") for e in entries]
    assert dates == sorted(dates, reverse=True)


def test_a_change_in_the_town_s_local_file_is_a_change_of_the_fiche(tmp_path):
    """A commit that only changes the town's price (its local file) dates the fiche's page, its feed entry (with
    what changed) and its IPDC dateModified."""
    root = make_region(tmp_path / "regio", [fiche(), fiche(id="reispas", titel="Reispas")],
                       {"noord": {"huurpremie": instance_values(), "reispas": instance_values()}})
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "Catalogus", day="2026-03-02")
    price = instance_values(kostprijs={"gratis": True, "toelichting": "De aanvraag is gratis."})
    write_local(root / "gemeenten" / "noord", "huurpremie", price, root)
    git(root, "commit", "-qam", "Nieuwe prijs voor de huurpremie", day="2026-11-20")
    catalogue, site = export_catalogue(root)
    history = read_history(catalogue, root)
    assert history.changed_or_reviewed(catalogue.by_id["huurpremie"]) == dt.date(2026, 11, 20)  # "laatst gewijzigd"
    assert history.changed_or_reviewed(catalogue.by_id["reispas"]) == dt.date(2026, 3, 2)
    feed = ET.fromstring((site / layout.FEED).read_text(encoding="utf-8"))
    entries = {e.findtext(f"{ATOM}title"): e for e in feed.iter(f"{ATOM}entry")}
    assert entries["Huurpremie"].findtext(f"{ATOM}updated") == "2026-11-20T00:00:00Z"
    assert "Nieuwe prijs" not in ET.tostring(feed, encoding="unicode")  # a commit message is for staff only
    assert entries["Reispas"].findtext(f"{ATOM}updated") == "2026-03-02T00:00:00Z"
    ipdc = json.loads((site / layout.IPDC).read_text(encoding="utf-8"))
    modified = [node["schema:dateModified"] for node in ipdc["@graph"]
                if "huurpremie" in str(node.get("@id", "")) and "schema:dateModified" in node]
    assert [value["@value"] if isinstance(value, dict) else value for value in modified] == ["2026-11-20T00:00:00Z"], modified
