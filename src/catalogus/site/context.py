"""What every page view needs about the whole site, built once per build: never per page."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..catalogue import Catalogue, Entry
from . import urls
from .cards import ContactCard, loket_card
from .text import TextRenderer


@dataclass(frozen=True)
class Link:
    """A link to another page of this site; `url` is site-relative (templates pass it through `| url`)."""

    label: str
    url: str


@dataclass(frozen=True)
class ExternalLink:
    label: str
    href: str


@dataclass(frozen=True)
class ProductItem:
    title: str
    url: str
    summary: str


@dataclass
class SiteContext:
    catalogue: Catalogue
    strings: dict[str, Any]
    repo_url: str | None = None
    edit_base: str | None = None  # repo_url + mkdocs' edit_uri: "Pas deze fiche aan" = edit_base + source path
    text: TextRenderer = field(default_factory=TextRenderer)

    def edit_url(self, src_uri: str | None) -> str | None:
        return self.edit_base + src_uri if self.edit_base and src_uri else None

    @cached_property
    def loket_cards(self) -> dict[str, ContactCard]:
        return {e.id: loket_card(e.record, self.strings, self.text) for e in self.catalogue.loketten}

    def product_item(self, entry: Entry) -> ProductItem:
        return ProductItem(entry.record.titel, urls.url(urls.product(entry.id)), entry.record.samenvatting)

    def products(self, ids: tuple[str, ...]) -> tuple[ProductItem, ...]:
        return tuple(self.product_item(self.catalogue.by_id[i]) for i in ids)

    def term_link(self, field: str, key: str) -> Link:
        return Link(self.catalogue.vocabularies.label(field, key), urls.url(urls.term(field, key)))

    def home(self) -> Link:
        return Link(self.strings["site"]["start"], urls.url(urls.HOME))

    def section_link(self, name: str) -> Link:
        return Link(self.strings["navigatie"][name], urls.url(urls.section(name)))
