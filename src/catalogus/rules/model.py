"""The `rechten` block of a fiche: categories of people who have the right, as conditions over the shared questions.

Validated here, with Dutch messages the checker shows at the line of the offending condition; `compiled` turns a
valid block into the JSON both evaluators read. A condition is a leaf (one question, one comparison) or a
combinator (alle / een_van / niet). Numbers carry at most 2 decimals, so both runtimes compare whole hundredths.
"""

from __future__ import annotations

import datetime as dt
import difflib
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, StringConstraints, field_validator, model_validator

from catalogus.base.fields import EDITOR_TEXT, FactId, ShortText, Strict, Url
from catalogus.rules.questions import questions

MAX_DEPTH = 6
MAX_CHILDREN = 20
MAX_NUMBER = Decimal(1_000_000_000)
COMPARISONS = ("kleiner_dan", "hoogstens", "groter_dan", "minstens")
OPERATORS = ("is", "is_een_van", *COMPARISONS)
Toekenning = Literal["automatisch", "uitnodiging", "aanvraag"]


GrensNaam = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
Explanation = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=200), EDITOR_TEXT]


def number(value: object) -> Decimal:
    """A YAML number with at most 2 decimals, never text or a yes/no value."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise ValueError("geef een getal, zonder € en met een punt als decimaalteken, bv. 13000 of 12.50")
    amount = Decimal(str(value))
    if not amount.is_finite() or abs(amount) > MAX_NUMBER:
        raise ValueError("geef een gewoon getal van hoogstens 1.000.000.000")
    if amount != amount.quantize(Decimal("0.01")):
        raise ValueError(f"{value} heeft meer dan 2 cijfers na de punt; rond af op de cent")
    return amount


class Bron(Strict):
    titel: ShortText = Field(description="Naam van de bron, bv. de wet, het reglement of de website.")
    url: Url | None = Field(
        None, description="Link naar de bron (https://…), als die online staat."
    )


class GrensWaarde(Strict):
    vanaf: dt.date = Field(description="Vanaf deze datum (JJJJ-MM-DD) geldt dit bedrag.")
    bedrag: Decimal = Field(description="Het grensbedrag, in de eenheid van de vraag (bv. euro per jaar).")
    per_persoon: Decimal | None = Field(
        None, description="Bedrag dat erbij komt per persoon (zie 'per_persoon_vraag'), bv. per persoon ten laste."
    )

    _numbers = field_validator("bedrag", "per_persoon", mode="before")(lambda cls, v: None if v is None else number(v))


class Grens(Strict):
    """A threshold that changes over time: the value in force on the reference date applies."""

    omschrijving: ShortText = Field(description="Wat deze grens is, bv. 'inkomensgrens categorie B'.")
    per_persoon_vraag: str | None = Field(
        None, description="Vraag met het aantal personen voor 'per_persoon' (grens = bedrag + per_persoon × aantal)."
    )
    waarden: list[GrensWaarde] = Field(
        default_factory=list, max_length=50,
        description="De bedragen, elk met 'vanaf'; leeg als de grens een 'feit' uit feiten.yml is (dan ingevuld).",
    )
    feit: FactId | None = Field(
        None, description="Het feit uit feiten.yml dat deze grens is (bv. leefloon_alleenstaand), in plaats van 'waarden'."
    )
    feit_per_persoon: FactId | None = Field(
        None, description="Het feit uit feiten.yml met het bedrag dat er per persoon bij komt (met 'per_persoon_vraag')."
    )

    @model_validator(mode="after")
    def _consistent(self) -> Grens:
        if not self.waarden and not self.feit:
            raise ValueError("geef 'waarden' (bedragen met 'vanaf') of 'feit' (een feit uit feiten.yml)")
        if self.feit_per_persoon and not self.feit:
            raise ValueError("'feit_per_persoon' hoort bij een 'feit'")
        if not self.waarden:
            return self
        days = [w.vanaf for w in self.waarden]
        if days != sorted(set(days)):
            raise ValueError("waarden: zet de bedragen in volgorde van 'vanaf', elke datum één keer")
        per_person = [w.per_persoon is not None for w in self.waarden]
        if self.per_persoon_vraag is None and any(per_person):
            raise ValueError("een bedrag 'per_persoon' heeft een 'per_persoon_vraag' nodig (welk aantal personen?)")
        if self.per_persoon_vraag is not None:
            if not all(per_person):
                raise ValueError("met een 'per_persoon_vraag' heeft elke waarde een 'per_persoon'-bedrag nodig")
            question = questions().get(self.per_persoon_vraag)
            if question is None or not question.geheel:
                raise ValueError(
                    f"per_persoon_vraag: '{self.per_persoon_vraag}' is geen vraag naar een aantal; kies een vraag "
                    f"met 'geheel: true' uit vragen.yml, bv. personen_ten_laste"
                )
        return self


class Voorwaarde(Strict):
    """A leaf (vraag + one comparison + uitleg) or a combinator (alle, een_van or niet)."""

    vraag: str | None = Field(None, description="Id van een vraag uit vragen.yml.")
    is_: Any = Field(None, alias="is", description="Het antwoord is gelijk aan (true/false, of een keuze).")
    is_een_van: list[Any] | None = Field(None, description="Het antwoord is een van deze keuzes.")
    kleiner_dan: Any = Field(None, description="Het antwoord is kleiner dan dit getal, deze datum of deze grens.")
    hoogstens: Any = Field(None, description="Het antwoord is hoogstens (kleiner dan of gelijk aan) dit.")
    groter_dan: Any = Field(None, description="Het antwoord is groter dan dit.")
    minstens: Any = Field(None, description="Het antwoord is minstens (groter dan of gelijk aan) dit.")
    alle: list[Voorwaarde] | None = Field(None, max_length=MAX_CHILDREN, description="Alle voorwaarden gelden.")
    een_van: list[Voorwaarde] | None = Field(
        None, max_length=MAX_CHILDREN, description="Minstens één van de voorwaarden geldt."
    )
    niet: Voorwaarde | None = Field(None, description="Deze voorwaarde geldt niet.")
    uitleg: Explanation | None = Field(None, description="Korte uitleg in gewone taal (verplicht bij een vraag).")

    model_config = ConfigDict(populate_by_name=False)

    def operators(self) -> list[str]:
        return [op for op in OPERATORS if self.given(op)]

    def given(self, op: str) -> bool:
        return getattr(self, "is_" if op == "is" else op) is not None

    def operand(self, op: str) -> Any:
        return getattr(self, "is_" if op == "is" else op)

    def children(self) -> list[Voorwaarde]:
        return [*(self.alle or ()), *(self.een_van or ()), *([self.niet] if self.niet else [])]

    @property
    def combinator(self) -> str | None:
        return next((name for name in ("alle", "een_van", "niet") if getattr(self, name) is not None), None)

    @model_validator(mode="after")
    def _one_shape(self) -> Voorwaarde:
        combinators = [name for name in ("alle", "een_van", "niet") if getattr(self, name) is not None]
        if self.vraag is None:
            if len(combinators) != 1 or self.operators():
                raise ValueError(
                    "een voorwaarde heeft ofwel 'vraag' met één vergelijking (is, is_een_van, kleiner_dan, "
                    "hoogstens, groter_dan, minstens), ofwel één van 'alle', 'een_van' of 'niet'"
                )
            if combinators[0] != "niet" and not getattr(self, combinators[0]):
                raise ValueError(f"{combinators[0]}: geef minstens één voorwaarde")
            if _depth(self) > MAX_DEPTH:
                raise ValueError(f"de voorwaarden zijn te diep genest (hoogstens {MAX_DEPTH} niveaus)")
            return self
        if combinators:
            raise ValueError("een voorwaarde met 'vraag' kan geen 'alle', 'een_van' of 'niet' bevatten")
        question = questions().get(self.vraag)
        if question is None:
            guess = difflib.get_close_matches(self.vraag, list(questions()), n=1)
            hint = f"bedoelt u '{guess[0]}'?" if guess else "kies een vraag uit src/catalogus/rules/vragen.yml"
            raise ValueError(f"vraag: '{self.vraag}' staat niet in de lijst met vragen; {hint}")
        ops = self.operators()
        if len(ops) != 1:
            raise ValueError("geef precies één vergelijking: is, is_een_van, kleiner_dan, hoogstens, groter_dan of minstens")
        if self.uitleg is None:
            raise ValueError("uitleg: elke voorwaarde met een vraag heeft een korte uitleg in gewone taal nodig")
        _check_operand(question.soort, ops[0], self.operand(ops[0]), question.keuzes)
        return self


def _depth(node: Voorwaarde) -> int:
    return 1 + max((_depth(child) for child in node.children()), default=0)


def _check_operand(kind: str, op: str, value: Any, choices: dict[str, str]) -> None:
    """The comparison fits the question's type; grens names are checked by the block that holds the grenzen."""
    if kind == "ja_nee":
        if op != "is" or not isinstance(value, bool):
            raise ValueError(f"{op}: een ja/nee-vraag vergelijkt u met 'is: true' of 'is: false'")
    elif kind == "keuze":
        values = value if op == "is_een_van" else [value]
        if op not in ("is", "is_een_van"):
            raise ValueError(f"{op}: een keuzevraag vergelijkt u met 'is' of 'is_een_van'")
        wrong = [v for v in values if v not in choices]
        if wrong or not values:
            raise ValueError(f"{op}: '{wrong[0] if wrong else ''}' is geen keuze van deze vraag; kies uit: {', '.join(choices)}")
    elif kind == "getal":
        if op not in COMPARISONS:
            raise ValueError(f"{op}: een getal vergelijkt u met kleiner_dan, hoogstens, groter_dan of minstens")
        if not isinstance(value, str):
            try:
                number(value)
            except ValueError as exc:
                raise ValueError(f"{op}: {exc}") from None
    elif kind == "datum":
        if op not in COMPARISONS or isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            raise ValueError(
                f"{op}: een datum vergelijkt u met kleiner_dan, hoogstens, groter_dan of minstens en een datum als JJJJ-MM-DD"
            )


class Categorie(Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=40)] = Field(
        description="Korte naam van de categorie, bv. 'a' of 'leefloon'."
    )
    naam: ShortText = Field(description="Naam van de categorie zoals de burger hem leest, bv. 'Categorie A'.")
    toekenning: Toekenning = Field(
        description="automatisch (de gemeente kent toe met gegevens die ze heeft), uitnodiging (brief, de burger "
        "vraagt aan) of aanvraag (de burger vraagt zelf)."
    )
    geldig_vanaf: dt.date | None = Field(None, description="Eerste dag waarop deze categorie geldt.")
    geldig_tot: dt.date | None = Field(None, description="Laatste dag waarop deze categorie geldt.")
    voorwaarde: Voorwaarde = Field(description="De voorwaarde(n) van deze categorie.")
    dienst_kijkt_ook_naar: Explanation | None = Field(
        None,
        description="Wat de dienst ook beoordeelt en geen vraag kan vragen (bv. 'uw spaargeld en het inkomen van wie "
        "bij u woont'). Dan is deze categorie nooit een gewoon ja, maar 'misschien — de dienst kijkt ook naar …'.",
    )

    @model_validator(mode="after")
    def _window(self) -> Categorie:
        _check_window(self.geldig_vanaf, self.geldig_tot)
        return self


class Rechten(Strict):
    """Who has the right, in categories (in priority order); thresholds as dated grenzen."""

    ongeveer: bool = Field(strict=True, description="true als de grenzen benaderingen zijn (zeg dat dan ook in de tekst).")
    jaar: int = Field(ge=1990, le=2100, strict=True, description="Van welk jaar de grenzen en voorwaarden zijn.")
    bron: Bron = Field(description="Waar de voorwaarden en grenzen vandaan komen.")
    geldig_vanaf: dt.date | None = Field(None, description="Eerste dag waarop deze regels gelden.")
    geldig_tot: dt.date | None = Field(None, description="Laatste dag waarop deze regels gelden.")
    grenzen: dict[GrensNaam, Grens] = Field(default_factory=dict, description="Grensbedragen die in de tijd veranderen.")
    al_vraag: str | None = Field(
        None,
        description="Ja/nee-vraag uit vragen.yml die zegt dat iemand dit product al krijgt (bv. 'leefloon'): de wizard "
        "toont dan 'U hebt dit al' in plaats van een nieuw ja.",
    )
    categorieen: list[Categorie] = Field(min_length=1, max_length=10, description="Wie recht heeft, per categorie.")

    @model_validator(mode="after")
    def _references(self) -> Rechten:
        _check_window(self.geldig_vanaf, self.geldig_tot)
        if self.al_vraag is not None:
            question = questions().get(self.al_vraag)
            if question is None or question.soort != "ja_nee":
                raise ValueError(f"al_vraag: '{self.al_vraag}' is geen ja/nee-vraag uit vragen.yml")
        ids = [c.id for c in self.categorieen]
        double = next((i for i in ids if ids.count(i) > 1), None)
        if double:
            raise ValueError(f"categorieen: de id '{double}' staat er meer dan één keer")
        used = set()
        for category in self.categorieen:
            for leaf in leaves(category.voorwaarde):
                assert leaf.vraag is not None  # a leaf is a condition on a question
                op = leaf.operators()[0]
                value = leaf.operand(op)
                if isinstance(value, str) and questions()[leaf.vraag].soort == "getal":
                    if value not in self.grenzen:
                        raise ValueError(
                            f"categorieen: de grens '{value}' bij vraag '{leaf.vraag}' staat niet onder 'grenzen'"
                        )
                    used.add(value)
        unused = sorted(set(self.grenzen) - used)
        if unused:
            raise ValueError(f"grenzen: '{unused[0]}' wordt in geen enkele voorwaarde gebruikt; gebruik of verwijder hem")
        return self


def leaves(node: Voorwaarde) -> list[Voorwaarde]:
    if node.vraag is not None:
        return [node]
    return [leaf for child in node.children() for leaf in leaves(child)]


def _check_window(start: dt.date | None, end: dt.date | None) -> None:
    if start and end and end < start:
        raise ValueError("geldig_tot ligt vóór geldig_vanaf")


Voorwaarde.model_rebuild()
