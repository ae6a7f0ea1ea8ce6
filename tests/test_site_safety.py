"""The site is safe on its own: hostile text renders inert in Chromium, and only generated files are published.

Two kinds of hostile input. Text the checker accepts (code, entities, angle brackets, quotes) goes through the
real `catalogus build`. Settings and vocabulary values are put into an already checked Catalogue, so these
tests hold whatever the checker of catalogus.yml and vocabularies.yml accepts: the renderer and the templates
must make them inert by themselves. Every payload would set window.__pwned if it ran.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from browser import new_tab, serve
from catalogus.build import publish
from catalogus.check.pipeline import check
from catalogus.model.catalogue import BROWSE_FIELDS, Catalogue
from catalogus.model.vocabulary import Term
from catalogus.site import urls
from catalogus.site.editor import ASSETS as EDITOR_ASSETS
from catalogus.site.urls import STAFF as EDITOR
from factories import REPO, write
from site_examples import PRODUCTS as EXAMPLE_PRODUCTS
from site_examples import TODAY, make_catalogue

PWN = "window.__pwned"
PAYLOAD = f'<script>{PWN}="script"</script><img src=x onerror="{PWN}=\'img\'"><svg onload="{PWN}=\'svg\'">'
FOCUS = f'<x:y autofocus tabindex=1 onfocus="{PWN}=\'focus\'">focus</x:y>'
# Accepted by the checker: code, entities and angle brackets that are not tags; quotes in a link title.
ACCEPTED_BODY = f"""Tekst met `<img src=x onerror="{PWN}='code'">` in code.

```html
<script>{PWN} = "fence"</script>
```

&lt;script&gt;{PWN}="entity"&lt;/script&gt; en 3 < 4 > 2 en a<b.

[Een veilige link](https://www.vlaanderen.be "titel \\" onmouseover=\\"{PWN}='titel'")
"""
HOSTILE_TITLE = "Huurpremie & 'vlug' \"nu\" < 5"


def _hostile(catalogue: Catalogue) -> Catalogue:
    """Hostile settings and vocabulary values, put in after the check (model_copy does not validate)."""
    config = catalogue.config.model_copy(
        update={
            "site_naam": f"Catalogus </title>{PAYLOAD}",
            "site_omschrijving": f"Alles **hier** {PAYLOAD} {FOCUS} [klik](javascript:{PWN}=1)",
        }
    )
    vocab = catalogue.vocabularies
    doelgroepen = {
        key: Term.model_construct(label=f"{term.label} <b onclick=\"{PWN}=1\">x</b>", ipdc=term.ipdc, uitleg=f"{PAYLOAD} {FOCUS}")
        for key, term in vocab.doelgroepen.items()
    }
    levels = {
        key: Term.model_construct(label=term.label, ipdc=term.ipdc, uitleg=f"[uitleg](javascript:{PWN}=1) {PAYLOAD}")
        for key, term in vocab.dienstverleningsniveaus.items()
    }
    vocab = vocab.model_copy(update={"doelgroepen": doelgroepen, "dienstverleningsniveaus": levels})
    return dataclasses.replace(catalogue, config=config, vocabularies=vocab)


def _publish(root: Path, catalogue: Catalogue, site: Path) -> tuple[bool, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        built = publish(root, TODAY, catalogue, site)
    return built, out.getvalue()


PLANTED = {
    "content/products/x.html": f"<script>{PWN}='planted'</script>",
    "content/assets/javascripts/catalogus.js": f"{PWN} = 'replaced';",
    "content/notities.txt": "niet publiceren",
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> tuple[Path, Catalogue]:
    root = make_catalogue(tmp_path_factory.mktemp("hostile"))
    write(root / "content/products/huurpremie.md", {**EXAMPLE_PRODUCTS[0], "titel": HOSTILE_TITLE}, ACCEPTED_BODY)
    result = check(root, TODAY)
    assert not result.errors, [f.message for f in result.errors]
    for name, text in PLANTED.items():  # after the check: whatever the checker says about them, none is published
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    catalogue = _hostile(result.catalogue)
    built, output = _publish(root, catalogue, root / "site")
    assert built, output
    return root / "site", catalogue


def _implied_pages(catalogue: Catalogue) -> set[str]:
    """The HTML files the catalogue calls for, worked out from the catalogue, not from the page list."""
    pages = {"index.html", "404.html", "a-z/index.html", "loketten/index.html"}
    pages |= {f"{name}/index.html" for name in BROWSE_FIELDS}
    pages |= {f"loketten/{entry.id}/index.html" for entry in catalogue.loketten}
    pages |= {f"products/{entry.id}/index.html" for entry in catalogue.products}
    for name in BROWSE_FIELDS:
        pages |= {f"{name}/{key}/index.html" for key, ids in catalogue.by_term[name].items() if ids}
    return pages


def _implied_exports(catalogue: Catalogue) -> set[str]:
    """The open data, embeds and dashboard the catalogue calls for (the paths the README documents)."""
    files = {
        f"data/{name}" for name in ("catalogus.json", "catalogus.csv", "cpsv-ap.jsonld", "ipdc-lpdc.jsonld", "wijzigingen.xml")
    }
    files |= {f"schemas/{p.name}" for p in (REPO / "schemas").glob("*.json")}
    files |= {"schemas/catalogus.schema.json", "schemas/fiche-data.schema.json", "schemas/loket-data.schema.json"}
    files |= {"embed/catalogus-embed.js", "beleid/index.html"}
    for entry in catalogue.products:
        files |= {f"data/fiches/{entry.id}.json", f"embed/{entry.id}/index.html"}
    files |= {f"embed/lijst/loket/{key}/index.html" for key in catalogue.by_loket}
    for kind, field in (("doelgroep", "doelgroepen"), ("thema", "themas"), ("levensgebeurtenis", "levensgebeurtenissen")):
        files |= {f"embed/lijst/{kind}/{key}/index.html" for key in catalogue.by_term[field]}
    return files


def _theme_assets() -> set[str]:
    """Static files of the frame: Material's assets and ours (overrides/assets), as mkdocs copies them."""
    import material

    assets = set()
    for folder in (Path(material.__file__).parent / "templates", REPO / "overrides"):
        assets |= {
            p.relative_to(folder).as_posix()
            for p in (folder / "assets").rglob("*")
            if p.is_file() and not p.name.startswith(".")
        }
    return assets


def test_the_site_holds_only_files_the_build_generated(hostile_site):
    site, catalogue = hostile_site
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    editor = {f"{EDITOR}/{name}" for name in ("index.html", "fiches.json", *EDITOR_ASSETS)}  # staff page /redactie/
    frame = {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "robots.txt", "waar-heb-ik-recht-op/index.html",
             "assets/javascripts/workers/catalogus-zoekwoorden.js"}  # the citizen words for the search worker
    expected = _implied_pages(catalogue) | _theme_assets() | editor | _implied_exports(catalogue) | frame
    assert files - expected == set(), "bestanden die de build niet maakte"
    assert expected - files == set(), "pagina's die de catalogus vraagt maar ontbreken"
    script = (site / "assets/javascripts/catalogus.js").read_text(encoding="utf-8")
    assert script == (REPO / "overrides/assets/javascripts/catalogus.js").read_text(encoding="utf-8")


class ScriptFinder(HTMLParser):
    """Everything in a page that could run: script elements, on* attributes, script URLs, svg and the like."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "svg", "iframe", "object", "embed", "form") or ":" in tag:
            self.found.append(f"<{tag} {sorted(attrs)}>")
        for name, value in attrs:
            if name.startswith("on") or re.match(r"\s*(javascript|data|vbscript):", value or "", re.I):
                self.found.append(f"<{tag} {name}={value}>")


def _runnable(path: Path) -> list[str]:
    finder = ScriptFinder()
    finder.feed(path.read_text(encoding="utf-8"))
    return finder.found


def test_hostile_text_adds_nothing_that_could_run(hostile_site, tmp_path):
    """Page by page, the hostile site has exactly the scripts, svgs and forms of the same site built clean."""
    site, _ = hostile_site
    clean_root = make_catalogue(tmp_path)
    built, output = _publish(clean_root, check(clean_root, TODAY).catalogue, clean_root / "site")
    assert built, output
    for path in sorted(site.rglob("*.html")):
        name = path.relative_to(site).as_posix()
        assert _runnable(path) == _runnable(clean_root / "site" / name), name


def test_a_key_that_is_no_slug_stops_the_build_and_writes_nothing_outside(tmp_path):
    (tmp_path / "project").mkdir()
    root = make_catalogue(tmp_path / "project")
    catalogue = check(root, TODAY).catalogue
    key = "../../../../buiten"
    vocab = catalogue.vocabularies
    doelgroepen = {**vocab.doelgroepen, key: Term.model_construct(label="Buiten", ipdc="Burger", uitleg=None)}
    by_term = {**catalogue.by_term, "doelgroepen": {**catalogue.by_term["doelgroepen"], key: ("huurpremie",)}}
    catalogue = dataclasses.replace(
        catalogue, vocabularies=vocab.model_copy(update={"doelgroepen": doelgroepen}), by_term=by_term
    )
    built, output = _publish(root, catalogue, tmp_path / "project" / "site")
    assert not built and "kan geen deel van een webadres zijn" in output
    assert not (tmp_path / "buiten").exists() and not list(tmp_path.rglob("buiten*"))


@pytest.mark.parametrize("key", ["../x", 'a"b', "a b", "A", "x/y", "", "é"])
def test_urls_refuse_keys_that_are_no_slug(key):
    with pytest.raises(urls.UnsafePath):
        urls.term("doelgroepen", key)


# --- in Chromium ------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_url(hostile_site):
    server, url = serve(hostile_site[0])
    yield url
    server.shutdown()
    server.server_close()


HOSTILE_PAGES = ["", "products/huurpremie/", "products/poetsdienst/", "doelgroepen/huurders/", "doelgroepen/", "a-z/",
                 "loketten/woonloket/"]


@pytest.mark.browser
@pytest.mark.parametrize("path", HOSTILE_PAGES)
def test_no_script_runs_on_a_page_built_from_hostile_text(chromium, hostile_url, path):
    with new_tab(chromium, hostile_url) as tab:
        dialogs, messages = [], []
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        tab.on("console", lambda message: messages.append(message.text))
        tab.goto(hostile_url + path, wait_until="load")
        tab.keyboard.press("Tab")  # focus moves: an injected onfocus would fire now
        tab.mouse.move(200, 300)
        tab.wait_for_timeout(300)
        assert tab.evaluate(f"() => {PWN}") is None
        assert dialogs == [] and [m for m in messages if "pwned" in m] == []
        injected = tab.evaluate(
            """() => [...document.querySelectorAll('article *, .md-header *, head *')].flatMap(el =>
                 [...el.attributes].filter(a => a.name.startsWith('on') || /^\\s*(javascript|data|vbscript):/i.test(a.value))
                   .map(a => el.tagName + ' ' + a.name))"""
        )
        assert injected == []


@pytest.mark.browser
def test_no_script_runs_in_search_results_built_from_hostile_text(chromium, hostile_url):
    from browser import search, wait_for_search

    with new_tab(chromium, hostile_url) as tab:
        tab.goto(hostile_url, wait_until="load")
        wait_for_search(tab)
        assert "huurpremie" in search(tab, "huurpremie")
        tab.wait_for_timeout(200)
        assert tab.evaluate(f"() => {PWN}") is None
