"""The staff edition's block on a fiche page: the internal text and the fiche's recent changes.

Only `catalogus build --intern` puts internal texts in the SiteContext; in the public edition `staff_view` is
always None, so the template has nothing to show. The text goes through the site's one text renderer.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from catalogus.base.translations import format_date
from catalogus.model import Fiche
from catalogus.model.catalogue import Entry
from catalogus.site.context import SiteContext

RECENT_CHANGES = 5


@dataclass(frozen=True)
class ChangeView:
    date: str
    iso: str
    subject: str


@dataclass(frozen=True)
class StaffView:
    team: str | None
    doorverwijzen: tuple[Markup, ...]
    tekst: Markup | None
    nagekeken: str | None
    nagekeken_iso: str | None
    wijzigingen: tuple[ChangeView, ...]


def staff_view(entry: Entry[Fiche], site: SiteContext) -> StaffView | None:
    if site.internal is None:
        return None
    note = site.internal.get(entry.id)
    changes = tuple(
        ChangeView(format_date(site.strings, c.day), c.day.isoformat(), c.subject)
        for c in site.history.recent(entry.id, RECENT_CHANGES)
    )
    if note is None:
        return StaffView(None, (), None, None, None, changes)
    record = note.record
    return StaffView(
        team=record.team,
        doorverwijzen=tuple(site.text.inline(tip) for tip in record.doorverwijzen),
        tekst=site.text.block(note.body) if note.body.strip() else None,
        nagekeken=format_date(site.strings, record.laatst_nagekeken),
        nagekeken_iso=record.laatst_nagekeken.isoformat(),
        wijzigingen=changes,
    )
