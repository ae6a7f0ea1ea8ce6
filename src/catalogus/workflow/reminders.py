"""Reminders: per owner, the fiches to review soon or overdue on a given day (the seed town's monthly reminder).

The package decides everything (which owner gets an open issue, its title and body); the monthly workflow only
applies the plan to GitHub issues. Bodies depend on the content and `today` only, so a rerun changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from catalogus.base.slug import sort_key
from catalogus.check.owners import OwnedFiche, owned_fiches, owner_key
from catalogus.load.layout import Layout
from catalogus.model.config import TownConfig
from catalogus.model.review import add_months

LABEL = "herinnering-nakijken"
CLOSED_NOTE = "Alle fiches van deze eigenaar zijn nagekeken: deze herinnering wordt gesloten. Bedankt!"
GUIDE = "docs/fiche-aanpassen.md"
FORMATS = ("markdown", "json")

# Status of a fiche on `today`, in the order an owner should handle them; the checker uses the same dates:
# after the due date a warning, after the grace period (marge_dagen) an error that stops publishing.
LATE, DUE, REVISE, SOON = "te-laat", "nakijken", "herzien", "binnenkort"
HEADINGS = {
    LATE: "Te laat: de site kan pas weer gepubliceerd worden als deze fiches nagekeken zijn",
    DUE: "Nu nakijken",
    REVISE: "Herzien nodig: de gedeelde tekst veranderde (`catalogus gedeeld` toont wat; daarna `catalogus nagekeken <id>`)",
    SOON: "Binnenkort nakijken",
}


@dataclass(frozen=True)
class Due:
    fiche: OwnedFiche
    due: dt.date
    status: str


@dataclass(frozen=True)
class OwnerReminder:
    owner: str
    handle: str | None
    items: tuple[Due, ...]

    @property
    def key(self) -> str:
        return owner_key(self.owner)

    @property
    def marker(self) -> str:
        return f"<!-- catalogus:herinnering:{self.key} -->"

    @property
    def title(self) -> str:
        """Stable (no count, no date): an issue title is plain text on GitHub, so no escaping is needed."""
        return f"Fiches nakijken: {self.owner}"


def status(fiche: OwnedFiche, config: TownConfig, today: dt.date) -> Due | None:
    due = add_months(fiche.laatst_nagekeken, fiche.nakijken_elke_maanden or config.nakijken.interval_maanden)
    if (today - due).days > config.nakijken.marge_dagen:
        return Due(fiche, due, LATE)
    if today > due:
        return Due(fiche, due, DUE)
    if (due - today).days <= config.nakijken.herinneren_dagen:
        return Due(fiche, due, SOON)
    return None


def plan(where: Layout, config: TownConfig, today: dt.date) -> list[OwnerReminder]:
    """One entry per owner in the content (also those with nothing due: their issue gets closed)."""
    by_owner: dict[str, list[Due]] = {}
    for fiche in owned_fiches(where, config):
        items = by_owner.setdefault(fiche.eigenaar, [])
        found = status(fiche, config, today)
        if found is None and fiche.herzien:
            found = Due(fiche, today, REVISE)
        if found is not None:
            items.append(found)
    order = list(HEADINGS)
    return [
        OwnerReminder(
            owner,
            config.eigenaars.get(owner),
            tuple(sorted(items, key=lambda d: (order.index(d.status), d.due, d.fiche.id))),
        )
        for owner, items in sorted(by_owner.items(), key=lambda kv: (sort_key(kv[0]), kv[0]))
    ]


def escape_markdown(text: str) -> str:
    """Editor text as literal Markdown: no links, emphasis, HTML or @mentions sneak into an issue."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~@&:])", r"\\\1", " ".join(text.split()))


def _days(n: int) -> str:
    return f"{n} dag" if n == 1 else f"{n} dagen"


def _line(item: Due, today: dt.date, repo_url: str | None) -> str:
    name = escape_markdown(item.fiche.titel)
    link = f"[{name}]({repo_url.rstrip('/')}/edit/main/{item.fiche.path})" if repo_url else f"**{name}**"
    delta = (today - item.due).days
    if item.status == REVISE:
        when = "de gedeelde tekst veranderde sinds uw nazicht: kijk na of uw lokale gegevens nog kloppen"
    elif delta > 0:
        when = f"moest nagekeken zijn op {item.due.isoformat()} ({_days(delta)} geleden)"
    elif delta == 0:
        when = "moet vandaag nagekeken worden"
    else:
        when = f"nakijken vóór {item.due.isoformat()} (over {_days(-delta)})"
    return f"- [ ] {link} (`{item.fiche.path}`): {when}"


def body(reminder: OwnerReminder, today: dt.date, repo_url: str | None = None) -> str:
    owner = escape_markdown(reminder.owner)
    who = (
        f"Voor {reminder.handle} ({owner})."
        if reminder.handle
        else f"Voor {owner} (nog geen GitHub-team voor deze eigenaar in `catalogus.yml`, bij `eigenaars`)."
    )
    lines = [reminder.marker, who, "", f"Stand op {today.isoformat()}: deze fiches moeten nagekeken worden.", ""]
    for state, heading in HEADINGS.items():
        items = [item for item in reminder.items if item.status == state]
        if items:
            lines += [f"### {heading} ({len(items)})", ""]
            lines += [_line(item, today, repo_url) for item in items]
            lines.append("")
    guide = f"[Zo past u een fiche aan]({repo_url.rstrip('/')}/blob/main/{GUIDE})" if repo_url else f"`{GUIDE}`"
    lines += [
        "Zo gaat het: open de fiche, lees alles na, pas aan wat niet meer klopt en zet `laatst_nagekeken` op de "
        "datum van vandaag. Stel de wijziging voor (pull request). Zodra ze goedgekeurd is, verdwijnt de fiche "
        f"bij de volgende herinnering van deze lijst. Meer uitleg: {guide}.",
        "",
        "Deze melding wordt elke maand automatisch bijgewerkt en gesloten als er niets meer na te kijken is.",
    ]
    return "\n".join(lines) + "\n"


def as_markdown(reminders: list[OwnerReminder], today: dt.date, repo_url: str | None = None) -> str:
    parts = [f"## Fiches nakijken: {escape_markdown(r.owner)}\n\n{body(r, today, repo_url)}" for r in reminders if r.items]
    if not parts:
        return f"Op {today.isoformat()} moet geen enkele fiche binnenkort nagekeken worden.\n"
    return "\n".join(parts)


def as_json(reminders: list[OwnerReminder], today: dt.date, repo_url: str | None = None) -> str:
    payload = {
        "vandaag": today.isoformat(),
        "label": LABEL,
        "afgerond": CLOSED_NOTE,
        "eigenaars": [
            {
                "eigenaar": r.owner,
                "github": r.handle,
                "sleutel": r.key,
                "marker": r.marker,
                "titel": r.title,
                "open": bool(r.items),
                "body": body(r, today, repo_url) if r.items else None,
                "fiches": [
                    {
                        "id": d.fiche.id,
                        "titel": d.fiche.titel,
                        "bestand": d.fiche.path,
                        "nakijken_op": d.due.isoformat(),
                        "status": d.status,
                    }
                    for d in r.items
                ],
            }
            for r in reminders
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def render(reminders: list[OwnerReminder], today: dt.date, fmt: str, repo_url: str | None = None) -> str:
    return (as_json if fmt == "json" else as_markdown)(reminders, today, repo_url)
