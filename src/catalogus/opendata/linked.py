"""What the CPSV-AP and IPDC/LPDC exports share: prefixes, IRIs, language-tagged text, the town and its area.

Both are written as JSON-LD with explicit prefixes (plain dicts and `json.dumps`: fast at 5,000 fiches; rdflib
and pySHACL only read them back in the tests). Every node that another node points to is typed in the same
graph, because the shapes check `sh:class` on the data alone.
"""

from __future__ import annotations

import re
from typing import Any

from catalogus.base import markup
from catalogus.model import WEEKDAYS, Openingsuren
from catalogus.model.catalogue import Catalogue
from catalogus.model.config import TownConfig
from catalogus.site import urls
from catalogus.site.text import TextRenderer

PREFIXES = {
    "adms": "http://www.w3.org/ns/adms#",
    "adres": "https://data.vlaanderen.be/ns/adres#",
    "cpsv": "http://purl.org/vocab/cpsv#",
    "cv": "http://data.europa.eu/m8g/",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "locn": "http://www.w3.org/ns/locn#",
    "lpdcExt": "https://productencatalogus.data.vlaanderen.be/ns/ipdc-lpdc#",
    "org": "http://www.w3.org/ns/org#",
    "pav": "http://purl.org/pav/",
    "ps": "http://vocab.belgif.be/ns/publicservice#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "schema": "http://schema.org/",
    "sh": "http://www.w3.org/ns/shacl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "time": "http://www.w3.org/2006/time#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
IPDC_CODE = "https://productencatalogus.data.vlaanderen.be/id/concept/{scheme}/{code}"
LANGUAGE = "http://publications.europa.eu/resource/authority/language/{code}"
LANGUAGE_CODES = {"nl": "NLD", "fr": "FRA", "de": "DEU", "en": "ENG"}
CURRENCY_EUR = "http://publications.europa.eu/resource/authority/currency/EUR"
WEEKLY = "http://publications.europa.eu/resource/authority/frequency/WEEKLY"
NUTS = "http://data.europa.eu/nuts/code/{code}"
TIME_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# NUTS-3 region of each Flemish arrondissement (first two digits of the NIS code), as in the NUTS/LAU 2024 list
# of the Flemish product catalogue; two Limburg towns formed in 2019 sit in another region than their arrondissement.
NUTS3 = {
    "11": "BE211", "12": "BE212", "13": "BE213", "23": "BE241", "24": "BE242", "31": "BE251", "32": "BE252",
    "33": "BE253", "34": "BE254", "35": "BE255", "36": "BE256", "37": "BE257", "38": "BE258", "41": "BE231",
    "42": "BE232", "43": "BE233", "44": "BE234", "45": "BE235", "46": "BE236", "71": "BE221", "72": "BE222",
    "73": "BE223",
}
NUTS3_EXCEPTIONS = {"72042": "BE225", "72043": "BE225"}
PARAGRAPHS = re.compile(r"\n[ \t]*\n")
STREET_AND_NUMBER = re.compile(
    r"^(?P<straat>.*?\D)\s*(?P<nummer>\d+[A-Za-z]?(?:[-/]\d+[A-Za-z]?)?)(?:\s*(?:bus|b)\s*(?P<bus>\S+))?$"
)


def lau_code(nis_code: str) -> str | None:
    """The NUTS/LAU code of a Flemish town (BE + NUTS-3 + NIS code), or None outside Flanders / without a code."""
    region = NUTS3_EXCEPTIONS.get(nis_code) or NUTS3.get(nis_code[:2])
    return f"{region}{nis_code}" if nis_code and region else None


def ipdc_code(scheme: str, code: str) -> str:
    return IPDC_CODE.format(scheme=scheme, code=code)


def split_street(street: str) -> tuple[str, str | None, str | None]:
    """'Dorpsstraat 1' -> ('Dorpsstraat', '1', None); 'Kerkstraat 12 bus 3' -> ('Kerkstraat', '12', '3')."""
    match = STREET_AND_NUMBER.match(street.strip())
    if not match:
        return street.strip(), None, None
    return match["straat"].strip().rstrip(","), match["nummer"], match["bus"]


class PlainText:
    """Editors' Markdown reduced to words, paragraph by paragraph, each text done once for all exports of a build.

    Only a paragraph that looks like Markdown goes through the site's renderer; the others are plain words already.
    """

    def __init__(self) -> None:
        self._renderer = TextRenderer()
        self._done: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        plain = self._done.get(text)
        if plain is None:
            plain = self._done[text] = "\n\n".join(self._paragraph(p) for p in PARAGRAPHS.split(text.strip()) if p.strip())
        return plain

    def _paragraph(self, paragraph: str) -> str:
        paragraph = paragraph.strip()
        return paragraph if markup.is_plain(paragraph) else self._renderer.plain(paragraph)


class Ld:
    """Helpers for one export: the town's IRIs, language-tagged literals, Markdown as plain text."""

    def __init__(self, catalogue: Catalogue, strings: dict[str, Any], plain: PlainText | None = None) -> None:
        self.catalogue = catalogue
        self.town: TownConfig = catalogue.config
        self.strings = strings
        self.language = self.town.taal
        self.base = urls.base(self.town) or f"urn:catalogus:{self.town.nis_code or 'gemeente'}:"
        self.plain = plain or PlainText()
        self._hours: dict[int, str] = {}  # per loket's Openingsuren (the catalogue holds them for the whole run)

    def iri(self, path: str, fragment: str = "") -> str:
        return self.base + path + (f"#{fragment}" if fragment else "")

    def text(self, value: str) -> dict[str, str]:
        """A language-tagged literal of an editor's text, its Markdown reduced to words."""
        return {"@value": self.plain(value), "@language": self.language}

    def label(self, value: str) -> dict[str, str]:
        return {"@value": value, "@language": self.language}

    def texts(self, values: list[str]) -> list[dict[str, str]]:
        return [self.text(value) for value in values]

    @property
    def organisation(self) -> str:
        return self.iri("", "organisatie")

    @property
    def language_iri(self) -> str:
        return LANGUAGE.format(code=LANGUAGE_CODES.get(self.language, self.language.upper()))

    @property
    def area(self) -> str:
        code = lau_code(self.town.nis_code)
        return NUTS.format(code=code) if code else self.iri("", "gebied")

    def hours(self, hours: Openingsuren) -> str:
        """'maandag 08:30-12:00 en 13:30-16:30; dinsdag …. Gesloten op feestdagen.' for a text field."""
        text = self._hours.get(id(hours))
        if text is None:
            days = self.strings["weekdagen"]
            joiner = f" {self.strings['loket']['en']} "
            text = "; ".join(f"{days[day]} {joiner.join(hours.slots(day))}" for day in WEEKDAYS if hours.slots(day))
            if hours.uitzonderingen:
                text = f"{text}. {self.plain(hours.uitzonderingen)}" if text else self.plain(hours.uitzonderingen)
            self._hours[id(hours)] = text
        return text

    def slots(self, hours: Openingsuren) -> list[tuple[str, int, str, str]]:
        """(weekday, index, start, end) for every opening slot, in week order."""
        slots = []
        for day in WEEKDAYS:
            for index, slot in enumerate(hours.slots(day), start=1):
                start, end = slot.split("-")
                slots.append((day, index, start, end))
        return slots

    def context(self) -> dict[str, str]:
        return dict(PREFIXES)


def ref(iri: str) -> dict[str, str]:
    return {"@id": iri}


def typed(value: str, datatype: str) -> dict[str, str]:
    return {"@value": value, "@type": datatype}


class Nodes:
    """The nodes of one graph, each emitted once however many fiches point to it."""

    def __init__(self) -> None:
        self._nodes: dict[str, dict[str, Any]] = {}

    def add(self, node: dict[str, Any]) -> dict[str, str]:
        self._nodes.setdefault(node["@id"], node)
        return ref(node["@id"])

    def document(self, context: dict[str, str]) -> dict[str, Any]:
        return {"@context": context, "@graph": list(self._nodes.values())}


def concept(iri: str, label: str, language: str, **extra: Any) -> dict[str, Any]:
    return {"@id": iri, "@type": "skos:Concept", "skos:prefLabel": {"@value": label, "@language": language}, **extra}
