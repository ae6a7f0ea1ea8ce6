"""The browse pages: home, one page per loket, doelgroep, thema and levensgebeurtenis, their overviews, and A–Z.

Generated at build time from the Catalogue's indexes (never committed), so they always list exactly the fiches
that are there. Only terms with at least one fiche get a page.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..catalogue import BROWSE_FIELDS, sort_key
from . import urls
from .cards import ContactCard
from .context import Link, ProductItem, SiteContext
from .translations import count_label

LOKETTEN = urls.LOKETTEN  # the loketten are a browse dimension too, with pages at loketten/<id>
SECTIONS = (LOKETTEN, *BROWSE_FIELDS)


@dataclass(frozen=True)
class TermItem:
    label: str
    url: str
    count: str
    description: Markup | None = None


@dataclass(frozen=True)
class LetterGroup:
    letter: str
    anchor: str
    products: tuple[ProductItem, ...]


@dataclass(frozen=True)
class Dimension:
    name: str
    title: str
    terms: tuple[TermItem, ...]


@dataclass(frozen=True)
class BrowseView:
    title: str
    kruimelpad: tuple[Link, ...]
    intro: Markup | None = None
    loket: ContactCard | None = None
    products: tuple[ProductItem, ...] = ()
    terms: tuple[TermItem, ...] = ()
    letters: tuple[LetterGroup, ...] = ()


@dataclass(frozen=True)
class HomeView:
    intro: Markup | None
    dimensions: tuple[Dimension, ...]
    a_z: Link


def used_terms(site: SiteContext, name: str) -> tuple[str, ...]:
    """Keys of a dimension that have fiches, in vocabulary (or loket name) order."""
    catalogue = site.catalogue
    if name == LOKETTEN:
        return tuple(e.id for e in catalogue.loketten)
    used = catalogue.by_term[name]
    return tuple(key for key in catalogue.vocabularies.terms(name) if key in used)


def term_title(site: SiteContext, name: str, key: str) -> str:
    if name == LOKETTEN:
        return site.catalogue.loket(key).record.naam
    return site.catalogue.vocabularies.label(name, key)


def term_products(site: SiteContext, name: str, key: str) -> tuple[str, ...]:
    catalogue = site.catalogue
    return catalogue.by_loket.get(key, ()) if name == LOKETTEN else catalogue.by_term[name].get(key, ())


def term_src_uri(name: str, key: str) -> str:
    return urls.loket(key) if name == LOKETTEN else urls.term(name, key)


def term_items(site: SiteContext, name: str) -> tuple[TermItem, ...]:
    items = []
    for key in used_terms(site, name):
        description = None
        if name == LOKETTEN:
            description = site.text.block(site.catalogue.loket(key).record.beschrijving)
        items.append(
            TermItem(
                term_title(site, name, key),
                urls.url(term_src_uri(name, key)),
                count_label(site.strings, len(term_products(site, name, key))),
                description,
            )
        )
    return tuple(items)


def home_view(site: SiteContext) -> HomeView:
    headings = site.strings["home"]
    return HomeView(
        intro=site.text.block(site.catalogue.config.site_omschrijving) if site.catalogue.config.site_omschrijving else None,
        dimensions=tuple(Dimension(name, headings[name], term_items(site, name)) for name in SECTIONS),
        a_z=Link(headings["a_z"], urls.url(urls.A_Z)),
    )


def section_view(site: SiteContext, name: str) -> BrowseView:
    return BrowseView(
        title=site.strings["navigatie"][name],
        kruimelpad=(site.home(),),
        terms=term_items(site, name),
    )


def term_view(site: SiteContext, name: str, key: str) -> BrowseView:
    intro = None
    if name != LOKETTEN:
        explanation = site.catalogue.vocabularies.terms(name)[key].uitleg
        intro = site.text.block(explanation) if explanation else None
    return BrowseView(
        title=term_title(site, name, key),
        kruimelpad=(site.home(), site.section_link(name)),
        intro=intro,
        loket=site.loket_cards[key] if name == LOKETTEN else None,
        products=site.products(term_products(site, name, key)),
    )


def a_z_view(site: SiteContext) -> BrowseView:
    groups: dict[str, list[ProductItem]] = {}
    for entry in site.catalogue.products:  # already in Dutch alphabetical order
        groups.setdefault(_letter(entry.record.titel), []).append(site.product_item(entry))
    return BrowseView(
        title=site.strings["navigatie"]["a_z"],
        kruimelpad=(site.home(),),
        letters=tuple(LetterGroup(letter, _anchor(letter), tuple(items)) for letter, items in groups.items()),
    )


DIGITS = "0–9"


def _letter(title: str) -> str:
    first = sort_key(title)[:1].upper()
    return first if first.isalpha() else DIGITS


def _anchor(letter: str) -> str:
    return "letter-" + ("0-9" if letter == DIGITS else letter.lower())
