"""Where every page lives. Pages are addressed by their mkdocs source path; the URL follows from it.

Product and loket pages mirror their content files (products/<id>.md, loketten/<id>.md), so the
"edit this fiche" link is the source path itself. Ids and vocabulary keys become path segments: each one must
be a slug, whatever the checker said, so no key can name a file outside the site or break out of an attribute.
"""

from __future__ import annotations

import posixpath
import re

HOME = "index.md"
A_Z = "a-z.md"
FIXED_PAGES = ("toegankelijkheid", "privacy")  # paginas.yml: linked from every page's footer
LOKETTEN = "loketten"
PRODUCTS = "products"
SEGMENT = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class UnsafePath(ValueError):
    """An id or key that cannot be a URL path segment; the build stops with this message."""


def segment(key: str) -> str:
    if not SEGMENT.fullmatch(key):
        raise UnsafePath(
            f"'{key}' kan geen deel van een webadres zijn; gebruik kleine letters, cijfers en koppeltekens"
        )
    return key


def product(product_id: str) -> str:
    return f"{PRODUCTS}/{segment(product_id)}.md"


def loket(loket_id: str) -> str:
    return f"{LOKETTEN}/{segment(loket_id)}.md"


def term(field: str, key: str) -> str:
    """A doelgroep, thema or levensgebeurtenis page; `field` is the fiche field (doelgroepen, themas…)."""
    return f"{segment(field)}/{segment(key)}.md"


def fixed(name: str) -> str:
    return f"{segment(name)}.md"


def section(name: str) -> str:
    """The overview page of a browse dimension (loketten, doelgroepen, themas, levensgebeurtenissen)."""
    return f"{segment(name)}/index.md"


def url(src_uri: str) -> str:
    """Site-relative URL of a source path, with directory URLs (mkdocs' default, set in mkdocs.yml)."""
    path = src_uri.removesuffix(".md")
    if path == "index":
        return ""
    return path.removesuffix("index") if path.endswith("/index") else path + "/"


def relative(target: str, page: str) -> str:
    """`target` as seen from `page` (both site-relative directory URLs, '' is home), like mkdocs' `url` filter."""
    if target.startswith("#"):
        return target
    path = posixpath.relpath("/" + target, "/" + page)
    return path + "/" if target.endswith("/") else path
