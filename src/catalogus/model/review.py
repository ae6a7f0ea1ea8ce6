"""The town's review rule: when a fiche must be reviewed again. The checker, the reminders and the dashboard
all ask this one module, so a fiche is never 'due' in one place and 'current' in another."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Protocol

from catalogus.model.config import TownConfig

# A draft's review date (catalogus.load.drafts): a review nobody did yet. Pages say "nog niet nagekeken", never a date.
NOT_REVIEWED = dt.date.min


class Reviewed(Protocol):
    """What the review rule reads of a fiche (also of one that failed the model but has a readable date)."""

    @property
    def laatst_nagekeken(self) -> dt.date: ...

    @property
    def nakijken_elke_maanden(self) -> int | None: ...


def review_due(fiche: Reviewed, config: TownConfig) -> dt.date:
    months = fiche.nakijken_elke_maanden or config.nakijken.interval_maanden
    return add_months(fiche.laatst_nagekeken, months)


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day `months` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))
