"""Open data and embeddable pieces, written into the built site from the checked Catalogue (never from files).

`write_exports` is the one call the build makes after mkdocs succeeded; each format is its own module, and
`layout` says where each file goes.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from catalogus.base import translations
from catalogus.load.history import History, change_dates, read_history
from catalogus.model.catalogue import Catalogue
from catalogus.opendata import layout
from catalogus.opendata.cpsv import cpsv_document
from catalogus.opendata.feed import feed_xml
from catalogus.opendata.ipdc import ipdc_document
from catalogus.opendata.jsondata import dumps, write_file, write_json
from catalogus.opendata.linked import PlainText
from catalogus.opendata.table import write_csv
from catalogus.site.dashboard import write_dashboard
from catalogus.site.embed import write_embeds


def write_exports(
    catalogue: Catalogue, site: Path, today: dt.date, root: Path, project: Path, history: History | None = None
) -> dict[str, float]:
    """Write every export under `site`; returns seconds per step (the build prints them). `history`: the build's
    one reading of git (catalogus.load.history), read here when not given."""
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
    write_file(site / layout.CPSV_AP, dumps(cpsv_document(catalogue, strings, plain)))
    started = step("cpsv-ap", started)
    history = history if history is not None else read_history(catalogue, root)
    dates = change_dates(catalogue, root, history)
    started = step("git", started)
    write_file(site / layout.IPDC, dumps(ipdc_document(catalogue, strings, dates, plain)))
    started = step("ipdc", started)
    write_file(site / layout.FEED, feed_xml(catalogue, history, strings))
    started = step("atom", started)
    write_embeds(catalogue, site, strings)
    started = step("embed", started)
    write_dashboard(catalogue, site, today, strings)
    step("beleid", started)
    return timings

