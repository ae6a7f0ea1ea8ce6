"""`catalogus build` and `catalogus serve`: the checker first, then mkdocs-material in strict mode.

Checker and build are one gate: with errors the checker's report is printed and no site is left behind. The
site is built in a temporary folder next to the target and moved into place only when mkdocs succeeds. mkdocs'
docs_dir is an empty temporary folder: pages come from the checked Catalogue, never from files under content/.

`catalogus build --intern` builds the staff edition (for the intranet) into site-intern/: the same pages plus
each fiche's internal text and recent changes, a banner, noindex, no sitemap and no open-data exports. Only
this path asks the checker to keep the internal texts; the public build never has them in memory.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from .. import report
from ..catalogue import Catalogue
from ..check import check
from ..config import CONFIG_FILE
from ..editor import write_editor
from ..export import write_exports
from ..history import History, read_history
from ..intern import InternalText
from ..vocabulary import VOCABULARY_FILE
from .plugin import SITE, Request
from . import translations
from .translations import DIRECTORY as TRANSLATIONS

MKDOCS_FILE = "mkdocs.yml"
# The site's own mkdocs.yml, templates and translations, for a --root that holds only content and settings.
SITE_PROJECT = Path(__file__).resolve().parents[3]
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
PUBLIC_SITE, STAFF_SITE = "site", "site-intern"  # default folders; the Pages workflow deploys only site/


def config_file(root: Path) -> Path:
    own = root / MKDOCS_FILE
    return own if own.exists() else SITE_PROJECT / MKDOCS_FILE


def build_site(
    root: Path, today: dt.date, site_dir: Path | None = None, internal: bool = False, concept: bool = False
) -> int:
    """`concept`: a draft site, with fields still 'IN TE VULLEN' allowed and a banner on every page."""
    target = (site_dir or root / (STAFF_SITE if internal else PUBLIC_SITE)).resolve()
    if root.resolve().is_relative_to(target):
        print(f"catalogus: de sitemap {target} mag de projectmap niet bevatten (hij wordt gewist)", file=sys.stderr)
        return EXIT_USAGE
    started = time.perf_counter()
    result = check(root, today, internal=internal, concept=concept)
    print(report.human(result))
    if result.errors or result.catalogue is None:
        _remove(target)
        return EXIT_FAILED
    if not publish(root, today, result.catalogue, target, result.internal if internal else None, concept):
        return EXIT_FAILED
    seconds = time.perf_counter() - started
    pages = SITE.page_count
    edition = "Interne editie" if internal else "Site"
    print(f"{edition} gebouwd in {target}: {pages} pagina's in {seconds:.1f} s ({pages / seconds:.0f} pagina's/s).")
    return EXIT_OK


def publish(
    root: Path,
    today: dt.date,
    catalogue: Catalogue,
    target: Path,
    internal: dict[str, InternalText] | None = None,
    concept: bool = False,
) -> bool:
    """Build the site of a checked catalogue into `target` (replaced only when mkdocs succeeds); with
    `internal` (the checked internal texts, possibly none) the staff edition, without exports; `concept`: a
    draft site with its banner."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    built = False
    history = read_history(catalogue, root)  # one git pass for the pages and the exports
    try:
        with _requested(root, today, catalogue, history, internal, concept), _mkdocs_log():
            config = load_config(str(config_file(root)), site_dir=str(staging), strict=True)
            mkdocs_build(config)
        strings = translations.load(config_file(root).parent, catalogue.config.taal)
        write_editor(staging, root, catalogue, config.repo_url, config.edit_uri, strings)  # staff page /redactie/
        if internal is None:  # open data is for the public site only
            write_exports(catalogue, staging, today, root, config_file(root).parent, history)  # data/, embed/, beleid/
        built = True
    except MkDocsException as exc:
        print(f"De site is niet gebouwd: {exc}", file=sys.stderr)
    finally:
        _remove(target)
        if built:
            staging.rename(target)
        else:
            _remove(staging)
    return built


def serve_site(root: Path, today: dt.date, address: str | None = None) -> int:
    """Live preview: every change to content, settings or templates rebuilds (and re-checks) the site."""
    result = check(root, today)
    print(report.human(result))
    if result.errors:
        return EXIT_FAILED
    config = config_file(root)
    content = root / result.catalogue.config.content_map if result.catalogue else root
    watch = [str(root / CONFIG_FILE), str(root / VOCABULARY_FILE), str(config.parent / TRANSLATIONS), str(content)]
    watch.append(str(Path(__file__).with_name("templates")))  # the page templates (catalogus.site.render)
    options = {"dev_addr": address} if address else {}
    with _requested(root, today), _mkdocs_log(logging.INFO):
        try:
            mkdocs_serve(str(config), livereload=True, watch_theme=True, watch=watch, **options)
        except MkDocsException as exc:
            print(f"De site kan niet getoond worden: {exc}", file=sys.stderr)
            return EXIT_FAILED
    return EXIT_OK


@contextmanager
def _requested(
    root: Path,
    today: dt.date,
    catalogue: Catalogue | None = None,
    history: History | None = None,
    internal: dict[str, InternalText] | None = None,
    concept: bool = False,
) -> Iterator[Request]:
    with tempfile.TemporaryDirectory(prefix="catalogus-pages-") as pages_dir:
        SITE.request = Request(root, today, catalogue, Path(pages_dir), history, internal, concept)
        try:
            yield SITE.request
        finally:
            SITE.request = None


@contextmanager
def _mkdocs_log(level: int = logging.WARNING) -> Iterator[None]:
    """Show mkdocs' warnings (in strict mode they fail the build, so the reason must be visible)."""
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    handler.setLevel(level)
    previous = logger.level
    logger.addHandler(handler)
    logger.setLevel(min(level, previous or logging.WARNING))
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()
