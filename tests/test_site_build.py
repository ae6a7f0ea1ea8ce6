"""`catalogus build` end to end on a small catalogue, without a browser: what lands in site/."""

from __future__ import annotations

import contextlib
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from catalogus.build import build_site
from catalogus.cli import main
from site_examples import LOKETTEN, PRODUCTS, TODAY, make_catalogue

SECTION_ORDER = [
    "In het kort", "Wat is het?", "Voor wie?", "Voorwaarden", "Wat kost het?", "Wat meebrengen?", "Hoe aanvragen?",
    "Formulieren", "Bij wie terecht?", "Meer informatie", "Regelgeving", "Verwante producten", "Meer over",
]


class PageParser(HTMLParser):
    """The few things the tests read from a page: h1/h2 texts, fiche lists, head metadata."""

    def __init__(self, html: str):
        super().__init__()
        self.h1: list[str] = []
        self.h2: list[str] = []
        self.listed: list[str] = []
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self._text: list[str] | None = None
        self._in_list = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("h1", "h2"):
            self._text = getattr(self, tag)
            self._text.append("")
        if tag == "ul" and "catalogus-lijst" in (attrs.get("class") or ""):
            self._in_list += 1
        if tag == "a" and self._in_list:
            self.listed.append(attrs["href"])
        if tag == "meta" and attrs.get("name"):
            self.meta[attrs["name"]] = attrs.get("content", "")
        if tag == "link" and attrs.get("rel"):
            self.links[attrs["rel"]] = attrs["href"]

    def handle_endtag(self, tag):
        if tag in ("h1", "h2"):
            self._text = None
        if tag == "ul" and self._in_list:
            self._in_list -= 1

    def handle_data(self, data):
        if self._text is not None:
            self._text[-1] += data.strip()


def build(root: Path, site: Path) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = build_site(root, TODAY, site)
    return code, out.getvalue()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = make_catalogue(tmp_path_factory.mktemp("project"))
    code, output = build(root, root / "site")
    assert code == 0, output
    return root / "site"


def page(site: Path, path: str) -> PageParser:
    return PageParser((site / path / "index.html").read_text(encoding="utf-8"))


def test_every_valid_fiche_has_exactly_one_page(built):
    pages = sorted(p.parent.name for p in (built / "products").glob("*/index.html"))
    assert pages == sorted(f["id"] for f in PRODUCTS)
    for data in PRODUCTS:
        assert page(built, f"products/{data['id']}").h1 == [data["titel"]]


def test_the_build_leaves_no_staging_folder(built):
    assert [p.name for p in built.parent.iterdir() if p.name.startswith(".site")] == []


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("doelgroepen/laag-inkomen", {"huurpremie", "schuldhulp-caw"}),
        ("themas/zorg-thuis", {"poetsdienst"}),
        ("loketten/onthaal-ocmw", {"huurpremie", "poetsdienst"}),
        ("a-z", {f["id"] for f in PRODUCTS}),
    ],
)
def test_browse_pages_list_exactly_the_right_fiches(built, path, expected):
    listed = page(built, path).listed
    assert len(listed) == len(expected)
    assert {href.rstrip("/").rsplit("/", 1)[-1] for href in listed} == expected


def test_fiche_sections_come_in_the_fixed_order_and_empty_ones_are_left_out(built):
    headings = page(built, "products/huurpremie").h2
    assert headings == [h for h in SECTION_ORDER if h in headings]
    assert {"Wat is het?", "Voorwaarden", "Hoe aanvragen?", "Bij wie terecht?", "Verwante producten"} <= set(headings)
    assert "Wat meebrengen?" not in headings
    external = page(built, "products/schuldhulp-caw").h2
    assert "Wat is het?" not in external and "Wat kost het?" not in external and "Bij wie terecht?" in external


def test_fiche_metadata_canonical_url_and_json_ld(built):
    html = (built / "products/poetsdienst/index.html").read_text(encoding="utf-8")
    parsed = PageParser(html)
    data = next(f for f in PRODUCTS if f["id"] == "poetsdienst")
    assert parsed.meta["description"] == data["samenvatting"]
    assert parsed.links["canonical"] == "https://sociaalhuis.harelbeke.example/products/poetsdienst/"
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    service = json.loads(script)
    assert service["@type"] == "GovernmentService" and service["url"] == parsed.links["canonical"]
    assert "€\u00a09,50" in html
    assert "/edit/" not in html and "md-content__button" not in html  # no edit link for citizens


def test_search_index_has_one_entry_per_fiche_loket_and_life_event_and_no_other_page(built):
    index = json.loads((built / "search/search_index.json").read_text(encoding="utf-8"))
    expected = [f"products/{f['id']}/" for f in PRODUCTS] + [f"loketten/{lk['id']}/" for lk in LOKETTEN]
    expected += [
        f"levensgebeurtenissen/{key}/" for key in sorted({k for f in PRODUCTS for k in f.get("levensgebeurtenissen", [])})
    ]
    assert sorted(doc["location"] for doc in index["docs"]) == sorted(expected)
    fiche = next(doc for doc in index["docs"] if doc["location"] == f"products/{PRODUCTS[0]['id']}/")
    assert "vier jaar" in fiche["text"] and "**" not in fiche["text"]  # voor wie, rendered
    assert index["config"]["pipeline"][0] == "stemmer"
    fields = index["config"]["fields"]
    assert fields["title"]["boost"] > fields["tags"]["boost"] > fields["text"]["boost"]
    poets = next(doc for doc in index["docs"] if doc["location"] == "products/poetsdienst/")
    assert poets["tags"] == ["poetshulp", "kuishulp"] and poets["title"] == "Poetsdienst"


def test_pages_load_stemming_search_worker_and_nothing_from_elsewhere(built):
    for html_file in built.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert not re.search(r'<(?:script|img|iframe)[^>]*src="(?:https?:)?//', html), html_file
        assert not re.search(r'<link(?![^>]*rel="canonical")[^>]*href="(?:https?:)?//', html), html_file
    home = (built / "index.html").read_text(encoding="utf-8")
    assert "workers/catalogus-search.js?material=search." in home
    assert (built / "assets/javascripts/workers/catalogus-search.js").exists()


def test_sitemap_lists_each_fiche_with_its_review_date(built):
    sitemap = (built / "sitemap.xml").read_text(encoding="utf-8")
    for data in PRODUCTS:
        assert f"/products/{data['id']}/</loc>\n         <lastmod>{data['laatst_nagekeken']}</lastmod>" in sitemap


def test_sample_content_banner(built):
    assert "Voorbeeldsite:" in (built / "index.html").read_text(encoding="utf-8")


def test_a_broken_fiche_fails_the_build_with_the_checkers_report_and_leaves_no_site(tmp_path):
    root = make_catalogue(tmp_path)
    site = root / "site"
    assert build(root, site)[0] == 0 and site.exists()
    fiche = root / "content/products/poetsdienst.md"
    fiche.write_text(fiche.read_text(encoding="utf-8").replace("- zorg-thuis", "- zorgthuis"), encoding="utf-8")
    code, output = build(root, site)
    assert code == 1
    assert "content/products/poetsdienst.md" in output and "'zorgthuis' staat niet in de lijst 'themas'" in output
    assert not site.exists()


def test_a_step_that_fails_after_mkdocs_leaves_no_half_written_site(tmp_path, monkeypatch):
    """The exports are written after mkdocs: if they fail, the pages already in the staging folder are not published."""
    root = make_catalogue(tmp_path)
    site = root / "site"

    def broken_exports(*args, **kwargs):
        raise RuntimeError("export stuk")

    monkeypatch.setattr("catalogus.build.write_exports", broken_exports)
    with pytest.raises(RuntimeError, match="export stuk"):
        build(root, site)
    assert not site.exists()
    assert [p.name for p in root.iterdir() if p.name.startswith(".site")] == []


def test_cli_build_refuses_a_site_dir_that_holds_the_project(tmp_path):
    (tmp_path / "project").mkdir()
    root = make_catalogue(tmp_path / "project")
    assert main(["--root", str(root), "build", "--today", TODAY.isoformat(), "--site-dir", str(tmp_path)]) == 2
    assert (root / "catalogus.yml").exists()
