"""The demo catalogue's exports, written once per test session by the real `write_exports` (without mkdocs)."""

from __future__ import annotations

import datetime as dt
import functools
import tempfile
from pathlib import Path

from browser import REPO, TODAY
from catalogus.check.pipeline import check
from catalogus.model.catalogue import Catalogue
from catalogus.opendata.exports import write_exports
from factories import TOWN

DAY = dt.date.fromisoformat(TODAY)


@functools.cache
def demo_catalogue() -> Catalogue:
    result = check(REPO, DAY, town=TOWN)
    assert result.catalogue is not None, [str(f) for f in result.errors]
    return result.catalogue


@functools.cache
def demo_exports() -> Path:
    site = Path(tempfile.mkdtemp(prefix="catalogus-exports-")) / "site"
    write_exports(demo_catalogue(), site, DAY, REPO, REPO)
    return site


def export_catalogue(root: Path, today: dt.date = DAY) -> tuple[Catalogue, Path]:
    """Check a small project at `root` and write its exports to root/site."""
    result = check(root, today)
    assert result.catalogue is not None, [str(f) for f in result.errors]
    site = root / "site"
    write_exports(result.catalogue, site, today, root, REPO)
    return result.catalogue, site
