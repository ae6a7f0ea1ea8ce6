"""The register of facts that change (`feiten.yml`): each amount, limit or age a government revises, defined once
for every town, with dated values (`vanaf`), a unit and a source per value (learnt from OpenFisca's parameters).

Fiches never type such a number: a text writes `$leefloon_alleenstaand`, an amount `feit: leefloon_alleenstaand`,
a rule's limit `feit:` too (catalogus.load.facts fills them in). What is shown is the value in force on the
build's date, with that date and its source; the checker warns when a fact's newest value is older than its
expected revision period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from pydantic import Field, field_validator, model_validator

from catalogus.base.fields import FactId, ShortText, Strict
from catalogus.model import Bron
from catalogus.model.review import add_months

FACTS_FILE = "feiten.yml"
MAX_VALUE = Decimal(1_000_000_000)

Unit = Literal["euro", "jaar", "procent", "aantal"]
Per = Literal["maand", "jaar", "uur", "dag", "eenmalig"]


class FactValue(Strict):
    vanaf: dt.date = Field(description="Vanaf deze datum (JJJJ-MM-DD) geldt deze waarde.")
    waarde: Decimal = Field(description="De waarde, in de eenheid van het feit; een punt als decimaalteken, bv. 1314.43.")
    ongeveer: bool = Field(False, strict=True, description="true als de waarde een benadering is.")
    bron: Bron = Field(description="De pagina of het document dat deze waarde vermeldt (niet de startpagina van een site).")

    @field_validator("waarde", mode="before")
    @classmethod
    def _number(cls, value: object) -> object:
        if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
            raise ValueError("geef een getal, zonder € en met een punt als decimaalteken, bv. 1314.43")
        amount = Decimal(str(value))
        if not amount.is_finite() or abs(amount) > MAX_VALUE or amount != amount.quantize(Decimal("0.01")):
            raise ValueError("geef een getal van hoogstens 1.000.000.000 met hoogstens 2 cijfers na de punt")
        return amount


class Fact(Strict):
    """One fact and its history: the value in force on a day is the last one whose `vanaf` is not after it."""

    omschrijving: ShortText = Field(description="Wat dit feit is, bv. 'Leefloon voor een alleenstaande'.")
    eenheid: Unit = Field(description="euro, jaar (een leeftijd), procent of aantal.")
    per: Per | None = Field(None, description="Bij euro: per maand, jaar, uur of dag, of eenmalig.")
    herzien_elke: int | None = Field(
        None, ge=1, le=120, strict=True,
        description="Na hoeveel maanden de overheid dit feit gewoonlijk herziet (indexering: 12). De controle "
        "waarschuwt als de nieuwste waarde ouder is.",
    )
    waarden: list[FactValue] = Field(min_length=1, max_length=50, description="De waarden, oudste eerst, elk met 'vanaf'.")

    @model_validator(mode="after")
    def _consistent(self) -> Fact:
        days = [value.vanaf for value in self.waarden]
        if days != sorted(set(days)):
            raise ValueError("zet de waarden op datum, oudste eerst, elke 'vanaf' één keer")
        if self.per and self.eenheid != "euro":
            raise ValueError("'per' hoort alleen bij een bedrag in euro")
        return self

    def in_force(self, day: dt.date) -> FactValue | None:
        """The value in force on `day`; None before the first one."""
        found = None
        for value in self.waarden:
            if value.vanaf > day:
                break
            found = value
        return found

    def overdue(self, today: dt.date) -> bool:
        """The newest value is older than the expected revision period."""
        if self.herzien_elke is None:
            return False
        return today >= add_months(self.waarden[-1].vanaf, self.herzien_elke)


class FactRegister(Strict):
    """feiten.yml: shared by every town of the repository, so one update reaches all of them."""

    feiten: dict[FactId, Fact] = Field(default_factory=dict, max_length=1000, description="Elk feit onder zijn naam.")


@dataclass(frozen=True)
class InForce:
    """A fact on the build's date: what a fiche shows and where it comes from."""

    id: str
    fact: Fact
    value: FactValue
    overdue: bool  # older than its revision period: the page says it may have changed since


def in_force(register: FactRegister, day: dt.date) -> dict[str, InForce]:
    """Each fact's value on `day` (a fact with no value yet on that day is left out: a reference to it is an error)."""
    found = {}
    for name, fact in register.feiten.items():
        value = fact.in_force(day)
        if value is not None:
            found[name] = InForce(name, fact, value, fact.overdue(day))
    return found
