"""The policy dashboard for staff (`beleid/`): what the catalogue offers to whom, how proactive it is, which
fiches are due for review, and which lack a form, a cost, steps or a legal basis.

The numbers come from the checked Catalogue; charts are inline SVG made here at build time (no chart library),
each with a title, a description and the same numbers as a table. The page is standalone: not in the citizen
navigation, not in the search index, `noindex` for search engines.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from catalogus.base.slug import sort_key
from catalogus.model import Fiche
from catalogus.model.catalogue import BROWSE_FIELDS, Catalogue
from catalogus.model.review import review_due
from catalogus.site import urls
from catalogus.site.standalone import write_page

SOON_DAYS = 30
STATUSES = ("actueel", "binnenkort", "verlopen")
MISSING = {
    "formulier": lambda f: not f.formulieren,
    "kostprijs": lambda f: f.kostprijs is None,
    "stappen": lambda f: not f.stappen,
    "regelgeving": lambda f: not f.regelgeving,
}
REVIEW = "herzien"  # a shared fiche changed since the town reviewed it (catalogus gedeeld, catalogus nagekeken)
CHART_WIDTH, LABEL_HEIGHT, BAR_HEIGHT, ROW_HEIGHT = 340, 18, 14, 40


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    y: int
    width: float


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    rows: tuple[Row, ...]
    bars: tuple[Bar, ...]
    height: int


@dataclass(frozen=True)
class OwnerStatus:
    owner: str
    counts: dict[str, int]
    total: int


@dataclass(frozen=True)
class Gap:
    key: str
    label: str
    fiches: tuple[tuple[str, str], ...]  # (title, site-relative page URL)


def review_status(fiche: Fiche, catalogue: Catalogue, today: dt.date) -> str:
    due = review_due(fiche, catalogue.config)
    if due < today:
        return "verlopen"
    return "binnenkort" if (due - today).days <= SOON_DAYS else "actueel"


def counts(catalogue: Catalogue, today: dt.date) -> dict[str, Any]:
    """Every number on the dashboard, as plain data (the test compares these with its own count)."""
    vocab = catalogue.vocabularies
    fiches = [entry.record for entry in catalogue.products]
    per: dict[str, list[Row]] = {
        "loketten": [Row(e.id, e.record.naam, len(catalogue.by_loket.get(e.id, ()))) for e in catalogue.loketten],
    }
    for field in BROWSE_FIELDS:
        per[field] = [
            Row(key, term.label, len(catalogue.by_term[field].get(key, ()))) for key, term in vocab.terms(field).items()
        ]
    levels = Counter(f.dienstverleningsniveau for f in fiches)
    per["dienstverleningsniveaus"] = [Row(key, term.label, levels[key]) for key, term in vocab.dienstverleningsniveaus.items()]
    owners: dict[str, Counter] = defaultdict(Counter)
    for fiche in fiches:
        owners[fiche.eigenaar][review_status(fiche, catalogue, today)] += 1
    review = [
        OwnerStatus(owner, {status: owners[owner][status] for status in STATUSES}, sum(owners[owner].values()))
        for owner in sorted(owners, key=sort_key)
    ]
    gaps = {
        key: tuple((e.record.titel, urls.fiche_page(e.id)) for e in catalogue.products if missing(e.record))
        for key, missing in MISSING.items()
    }
    gaps[REVIEW] = tuple((e.record.titel, urls.fiche_page(e.id)) for e in catalogue.products if e.id in catalogue.needs_review)
    return {"per": per, "review": review, "gaps": gaps, "total": len(fiches),
            "without_loket": sum(1 for f in fiches if not f.loket and not f.andere_loketten)}


def chart(chart_id: str, title: str, description: str, rows: list[Row]) -> Chart:
    top = max((row.count for row in rows), default=0) or 1
    bars = tuple(
        Bar(row.label, row.count, index * ROW_HEIGHT, round((CHART_WIDTH - 60) * row.count / top, 1))
        for index, row in enumerate(rows)
    )
    return Chart(chart_id, title, description, tuple(rows), bars, max(1, len(rows)) * ROW_HEIGHT)


def write_dashboard(catalogue: Catalogue, site: Path, today: dt.date, strings: dict[str, Any]) -> dict[str, Any]:
    data = counts(catalogue, today)
    text = strings["beleid"]
    charts = []
    for name, rows in data["per"].items():
        ordered = sorted(rows, key=lambda row: (-row.count, sort_key(row.label)))
        summary = ", ".join(f"{row.label}: {row.count}" for row in ordered[:3])
        charts.append(chart(name, text["per"][name], text["beschrijving"].format(totaal=data["total"], top=summary), ordered))
    gaps = [Gap(key, text["ontbreekt"][key], fiches) for key, fiches in data["gaps"].items()]
    write_page(site / urls.DASHBOARD, "beleid.html", urls.DASHBOARD_URL, t=strings, town=catalogue.config, charts=charts,
               review=data["review"], statuses=STATUSES, gaps=gaps, total=data["total"],
               without_loket=data["without_loket"], today=today.isoformat(),
               soon_days=SOON_DAYS, label_height=LABEL_HEIGHT, bar_height=BAR_HEIGHT, width=CHART_WIDTH)
    return data
