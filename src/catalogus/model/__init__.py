"""The model: the single source of truth for a fiche, a loket and an internal text (this module), with the
vocabularies, the town's settings, the glossary, the enriched Catalogue, the review rule, and the JSON Schema
and guide generated from them (the modules of this package).

Field names are Dutch because editors type them; every field carries a description that ends up in
the JSON Schema and in the editors' field reference. Checks that need the whole catalogue (references,
duplicate ids) or the vocabularies live in the checker (catalogus.check), not here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from decimal import Decimal
from functools import cache
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, Field, StringConstraints, field_validator, model_validator

from catalogus.base.fields import EDITOR_TEXT, WEB_ADDRESS, FactId, ShortText, Strict, Text, Url
from catalogus.base.markup import PHONE_PATTERN
from catalogus.model.authority import BevoegdeOverheid, UitvoerendNiveau
from catalogus.rules.model import Rechten

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
TIME_SLOT = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$")
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=80), EDITOR_TEXT]
Summary = Annotated[str, StringConstraints(strip_whitespace=True, min_length=20, max_length=160), EDITOR_TEXT]
Keyword = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=40), EDITOR_TEXT]
Description = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300), EDITOR_TEXT]
Phone = Annotated[str, StringConstraints(strip_whitespace=True, pattern=PHONE_PATTERN)]
Email = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]


class Link(Strict):
    titel: ShortText = Field(description="De tekst van de link, zoals de burger hem leest.")
    url: Url = Field(description="Het webadres (https://…), of mailto:/tel:.")


class Bron(Strict):
    """Where an amount comes from: an official page, or a named document that is not online."""

    titel: ShortText = Field(description="Naam van de bron, met het jaar als het bedrag een benadering is.")
    url: Url | None = Field(None, description="Link naar de rechtstreekse pagina, als de bron online staat.")


class Regelgeving(Strict):
    titel: ShortText = Field(description="De naam van de wet, het decreet of het reglement.")
    url: Url | None = Field(None, description="Link naar de officiële tekst, als die online staat.")


class Bedrag(Strict):
    omschrijving: ShortText = Field(description="Waarvoor dit bedrag geldt, bv. 'Identiteitskaart (gewone procedure)'.")
    bedrag: Decimal | None = Field(
        None, ge=0, max_digits=9, decimal_places=2,
        description="Bedrag in euro, met hoogstens 2 cijfers na de komma. Herziet de overheid het (indexering), geef "
        "dan 'feit' in plaats van een bedrag.",
    )
    feit: FactId | None = Field(
        None,
        description="Het feit uit feiten.yml dat dit bedrag is, bv. leefloon_alleenstaand: de site toont de waarde "
        "die geldt op de dag van de bouw, met datum en bron.",
    )
    ongeveer: bool = Field(False, strict=True, description="true als het bedrag een benadering is (vermeld dan jaar en bron).")
    sinds: dt.date | None = Field(None, description="Vanaf wanneer dit bedrag geldt (bij een 'feit' ingevuld).")
    bron: Bron | None = Field(None, description="Bron van dit ene bedrag (bij een 'feit' ingevuld uit feiten.yml).")
    voorbeeld: bool = Field(
        False, strict=True,
        description="true als het een voorbeeldbedrag is zonder bron van de gemeente zelf: de site zegt dan dat de "
        "prijs per gemeente verschilt.",
    )

    @model_validator(mode="after")
    def _amount_or_fact(self) -> Bedrag:
        if self.bedrag is None and self.feit is None:
            raise ValueError("geef 'bedrag' (een getal) of 'feit' (een feit uit feiten.yml)")
        return self

    @property
    def amount(self) -> Decimal:
        """The amount; always there in a checked catalogue (the loader fills in a 'feit' before validation)."""
        assert self.bedrag is not None, self.feit
        return self.bedrag

    @field_validator("bedrag", mode="before")
    @classmethod
    def _number_not_text(cls, value: object) -> object:
        # YAML gives int/float for numbers; a quoted "12,50" is text and must not be guessed at.
        if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
            raise ValueError("geef een getal, zonder € en met een punt als decimaalteken, bv. 12.50")
        return Decimal(str(value))


PriceBasis = Literal["inkomen", "situatie", "aanbieder"]


class Kostprijs(Strict):
    gratis: bool = Field(strict=True, description="true als de burger niets betaalt.")
    bedragen: list[Bedrag] = Field(default_factory=list, description="De bedragen, als het niet gratis is.")
    toelichting: Text | None = Field(None, description="Uitleg: kortingen, wie minder betaalt, hoe u betaalt.")
    kort: ShortText | None = Field(
        None,
        description="Het antwoord op 'Wat kost het?' bovenaan de fiche, in één korte zin, bv. 'Volgens uw inkomen, "
        "van € 0,50 tot € 15 per uur.' Een bedrag hier heeft een 'bron' nodig.",
    )
    hangt_af_van: PriceBasis | None = Field(
        None,
        description="Is er geen prijs die voor iedereen geldt of die openbaar is: waarvan hangt ze af? inkomen (uw "
        "inkomen en gezin), situatie (uw situatie of wat u vraagt) of aanbieder (de dienst die het levert). Bovenaan "
        "de fiche staat dan 'De prijs hangt af van …', met het telefoonnummer van het loket dat u uw prijs zegt.",
    )
    bron: Bron | None = Field(None, description="Officiële bron van de bedragen (verplicht bij een benadering).")

    @model_validator(mode="after")
    def _consistent(self) -> Kostprijs:
        if self.gratis and self.bedragen:
            raise ValueError("een gratis product heeft geen bedragen: zet 'gratis: false' of verwijder 'bedragen'")
        if self.gratis and self.hangt_af_van:
            raise ValueError("een gratis product heeft geen prijs die ergens van afhangt: verwijder 'hangt_af_van'")
        if not self.gratis and not (self.bedragen or self.toelichting or self.kort or self.hangt_af_van):
            raise ValueError("geef 'bedragen' of een 'toelichting' over wat het kost")
        if any(b.ongeveer and b.bron is None for b in self.bedragen) and self.bron is None:
            raise ValueError("een benaderd bedrag ('ongeveer: true') heeft een 'bron' nodig")
        return self


Period = Literal["maand", "jaar", "eenmalig"]


class Uitkering(Bedrag):
    """An amount the citizen receives (IPDC 'financieel voordeel'), always with how often it is paid."""

    per: Period = Field(
        description="Hoe vaak de burger dit bedrag krijgt: maand (per maand), jaar (per jaar) of eenmalig."
    )


class Ontvangst(Strict):
    """What the citizen receives: structured amounts with a source, apart from what the product costs."""

    bedragen: list[Uitkering] = Field(
        default_factory=list, description="De bedragen die de burger krijgt, elk met 'per': maand, jaar of eenmalig."
    )
    toelichting: Text | None = Field(None, description="Uitleg: waarvan het bedrag afhangt, hoe en wanneer u het krijgt.")
    bron: Bron | None = Field(None, description="Officiële bron van de bedragen (verplicht als er bedragen zijn).")

    @model_validator(mode="after")
    def _sourced(self) -> Ontvangst:
        if not self.bedragen and not self.toelichting:
            raise ValueError("geef 'bedragen' of een 'toelichting' over wat de burger krijgt")
        if self.bron is None and any(b.bron is None for b in self.bedragen):
            raise ValueError("bedragen die de burger krijgt hebben een 'bron' nodig: de officiële pagina met die bedragen")
        return self


def typed_date(value: object, example: str) -> object:
    """YAML gives a date for an unquoted 2026-01-31 (a quoted one is text the model parses); anything else, a
    datetime or a number, is a mistake, told with an example."""
    if isinstance(value, dt.datetime) or not isinstance(value, (dt.date, str)):
        raise ValueError(f"geef een datum als JJJJ-MM-DD, bv. {example}")
    return value


class Stopzetting(Strict):
    """A product that is no longer offered: since when, and which fiche replaces it."""

    sinds: dt.date | None = Field(None, description="Datum waarop het product stopte, als JJJJ-MM-DD (als die bekend is).")
    opvolger: Slug | None = Field(None, description="Id van de fiche die dit product vervangt, als die er is.")

    @field_validator("sinds", mode="before")
    @classmethod
    def _iso_date(cls, value: object) -> object:
        return value if value is None else typed_date(value, "2022-10-01")

    @model_validator(mode="after")
    def _says_something(self) -> Stopzetting:
        if self.sinds is None and self.opvolger is None:
            raise ValueError("geef 'sinds' (de datum waarop het stopte) of 'opvolger' (de fiche die het vervangt), of allebei")
        return self


class Adres(Strict):
    straat: ShortText = Field(description="Straat en huisnummer.")
    postcode: Annotated[str, StringConstraints(pattern=r"^[0-9]{4}$")] = Field(
        description="Belgische postcode, 4 cijfers, tussen aanhalingstekens: \"1000\"."
    )
    gemeente: ShortText = Field(description="Gemeente.")


class Contact(Strict):
    """Contact details shared by a loket and an external provider."""

    telefoon: Phone | None = Field(None, description="Telefoonnummer, bv. 012 34 56 78.")
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

    @model_validator(mode="after")
    def _some_hours(self) -> Openingsuren:
        # A loket without any hours would be shown as closed every day: say when it is open, or how to get an appointment.
        if not any(getattr(self, day) for day in WEEKDAYS) and not self.uitzonderingen:
            raise ValueError(
                'geef de uren van minstens één dag (bv. maandag: ["09:00-12:00", "13:30-16:30"]), of zeg onder '
                "'uitzonderingen' hoe burgers een afspraak maken; zonder uren toont de site het loket als gesloten"
            )
        return self

    def slots(self, weekday: str) -> list[str]:
        return list(getattr(self, weekday))


class Aanbieder(Contact):
    """An external provider (CAW, ziekenfonds, VDAB…) that delivers the product, with its own contact card."""

    naam: ShortText = Field(description="Naam van de externe organisatie, bv. 'CAW Zuid-West-Vlaanderen'.")
    niveau: UitvoerendNiveau | None = Field(
        None,
        description="Welk bestuur deze organisatie is: lokaal, provinciaal, vlaams (bv. VDAB), federaal (bv. FOD "
        "Sociale Zekerheid), europees, of derden (een vzw, ziekenfonds of bedrijf). Leeg: derden.",
    )
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
    status: Literal["actief", "stopgezet"] = Field(
        "actief", description="actief (standaard) of stopgezet: het product bestaat niet meer; vul dan 'stopgezet' in."
    )
    stopgezet: Stopzetting | None = Field(
        None,
        description="Alleen bij 'status: stopgezet', als u het weet: sinds wanneer (sinds) "
        "en welke fiche het vervangt (opvolger).",
    )
    loket: Slug | None = Field(None, description="Het loket waar de burger terecht kan (id van een loket).")
    andere_loketten: list[Slug] = Field(default_factory=list, description="Andere loketten die dit ook behandelen.")
    aanbieder: Aanbieder | None = Field(
        None, description="Externe organisatie die het product levert (CAW, ziekenfonds, VDAB…), met contactgegevens."
    )
    bevoegde_overheid: BevoegdeOverheid | None = Field(
        None,
        description="Wie beslist over het product en de regels vastlegt: niveau (lokaal, provinciaal, vlaams, federaal, "
        "europees) en, als het niet de gemeente is, de naam. Leeg: de gemeente.",
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
    ontvangt: Ontvangst | None = Field(
        None, description="Wat krijgt u? De bedragen die de burger ontvangt (per maand, per jaar of eenmalig), met bron."
    )
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
        return typed_date(value, "2026-03-15")

    @model_validator(mode="after")
    def _has_a_counter(self) -> Fiche:
        if self.loket is None and self.aanbieder is None:
            raise ValueError("geef een 'loket' of een externe 'aanbieder': waar kan de burger terecht?")
        return self

    @model_validator(mode="after")
    def _status_consistent(self) -> Fiche:
        if self.status == "actief" and self.stopgezet is not None:
            raise ValueError("stopgezet: 'stopgezet' hoort alleen bij 'status: stopgezet'; zet de status of verwijder het blok")
        if self.opvolger == self.id:
            raise ValueError("stopgezet: een fiche kan zichzelf niet opvolgen; verwijder 'opvolger' of kies een andere fiche")
        return self

    @property
    def actief(self) -> bool:
        return self.status == "actief"

    @property
    def opvolger(self) -> str | None:
        return self.stopgezet.opvolger if self.stopgezet else None


class Intern(Strict):
    """The staff edition's text for one fiche (content/intern/<fiche-id>.md): how staff handle the product.

    Never part of the public site: only `catalogus build --intern` renders it. Never personal data either: the
    checker refuses national register numbers and account numbers in it (catalogus.check.intern)."""

    team: ShortText | None = Field(
        None, description="Welk team of welke dienst dit behandelt, bv. 'Onthaal OCMW – team thuiszorg'."
    )
    doorverwijzen: list[Text] = Field(
        default_factory=list, description="Tips om door te verwijzen: naar wie, wanneer, met welk formulier. Eén per regel."
    )
    laatst_nagekeken: dt.date = Field(description="Datum waarop de interne tekst het laatst nagekeken werd, als JJJJ-MM-DD.")

    @field_validator("laatst_nagekeken", mode="before")
    @classmethod
    def _iso_date(cls, value: object) -> object:
        return Fiche._iso_date(value)  # the rule of a fiche's review date


# Fields of a fiche that name another loket or fiche by its id: the checker resolves them, the form offers
# their choices, and a broken fiche is told who refers to it.
REFERENCES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("loket",), "loket"),
    (("andere_loketten",), "loket"),
    (("verwante_producten",), "product"),
    (("stopgezet", "opvolger"), "product"),
)


def references(fiche: Fiche | Mapping[str, Any]) -> Iterator[tuple[tuple[str | int, ...], str, Any]]:
    """(location, 'loket' or 'product', value) of every reference of a fiche, validated or as loaded; a list
    gives one item per value."""
    for path, kind in REFERENCES:
        value: Any = fiche
        for key in path:
            value = value.get(key) if isinstance(value, Mapping) else getattr(value, key, None)
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield (*path, index), kind, item
        elif value is not None:
            yield path, kind, value


def web_addresses(record: BaseModel, loc: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every value of a record whose type is Url, with its path (the checker advises https:// for them)."""
    urls, nested = _url_fields(type(record))
    for name in urls:
        value = getattr(record, name)
        if isinstance(value, str):
            yield (*loc, name), value
    for name in nested:
        value = getattr(record, name)
        if isinstance(value, BaseModel):
            yield from web_addresses(value, (*loc, name))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from web_addresses(item, (*loc, name, index))


@cache
def _url_fields(model: type[BaseModel]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A model's Url fields, and the fields that may hold other models (looked up once per model)."""
    urls, nested = [], []
    for name, info in model.model_fields.items():
        if WEB_ADDRESS in info.metadata or any(WEB_ADDRESS in getattr(a, "__metadata__", ()) for a in get_args(info.annotation)):
            urls.append(name)
        elif any(isinstance(a, type) and issubclass(a, BaseModel) for a in _flat_args(info.annotation)):
            nested.append(name)
    return tuple(urls), tuple(nested)


def url_field_names(model: type[BaseModel]) -> list[str]:
    """The names of the Url fields of a model and of the models it holds: where the form completes 'www.…'."""
    found: set[str] = set()
    seen: set[type[BaseModel]] = set()
    todo = [model]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        urls, nested = _url_fields(current)
        found.update(urls)
        for name in nested:
            inner = _flat_args(current.model_fields[name].annotation)
            todo += [a for a in inner if isinstance(a, type) and issubclass(a, BaseModel)]
    return sorted(found)


def _flat_args(annotation: Any) -> Iterator[Any]:
    yield annotation
    for arg in get_args(annotation):
        yield from _flat_args(arg)


Kind = Literal["product", "loket"]
MODELS: dict[str, type[Fiche] | type[Loket]] = {"product": Fiche, "loket": Loket}
