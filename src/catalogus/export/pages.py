"""The export's own Jinja environment for standalone pages (embeds, the policy dashboard): autoescape on,
templates in catalogus/export/templates, no mkdocs involved."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("catalogus.export", "templates"),
        autoescape=select_autoescape(["html", "js"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates are package files: no stat per page
    )
    env.filters["js"] = _js
    return env


def _js(value: Any) -> Markup:
    """A value as a JavaScript literal; '<' escaped so no text can close a script element."""
    return Markup(json.dumps(value, ensure_ascii=False).replace("<", "\\u003c"))


def write_page(target: Path, template: str, **context: Any) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(environment().get_template(template).render(**context), encoding="utf-8")
