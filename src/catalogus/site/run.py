"""Running mkdocs-material, the frame around our pages: one build into a folder, or a live preview.

Besides `plugin` (what happens at each mkdocs event) this is the only module that calls mkdocs, so replacing
the frame means replacing these two. mkdocs' docs_dir is an empty temporary folder: pages come from the checked
Catalogue, never from files under content/.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from catalogus.check.intern import InternalText
from catalogus.load.history import History
from catalogus.model.catalogue import Catalogue
from catalogus.site.plugin import SITE, Request

MKDOCS_FILE = "mkdocs.yml"
# The site's own mkdocs.yml, templates and translations, for a --root that holds only content and settings.
SITE_PROJECT = Path(__file__).resolve().parents[3]
TEMPLATES = Path(__file__).with_name("templates")  # the page templates (catalogus.site.render)


class FrameError(Exception):
    """mkdocs refused the site; the message says why (in strict mode a warning is enough)."""


@dataclass(frozen=True)
class Framed:
    """What the frame decided that later steps need: the repository links and how many pages it wrote."""

    repo_url: str | None
    edit_uri: str | None
    pages: int


def config_file(root: Path) -> Path:
    own = root / MKDOCS_FILE
    return own if own.exists() else SITE_PROJECT / MKDOCS_FILE


def project_dir(root: Path) -> Path:
    """The folder of the site's own files (mkdocs.yml, overrides/, translations/)."""
    return config_file(root).parent


def render(
    root: Path,
    today: dt.date,
    catalogue: Catalogue,
    site_dir: Path,
    history: History,
    internal: dict[str, InternalText] | None = None,
    concept: bool = False,
) -> Framed:
    """Build every page of a checked catalogue into `site_dir` with mkdocs in strict mode."""
    with _requested(root, today, catalogue, history, internal, concept), _mkdocs_log():
        try:
            config = load_config(str(config_file(root)), site_dir=str(site_dir), strict=True)
            mkdocs_build(config)
        except MkDocsException as exc:
            raise FrameError(str(exc)) from None
    return Framed(config.repo_url, config.edit_uri, SITE.page_count)


def serve(root: Path, today: dt.date, watch: list[Path], address: str | None = None, town: str | None = None) -> None:
    """Live preview on `address`; a change under `watch`, the templates or the theme rebuilds (and re-checks)."""
    watched = [str(path) for path in (*watch, project_dir(root) / "translations", TEMPLATES)]
    with _requested(root, today, town=town), _mkdocs_log(logging.INFO):
        try:
            # mkdocs drops an option given as None: without an address, mkdocs.yml (or mkdocs' default) decides
            mkdocs_serve(str(config_file(root)), livereload=True, watch_theme=True, watch=watched, dev_addr=address or None)
        except MkDocsException as exc:
            raise FrameError(str(exc)) from None


@contextmanager
def _requested(
    root: Path,
    today: dt.date,
    catalogue: Catalogue | None = None,
    history: History | None = None,
    internal: dict[str, InternalText] | None = None,
    concept: bool = False,
    town: str | None = None,
) -> Iterator[Request]:
    with tempfile.TemporaryDirectory(prefix="catalogus-pages-") as pages_dir:
        SITE.request = Request(root, today, catalogue, Path(pages_dir), history, internal, concept, town)
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
