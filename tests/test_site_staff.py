"""The staff edition (`catalogus build --intern`) and the public site built from the same project.

Distinctive internal texts (in every field of content/intern/) and commit subjects must appear in the staff
edition and in no file at all of the public site: pages, search index, JSON/CSV/JSON-LD exports,
sitemap, feed, embeds, editor data; gzipped files are read unpacked.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from catalogus.build import build_site
from catalogus.cli import main
from site_examples import TODAY, make_catalogue
from test_load_history import git

MARKERS = ("ZEBRAPAD7731 team", "KWARTELKONING4410 doorverwijzen", "OKAPI2298 afspraak", "Zwaluwstaart9911 commit")
NOTE = f"""---
team: {MARKERS[0]}
doorverwijzen:
  - "{MARKERS[1]}: eerst het **onthaal** bellen."
laatst_nagekeken: 2026-10-01
---

Interne afspraak: {MARKERS[2]}. Nieuwe aanvragen gaan naar het team thuiszorg.
"""


def _build(root: Path, *args: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(["--root", str(root), "build", "--today", TODAY.isoformat(), *args])
    assert code == 0, out.getvalue()
    return out.getvalue()


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = make_catalogue(tmp_path_factory.mktemp("staff"))
    (root / "content" / "intern").mkdir()
    (root / "content" / "intern" / "poetsdienst.md").write_text(NOTE, encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "Eerste versie", day="2026-05-04")
    path = root / "content" / "products" / "poetsdienst.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nNog een zin.\n", encoding="utf-8")
    git(root, "commit", "-qam", f"Poetsdienst: {MARKERS[3]}", day="2026-11-20")
    _build(root)
    _build(root, "--intern")
    return root


def _texts(site: Path) -> dict[str, str]:
    """Every file of a built site as text (gzipped files unpacked, bytes decoded leniently)."""
    files = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        raw = path.read_bytes()
        if path.suffix == ".gz":
            raw = gzip.decompress(raw)
        files[path.relative_to(site).as_posix()] = raw.decode("utf-8", "replace")
    return files


def test_the_public_site_holds_no_internal_text_in_any_file(project):
    files = _texts(project / "site")
    kinds = {Path(name).suffix for name in files}
    assert {".html", ".json", ".csv", ".jsonld", ".xml", ".gz", ".js"} <= kinds, kinds  # the search covers them
    assert "search/search_index.json" in files and "sitemap.xml" in files and "redactie/fiches.json" in files
    for marker in MARKERS:
        for word in (marker, marker.split()[0], marker.split()[0].casefold()):
            leaks = [name for name, text in files.items() if word in text or word in text.casefold()]
            assert leaks == [], f"'{word}' staat in de publieke site: {leaks}"
    page = files["products/poetsdienst/index.html"]
    assert "catalogus-intern" not in page and 'content="noindex' not in page


def test_the_staff_edition_shows_the_internal_text_and_recent_changes(project):
    page = (project / "site-intern" / "products" / "poetsdienst" / "index.html").read_text(encoding="utf-8")
    block = page[page.index('<section class="catalogus-intern"'):]
    block = block[: block.index("</section>")]
    assert MARKERS[0] in block and MARKERS[2] in block
    assert f"<li>{MARKERS[1]}: eerst het <strong>onthaal</strong> bellen.</li>" in block  # the one text renderer
    changes = re.findall(r'<li><time datetime="([\d-]+)">[^<]+</time>: ([^<]+)</li>', block)
    assert changes == [("2026-11-20", f"Poetsdienst: {MARKERS[3]}"), ("2026-05-04", "Eerste versie")]
    other = (project / "site-intern" / "products" / "huurpremie" / "index.html").read_text(encoding="utf-8")
    assert "Er is nog geen interne tekst voor deze fiche." in other


def test_every_staff_page_is_marked_and_kept_from_search_engines(project):
    site = project / "site-intern"
    pages = list(site.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        if path.parent.name == "redactie":
            continue  # the form editor is its own page, already noindex
        html = path.read_text(encoding="utf-8")
        assert '<meta name="robots" content="noindex, nofollow">' in html, path
        assert "Interne editie voor medewerkers" in html, path
    assert (site / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nDisallow: /\n"
    present = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert not [name for name in present if name.startswith(("sitemap", "data/", "embed/", "beleid/", "schemas/"))]


def test_every_fiche_page_says_when_it_last_changed(project):
    for site in ("site", "site-intern"):
        changed = (project / site / "products" / "poetsdienst" / "index.html").read_text(encoding="utf-8")
        assert 'Laatst gewijzigd op <time datetime="2026-11-20">20 november 2026</time>' in changed
        unchanged = (project / site / "products" / "huurpremie" / "index.html").read_text(encoding="utf-8")
        assert 'Laatst gewijzigd op <time datetime="2026-05-04">' in unchanged


def test_without_history_the_page_falls_back_to_the_review_date(tmp_path):
    root = make_catalogue(tmp_path)
    code = build_site(root, TODAY, root / "site")
    assert code == 0
    page = (root / "site" / "products" / "poetsdienst" / "index.html").read_text(encoding="utf-8")
    reviewed = yaml.safe_load((root / "content/products/poetsdienst.md").read_text(encoding="utf-8").split("---")[1])
    iso = str(reviewed["laatst_nagekeken"])  # quoted by the test writer: a string
    assert f'Laatst gewijzigd op <time datetime="{iso}">' in page


def test_the_pages_workflow_never_builds_or_deploys_the_staff_edition():
    workflows = Path(__file__).resolve().parents[1] / ".github" / "workflows"
    pages = yaml.safe_load((workflows / "pages.yml").read_text(encoding="utf-8"))
    runs = [step.get("run", "") for job in pages["jobs"].values() for step in job.get("steps", [])]
    paths = [str(step.get("with", {}).get("path", "")) for job in pages["jobs"].values() for step in job.get("steps", [])]
    assert any("catalogus build" in run for run in runs)
    assert not [run for run in runs if "--intern" in run]
    assert "site" in paths and not [p for p in paths if "intern" in p]
    for path in workflows.glob("*.yml"):
        assert "--intern" not in path.read_text(encoding="utf-8"), path.name
    assert subprocess.run(["git", "check-ignore", "-q", "site-intern/"], cwd=workflows.parents[1]).returncode == 0


def test_the_stylesheet_closes_every_rule():
    """An unclosed rule silently swallows every rule after it (the staff block's frame, the stopped banner)."""
    css = (Path(__file__).resolve().parents[1] / "overrides/assets/stylesheets/catalogus.css").read_text(encoding="utf-8")
    depth = 0
    for number, line in enumerate(re.sub(r"/\*.*?\*/", "", css, flags=re.S).split("\n"), start=1):
        depth += line.count("{") - line.count("}")
        assert 0 <= depth <= 2, f"regel {number}"  # a rule, inside at most one @media block
    assert depth == 0
    assert ".md-typeset .catalogus-intern {" in css


@pytest.mark.browser
def test_the_staff_fiche_page_is_valid_accessible_and_fits_a_phone(project, chromium):
    from browser import new_tab, serve
    from test_site_quality import axe_violations, third_party, vnu_jar

    site = project / "site-intern"
    fiche_page = site / "products" / "poetsdienst" / "index.html"
    run = subprocess.run(["java", "-Xss2m", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", str(fiche_page)],
                         capture_output=True, text=True, timeout=120)
    assert [m["message"] for m in json.loads(run.stderr or run.stdout)["messages"] if m["type"] != "info"] == []
    server, url = serve(site)
    try:
        with new_tab(chromium, url) as tab:
            tab.set_viewport_size({"width": 375, "height": 812})
            tab.goto("products/poetsdienst/", wait_until="networkidle")
            assert tab.locator(".catalogus-intern h2").inner_text() == "Intern (alleen voor medewerkers)"
            assert axe_violations(tab) == []
            assert third_party(tab.requested, url) == []
            assert tab.evaluate("() => document.documentElement.scrollWidth") <= 375
    finally:
        server.shutdown()
        server.server_close()
