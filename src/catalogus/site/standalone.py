"""Standalone pages written after mkdocs (embeds, the policy dashboard), rendered by the site's own Jinja
environment (catalogus.site.render: autoescape, StrictUndefined, its `url` filter) with the templates in
site/templates/standalone; no mkdocs involved."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from catalogus.site import render


@cache
def environment() -> Environment:
    env = render.environment().overlay(
        loader=PackageLoader("catalogus.site", "templates/standalone"), trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True, auto_reload=False,  # templates are package files: no stat per page
    )
    env.filters = {**env.filters, "js": _js}  # an overlay shares its parent's filters: add ours to a copy
    return env


def _js(value: Any) -> Markup:
    """A value as a JavaScript literal; '<' escaped so no text can close a script element."""
    return Markup(json.dumps(value, ensure_ascii=False).replace("<", "\\u003c"))


def write_page(target: Path, template: str, url: str, **context: Any) -> None:
    """Render `template` as the page at site-relative `url` (so `x | url` gives links relative to it)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    page = render.PageInfo(url)
    target.write_text(environment().get_template(template).render(page=page, **context), encoding="utf-8")
