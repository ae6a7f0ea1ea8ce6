"""Where every page lives. Pages are addressed by their mkdocs source path; the URL follows from it.

Product and loket pages mirror their content files (products/<id>.md, loketten/<id>.md), so the
"edit this fiche" link is the source path itself. Ids and vocabulary keys become path segments: each one must
be a slug, whatever the checker said, so no key can name a file outside the site or break out of an attribute.
"""

from __future__ import annotations

import posixpath
import re

from catalogus.model.config import TownConfig

HOME = "index.md"
A_Z = "a-z.md"
FIXED_PAGES = ("toegankelijkheid", "privacy")  # paginas.yml: linked from every page's footer
LOKETTEN = "loketten"
PRODUCTS = "products"
SEGMENT = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Pages outside mkdocs, written after it (fixed addresses: other sites link to them; change only with a redirect).
STAFF = "redactie"  # the staff form (catalogus.site.editor)
EMBED = "embed"
EMBED_SCRIPT = f"{EMBED}/catalogus-embed.js"
DASHBOARD_URL = "beleid/"
DASHBOARD = DASHBOARD_URL + "index.html"


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


def embed_url(fiche_id: str) -> str:
    return f"{EMBED}/{segment(fiche_id)}/"


def embed_list_url(kind: str, key: str) -> str:
    return f"{EMBED}/lijst/{segment(kind)}/{segment(key)}/"


def embed_page(fiche_id: str) -> str:
    return embed_url(fiche_id) + "index.html"


def file_of(url: str) -> str:
    """The file a directory URL is served from."""
    return url + "index.html"


def fiche_page(fiche_id: str) -> str:
    return url(product(fiche_id))


def loket_page(loket_id: str) -> str:
    return url(loket(loket_id))


def term_page(field: str, key: str) -> str:
    return url(term(field, key))


def base(config: TownConfig) -> str:
    """The site's public address with a trailing slash, or '' when the town has not set one."""
    return config.site_url.rstrip("/") + "/" if config.site_url else ""


def absolute(config: TownConfig, path: str) -> str:
    """A public URL when the site address is known; otherwise the site-relative path."""
    return base(config) + path
