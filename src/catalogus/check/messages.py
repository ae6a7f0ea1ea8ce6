"""Dutch explanations of model errors, written for editors: what is wrong and how to fix it."""

from __future__ import annotations

import difflib
import re
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from catalogus.base.fields import FACT_NAME
from catalogus.base.slug import slug
from catalogus.load.sources import YAML_VALUE_NAMES, KeyPath, Scalar
from catalogus.load.yaml_messages import word_processor_characters
from catalogus.model import REFERENCES

# A reference field by the name editors see last in its location (opvolger for stopgezet.opvolger).
REFERENCE_FIELDS = {path[-1]: kind for path, kind in REFERENCES}


@dataclass(frozen=True)
class Known:
    """The ids and names of the loketten and fiches on disk (valid or not), to suggest what an editor meant."""

    loketten: Mapping[str, str] = field(default_factory=dict)
    products: Mapping[str, str] = field(default_factory=dict)

    def of(self, kind: str) -> Mapping[str, str]:
        return self.loketten if kind == "loket" else self.products

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
    "float_type": "een getal",
    "int_from_float": "een geheel getal, zonder cijfers na de punt",
    "int_parsing": "een geheel getal",
    "float_parsing": "een getal",
    "decimal_parsing": "een getal",
}


def describe(err: ErrorDetails, scalar: Scalar | None, model: type[BaseModel], known: Known | None = None) -> str:
    """Turn one pydantic error into a sentence an editor can act on."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    loc = tuple(err["loc"])
    if kind == "missing":
        return f"dit verplichte veld ontbreekt; voeg '{loc[-1]}:' toe"
    if kind == "extra_forbidden":
        return _unknown_key(loc, model)
    if kind == "string_type" and isinstance(err["input"], dict) and len(err["input"]) == 1:
        return _colon_in_text(str(next(iter(err["input"]))))
    if kind in EXPECTED:
        return _wrong_type(EXPECTED[kind], scalar)
    if kind == "string_too_long":
        return f"te lang: hoogstens {ctx['max_length']} tekens (nu {len(str(err['input']))}); maak het korter"
    if kind == "string_too_short":
        return f"te kort: minstens {ctx['min_length']} teken(s); vul dit veld in of laat het weg"
    if kind == "too_short":
        return f"geef minstens {ctx['min_length']} waarde(n)"
    if kind == "string_pattern_mismatch" and loc and loc[-1] == "[key]":
        return _key_hint(str(err["input"]), ctx.get("pattern", ""))
    if kind == "string_pattern_mismatch":
        return _pattern_hint(loc, str(err["input"]), known or Known())
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
    if kind == "too_long":
        return f"te veel waarden: hoogstens {ctx.get('max_length')}; laat er enkele weg"
    if kind in ("greater_than", "less_than"):
        return f"de waarde {err['input']} ligt buiten de grenzen"
    if kind == "literal_error":  # ctx["expected"] is "'a', 'b' or 'c'"
        return f"'{err['input']}' kan hier niet; kies uit: {ctx.get('expected', '').replace(' or ', ', ')}"
    # Never the validator's English: name the field's problem in general terms.
    return "deze waarde is hier niet toegelaten; vergelijk met een bestaande fiche of de uitleg in content/README.md"


def _colon_in_text(before: str) -> str:
    """A text with ': ' in it (a list item, a value) reads as 'veld: waarde': the usual cause, told with its words."""
    shown = before if len(before) <= 40 else "…" + before[-40:]
    return (
        f"deze tekst wordt gelezen als 'veld: waarde', omdat er na '{shown}' een ':' met een spatie staat; zet de hele "
        f"tekst tussen aanhalingstekens (\"…\"), of schrijf een ';' in plaats van de ':'"
    )


def _wrong_type(expected: str, scalar: Scalar | None) -> str:
    if scalar is None:
        return f"verwacht {expected}"
    if scalar.tag == "null" and not scalar.text:
        return f"dit veld is leeg; vul {expected} in, of laat het veld weg als het niet verplicht is"
    read_as = YAML_TYPE_NAMES.get(scalar.tag, scalar.tag)
    message = f"verwacht {expected}, maar '{scalar.text}' werd gelezen als {read_as}"
    if not scalar.quoted and scalar.tag in ("bool", "int", "float", "timestamp", "null") and expected == "tekst":
        message += f"; zet de tekst tussen aanhalingstekens: \"{scalar.text}\""
    elif scalar.tag == "str" and expected.startswith("een lijst") and scalar.text[:1] in ("\u2013", "\u2014", "\u2022"):
        message += (
            f"; de regels beginnen met {word_processor_characters(scalar.text[0])} uit een tekstverwerker: "
            "begin elke regel van de lijst met een gewoon minteken en een spatie ('- ')"
        )
    elif expected.startswith("een lijst"):
        message += "; zet elke waarde op een eigen regel die begint met '- ', ingesprongen onder de veldnaam"
    elif expected == "true of false" and scalar.tag == "str":
        message += "; schrijf true (ja) of false (nee), zonder aanhalingstekens"
    return message


def _bounds(ctx: dict[str, Any]) -> str:
    parts = []
    if "ge" in ctx:
        parts.append(f"minstens {ctx['ge']}")
    if "le" in ctx:
        parts.append(f"hoogstens {ctx['le']}")
    return ", ".join(parts)


def _pattern_hint(loc: KeyPath, value: str, known: Known) -> str:
    name = next((p for p in reversed(loc) if isinstance(p, str)), "")
    odd = word_processor_characters(value)
    if odd:
        return f"'{value}' bevat {odd} (vaak gekopieerd uit een tekstverwerker); typ de waarde opnieuw"
    if name in REFERENCE_FIELDS:
        kind = REFERENCE_FIELDS[name]
        what = "een loket" if kind == "loket" else "een fiche"
        guess = suggest_reference(value, known.of(kind))
        if guess:
            return f"'{value}' is geen id van {what}; {guess}"
        examples = ", ".join(sorted(known.of(kind))[:3]) or ("onthaal-ocmw" if kind == "loket" else "gratis-huisvuilzakken")
        return f"'{value}' is geen id van {what}: de id is de bestandsnaam zonder .md, bv. {examples}"
    example = slug(value) or "gratis-huisvuilzakken"
    hints = {
        "id": f"gebruik alleen kleine letters, cijfers en koppeltekens, bv. '{example}'",
        "postcode": "een postcode heeft 4 cijfers, tussen aanhalingstekens: \"1000\"",
        "telefoon": (
            "schrijf een telefoonnummer met cijfers en spaties, bv. 012 34 56 78, +32 12 34 56 78 of een kort nummer als 1765"
        ),
        "email": "schrijf een e-mailadres als naam@voorbeeld.be",
        "feit": "geef de naam van een feit uit feiten.yml: kleine letters en '_', bv. 'leefloon_alleenstaand'",
        "feit_per_persoon": "geef de naam van een feit uit feiten.yml: kleine letters en '_', bv. 'leefloon_alleenstaand'",
        "ipdc_concept_id": "een IPDC-concept-id heeft de vorm 8-4-4-4-12 (kleine letters en cijfers)",
    }
    if name in hints:
        return f"'{value}' is ongeldig: {hints[name]}"
    if name in WEEKDAY_NAMES:
        return f"'{value}' is geen tijdvak: schrijf het als \"09:00-12:00\" (tussen aanhalingstekens)"
    return f"'{value}' heeft niet de juiste vorm"


def _key_hint(value: str, pattern: str) -> str:
    if pattern == FACT_NAME:
        example = re.sub(r"[^a-z_]+", "_", value.lower()).strip("_") or "leefloon_alleenstaand"
        return f"'{value}' kan geen naam van een feit zijn: gebruik alleen kleine letters en '_', bv. '{example}'"
    if "A-Z" in pattern:
        return f"'{value}' is geen IPDC-code: schrijf de code zoals de Vlaamse standaard, bv. 'WelzijnGezondheid'"
    return (
        f"'{value}' kan geen id zijn: gebruik alleen kleine letters, cijfers en koppeltekens, "
        f"bv. '{slug(value) or 'senioren'}'"
    )


WEEKDAY_NAMES = {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"}


def _unknown_key(loc: KeyPath, model: type[BaseModel]) -> str:
    key = str(loc[-1])
    fields = list(_model_at(model, loc[:-1]).model_fields)
    guess = difflib.get_close_matches(key, fields, n=1, cutoff=0.6)
    odd = word_processor_characters(key)
    if odd:
        return f"de veldnaam '{key}' bevat {odd} (vaak gekopieerd uit een tekstverwerker); typ de veldnaam opnieuw"
    if guess:
        return f"onbekend veld '{key}': bedoelde u '{guess[0]}'?"
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


# Close enough to be a typo (seniors -> senioren: 0.8), not close enough to turn a word into its
# opposite (ouderen -> jongeren: 0.67).
TYPO_CUTOFF = 0.78


def _closest(value: str, names: Mapping[str, str]) -> str | None:
    """The id whose id, name or synonym `value` is (or is a typo of); `names` maps a spelling to its id."""
    wanted = slug(value)
    if wanted in names:
        return names[wanted]
    guess = difflib.get_close_matches(wanted, list(names), n=1, cutoff=TYPO_CUTOFF)
    return names[guess[0]] if guess else None


def suggest_term(value: str, terms: Mapping[str, Any]) -> str:
    """A suggestion from a vocabulary: by id, label and synonyms; otherwise the allowed values with labels."""
    names: dict[str, str] = {}
    for key, term in terms.items():
        for spelling in (key, term.label, *getattr(term, "synoniemen", ())):
            names.setdefault(slug(spelling), key)
    odd = word_processor_characters(value)
    if odd:
        return f"de waarde bevat {odd} (vaak gekopieerd uit een tekstverwerker); typ ze opnieuw"
    closest = _closest(value, names)
    if closest is not None:
        return f"bedoelde u '{closest}' ({terms[closest].label})?"
    return "kies uit: " + ", ".join(f"{key} ({term.label})" for key, term in terms.items())


def suggest_reference(value: str, ids_and_names: Mapping[str, str]) -> str | None:
    """'bedoelde u ...?' for a loket or fiche id typed wrongly or as its name, or None."""
    names: dict[str, str] = {}
    for key, name in ids_and_names.items():
        names.setdefault(slug(key), key)
        if name:
            names.setdefault(slug(name), key)
    closest = _closest(value, names)
    if closest is None or closest == value:
        return None
    name = ids_and_names[closest]
    return f"bedoelde u '{closest}'" + (f" ({name})" if name else "") + "?"
