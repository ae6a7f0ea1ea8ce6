"""Every page of the site as a small descriptor; its data and Markdown are made only when mkdocs renders it.

Keeping the work lazy and per page (plus a constant-size navigation that holds only the index pages) keeps the
build linear in the number of fiches.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from markupsafe import Markup, escape

from ..catalogue import Entry
from . import urls
from .browse import LOKETTEN, SECTIONS, a_z_view, home_view, section_view, term_src_uri, term_title, term_view, used_terms
from .context import SiteContext
from .fiche import fiche_view
from .search import EXCLUDED, STOPPED_BOOST, indexed_markdown


@dataclass(frozen=True)
class Rendered:
    meta: dict[str, Any]
    markdown: str
    reviewed: str | None = None  # a fiche's last review date: its <lastmod> in the sitemap


@dataclass(frozen=True)
class SitePage:
    src_uri: str
    in_nav: bool
    edit_uri: str | None
    render: Callable[[str | None], Rendered]  # canonical URL -> page meta and the Markdown to index


def site_pages(site: SiteContext) -> list[SitePage]:
    pages = [
        SitePage(urls.HOME, True, None, partial(_home, site)),
        SitePage(urls.A_Z, True, None, partial(_a_z, site)),
    ]
    for name in SECTIONS:
        pages.append(SitePage(urls.section(name), True, None, partial(_section, site, name)))
        for key in used_terms(site, name):
            src_uri = term_src_uri(name, key)
            edit_uri = src_uri if name == LOKETTEN else None
            pages.append(SitePage(src_uri, True, edit_uri, partial(_term, site, name, key)))
    for entry in site.catalogue.products:
        src_uri = urls.product(entry.id)
        pages.append(SitePage(src_uri, False, src_uri, partial(_fiche, site, entry)))
    return pages


def navigation(site: SiteContext) -> list[Any]:
    """mkdocs `nav`: home, the browse sections with their terms, and A–Z. Never the fiches themselves."""
    strings = site.strings
    nav: list[Any] = [{_title(strings["site"]["start"]): urls.HOME}]
    for name in SECTIONS:
        children = [urls.section(name)]
        children += [{_title(term_title(site, name, key)): term_src_uri(name, key)} for key in used_terms(site, name)]
        nav.append({_title(strings["navigatie"][name]): children})
    nav.append({_title(strings["navigatie"]["a_z"]): urls.A_Z})
    return nav


def _title(text: str) -> Markup:
    """Titles go into templates that print them as they are (Material does not autoescape)."""
    return escape(text)


def _fiche(site: SiteContext, entry: Entry, canonical_url: str | None) -> Rendered:
    view = fiche_view(entry, site, canonical_url)
    meta = {
        "title": _title(view.titel),
        "description": escape(view.samenvatting),
        "template": "fiche.html",
        "tags": list(entry.record.sleutelwoorden),
        "hide": ["toc"],
        "fiche": view,
    }
    if not entry.record.actief:
        meta["search"] = STOPPED_BOOST
    return Rendered(meta, indexed_markdown(view.samenvatting, view.body or ""), view.nagekeken_iso)


def _home(site: SiteContext, canonical_url: str | None) -> Rendered:
    meta = {"template": "home.html", "search": EXCLUDED, "hide": ["toc"], "home": home_view(site)}
    return Rendered(meta, "")


def _a_z(site: SiteContext, canonical_url: str | None) -> Rendered:
    return _browse(a_z_view(site), site.catalogue.config.site_omschrijving)


def _section(site: SiteContext, name: str, canonical_url: str | None) -> Rendered:
    return _browse(section_view(site, name), site.catalogue.config.site_omschrijving)


def _term(site: SiteContext, name: str, key: str, canonical_url: str | None) -> Rendered:
    if name == LOKETTEN:
        description = site.catalogue.loket(key).record.beschrijving
    else:
        description = site.catalogue.config.site_omschrijving
    return _browse(term_view(site, name, key), description)


def _browse(view: Any, description: str) -> Rendered:
    meta = {
        "title": _title(view.title),
        "description": escape(description),
        "template": "browse.html",
        "search": EXCLUDED,
        "hide": ["toc"],
        "lijst": view,
    }
    return Rendered(meta, "")
