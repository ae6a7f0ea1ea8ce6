"""Placeholders in shared text: $gemeente, $organisatie and the town's local names ('namen:', e.g.
$dienstencentrum) become the values of catalogus.yml; a fact of the register ($leefloon_alleenstaand) its value.

A '$' name, not '{{...}}': it is safe anywhere in YAML (a value may start with it, it may stand in a [list])
and in Markdown, so an editor never has to add quotes around it.

Filled in as plain text before validation, so the checker and the renderers see the town's own words (and
escape them like any text); the town name itself may hold only letters and a few signs (config.TOWN_NAME).
An unknown placeholder is an error at its line, never printed as it is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from catalogus.base.findings import error
from catalogus.load.sources import KeyPath, Source, field_name
from catalogus.model.config import TownConfig

PLACEHOLDER = re.compile(r"\$([A-Za-z_]+)")
SHOWN = 8  # known placeholders named in a message


def values(config: TownConfig) -> dict[str, str]:
    return {**config.namen, "gemeente": config.gemeente, "organisatie": config.organisatie}


def fill(source: Source, config: TownConfig, facts: Mapping[str, str]) -> None:
    """Replace every placeholder in the data and the body of `source` (the town's words, and the register's facts
    as words, catalogus.load.facts); unknown ones become findings."""
    town = values(config)
    known = {**facts, **town}
    if source.data is not None:
        source.data = _fill_value(source.data, (), source, known, town)
    if source.body:
        for offset, line in enumerate(source.body.split("\n")):
            for name in _unknown(line, known):
                source.findings.append(error(source.path, source.body_line + offset, "tekst", _message(name, known)))
        _note(source, "tekst", source.body, town)
        source.body = _substitute(source.body, known)


def _fill_value(value: Any, loc: KeyPath, source: Source, known: dict[str, str], town: dict[str, str]) -> Any:
    if isinstance(value, str):
        for name in _unknown(value, known):
            line, column = source.line_of(loc)
            source.findings.append(error(source.path, line, field_name(loc), _message(name, known), column))
        _note(source, field_name(loc), value, town)
        return _substitute(value, known)
    if isinstance(value, dict):
        return {k: _fill_value(v, (*loc, k), source, known, town) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill_value(v, (*loc, i), source, known, town) for i, v in enumerate(value)]
    return value


def _note(source: Source, name: str, text: str, known: dict[str, str]) -> None:
    """Remember where a town's value went into the text: a problem there is the town's, not the text's."""
    if "$" in text:
        used = [m.group(1) for m in PLACEHOLDER.finditer(text) if m.group(1) in known]
        if used:
            source.filled.setdefault(name, used[0])


def _unknown(text: str, known: dict[str, str]) -> list[str]:
    return [m.group(1) for m in PLACEHOLDER.finditer(text) if m.group(1) not in known] if "$" in text else []


def _substitute(text: str, known: dict[str, str]) -> str:
    if "$" not in text:
        return text
    return PLACEHOLDER.sub(lambda m: known.get(m.group(1), m.group(0)), text)


def _message(name: str, known: dict[str, str]) -> str:
    allowed = ", ".join("$" + k for k in sorted(known, key=lambda k: (k not in ("gemeente", "organisatie"), k))[:SHOWN])
    return (
        f"'${name}' is geen bekende invulplaats; gebruik {allowed} (precies zo geschreven, in kleine letters), "
        f"of zet '{name}' onder 'namen:' in catalogus.yml"
    )
