"""Where every data export lives in the built site (pages, embeds and the dashboard: catalogus.site.urls).

The paths are part of the catalogue's public interface (other sites link to them): change them only with a
redirect and a note in the README.
"""

from __future__ import annotations

DATA = "data"
CATALOGUE_JSON = f"{DATA}/catalogus.json"
CATALOGUE_CSV = f"{DATA}/catalogus.csv"
CPSV_AP = f"{DATA}/cpsv-ap.jsonld"
IPDC = f"{DATA}/ipdc-lpdc.jsonld"
FEED = f"{DATA}/wijzigingen.xml"
SCHEMAS = "schemas"


def fiche_json(fiche_id: str) -> str:
    return f"{DATA}/fiches/{fiche_id}.json"


def schema(name: str) -> str:
    return f"{SCHEMAS}/{name}"
