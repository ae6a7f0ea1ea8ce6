"""Fiches and loketten as plain JSON data: the validated model plus its Markdown text and page URL.

JSON, CSV, the embed data and the per-fiche files all read these records, so they never disagree. Fields come
from the model itself (`model_dump`): a field added to the model appears in every export without a change here.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from catalogus.model import Fiche, Loket
from catalogus.model.catalogue import Catalogue, Entry
from catalogus.site import urls

TEXT, URL = "tekst", "url"
EXTRA_FIELDS = {
    TEXT: {"type": "string", "description": "De tekst onder de gegevens (Markdown), zoals de redacteur hem schreef."},
    URL: {"type": "string", "description": "Adres van de pagina op de site."},
}


def record(entry: Entry[Fiche] | Entry[Loket], catalogue: Catalogue) -> dict[str, Any]:
    data = _plain(entry.record.model_dump(mode="python", exclude_none=True, by_alias=True))
    page = urls.fiche_page(entry.id) if isinstance(entry.record, Fiche) else urls.loket_page(entry.id)
    data[TEXT] = entry.body.strip()
    data[URL] = urls.absolute(catalogue.config, page)
    return data


def fiche_records(catalogue: Catalogue) -> list[dict[str, Any]]:
    return [record(entry, catalogue) for entry in catalogue.products]


def loket_records(catalogue: Catalogue) -> list[dict[str, Any]]:
    return [record(entry, catalogue) for entry in catalogue.loketten]


def _plain(value: Any) -> Any:
    """Python values as JSON types: amounts as numbers (not strings), dates as ISO text."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
