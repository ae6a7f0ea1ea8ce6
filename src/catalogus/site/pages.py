"""Every page of the site as a small descriptor; its data and HTML are made only when mkdocs renders it.

Adding a page is one registration in `site_pages` (its source path and a view function) and one template in
catalogus/site/templates/. The body is rendered here, with the package's own Jinja environment; mkdocs-material
gets the finished HTML plus the few values its frame needs (title, description, search text), all escaped.
Keeping the work lazy and per page (plus a constant-size navigation that holds only the index pages) keeps the
build linear in the number of fiches.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from markupsafe import Markup, escape

from catalogus.model import Fiche
from catalogus.model.catalogue import Entry
from catalogus.site import urls
from catalogus.site.browse import (
    LOKETTEN,
    SECTIONS,
    a_z_view,
    home_view,
    section_view,
    term_products,
    term_src_uri,
    term_title,
    term_view,
    used_terms,
)
from catalogus.site.context import SiteContext
from catalogus.site.fiche import fiche_view
from catalogus.site.rechten import WIZARD, wizard_view
from catalogus.site.render import PageInfo, render_page
from catalogus.site.search import EXCLUDED, STOPPED_BOOST, fiche_markdown, term_search


@dataclass(frozen=True)
class PageData:
    """What a view function returns: the template and its data, and what the frame and search need."""

    template: str
    view: Any
    title: str | None = None  # plain text; None: the title in the navigation
    description: str | None = None  # plain text, for <meta name="description">
    search: str | None = None  # the Markdown the search index gets; None leaves the page out of search
    search_boost: float | None = None  # Material's per-page boost of its search entry
    hide: tuple[str, ...] = ("toc",)  # Material's sidebars to hide
    tags: tuple[str, ...] = ()
    reviewed: str | None = None  # a fiche's last review date: its <lastmod> in the sitemap


@dataclass(frozen=True)
class Rendered:
    meta: dict[str, Any]
    markdown: str
    reviewed: str | None = None


@dataclass(frozen=True)
class SitePage:
    src_uri: str
    in_nav: bool
    view: Callable[[str | None], PageData]  # canonical URL -> the page's data
    site: SiteContext

    def render(self, canonical_url: str | None) -> Rendered:
        data = self.view(canonical_url)
        page = PageInfo(urls.url(self.src_uri))
        strings, town = self.site.strings, self.site.catalogue.config
        body = render_page(data.template, page, view=data.view, t=strings, town=town)
        meta: dict[str, Any] = {"hide": list(data.hide), "catalogus": body, "view": data.view}
        if data.title is not None:
            meta["title"] = _escaped(data.title)
        if data.description:
            meta["description"] = _escaped(data.description)
        if data.tags:
            # Material's search results insert tags as HTML; quotes stay, so "'s nachts" is still searchable.
            meta["tags"] = [html.escape(tag, quote=False) for tag in data.tags]
        if data.search is None:
            meta["search"] = EXCLUDED
        elif data.search_boost is not None:
            meta["search"] = {"boost": data.search_boost}
        return Rendered(meta, data.search or "", data.reviewed)


def site_pages(site: SiteContext) -> list[SitePage]:
    page = partial(SitePage, site=site)
    pages = [page(urls.HOME, True, partial(_home, site)), page(urls.A_Z, True, partial(_a_z, site))]
    pages.append(page(WIZARD, True, partial(_wizard, site)))
    for name in SECTIONS:
        pages.append(page(urls.section(name), True, partial(_section, site, name)))
        for key in used_terms(site, name):
            pages.append(page(term_src_uri(name, key), True, partial(_term, site, name, key)))
    for entry in site.catalogue.products:
        pages.append(page(urls.product(entry.id), False, partial(_fiche, site, entry)))
    if site.catalogue.pages:
        pages += [page(urls.fixed(name), False, partial(_fixed, site, name)) for name in urls.FIXED_PAGES]
    return pages


def navigation(site: SiteContext) -> list[Any]:
    """mkdocs `nav`: home, the browse sections with their terms, and A–Z. Never the fiches themselves."""
    strings = site.strings
    nav: list[Any] = [{_escaped(strings["site"]["start"]): urls.HOME}]
    for name in SECTIONS:
        children: list[str | dict[Markup, str]] = [urls.section(name)]
        children += [{_escaped(term_title(site, name, key)): term_src_uri(name, key)} for key in used_terms(site, name)]
        nav.append({_escaped(strings["navigatie"][name]): children})
    nav.append({_escaped(strings["navigatie"]["a_z"]): urls.A_Z})
    nav.append({_escaped(strings["wizard"]["titel"]): WIZARD})
    return nav


def _escaped(text: str) -> Markup:
    """Values for Material's templates, which print them as they are (they do not autoescape)."""
    return escape(text)


def _fiche(site: SiteContext, entry: Entry[Fiche], canonical_url: str | None) -> PageData:
    view = fiche_view(entry, site, canonical_url)
    return PageData(
        "fiche.html",
        view,
        title=view.titel,
        description=view.samenvatting,
        search=fiche_markdown(view.samenvatting, view.voor_wie, view.voorwaarden, view.body),
        tags=tuple(entry.record.sleutelwoorden),
        reviewed=view.nagekeken_iso or None,
        hide=("navigation", "toc"),  # no documentation sidebar on a fiche (the phone drawer stays)
        search_boost=None if entry.record.actief else STOPPED_BOOST,
    )


def _wizard(site: SiteContext, canonical_url: str | None) -> PageData:
    strings = site.strings["wizard"]
    return PageData("wizard.html", wizard_view(site), title=strings["titel"], description=strings["beschrijving"])


def _home(site: SiteContext, canonical_url: str | None) -> PageData:
    return PageData("home.html", home_view(site), description=site.text.plain(site.catalogue.config.site_omschrijving))


def _a_z(site: SiteContext, canonical_url: str | None) -> PageData:
    strings = site.strings["beschrijving"]
    return _browse(site, a_z_view(site), strings["a_z"].format(
        aantal=len(site.catalogue.products), organisatie=site.catalogue.config.organisatie
    ))


def _section(site: SiteContext, name: str, canonical_url: str | None) -> PageData:
    description = site.strings["overzicht"][name].format(organisatie=site.catalogue.config.organisatie)
    return _browse(site, section_view(site, name), description)


def _term(site: SiteContext, name: str, key: str, canonical_url: str | None) -> PageData:
    strings = site.strings["beschrijving"]
    title = term_title(site, name, key)
    if name == LOKETTEN:
        description = site.catalogue.loket(key).record.beschrijving
    else:
        term = site.catalogue.vocabularies.terms(name)[key]
        own = getattr(term, "intro", None) or term.uitleg
        description = own or strings[name].format(
            term=title, aantal=len(term_products(site, name, key)), organisatie=site.catalogue.config.organisatie
        )
    search, boost = term_search(site, name, key)
    return _browse(site, term_view(site, name, key, canonical_url), description, search, boost)


@dataclass(frozen=True)
class FixedView:
    title: str
    text: Markup
    kruimelpad: tuple[Any, ...]


def _fixed(site: SiteContext, name: str, canonical_url: str | None) -> PageData:
    fixed = getattr(site.catalogue.pages, name)
    view = FixedView(fixed.titel, site.text.block(fixed.tekst, top_heading=2), (site.home(),))
    return PageData("pagina.html", view, title=fixed.titel, description=fixed.samenvatting)


def _browse(
    site: SiteContext, view: Any, description: str, search: str | None = None, boost: float | None = None
) -> PageData:
    return PageData(
        "browse.html", view, title=view.title, description=site.text.plain(description), search=search, search_boost=boost
    )
