"""The content model: the single source of truth for a fiche and a loket.

Field names are Dutch because editors type them; every field carries a description that ends up in
the JSON Schema and in the editors' field reference. Checks that need the whole catalogue (references,
duplicate ids) or the vocabularies live in `validate`, not here.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from collections.abc import Iterator
from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from .markup import PHONE_PATTERN, link_problem, text_problems

from .rules.model import Rechten

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
TIME_SLOT = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$")
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")



def _editor_text(value: str) -> str:
    """Raw HTML, unsafe links and the like, found by the parse the site renders with (catalogus.markup)."""
    problems = text_problems(value)
    if problems:
        raise ValueError("; ".join(dict.fromkeys(problem.message for problem in problems)))
    return value


def _web_address(value: str) -> str:
    message = link_problem(value)
    if message:
        raise ValueError(message)
    return value


# The rules live on the types, so `Fiche.model_validate` alone (an import, a form editor) enforces them.
EDITOR_TEXT = AfterValidator(_editor_text)
WEB_ADDRESS = AfterValidator(_web_address)


def text(min_length: int = 1, max_length: int | None = None) -> Any:
    """Editors' text of a given length: Markdown where the site renders it, plain text elsewhere."""
    return Annotated[str, StringConstraints(strip_whitespace=True, min_length=min_length, max_length=max_length), EDITOR_TEXT]


Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
Text = text()
ShortText = text(max_length=200)
Title = text(min_length=3, max_length=80)
Summary = text(min_length=20, max_length=160)
Keyword = text(min_length=2, max_length=40)
Description = text(max_length=300)
Url = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000), WEB_ADDRESS]
Phone = Annotated[str, StringConstraints(strip_whitespace=True, pattern=PHONE_PATTERN)]
Email = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]


class Strict(BaseModel):
    """Base for every content object: unknown keys are an error, never silently dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Link(Strict):
    titel: ShortText = Field(description="De tekst van de link, zoals de burger hem leest.")
    url: Url = Field(description="Het webadres (https://…), of mailto:/tel:.")


class Regelgeving(Strict):
    titel: ShortText = Field(description="De naam van de wet, het decreet of het reglement.")
    url: Url | None = Field(None, description="Link naar de officiële tekst, als die online staat.")


class Bedrag(Strict):
    omschrijving: ShortText = Field(description="Waarvoor dit bedrag geldt, bv. 'Identiteitskaart (gewone procedure)'.")
    bedrag: Decimal = Field(
        ge=0, max_digits=9, decimal_places=2, description="Bedrag in euro, met hoogstens 2 cijfers na de komma."
    )
    ongeveer: bool = Field(False, strict=True, description="true als het bedrag een benadering is (vermeld dan jaar en bron).")

    @field_validator("bedrag", mode="before")
    @classmethod
    def _number_not_text(cls, value: object) -> object:
        # YAML gives int/float for numbers; a quoted "12,50" is text and must not be guessed at.
        if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
            raise ValueError("geef een getal, zonder € en met een punt als decimaalteken, bv. 12.50")
        return Decimal(str(value))


class Kostprijs(Strict):
    gratis: bool = Field(strict=True, description="true als de burger niets betaalt.")
    bedragen: list[Bedrag] = Field(default_factory=list, description="De bedragen, als het niet gratis is.")
    toelichting: Text | None = Field(None, description="Uitleg: kortingen, wie minder betaalt, hoe u betaalt.")
    bron: Link | None = Field(None, description="Officiële bron van de bedragen (verplicht bij een benadering).")

    @model_validator(mode="after")
    def _consistent(self) -> Kostprijs:
        if self.gratis and self.bedragen:
            raise ValueError("een gratis product heeft geen bedragen: zet 'gratis: false' of verwijder 'bedragen'")
        if not self.gratis and not self.bedragen and not self.toelichting:
            raise ValueError("geef 'bedragen' of een 'toelichting' over wat het kost")
        if any(b.ongeveer for b in self.bedragen) and self.bron is None:
            raise ValueError("een benaderd bedrag ('ongeveer: true') heeft een 'bron' nodig")
        return self


class Adres(Strict):
    straat: ShortText = Field(description="Straat en huisnummer.")
    postcode: Annotated[str, StringConstraints(pattern=r"^[0-9]{4}$")] = Field(
        description="Belgische postcode, 4 cijfers, tussen aanhalingstekens: \"8530\"."
    )
    gemeente: ShortText = Field(description="Gemeente.")


class Contact(Strict):
    """Contact details shared by a loket and an external provider."""

    telefoon: Phone | None = Field(None, description="Telefoonnummer, bv. 056 73 33 11.")
    email: Email | None = Field(None, description="E-mailadres.")
    website: Url | None = Field(None, description="Website (https://…).")
    adres: Adres | None = Field(None, description="Bezoekadres.")


TimeSlots = list[Annotated[str, StringConstraints(pattern=TIME_SLOT.pattern)]]


class Openingsuren(Strict):
    maandag: TimeSlots = Field(default_factory=list, description="Tijdvakken als \"09:00-12:00\".")
    dinsdag: TimeSlots = Field(default_factory=list, description="Tijdvakken als \"09:00-12:00\".")
    woensdag: TimeSlots = Field(default_factory=list, description="Tijdvakken als \"09:00-12:00\".")
    donderdag: TimeSlots = Field(default_factory=list, description="Tijdvakken als \"09:00-12:00\".")
    vrijdag: TimeSlots = Field(default_factory=list, description="Tijdvakken als \"09:00-12:00\".")
    zaterdag: TimeSlots = Field(default_factory=list, description="Tijdvakken als \"09:00-12:00\".")
    zondag: TimeSlots = Field(default_factory=list, description="Tijdvakken als \"09:00-12:00\".")
    uitzonderingen: Text | None = Field(
        None, description="Afwijkingen: feestdagen, zomeruren, enkel op afspraak op bepaalde dagen."
    )

    @model_validator(mode="after")
    def _slots_in_order(self) -> Openingsuren:
        for day in WEEKDAYS:
            previous_end = ""
            for slot in getattr(self, day):
                start, end = slot.split("-")
                if end <= start:
                    raise ValueError(f"{day}: het tijdvak {slot} eindigt niet na het begin")
                if start < previous_end:
                    raise ValueError(f"{day}: het tijdvak {slot} overlapt met het vorige of staat niet in volgorde")
                previous_end = end
        return self

    def slots(self, weekday: str) -> list[str]:
        return list(getattr(self, weekday))


class Aanbieder(Contact):
    """An external provider (CAW, ziekenfonds, VDAB…) that delivers the product, with its own contact card."""

    naam: ShortText = Field(description="Naam van de externe organisatie, bv. 'CAW Zuid-West-Vlaanderen'.")
    beschrijving: Text | None = Field(None, description="Wat deze organisatie doet, in één of twee zinnen.")


class Loket(Contact):
    """One of the town's one-stop counters."""

    id: Slug = Field(description="Korte naam in kleine letters met koppeltekens; gelijk aan de bestandsnaam.")
    naam: ShortText = Field(description="Naam van het loket.")
    beschrijving: Description = Field(
        description="Eén of twee zinnen: waarvoor kan de burger hier terecht?"
    )
    adres: Adres = Field(description="Bezoekadres.")
    openingsuren: Openingsuren = Field(description="Openingsuren per weekdag, met uitzonderingen.")
    toegankelijkheid: Text | None = Field(
        None, description="Rolstoeltoegankelijk? Parking? Ringleiding? Wat moet iemand met een beperking weten?"
    )

    @model_validator(mode="after")
    def _reachable(self) -> Loket:
        if not (self.telefoon or self.email):
            raise ValueError("een loket heeft minstens een 'telefoon' of een 'email' nodig")
        return self


class Fiche(Strict):
    """One product of the catalogue. The Markdown body below the front-matter is the 'Wat is het?' text."""

    id: Slug = Field(description="Korte naam in kleine letters met koppeltekens; gelijk aan de bestandsnaam.")
    titel: Title = Field(
        description="De naam van het product zoals burgers hem zeggen, bv. 'Identiteitskaart'."
    )
    samenvatting: Summary = Field(
        description="Eén zin (hoogstens 160 tekens) voor lijsten, zoekresultaten en zoekmachines."
    )
    producttype: str = Field(description="Soort product, een code uit 'producttypes' (IPDC Type).")
    loket: Slug | None = Field(None, description="Het loket waar de burger terecht kan (id van een loket).")
    andere_loketten: list[Slug] = Field(default_factory=list, description="Andere loketten die dit ook behandelen.")
    aanbieder: Aanbieder | None = Field(
        None, description="Externe organisatie die het product levert (CAW, ziekenfonds, VDAB…), met contactgegevens."
    )
    doelgroepen: list[str] = Field(min_length=1, description="Voor wie? Waarden uit 'doelgroepen'.")
    themas: list[str] = Field(min_length=1, description="Thema's, waarden uit 'themas'.")
    levensgebeurtenissen: list[str] = Field(default_factory=list, description="Waarden uit 'levensgebeurtenissen'.")
    sleutelwoorden: list[Keyword] = Field(
        default_factory=list,
        description="Woorden die burgers intikken: synoniemen, afkortingen, spreektaal, veelgemaakte tikfouten.",
    )
    voor_wie: Text | None = Field(None, description="Voor wie is dit product? Korte tekst.")
    voorwaarden: list[Text] = Field(default_factory=list, description="De voorwaarden, één per regel.")
    uitzonderingen: Text | None = Field(None, description="Uitzonderingen op de voorwaarden.")
    kostprijs: Kostprijs | None = Field(None, description="Wat kost het? 'gratis: true' of bedragen.")
    meebrengen: list[Text] = Field(default_factory=list, description="Wat moet de burger meebrengen?")
    stappen: list[Text] = Field(default_factory=list, description="Hoe aanvragen? De stappen, in volgorde.")
    behandeltermijn: Text | None = Field(None, description="Hoe lang duurt het voor de burger antwoord krijgt?")
    formulieren: list[Link] = Field(default_factory=list, description="Aanvraagformulieren.")
    meer_info: list[Link] = Field(default_factory=list, description="Nuttige websites met meer uitleg.")
    regelgeving: list[Regelgeving] = Field(default_factory=list, description="Wet, decreet of gemeentelijk reglement.")
    bezwaar_en_beroep: Text | None = Field(None, description="Wat kan de burger doen als hij het niet eens is?")
    verwante_producten: list[Slug] = Field(default_factory=list, description="Id's van verwante fiches.")
    dienstverleningsniveau: str = Field(
        "reactief", description="reactief, responsief of proactief: wie zet de dienstverlening in gang?"
    )
    rechten: Rechten | None = Field(
        None,
        description="Wie heeft recht: de objectieve voorwaarden als regels over de vragen van vragen.yml, per "
        "categorie (zie src/catalogus/rules/README.md). De tekst bij 'voorwaarden' blijft de uitleg voor de burger.",
    )
    eigenaar: ShortText = Field(description="Wie deze fiche nakijkt: dienst of functie, geen persoonsnaam.")
    laatst_nagekeken: dt.date = Field(description="Datum van het laatste nazicht, als JJJJ-MM-DD.")
    nakijken_elke_maanden: int | None = Field(
        None, ge=1, le=60, strict=True, description="Nazicht-interval in maanden, als het afwijkt van de gemeente."
    )
    ipdc_concept_id: Annotated[str, StringConstraints(pattern=r"^[0-9a-f-]{36}$")] | None = Field(
        None, description="Id van het Vlaamse IPDC-concept waarvan deze fiche een lokale invulling is."
    )

    @field_validator("laatst_nagekeken", mode="before")
    @classmethod
    def _iso_date(cls, value: object) -> object:
        # YAML gives a date for an unquoted 2026-01-31; anything else (a datetime, a number) is a mistake.
        if isinstance(value, dt.datetime) or not isinstance(value, (dt.date, str)):
            raise ValueError("geef een datum als JJJJ-MM-DD, bv. 2026-03-15")
        return value

    @model_validator(mode="after")
    def _has_a_counter(self) -> Fiche:
        if self.loket is None and self.aanbieder is None:
            raise ValueError("geef een 'loket' of een externe 'aanbieder': waar kan de burger terecht?")
        return self


def web_addresses(record: BaseModel, loc: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every value of a record whose type is Url, with its path (the checker advises https:// for them)."""
    for name, info in type(record).model_fields.items():
        value, path = getattr(record, name), (*loc, name)
        if isinstance(value, str) and _is_url(info.annotation, info.metadata):
            yield path, value
        for index, item in enumerate(value if isinstance(value, list) else [value]):
            if isinstance(item, BaseModel):
                yield from web_addresses(item, (*path, index) if isinstance(value, list) else path)


def _is_url(annotation: Any, metadata: list[Any]) -> bool:
    return WEB_ADDRESS in metadata or any(WEB_ADDRESS in getattr(arg, "__metadata__", ()) for arg in get_args(annotation))


Kind = Literal["product", "loket"]
MODELS: dict[str, type[Strict]] = {"product": Fiche, "loket": Loket}
