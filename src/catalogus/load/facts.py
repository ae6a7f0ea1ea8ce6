"""Fill in the register's facts (feiten.yml) before validation, and refuse a number typed that the register holds.

A step of `prepare`, before the placeholders: an amount with `feit:` gets the value in force on the build's date,
with that date (`sinds`), its source and whether it is approximate; a rule's limit with `feit:` gets the fact's whole
dated history as its `waarden` (the rules decide on any reference date); a text's `$name` becomes the value as
words ("€ 1.314,43 per maand"), through the placeholders. Each fact a fiche uses is noted on its Source, so its page
can say where the number comes from. A euro amount that equals a register value, typed in a text or as `bedrag`,
is an error that names the fact: a typed copy is the one that goes stale.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from catalogus.base.findings import error
from catalogus.base.translations import format_amount, format_number
from catalogus.load.placeholders import PLACEHOLDER
from catalogus.load.sources import KeyPath, Source, field_name
from catalogus.model.facts import Fact, FactRegister, InForce, in_force

AMOUNT_BLOCKS = ("kostprijs", "ontvangt")
# A euro amount as Dutch text writes it: 1.288,46 or 1288,46 or 25.630 (with € or 'euro' next to it).
TYPED = re.compile(r"(?<![\w.,])(?:€\s*)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}))?(?:\s*(?:euro|EUR))?(?![\w,])")


@dataclass
class Facts:
    """The register on the build's date, computed once for every fiche."""

    register: FactRegister
    today: dt.date
    strings: dict[str, Any]
    current: dict[str, InForce] = field(init=False)
    texts: dict[str, str] = field(init=False)
    _typed: dict[Decimal, str] = field(init=False)

    def __post_init__(self) -> None:
        self.current = in_force(self.register, self.today)
        self.texts = {name: fact_words(item, self.strings) for name, item in self.current.items()}
        # every euro value the register ever held that text could not hold by chance: cents, or 100 or more
        self._typed = {
            value.waarde: name
            for name, fact in self.register.feiten.items() if fact.eenheid == "euro"
            for value in fact.waarden if value.waarde >= 100 or value.waarde != value.waarde.to_integral_value()
        }

    def typed(self, amount: Decimal) -> str | None:
        return self._typed.get(amount)


def fact_words(item: InForce, strings: dict[str, Any]) -> str:
    """The value as a sentence writes it: 'ongeveer € 1.314,43 per maand', '66 jaar'."""
    fact, value, words = item.fact, item.value, strings["feiten"]
    if fact.eenheid == "euro":
        text = format_amount(strings, value.waarde) + (" " + words["per"][fact.per] if fact.per else "")
    else:
        text = f"{format_number(strings, value.waarde)} {words['eenheid'][fact.eenheid]}".strip()
    return f"{strings['fiche']['ongeveer']} {text}" if value.ongeveer else text


def fill(source: Source, facts: Facts) -> None:
    """Fill every `feit:` of `source` in place; a wrong one, or a typed register number, is a finding at its line."""
    data = source.data
    if not isinstance(data, dict):
        return
    for block in AMOUNT_BLOCKS:
        amounts = data[block].get("bedragen") if isinstance(data.get(block), dict) else None
        for index, item in enumerate(amounts if isinstance(amounts, list) else []):
            if isinstance(item, dict):
                _amount(source, item, (block, "bedragen", index), facts)
    rights = data.get("rechten")
    limits = rights.get("grenzen") if isinstance(rights, dict) else None
    for name, limit in (limits.items() if isinstance(limits, dict) else []):
        if isinstance(limit, dict) and "feit" in limit:
            _limit(source, limit, ("rechten", "grenzen", name), facts)
        elif isinstance(limit, dict) and isinstance(limit.get("waarden"), list):
            _typed_limit(source, limit["waarden"], ("rechten", "grenzen", name, "waarden"), facts)
    for loc, text in _texts(data, ()):
        _text(source, text, loc, facts)
    if source.body:
        for offset, line in enumerate(source.body.split("\n")):
            _text(source, line, None, facts, source.body_line + offset)


def _fact(source: Source, name: object, loc: KeyPath, facts: Facts) -> InForce | None:
    """The fact `name` in force on the build's date, or a finding that says what is wrong."""
    line, column = source.line_of(loc)
    fact = facts.register.feiten.get(name) if isinstance(name, str) else None
    if fact is None:
        close = difflib.get_close_matches(str(name), list(facts.register.feiten), n=3)
        hint = (
            f"; bedoelt u {' of '.join(close)}?" if close
            else "; de feiten staan in feiten.yml" if facts.register.feiten
            else "; deze catalogus heeft geen feiten.yml (zie de schrijfwijzer: 'Bedragen die de overheid herziet')"
        )
        source.findings.append(error(source.path, line, field_name(loc), f"'{name}' is geen feit uit feiten.yml{hint}", column))
        return None
    current = facts.current.get(str(name))
    if current is None:
        first = fact.waarden[0].vanaf.isoformat()
        message = f"het feit '{name}' heeft nog geen waarde op {facts.today.isoformat()} (de eerste geldt vanaf {first})"
        source.findings.append(error(source.path, line, field_name(loc), message, column))
        return None
    source.facts[str(name)] = facts.texts[str(name)]
    return current


def _amount(source: Source, item: dict[str, Any], loc: KeyPath, facts: Facts) -> None:
    if "feit" not in item:
        amount = item.get("bedrag")
        if isinstance(amount, (int, float)) and not isinstance(amount, bool):
            name = facts.typed(Decimal(str(amount)))
            if name:
                _typed_finding(source, (*loc, "bedrag"), facts, name, f"bedrag {amount}")
        return
    line, column = source.line_of((*loc, "feit"))
    if "bedrag" in item:
        message = "geef 'bedrag' of 'feit', niet allebei: met 'feit' komt het bedrag uit feiten.yml"
        source.findings.append(error(source.path, line, field_name((*loc, "feit")), message, column))
        return
    current = _fact(source, item["feit"], (*loc, "feit"), facts)
    if current is None:
        return
    fact, value = current.fact, current.value
    if fact.eenheid != "euro":
        message = f"het feit '{current.id}' is geen bedrag in euro maar in '{fact.eenheid}'"
        source.findings.append(error(source.path, line, field_name((*loc, "feit")), message, column))
        return
    if loc[0] == "ontvangt" and fact.per and "per" in item:
        if item["per"] != fact.per:
            message = f"per: '{item['per']}' past niet bij het feit '{current.id}', dat per {fact.per} is"
            source.findings.append(error(source.path, line, field_name((*loc, "per")), message, column))
    item.update(bedrag=value.waarde, sinds=value.vanaf, bron=value.bron.model_dump(exclude_none=True))
    item["ongeveer"] = bool(item.get("ongeveer")) or value.ongeveer


def _limit(source: Source, limit: dict[str, Any], loc: KeyPath, facts: Facts) -> None:
    """A rule's limit: the fact's whole history (with the per-person fact's, on the days either changes)."""
    if "waarden" in limit:
        line, column = source.line_of((*loc, "feit"))
        message = "geef 'waarden' of 'feit', niet allebei: met 'feit' komen de bedragen uit feiten.yml"
        source.findings.append(error(source.path, line, field_name((*loc, "feit")), message, column))
        return
    base = _fact(source, limit["feit"], (*loc, "feit"), facts)
    extra = _fact(source, limit["feit_per_persoon"], (*loc, "feit_per_persoon"), facts) if "feit_per_persoon" in limit else None
    if base is None or ("feit_per_persoon" in limit and extra is None):
        return
    limit.setdefault("omschrijving", base.fact.omschrijving)
    limit["waarden"] = list(_history(base.fact, extra.fact if extra else None))


def _typed_limit(source: Source, values: list[Any], loc: KeyPath, facts: Facts) -> None:
    for index, value in enumerate(values):
        for key in ("bedrag", "per_persoon"):
            amount = value.get(key) if isinstance(value, dict) else None
            if isinstance(amount, (int, float)) and not isinstance(amount, bool):
                name = facts.typed(Decimal(str(amount)))
                if name:
                    _typed_finding(source, (*loc, index, key), facts, name, f"{key} {amount}", limit=True)


def _history(base: Fact, extra: Fact | None) -> Iterator[dict[str, Any]]:
    days = sorted({v.vanaf for v in base.waarden} | ({v.vanaf for v in extra.waarden} if extra else set()))
    for day in days:
        value = base.in_force(day)
        person = extra.in_force(day) if extra else None
        if value is None or (extra is not None and person is None):
            continue
        yield {"vanaf": day, "bedrag": value.waarde, **({"per_persoon": person.waarde} if person else {})}


def _texts(value: Any, loc: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*loc, index))


def _text(source: Source, text: str, loc: KeyPath | None, facts: Facts, body_line: int = 0) -> None:
    """Note the facts a text names ($name); refuse a euro amount in it that the register holds."""
    if "$" in text:
        named = [m.group(1) for m in PLACEHOLDER.finditer(text) if m.group(1) in facts.texts]
        source.facts.update((name, facts.texts[name]) for name in named)
    for match in TYPED.finditer(text):
        amount = Decimal(match.group(1).replace(".", "") + "." + (match.group(2) or "00"))
        name = facts.typed(amount)
        if name and ("€" in match.group(0) or "euro" in match.group(0).lower() or match.group(2)):
            if loc is None:
                _typed_finding(source, None, facts, name, match.group(0).strip(), body_line)
            else:
                _typed_finding(source, loc, facts, name, match.group(0).strip())


def _typed_finding(
    source: Source, loc: KeyPath | None, facts: Facts, name: str, typed: str, body_line: int = 0, limit: bool = False
) -> None:
    fact = facts.register.feiten[name]
    write = (
        f"'feit: {name}' in plaats van 'waarden'" if limit
        else f"'feit: {name}' in plaats van 'bedrag'" if loc and loc[-1] == "bedrag" else f"${name} in plaats van het getal"
    )
    message = (
        f"'{typed}' staat in feiten.yml als '{name}' ({fact.omschrijving}): schrijf {write}, "
        f"dan toont de site altijd het bedrag dat nu geldt, met zijn datum en bron"
    )
    if loc is None:
        source.findings.append(error(source.path, body_line, "tekst", message))
    else:
        line, column = source.line_of(loc)
        source.findings.append(error(source.path, line, field_name(loc), message, column))
