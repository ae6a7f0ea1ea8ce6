"""UI strings, one YAML file per language in translations/: no template or module holds a sentence.

A town in another language adds translations/<taal>.yml; any string it lacks falls back to Dutch, so a
partial translation still builds.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from babel import Locale
from babel.numbers import format_currency, format_decimal

FALLBACK = "nl"
DIRECTORY = "translations"
CATALOGUE_PROJECT = Path(__file__).resolve().parents[3]  # the catalogue's own translations/ (an editable install)


def load(project: Path, language: str) -> dict[str, Any]:
    """The strings for `language`, completed from the Dutch file."""
    strings = _read(project / DIRECTORY / f"{FALLBACK}.yml")
    if language != FALLBACK:
        path = project / DIRECTORY / f"{language}.yml"
        if path.exists():
            strings = _merge(strings, _read(path))
    return strings


def load_for(root: Path, language: str) -> dict[str, Any]:
    """The strings of the project at `root`, or the catalogue's own when it has no translations/ folder (a
    town's repository that uses the catalogue's texts)."""
    return load(root if (root / DIRECTORY).is_dir() else CATALOGUE_PROJECT, language)


def _read(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: verwacht 'sleutel: tekst'-paren")
    return data


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        merged[key] = _merge(base[key], value) if isinstance(value, dict) and isinstance(base.get(key), dict) else value
    return merged


def format_date(strings: dict[str, Any], day: dt.date) -> str:
    """'1 januari 2026', '1er janvier 2026': the first of a month as the language writes it ('eerste_dag')."""
    number = strings["eerste_dag"] if day.day == 1 else day.day
    return strings["datum"].format(dag=number, maand=strings["maanden"][day.month - 1], jaar=day.year)


def format_amount(strings: dict[str, Any], amount: Decimal) -> str:
    """'€ 1.234,50' in Belgian Dutch (Babel, CLDR); whole amounts without decimals ('€ 122')."""
    locale = Locale.parse(strings["getalnotatie"])
    if amount == amount.to_integral_value():
        pattern = locale.currency_formats["standard"].pattern.split(";")[0].replace(".00", "")
        return format_currency(amount, "EUR", format=pattern, locale=locale, currency_digits=False)
    return format_currency(amount, "EUR", locale=locale)


def format_number(strings: dict[str, Any], value: Decimal) -> str:
    """'13.000' or '12,50' in the language's notation (Babel, CLDR): a threshold that is not money."""
    pattern = "#,##0" if value == value.to_integral_value() else "#,##0.00"
    return format_decimal(value, format=pattern, locale=Locale.parse(strings["getalnotatie"]))


def count_label(strings: dict[str, Any], count: int) -> str:
    lists = strings["lijst"]
    return lists["aantal_een"] if count == 1 else lists["aantal"].format(aantal=count)
