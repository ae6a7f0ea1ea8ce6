"""Where every export lives in the built site: one place, so the README, the build and the tests agree.

The paths are part of the catalogue's public interface (other sites link to them): change them only with a
redirect and a note in the README.
"""

from __future__ import annotations

from ..config import TownConfig
from ..site import urls

DATA = "data"
CATALOGUE_JSON = f"{DATA}/catalogus.json"
CATALOGUE_CSV = f"{DATA}/catalogus.csv"
CPSV_AP = f"{DATA}/cpsv-ap.jsonld"
IPDC = f"{DATA}/ipdc-lpdc.jsonld"
FEED = f"{DATA}/wijzigingen.xml"
SCHEMAS = "schemas"
EMBED = "embed"
EMBED_SCRIPT = f"{EMBED}/catalogus-embed.js"
DASHBOARD_URL = "beleid/"
DASHBOARD = DASHBOARD_URL + "index.html"


def fiche_json(fiche_id: str) -> str:
    return f"{DATA}/fiches/{fiche_id}.json"


def embed_url(fiche_id: str) -> str:
    return f"{EMBED}/{urls.segment(fiche_id)}/"


def embed_list_url(kind: str, key: str) -> str:
    return f"{EMBED}/lijst/{urls.segment(kind)}/{urls.segment(key)}/"


def embed_page(fiche_id: str) -> str:
    return embed_url(fiche_id) + "index.html"


def file_of(url: str) -> str:
    """The file a directory URL is served from."""
    return url + "index.html"


def schema(name: str) -> str:
    return f"{SCHEMAS}/{name}"


def page(src_uri: str) -> str:
    """Site-relative URL of a citizen page (products/<id>.md -> products/<id>/)."""
    return urls.url(src_uri)


def fiche_page(fiche_id: str) -> str:
    return page(urls.product(fiche_id))


def loket_page(loket_id: str) -> str:
    return page(urls.loket(loket_id))


def term_page(field: str, key: str) -> str:
    return page(urls.term(field, key))


def base(config: TownConfig) -> str:
    """The site's public address with a trailing slash, or '' when the town has not set one."""
    return config.site_url.rstrip("/") + "/" if config.site_url else ""


def absolute(config: TownConfig, path: str) -> str:
    """A public URL when the site address is known; otherwise the site-relative path."""
    return base(config) + path
