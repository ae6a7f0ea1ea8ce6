"""Contact cards: where the citizen goes (a loket) or who delivers the product (an external aanbieder).

The same card appears on a fiche ("Bij wie terecht?") and on the loket's own page. Opening hours list every
weekday; which one is today is marked in the browser (assets/catalogus.js), since a built page lives for days.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup

from catalogus.model import WEEKDAYS, Aanbieder, Adres, Contact, Loket
from catalogus.site import urls
from catalogus.site.text import TextRenderer

MAP_SEARCH = "https://www.openstreetmap.org/search?"
NOT_DIALLED = re.compile(r"[^0-9+]")
COUNTRY_CODE = "+32"  # Belgian numbers as editors write them (012 34 56 78); short numbers (1712) stay as they are


@dataclass(frozen=True)
class HoursRow:
    weekday: int  # 0 = Monday, as in assets/catalogus.js
    day: str
    hours: str
    is_open: bool


@dataclass(frozen=True)
class ContactCard:
    name: str
    url: str | None
    description: Markup | None
    address: tuple[str, ...]
    map_url: str | None
    phone: str | None
    phone_href: str | None
    email: str | None
    website: str | None
    hours: tuple[HoursRow, ...]
    hours_note: Markup | None
    accessibility: Markup | None


def loket_card(loket: Loket, strings: dict[str, Any], text: TextRenderer) -> ContactCard:
    return _card(
        loket,
        name=loket.naam,
        url=urls.url(urls.loket(loket.id)),
        description=text.block(loket.beschrijving),
        hours=_hours(loket, strings),
        hours_note=text.block(loket.openingsuren.uitzonderingen) if loket.openingsuren.uitzonderingen else None,
        accessibility=text.block(loket.toegankelijkheid) if loket.toegankelijkheid else None,
    )


def provider_card(provider: Aanbieder, text: TextRenderer) -> ContactCard:
    return _card(
        provider,
        name=provider.naam,
        url=None,
        description=text.block(provider.beschrijving) if provider.beschrijving else None,
        hours=(),
        hours_note=None,
        accessibility=None,
    )


def _card(contact: Contact, **fields: Any) -> ContactCard:
    return ContactCard(
        address=address_lines(contact.adres) if contact.adres else (),
        map_url=map_url(contact.adres) if contact.adres else None,
        phone=contact.telefoon,
        phone_href="tel:" + international(contact.telefoon) if contact.telefoon else None,
        email=contact.email,
        website=contact.website,
        **fields,
    )


def international(phone: str) -> str:
    """'012 34 56 78' -> '+3212345678': the form a phone dials from anywhere and search engines expect."""
    digits = NOT_DIALLED.sub("", phone)
    if digits.startswith("0") and not digits.startswith("00"):
        return COUNTRY_CODE + digits[1:]
    return "+" + digits[2:] if digits.startswith("00") else digits


def address_lines(address: Adres) -> tuple[str, ...]:
    return (address.straat, f"{address.postcode} {address.gemeente}")


def map_url(address: Adres) -> str:
    """A plain link to an OpenStreetMap search: no map is embedded, so the page loads nothing from elsewhere."""
    return MAP_SEARCH + urlencode({"query": f"{address.straat}, {address.postcode} {address.gemeente}"})


def _hours(loket: Loket, strings: dict[str, Any]) -> tuple[HoursRow, ...]:
    labels = strings["loket"]
    rows = []
    for index, day in enumerate(WEEKDAYS):
        slots = [slot.replace("-", "–") for slot in loket.openingsuren.slots(day)]
        hours = f" {labels['en']} ".join(slots) if slots else labels["gesloten"]
        rows.append(HoursRow(index, strings["weekdagen"][day], hours, bool(slots)))
    return tuple(rows)
