"""What every page view needs about the whole site, built once per build: never per page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from catalogus.check.intern import InternalText
from catalogus.load.facts import fact_words
from catalogus.load.history import History
from catalogus.model import Fiche
from catalogus.model.catalogue import Catalogue, Entry
from catalogus.rules.questions import Question, localized
from catalogus.site import urls
from catalogus.site.cards import ContactCard, loket_card
from catalogus.site.text import TextRenderer


@dataclass(frozen=True)
class Link:
    """A link to another page of this site; `url` is site-relative (templates pass it through `| url`)."""

    label: str
    url: str


@dataclass(frozen=True)
class ExternalLink:
    label: str
    href: str | None  # None: a named source that is not online (templates print the label only)


@dataclass(frozen=True)
class ProductItem:
    title: str
    url: str
    summary: str
    stopped: bool = False  # no longer offered: lists show it apart or with a label


@dataclass
class SiteContext:
    catalogue: Catalogue
    strings: dict[str, Any]
    today: dt.date = field(default_factory=dt.date.today)  # the build's --today ("vandaag open")
    text: TextRenderer = field(default_factory=TextRenderer)
    history: History = field(default_factory=History)  # git: when each fiche changed (catalogus.load.history)
    internal: dict[str, InternalText] | None = None  # the staff edition's texts; None: the public edition

    @property
    def staff_edition(self) -> bool:
        return self.internal is not None

    @cached_property
    def questions(self) -> dict[str, Question]:
        """The rules' questions with their texts in the site's language (translations/<taal>.yml, section 'vragen')."""
        return localized(self.strings)

    @cached_property
    def fact_texts(self) -> dict[str, str]:
        """The register's values on the build's date as words in the site's language, once for every page."""
        return {name: fact_words(item, self.strings) for name, item in self.catalogue.facts.items()}

    @cached_property
    def loket_cards(self) -> dict[str, ContactCard]:
        return {e.id: loket_card(e.record, self.strings, self.text) for e in self.catalogue.loketten}

    def product_item(self, entry: Entry[Fiche]) -> ProductItem:
        record = entry.record
        return ProductItem(record.titel, urls.url(urls.product(entry.id)), record.samenvatting, not record.actief)

    def products(self, ids: tuple[str, ...]) -> tuple[ProductItem, ...]:
        return tuple(self.product_item(self.catalogue.by_id[i]) for i in ids)

    def term_link(self, field: str, key: str) -> Link:
        return Link(self.catalogue.vocabularies.label(field, key), urls.url(urls.term(field, key)))

    def home(self) -> Link:
        return Link(self.strings["site"]["start"], urls.url(urls.HOME))

    def section_link(self, name: str) -> Link:
        return Link(self.strings["navigatie"][name], urls.url(urls.section(name)))


@dataclass(frozen=True)
class FooterView:
    """The footer of every page: the Sociaal Huis's contact, the fixed pages, and a discreet way in for staff."""

    organisation: str
    contact: ContactCard | None
    links: tuple[Link, ...]
    staff: Link  # the staff page /redactie/ (catalogus.site.editor), which leads on to the repository


def footer_view(site: SiteContext) -> FooterView:
    town, strings = site.catalogue.config, site.strings["voet"]
    links = tuple(
        Link(getattr(site.catalogue.pages, name).titel, urls.url(urls.fixed(name)))
        for name in urls.FIXED_PAGES
        if site.catalogue.pages
    )
    staff = Link(strings["medewerkers"], urls.STAFF + "/")
    contact = site.loket_cards[town.contact_loket] if town.contact_loket else None
    return FooterView(town.organisatie, contact, links, staff)
