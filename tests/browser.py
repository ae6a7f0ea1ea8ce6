"""Helpers to build, serve and drive the citizen site in headless Chromium; used by the tests and the benchmark.

The search helpers watch mkdocs-material's search worker from inside the page (SEARCH_PROBE): when its index is
ready, how many queries the page sent and how many results came back, so a test reads the results of the query it
typed, never those of a half-typed one, and the benchmark can time readiness and first results.
"""

from __future__ import annotations

import functools
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from factories import CLI, TOWN

REPO = Path(__file__).resolve().parents[1]
TODAY = "2026-11-26"
QUERIES = Path(__file__).with_name("search_queries.yml")  # keywords, as people type them
QUESTIONS = Path(__file__).with_name("search_questions.yml")  # whole questions, as people ask them
PHRASED = Path(__file__).with_name("search_phrased.yml")  # own words, typos, compounds; a half held out (issue 21)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SEARCH_BOX = "input.md-search__input"
RESULT_ITEMS = "li.md-search-result__item"

# Material's worker messages: 0 setup, 1 ready, 2 query, 3 result (integrations/search/worker/message).
SEARCH_PROBE = """
(() => {
  const probe = window.__search = {ready: null, posted: 0, received: 0};
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", ({data}) => {
        if (data && data.type === 1) probe.ready = performance.now();
        if (data && data.type === 3) probe.received += 1;
      });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) probe.posted += 1;
      return super.postMessage(message, ...rest);
    }
  };
})();
"""


def town_option(root: Path) -> list[str]:
    """The demo repository holds a region: its tests build the first town; a test project is one town."""
    return ["--gemeente", TOWN] if (root / "gemeenten").is_dir() else []


def build_site(root: Path, target: Path, today: str = TODAY) -> subprocess.CompletedProcess:
    """Run the real `catalogus build`, as an editor or CI does."""
    command = [*CLI, "--root", str(root), *town_option(root), "build", "--today", today, "--site-dir", str(target)]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=900)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(directory: Path) -> tuple[ThreadingHTTPServer, str]:
    """Serve `directory` on a free port of 127.0.0.1 from a thread; returns the server and its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@contextmanager
def new_tab(chromium, site_url: str) -> Iterator:
    """A fresh tab in its own context, with the search probe; every URL it requests is kept in `tab.requested`."""
    context = chromium.new_context(base_url=site_url)
    context.add_init_script(SEARCH_PROBE)
    tab = context.new_page()
    tab.requested = []
    context.on("request", lambda request: tab.requested.append(request.url))
    try:
        yield tab
    finally:
        context.close()


def search_queries(path: Path = QUERIES) -> list[dict[str, str]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def search_questions() -> list[dict[str, str]]:
    return search_queries(QUESTIONS)


def search_phrased() -> list[dict[str, str]]:
    return search_queries(PHRASED)


def page_id(url: str) -> str:
    """The id a page is published under: the last part of its path ('…/leefloon/' or '…/leefloon.html')."""
    path = urlsplit(url).path.removesuffix("index.html").strip("/")
    return path.rsplit("/", 1)[-1].removesuffix(".html")


def wait_for_search(page, timeout: float = 30_000) -> None:
    """Start the search as a visitor does (it starts on first use, catalogus-zoekstart.js) and wait until it is ready."""
    page.locator(SEARCH_BOX).focus()
    page.wait_for_function("() => window.__search && window.__search.ready !== null", timeout=timeout)


def search(page, query: str) -> list[str]:
    """Type `query` into the search box as a citizen does; the ids of the result pages, best first."""
    box = page.locator(SEARCH_BOX)
    if not box.is_visible():
        page.locator("label[for='__search']").first.click()
    posted = page.evaluate("() => window.__search.posted")
    box.fill("")
    box.press("Backspace")
    box.press_sequentially(query)
    return results_after(page, posted)


def results_after(page, posted: int) -> list[str]:
    """Once every query sent after the first `posted` ones has its answer: the ids of the result pages shown."""
    page.wait_for_function(
        "n => window.__search.posted > n && window.__search.posted === window.__search.received", arg=posted
    )
    page.evaluate("() => new Promise(requestAnimationFrame)")
    hrefs = page.eval_on_selector_all(RESULT_ITEMS, "items => items.map(item => item.querySelector('a').href)")
    return [page_id(href) for href in hrefs]


class Shown(HTMLParser):
    """What a reader sees or hears: text, and the attributes browsers and screen readers show (no script)."""

    SHOWN = ("aria-label", "title", "placeholder", "alt", "content")

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")
        named = dict(attrs).get("name") or dict(attrs).get("property") or ""
        if tag == "meta" and not named.endswith(("title", "description")):
            return  # og:type "website", viewport, generator: for machines
        self.parts += [v for k, v in attrs if k in self.SHOWN and v]

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style") and self._skip > 0

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def shown_text(html: str) -> str:
    parser = Shown()
    parser.feed(html)
    return "\n".join(parser.parts)
