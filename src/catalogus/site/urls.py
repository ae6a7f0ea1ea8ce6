"""Where every page lives. Pages are addressed by their mkdocs source path; the URL follows from it.

Product and loket pages mirror their content files (products/<id>.md, loketten/<id>.md), so the
"edit this fiche" link is the source path itself.
"""

from __future__ import annotations

HOME = "index.md"
A_Z = "a-z.md"
LOKETTEN = "loketten"
PRODUCTS = "products"


def product(product_id: str) -> str:
    return f"{PRODUCTS}/{product_id}.md"


def loket(loket_id: str) -> str:
    return f"{LOKETTEN}/{loket_id}.md"


def term(field: str, key: str) -> str:
    """A doelgroep, thema or levensgebeurtenis page; `field` is the fiche field (doelgroepen, themas…)."""
    return f"{field}/{key}.md"


def section(name: str) -> str:
    """The overview page of a browse dimension (loketten, doelgroepen, themas, levensgebeurtenissen)."""
    return f"{name}/index.md"


def url(src_uri: str) -> str:
    """Site-relative URL of a source path, with directory URLs (mkdocs' default, set in mkdocs.yml)."""
    path = src_uri.removesuffix(".md")
    if path == "index":
        return ""
    return path.removesuffix("index") if path.endswith("/index") else path + "/"
