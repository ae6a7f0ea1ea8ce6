"""Open data and embeddable pieces, written into the built site from the checked Catalogue (never from files).

`write_exports` is the one call the build makes after mkdocs succeeded; each format is its own module, and
`layout` says where each file goes.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

from ..catalogue import Catalogue
from ..site import translations
from . import layout
from .cpsv import cpsv_document
from .dashboard import write_dashboard
from .embed import write_embeds
from .feed import feed_xml
from .history import change_dates, last_changed
from .ipdc import ipdc_document
from .jsondata import write_json
from .linked import PlainText
from .table import write_csv


def write_exports(catalogue: Catalogue, site: Path, today: dt.date, root: Path, project: Path) -> dict[str, float]:
    """Write every export under `site`; returns seconds per step (the build prints them)."""
    strings = translations.load(project, catalogue.config.taal)
    timings: dict[str, float] = {}

    def step(name: str, started: float) -> float:
        now = time.perf_counter()
        timings[name] = now - started
        return now

    started = time.perf_counter()
    document = write_json(catalogue, site, today.isoformat())
    started = step("json", started)
    write_csv(document["fiches"], site / layout.CATALOGUE_CSV)
    started = step("csv", started)
    plain = PlainText()
    _write(site / layout.CPSV_AP, _dumps(cpsv_document(catalogue, strings, plain)))
    started = step("cpsv-ap", started)
    dates = change_dates(catalogue, root)
    started = step("git", started)
    _write(site / layout.IPDC, _dumps(ipdc_document(catalogue, strings, dates, plain)))
    started = step("ipdc", started)
    _write(site / layout.FEED, feed_xml(catalogue, last_changed(catalogue, dates), strings))
    started = step("atom", started)
    write_embeds(catalogue, site, strings)
    started = step("embed", started)
    write_dashboard(catalogue, site, today, strings)
    step("beleid", started)
    return timings


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
