"""The browse pages: home, one page per loket, doelgroep, thema and levensgebeurtenis, their overviews, and A–Z.

Generated at build time from the Catalogue's indexes (never committed), so they always list exactly the fiches
that are there. Only terms with at least one fiche get a page.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from markupsafe import Markup

from catalogus.base.slug import sort_key
from catalogus.base.translations import count_label
from catalogus.model.catalogue import BROWSE_FIELDS
from catalogus.site import urls
from catalogus.site.cards import ContactCard
from catalogus.site.context import Link, ProductItem, SiteContext
from catalogus.site.jsonld import government_office, script_body

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
class Group:
    """Part of a long list: the fiches of one thema (on a doelgroep or loket page)."""

    title: str
    anchor: str
    products: tuple[ProductItem, ...]


@dataclass(frozen=True)
class PathStep:
    number: int
    title: str
    explanation: Markup | None
    products: tuple[ProductItem, ...]


@dataclass(frozen=True)
class BrowseView:
    title: str
    kruimelpad: tuple[Link, ...]
    intro: Markup | None = None
    loket: ContactCard | None = None
    products: tuple[ProductItem, ...] = ()
    groups: tuple[Group, ...] = ()
    steps: tuple[PathStep, ...] = ()
    stopped: tuple[ProductItem, ...] = ()  # fiches that no longer exist, listed apart below the others
    terms: tuple[TermItem, ...] = ()
    letters: tuple[LetterGroup, ...] = ()
    jsonld: Markup | None = None


@dataclass(frozen=True)
class HomeView:
    """Home, in the order people look: search, life events, most asked, themes and target groups, then the
    loketten (for who knows the department) and the Sociaal Huis's own contact."""

    intro: Markup | None
    life_events: Dimension
    most_asked: tuple[ProductItem, ...]
    dimensions: tuple[Dimension, ...]  # themas, doelgroepen
    loketten: tuple[ContactCard, ...]
    contact: ContactCard | None
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
    headings, town = site.strings["home"], site.catalogue.config
    dimension = lambda name: Dimension(name, headings[name], term_items(site, name))  # noqa: E731
    return HomeView(
        intro=site.text.block(town.site_omschrijving) if town.site_omschrijving else None,
        life_events=_in_own_words(site, dimension("levensgebeurtenissen")),
        most_asked=site.products(tuple(town.meest_gevraagd)),
        dimensions=(dimension("themas"), dimension("doelgroepen")),
        loketten=tuple(site.loket_cards[e.id] for e in site.catalogue.loketten),
        contact=site.loket_cards[town.contact_loket] if town.contact_loket else None,
        a_z=Link(headings["a_z"], urls.url(urls.A_Z)),
    )


def _in_own_words(site: SiteContext, events: Dimension) -> Dimension:
    """Life events on the home page as a person says them ("Ik verhuis"), where the vocabulary has that."""
    terms = site.catalogue.vocabularies.levensgebeurtenissen
    keys = used_terms(site, events.name)
    own = tuple(replace(item, label=terms[key].ingang or item.label) for key, item in zip(keys, events.terms, strict=True))
    return replace(events, terms=own)


def section_view(site: SiteContext, name: str) -> BrowseView:
    return BrowseView(
        title=site.strings["navigatie"][name],
        kruimelpad=(site.home(),),
        terms=term_items(site, name),
    )


GROUPED_FROM = 12  # a list longer than this is grouped by thema


def term_view(site: SiteContext, name: str, key: str, canonical_url: str | None = None) -> BrowseView:
    """A term's page: a guided path for a life event with steps, a list grouped by thema when it is long."""
    intro, jsonld = None, None
    steps: tuple[PathStep, ...] = ()
    if name == LOKETTEN:
        loket = site.catalogue.loket(key).record
        jsonld = script_body(government_office(loket, site.catalogue.config.organisatie, canonical_url))
    else:
        term = site.catalogue.vocabularies.terms(name)[key]
        explanation = getattr(term, "intro", None) or term.uitleg
        intro = site.text.block(explanation) if explanation else None
        steps = tuple(
            PathStep(number, step.titel, site.text.block(step.uitleg) if step.uitleg else None, site.products(tuple(step.fiches)))
            for number, step in enumerate(getattr(term, "stappen", ()), start=1)
        )
    ids = term_products(site, name, key)
    stopped = tuple(i for i in ids if not site.catalogue.by_id[i].record.actief)
    ids = tuple(i for i in ids if i not in stopped)
    grouped = not steps and name != "themas" and len(ids) > GROUPED_FROM
    return BrowseView(
        title=term_title(site, name, key),
        kruimelpad=(site.home(), site.section_link(name)),
        intro=intro,
        loket=site.loket_cards[key] if name == LOKETTEN else None,
        products=() if steps or grouped else site.products(ids),
        groups=by_theme(site, ids) if grouped else (),
        steps=steps,
        jsonld=jsonld,
        stopped=site.products(stopped),
    )


def by_theme(site: SiteContext, ids: tuple[str, ...]) -> tuple[Group, ...]:
    """Fiches grouped under their first thema, in vocabulary order; each keeps its alphabetical place."""
    groups: dict[str, list[str]] = {}
    for product_id in ids:
        groups.setdefault(site.catalogue.by_id[product_id].record.themas[0], []).append(product_id)
    order = list(site.catalogue.vocabularies.themas)
    return tuple(
        Group(site.catalogue.vocabularies.label("themas", key), "thema-" + key, site.products(tuple(groups[key])))
        for key in sorted(groups, key=order.index)
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
