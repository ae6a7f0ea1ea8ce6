"""Dutch explanations of model errors, written for editors: what is wrong and how to fix it."""

from __future__ import annotations

import difflib
import typing
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from .sources import YAML_VALUE_NAMES, KeyPath, Scalar

# How YAML read a value, in words: the loader's names for non-text scalars, plus text and collections.
YAML_TYPE_NAMES = {**YAML_VALUE_NAMES, "str": "tekst", "seq": "een lijst", "map": "een groep velden"}

EXPECTED = {
    "string_type": "tekst",
    "list_type": "een lijst (regels die beginnen met '- ', of [a, b])",
    "bool_type": "true of false",
    "int_type": "een geheel getal",
    "model_type": "een groep velden (veld: waarde, ingesprongen)",
    "dict_type": "een groep velden (veld: waarde, ingesprongen)",
    "date_type": "een datum als JJJJ-MM-DD",
    "decimal_type": "een getal",
}


def describe(err: ErrorDetails, scalar: Scalar | None, model: type[BaseModel]) -> str:
    """Turn one pydantic error into a sentence an editor can act on."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    loc = tuple(err["loc"])
    if kind == "missing":
        return f"dit verplichte veld ontbreekt; voeg '{loc[-1]}:' toe"
    if kind == "extra_forbidden":
        return _unknown_key(loc, model)
    if kind in EXPECTED:
        return _wrong_type(EXPECTED[kind], scalar)
    if kind == "string_too_long":
        return f"te lang: hoogstens {ctx['max_length']} tekens (nu {len(str(err['input']))}); maak het korter"
    if kind == "string_too_short":
        return f"te kort: minstens {ctx['min_length']} teken(s); vul dit veld in of laat het weg"
    if kind == "too_short":
        return f"geef minstens {ctx['min_length']} waarde(n)"
    if kind == "string_pattern_mismatch":
        return _pattern_hint(loc, str(err["input"]))
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"de waarde {err['input']} ligt buiten de grenzen ({_bounds(ctx)})"
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_from_datetime_inexact"):
        return f"'{err['input']}' is geen geldige datum; schrijf JJJJ-MM-DD, bv. 2026-03-15"
    if kind == "finite_number":
        return "geef een gewoon getal, bv. 12.50"
    if kind in ("decimal_max_places", "decimal_max_digits", "decimal_whole_digits"):
        return "een bedrag heeft hoogstens 2 cijfers na de punt, bv. 12.50"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    if kind == "bool_parsing":
        return "geef true of false"
    if kind == "literal_error":  # ctx["expected"] is "'a', 'b' or 'c'"
        return f"'{err['input']}' kan hier niet; kies uit: {ctx['expected'].replace(' or ', ', ')}"
    return f"ongeldige waarde ({err['msg']})"


def _wrong_type(expected: str, scalar: Scalar | None) -> str:
    if scalar is None:
        return f"verwacht {expected}"
    if scalar.tag == "null" and not scalar.text:
        return f"dit veld is leeg; vul {expected} in, of laat het veld weg als het niet verplicht is"
    read_as = YAML_TYPE_NAMES.get(scalar.tag, scalar.tag)
    message = f"verwacht {expected}, maar '{scalar.text}' werd gelezen als {read_as}"
    if not scalar.quoted and scalar.tag in ("bool", "int", "float", "timestamp", "null") and expected == "tekst":
        message += f"; zet de tekst tussen aanhalingstekens: \"{scalar.text}\""
    return message


def _bounds(ctx: dict[str, Any]) -> str:
    parts = []
    if "ge" in ctx:
        parts.append(f"minstens {ctx['ge']}")
    if "le" in ctx:
        parts.append(f"hoogstens {ctx['le']}")
    return ", ".join(parts)


def _pattern_hint(loc: KeyPath, value: str) -> str:
    name = next((p for p in reversed(loc) if isinstance(p, str)), "")
    hints = {
        "id": "gebruik alleen kleine letters, cijfers en koppeltekens, bv. 'gratis-huisvuilzakken'",
        "postcode": "een postcode heeft 4 cijfers, tussen aanhalingstekens: \"8530\"",
        "telefoon": "schrijf een telefoonnummer met cijfers en spaties, bv. 056 73 33 11, +32 56 73 33 11 of een kort nummer als 1765",
        "email": "schrijf een e-mailadres als naam@voorbeeld.be",
        "ipdc_concept_id": "een IPDC-concept-id heeft de vorm 8-4-4-4-12 (kleine letters en cijfers)",
    }
    if name in hints:
        return f"'{value}' is ongeldig: {hints[name]}"
    if name in ("loket", "andere_loketten", "verwante_producten"):
        return f"'{value}' is geen geldige id: {hints['id']}"
    if name in WEEKDAY_NAMES:
        return f"'{value}' is geen tijdvak: schrijf het als \"09:00-12:00\" (tussen aanhalingstekens)"
    return f"'{value}' heeft niet de juiste vorm"


WEEKDAY_NAMES = {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"}


def _unknown_key(loc: KeyPath, model: type[BaseModel]) -> str:
    key = str(loc[-1])
    fields = list(_model_at(model, loc[:-1]).model_fields)
    guess = difflib.get_close_matches(key, fields, n=1, cutoff=0.6)
    if guess:
        return f"onbekend veld '{key}': bedoelde je '{guess[0]}'?"
    return f"onbekend veld '{key}'; toegelaten velden hier: {', '.join(fields)}"


def _model_at(model: type[BaseModel], loc: KeyPath) -> type[BaseModel]:
    """The sub-model a location points into, so suggestions come from the right level."""
    current: type[BaseModel] = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        if info is None:
            break
        nested = _find_model(info.annotation)
        if nested is None:
            break
        current = nested
    return current


def _find_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _find_model(arg)
        if found is not None:
            return found
    return None


def suggest(value: str, allowed: list[str]) -> str:
    guess = difflib.get_close_matches(value, allowed, n=1, cutoff=0.6)
    if guess:
        return f"bedoelde je '{guess[0]}'?"
    return "toegelaten: " + ", ".join(allowed)
