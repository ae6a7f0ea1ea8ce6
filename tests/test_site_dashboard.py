"""The policy dashboard: its numbers equal a count made here straight from the content files (YAML read
independently of the catalogue), its charts are accessible SVG, and it stays out of navigation and search."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter, defaultdict
from html.parser import HTMLParser
from pathlib import Path

import yaml
from dateutil.relativedelta import relativedelta

from browser import REPO, TODAY
from catalogus.site import urls
from exported import demo_exports, export_catalogue
from factories import TOWN, fiche, make_project

DAY = dt.date.fromisoformat(TODAY)


class Tables(HTMLParser):
    """Collects {table: {row key: [cell texts]}} from the dashboard's data tables, and the gap counts."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, dict[str, list[str]]] = defaultdict(dict)
        self.gaps: dict[str, int] = {}
        self._table = self._row = self._gap = None
        self._cells: list[str] = []
        self._in_cell = self._in_count = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self._table = a.get("data-tabel")
        elif tag == "tr" and self._table and ("data-sleutel" in a or "data-eigenaar" in a):
            self._row, self._cells = a.get("data-sleutel") or a["data-eigenaar"], []
        elif tag in ("td", "th") and self._row:
            self._in_cell = True
            self._cells.append("")
        elif tag == "li" and "data-ontbreekt" in a:
            self._gap = a["data-ontbreekt"]
        elif tag == "span" and "data-aantal" in a:
            self._in_count = True

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self._in_cell = False
        elif tag == "tr" and self._row:
            self.tables[self._table][self._row] = self._cells
            self._row = None
        elif tag == "span":
            self._in_count = False

    def handle_data(self, data):
        if self._in_cell:
            self._cells[-1] += data
        if self._in_count and self._gap:
            self.gaps[self._gap] = int(data)


def _parse(site: Path) -> Tables:
    tables = Tables()
    tables.feed((site / urls.DASHBOARD).read_text(encoding="utf-8"))
    return tables


def _front_matter(path: Path, local: Path) -> dict:
    """The fiche's front-matter with its local layer (lokaal/<id>.yml) over it, as the site shows it."""
    text = path.read_text(encoding="utf-8-sig")
    data = yaml.safe_load(text.split("---", 2)[1])
    return {**data, **(yaml.safe_load(local.read_text(encoding="utf-8")) if local.exists() else {})}


def _blob(path: Path) -> str:
    """git's object id of a file (git hash-object), shortened as the towns record it."""
    data = path.read_bytes()
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()[:12]


def _independent_count(root: Path, today: dt.date) -> dict:
    """For a single-town project (its own fiches) or a region's town (the shared fiches it adopted and offers)."""
    town = root / "gemeenten" / TOWN if (root / "gemeenten").is_dir() else root
    settings = yaml.safe_load((town / "catalogus.yml").read_text(encoding="utf-8"))
    local = town / "content" / "lokaal"
    if town == root:
        fiches = [_front_matter(p, local / f"{p.stem}.yml") for p in sorted((root / "content" / "products").glob("*.md"))]
    else:
        fiches = [_front_matter(root / "gedeeld" / "products" / f"{p.stem}.md", p) for p in sorted(local.glob("*.yml"))]
        fiches = [f for f in fiches if f.get("aangeboden") is not False and "IN TE VULLEN" not in str(f)]
    per = {name: Counter() for name in ("loketten", "doelgroepen", "themas", "levensgebeurtenissen", "dienstverleningsniveaus")}
    review: dict[str, Counter] = defaultdict(Counter)
    gaps = Counter()
    names = {**settings.get("namen", {}), "gemeente": settings["gemeente"], "organisatie": settings["organisatie"]}
    for data in fiches:
        for loket in {data.get("loket"), *data.get("andere_loketten", [])} - {None}:
            per["loketten"][loket] += 1
        for field in ("doelgroepen", "themas", "levensgebeurtenissen"):
            per[field].update(set(data.get(field, [])))
        per["dienstverleningsniveaus"][data.get("dienstverleningsniveau", "reactief")] += 1
        months = data.get("nakijken_elke_maanden") or settings["nakijken"]["interval_maanden"]
        due = dt.date.fromisoformat(str(data["laatst_nagekeken"])) + relativedelta(months=months)
        status = "verlopen" if due < today else ("binnenkort" if due <= today + dt.timedelta(days=30) else "actueel")
        owner = re.sub(r"\$([a-z_]+)", lambda m: names[m.group(1)], data["eigenaar"])  # $dienstencentrum and the like
        review[owner][status] += 1
        gaps["formulier"] += not data.get("formulieren")
        gaps["kostprijs"] += "kostprijs" not in data
        gaps["stappen"] += not data.get("stappen")
        gaps["regelgeving"] += not data.get("regelgeving")
        shared = root / "gedeeld" / "products" / f"{data['id']}.md"
        gaps["herzien"] += "gedeelde_versie" in data and data["gedeelde_versie"] != _blob(shared)
    return {"per": per, "review": review, "gaps": gaps, "total": len(fiches)}


def test_dashboard_numbers_equal_an_independent_count():
    site = demo_exports()
    shown = _parse(site)
    expected = _independent_count(REPO, DAY)
    for name, counts in expected["per"].items():
        table = {key: int(cells[1]) for key, cells in shown.tables[name].items()}
        assert {k: v for k, v in table.items() if v} == dict(counts), name
    vocab = yaml.safe_load((REPO / "vocabularies.yml").read_text(encoding="utf-8"))
    assert set(shown.tables["themas"]) == set(vocab["themas"])  # terms without fiches are shown too: gaps
    review = {owner: dict(zip(("actueel", "binnenkort", "verlopen", "totaal"), map(int, cells[1:]), strict=True))
              for owner, cells in shown.tables["nazicht"].items()}
    assert review == {owner: {"actueel": c["actueel"], "binnenkort": c["binnenkort"], "verlopen": c["verlopen"],
                              "totaal": sum(c.values())} for owner, c in expected["review"].items()}
    assert shown.gaps == dict(expected["gaps"])
    assert sum(sum(c.values()) for c in expected["review"].values()) == expected["total"]


def test_review_status_edges(tmp_path):
    make_project(tmp_path, [
        fiche(id="nieuw", titel="Nieuw", laatst_nagekeken="2026-10-01"),
        fiche(id="bijna", titel="Bijna", laatst_nagekeken="2025-12-26"),  # due 2026-12-26: in 30 days
        fiche(id="net-niet", titel="Net niet", laatst_nagekeken="2025-12-27"),  # due in 31 days
        fiche(id="te-laat", titel="Te laat", laatst_nagekeken="2025-11-20"),  # due 6 days ago
    ])
    _, site = export_catalogue(tmp_path)
    cells = _parse(site).tables["nazicht"]["Woonloket"]
    assert cells[1:] == ["2", "1", "1", "4"]
    assert _independent_count(tmp_path, DAY)["review"]["Woonloket"] == Counter(actueel=2, binnenkort=1, verlopen=1)


def test_charts_are_accessible_svg_and_the_page_stays_out_of_search(site_dir):
    html = (site_dir / urls.DASHBOARD).read_text(encoding="utf-8")
    svgs = re.findall(r"<svg\b[^>]*>.*?</svg>", html, re.S)
    assert len(svgs) == 5
    for svg in svgs:
        assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg and "aria-labelledby=" in svg
    assert "<script" not in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not any(doc["location"].startswith("beleid") for doc in index["docs"])
    assert "beleid/" not in (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert "beleid/" not in (site_dir / "index.html").read_text(encoding="utf-8")
