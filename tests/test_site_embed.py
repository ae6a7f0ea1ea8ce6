"""Embedding in a town website, in real headless Chromium: a host page on one origin pastes the snippet, the
catalogue is served from another; the right fiche and list show, in the host's styles, and the snippet asks
nothing of anyone but the catalogue."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from browser import QuietHandler, serve
from catalogus.site import urls
from exported import demo_catalogue
from test_site_quality import axe_violations

PHONE, DESKTOP = {"width": 375, "height": 812}, {"width": 1280, "height": 900}
HOST_PAGE = """<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Gemeentelijke website</title>
<style>
  body {{ font-family: Georgia, serif; max-width: 44rem; margin: 0 auto; padding: 1rem; }}
  .catalogus-titel {{ color: rgb(0, 100, 0); }}
  table {{ border-collapse: collapse; }} th, td {{ border: 1px solid #999; padding: .2rem .4rem; text-align: left; }}
</style></head>
<body>
<h1>Website van de gemeente</h1>
<p>Uitleg van de gemeente zelf.</p>
<div id="fiche" data-catalogus="leefloon"></div>
<div id="lijst" data-catalogus="loket/onthaal-ocmw"></div>
<div id="fout" data-catalogus="bestaat-niet"></div>
<script src="{catalogue}{script}" defer></script>
</body>
</html>
"""


class CatalogueHandler(QuietHandler):
    """The catalogue as GitHub Pages serves it: static files, readable from other origins (CORS)."""

    def end_headers(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()


@pytest.fixture(scope="module")
def catalogue_url(site_dir: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CatalogueHandler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def host_url(tmp_path_factory, catalogue_url: str) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("gemeente")
    (folder / "index.html").write_text(HOST_PAGE.format(catalogue=catalogue_url, script=urls.EMBED_SCRIPT), encoding="utf-8")
    server, url = serve(folder)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture
def host(chromium, host_url: str):
    context = chromium.new_context()
    tab = context.new_page()
    tab.requested = []
    context.on("request", lambda request: tab.requested.append(request.url))
    yield tab
    context.close()


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _loaded(tab, host_url: str) -> None:
    tab.goto(host_url)
    tab.wait_for_function("() => document.querySelectorAll('[data-catalogus-status]').length === 3", timeout=15_000)


@pytest.mark.browser
def test_snippet_shows_the_fiche_and_the_list_in_the_host_page(host, host_url, catalogue_url):
    _loaded(host, host_url)
    fiche = host.locator("#fiche")
    assert fiche.get_attribute("data-catalogus-status") == "klaar"
    assert fiche.locator("h2").inner_text() == "Leefloon"
    assert "Onthaal OCMW" in fiche.inner_text()
    assert fiche.locator("h2").evaluate("el => getComputedStyle(el).color") == "rgb(0, 100, 0)"  # the host's style
    full = fiche.locator("a", has_text="Bekijk de volledige fiche")
    assert full.get_attribute("href") == catalogue_url + "products/leefloon/"
    catalogue = demo_catalogue()
    expected = [catalogue.product(i).record.titel for i in catalogue.by_loket["onthaal-ocmw"]]
    assert host.locator("#lijst li > a").all_inner_texts() == expected
    assert host.locator("#fout").get_attribute("data-catalogus-status") == "fout"
    assert "niet geladen" in host.locator("#fout").inner_text()


@pytest.mark.browser
def test_snippet_asks_nothing_outside_the_catalogue(host, host_url, catalogue_url):
    _loaded(host, host_url)
    host.wait_for_load_state("networkidle")
    others = [url for url in host.requested if url != host_url]
    assert others, "the snippet made no request at all"
    assert {_origin(url) for url in others} == {_origin(catalogue_url)}, host.requested
    assert _origin(host_url) != _origin(catalogue_url)


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "1280px"])
def test_host_page_and_dashboard_fit_the_screen(host, host_url, catalogue_url, screenshot_dir, viewport):
    host.set_viewport_size(viewport)
    _loaded(host, host_url)
    host.screenshot(path=screenshot_dir / f"embed-host-{viewport['width']}px.png", full_page=True)
    assert host.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"]
    assert axe_violations(host) == []
    host.goto(catalogue_url + "beleid/")
    host.screenshot(path=screenshot_dir / f"beleid-{viewport['width']}px.png", full_page=True)
    assert host.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"]
    assert axe_violations(host) == []
    assert {_origin(url) for url in host.requested} <= {_origin(host_url), _origin(catalogue_url)}


def test_embed_pages_are_bare(site_dir):
    for entry in demo_catalogue().products:
        html = (site_dir / urls.embed_page(entry.id)).read_text(encoding="utf-8")
        assert "data-catalogus-inhoud" in html and f">{entry.record.titel}</h2>" in html.replace("&#39;", "'")
        for forbidden in ("<script", "<style", "stylesheet", "style="):
            assert forbidden not in html, (entry.id, forbidden)
