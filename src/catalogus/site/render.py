"""The package's own Jinja environment: it renders every page body; mkdocs-material only adds the frame.

Autoescape is on and undefined values are errors, so a template prints nothing unescaped except Markup made by
the text renderer (catalogus.base.markup) or the JSON-LD encoder. A page template defines `{% block body %}` and, if
it needs something in <head>, `{% block head %}`; templates live in catalogus/site/templates/.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context, select_autoescape
from markupsafe import Markup

from catalogus.site import urls


@dataclass(frozen=True)
class PageHtml:
    """What the frame (overrides/main.html) prints: the page body, and extra tags for <head>."""

    body: Markup
    head: Markup


@dataclass(frozen=True)
class PageInfo:
    """The page a template renders: its site-relative URL. Citizen pages carry no edit link (that is for staff)."""

    url: str


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("catalogus.site", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
    )
    env.filters["url"] = _relative_url
    return env


@pass_context
def _relative_url(context: Any, target: str) -> str:
    """`x.url | url`: a site-relative URL as seen from the page being rendered (as mkdocs' filter does)."""
    return urls.relative(target, context["page"].url)


def render_page(template: str, page: PageInfo, **context: Any) -> PageHtml:
    """Render one page body (and head) with `page`, `t` (UI strings) and `town` (catalogus.yml) in reach."""
    compiled = environment().get_template(template)
    variables = compiled.new_context({"page": page, **context})
    body = Markup("".join(compiled.blocks["body"](variables)))
    head = Markup("".join(compiled.blocks["head"](variables))) if "head" in compiled.blocks else Markup("")
    return PageHtml(body, head)

