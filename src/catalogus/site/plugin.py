"""The mkdocs side of the site: what happens at each mkdocs event. hooks/catalogus_hook.py forwards to SITE.

on_config checks the content (or takes the Catalogue `catalogus build` already checked), points mkdocs at an
empty folder of its own instead of content/, passes the town's settings (escaped: Material prints them as they
are) and sets the navigation; on_files adds the generated pages to the theme's files and nothing else, so
only what the checker accepted is published; each page gets its HTML and search text in on_page_markdown, only
when mkdocs renders it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

from jinja2 import Environment
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from catalogus.base import translations
from catalogus.check import report
from catalogus.check.intern import InternalText
from catalogus.check.pipeline import check
from catalogus.load.history import History, read_history
from catalogus.model.catalogue import Catalogue
from catalogus.model.config import logo_problem
from catalogus.site import frame, search
from catalogus.site.context import SiteContext, footer_view
from catalogus.site.pages import SitePage, navigation, site_pages
from catalogus.site.urls import UnsafePath

SEARCH_PLUGIN = "material/search"
LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z]{2,4})?")
URL_SAFE = ":/?#[]@!$&()*+,;=%~"  # everything else (quotes, <, >, spaces) is %-encoded


@dataclass(frozen=True)
class Request:
    """What `catalogus build/serve` asks for; a plain `mkdocs build` uses the config file's folder and today.

    `pages_dir` is the empty folder mkdocs gets as docs_dir: content/ is input for the checker, never copied.
    `internal` holds the staff edition's texts (`catalogus build --intern`); None builds the public site."""

    root: Path
    today: dt.date
    catalogue: Catalogue | None = None
    pages_dir: Path | None = None
    history: History | None = None  # read from git here when not given
    internal: dict[str, InternalText] | None = None
    concept: bool = False
    town: str | None = None  # the town of a region's repository (catalogus serve --gemeente)


class CatalogusSite:
    def __init__(self) -> None:
        self.request: Request | None = None
        self.today = dt.date.today()
        self.context: SiteContext | None = None
        self.pages: dict[str, SitePage] = {}
        self.search_words = ""
        self._own_pages_dir: tempfile.TemporaryDirectory[str] | None = None
        self.concept = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        project = Path(config.config_file_path).parent
        request = self.request or Request(project, dt.date.today())
        catalogue = request.catalogue or _checked(request)
        self.today = request.today
        town = catalogue.config
        if not LANGUAGE.fullmatch(town.taal):
            raise PluginError(f"taal '{town.taal}' in catalogus.yml is geen taalcode zoals 'nl' of 'fr'")
        config.docs_dir = str(request.pages_dir or self._pages_dir())
        self.concept = request.concept
        # The repository comes from catalogus.yml; the Pages workflow may point it elsewhere with the variable.
        repo_url = os.environ.get("CATALOGUS_REPO_URL") or town.repository_url
        config.repo_url = quote(repo_url, safe=URL_SAFE) if repo_url else None
        config.repo_name = urlsplit(repo_url).path.strip("/") if repo_url else None
        config.site_name = escape(town.site_naam)
        history = request.history if request.history is not None else read_history(catalogue, request.root)
        self.context = SiteContext(
            catalogue,
            translations.load(project, town.taal),
            request.today,
            history=history,
            internal=request.internal,
        )
        if request.internal is not None:
            config.theme.static_templates.discard(frame.SITEMAP)  # the staff edition is not for search engines
        omschrijving = self.context.text.plain(town.site_omschrijving) if town.site_omschrijving else ""
        config.site_description = escape(omschrijving) if omschrijving else None
        config.site_url = quote(town.site_url, safe=URL_SAFE) if town.site_url else None
        config.theme["language"] = town.taal
        if town.logo:
            _check_logo(config, town.logo)
            config.theme["logo"] = town.logo
        if SEARCH_PLUGIN in config.plugins:
            config.plugins[SEARCH_PLUGIN].config.lang = [town.taal]
        try:
            self.pages = {page.src_uri: page for page in site_pages(self.context)}
            config.nav = navigation(self.context)
        except UnsafePath as exc:
            raise PluginError(f"De site kan niet gebouwd worden: {exc}") from exc
        try:
            self.search_words = search.words_script(search.load_words(request.root))
        except ValueError as error:
            raise PluginError(str(error)) from None
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """The theme's own files (Material's and overrides/) and the generated pages; nothing from content/."""
        theme_dirs = [Path(d).resolve() for d in config.theme.dirs]
        kept = [file for file in files if _inside(Path(file.abs_src_path or ""), theme_dirs)]
        staff = self.context is not None and self.context.staff_edition
        if staff:  # no longer a template (on_config), the theme's sitemap.xml would be copied as it is
            kept = [file for file in kept if file.src_uri != frame.SITEMAP]
        site_dir = Path(config.site_dir).resolve()
        for page in self.pages.values():
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, page.src_uri, content="", inclusion=inclusion)
            if not Path(file.abs_dest_path).resolve().is_relative_to(site_dir):
                raise PluginError(f"De pagina {page.src_uri} zou buiten de sitemap {site_dir} terechtkomen")
            kept.append(file)
        kept.append(File.generated(config, search.WORDS_SCRIPT, content=self.search_words))
        kept.append(File.generated(config, frame.ROBOTS, content=frame.robots_txt(config.site_url, staff)))
        return Files(kept)

    def on_page_markdown(self, markdown: str, page: Page) -> str:
        spec = self.pages.get(page.file.src_uri)
        if spec is None:
            return markdown
        rendered = spec.render(page.canonical_url)
        page.meta = rendered.meta
        page.update_date = rendered.reviewed or self.today.isoformat()  # not the wall clock: builds repeat
        return rendered.markdown

    def on_env(self, env: Environment) -> Environment:
        assert self.context is not None
        env.globals["t"] = self.context.strings
        town = self.context.catalogue.config
        env.globals["town"] = town
        env.globals["intern"] = self.context.staff_edition  # banner and noindex on every page (overrides/main.html)
        env.globals["footer"] = footer_view(self.context)
        # The loket for general questions (catalogus.yml 'contact_loket'): its phone in the search help and the 404.
        env.globals["onthaal"] = self.context.loket_cards.get(town.contact_loket)
        env.globals["concept"] = self.concept
        return env

    def on_post_page(self, output: str) -> str:
        return frame.fixed_frame(output)

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def _pages_dir(self) -> str:
        """A plain `mkdocs build/serve` gets one empty folder for the whole process, removed at exit."""
        if self._own_pages_dir is None:
            self._own_pages_dir = tempfile.TemporaryDirectory(prefix="catalogus-pages-")
        return self._own_pages_dir.name


def _check_logo(config: MkDocsConfig, logo: str) -> None:
    """The logo lives in the theme's folder (overrides/): a real SVG or PNG, small enough for a phone."""
    custom = config.theme.custom_dir
    problem = logo_problem(Path(custom), logo) if custom else "er is geen map overrides/ voor het logo"
    if problem:
        raise PluginError(f"catalogus.yml: {problem}")


def _inside(path: Path, folders: list[Path]) -> bool:
    resolved = path.resolve()
    return any(resolved.is_relative_to(folder) for folder in folders)


def _checked(request: Request) -> Catalogue:
    result = check(request.root, request.today, concept=request.concept, town=request.town)
    if result.errors or result.catalogue is None:
        raise PluginError("\n" + report.human(result))
    return result.catalogue


SITE = CatalogusSite()
