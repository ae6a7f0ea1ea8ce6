"""The mkdocs side of the site: what happens at each mkdocs event. hooks/catalogus_hook.py forwards to SITE.

on_config checks the content (or takes the Catalogue `catalogus build` already checked), points mkdocs at the
town's settings and sets the navigation; on_files swaps the content files for generated pages; each page gets
its data and Markdown in on_page_markdown, only when mkdocs renders it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .. import report
from ..catalogue import Catalogue
from ..check import check
from . import frame, search, translations
from .context import SiteContext
from .pages import SitePage, navigation, site_pages

SEARCH_PLUGIN = "material/search"


@dataclass(frozen=True)
class Request:
    """What `catalogus build/serve` asks for; a plain `mkdocs build` uses the config file's folder and today."""

    root: Path
    today: dt.date
    catalogue: Catalogue | None = None


class CatalogusSite:
    def __init__(self) -> None:
        self.request: Request | None = None
        self.today = dt.date.today()
        self.context: SiteContext | None = None
        self.pages: dict[str, SitePage] = {}
        self.search_words = ""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        project = Path(config.config_file_path).parent
        request = self.request or Request(project, dt.date.today())
        catalogue = request.catalogue or _checked(request)
        self.today = request.today
        town = catalogue.config
        config.site_name = town.site_naam
        config.site_description = town.site_omschrijving or None
        config.site_url = town.site_url or None
        config.docs_dir = str(request.root / town.content_map)
        config.theme["language"] = town.taal
        if town.logo:
            config.theme["logo"] = town.logo
        if SEARCH_PLUGIN in config.plugins:
            config.plugins[SEARCH_PLUGIN].config.lang = [town.taal]
        self.context = SiteContext(catalogue, translations.load(project, town.taal), config.repo_url or None)
        self.pages = {page.src_uri: page for page in site_pages(self.context)}
        config.nav = navigation(self.context)
        if town.onthaal and town.onthaal not in self.context.loket_cards:
            raise PluginError(f"catalogus.yml: 'onthaal: {town.onthaal}' is geen loket in {town.content_map}/loketten/")
        try:
            self.search_words = search.words_script(search.load_words(request.root))
        except ValueError as error:
            raise PluginError(str(error)) from None
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Content Markdown is read by the checker, never by mkdocs: it is replaced by the generated pages."""
        kept = [file for file in files if not file.is_documentation_page()]
        for page in self.pages.values():
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, page.src_uri, content="", inclusion=inclusion)
            file.edit_uri = page.edit_uri
            kept.append(file)
        kept.append(File.generated(config, search.WORDS_SCRIPT, content=self.search_words))
        kept.append(File.generated(config, frame.ROBOTS, content=frame.robots_txt(config.site_url)))
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
        env.globals["onthaal"] = self.context.loket_cards.get(town.onthaal)
        return env

    def on_post_page(self, output: str) -> str:
        return frame.fixed_frame(output)

    @property
    def page_count(self) -> int:
        return len(self.pages)


def _checked(request: Request) -> Catalogue:
    result = check(request.root, request.today)
    if result.errors or result.catalogue is None:
        raise PluginError("\n" + report.human(result))
    return result.catalogue


SITE = CatalogusSite()
