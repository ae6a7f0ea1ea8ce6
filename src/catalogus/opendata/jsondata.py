"""`catalogus.json` (every fiche and loket), one JSON file per fiche, and the JSON Schemas that describe them.

The schemas are the ones `catalogus schema` writes to `schemas/` (the front-matter editors fill in), plus the
export's own: each record adds its Markdown text and page URL, and `catalogus.schema.json` describes the whole file.
All are generated from the model at build time, so the published schemas always match the published data.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from catalogus.model.catalogue import Catalogue
from catalogus.model.schema import render, schemas
from catalogus.opendata import layout
from catalogus.opendata.records import EXTRA_FIELDS, fiche_records, loket_records
from catalogus.site import urls

# Without a site address the schemas get an $id on a host that never resolves (RFC 2606); with one, their published URL.
NO_SITE = "https://catalogus.invalid/"
FICHE_DATA, LOKET_DATA, CATALOGUE = "fiche-data.schema.json", "loket-data.schema.json", "catalogus.schema.json"


def export_schemas(catalogue: Catalogue) -> dict[str, dict[str, Any]]:
    """File name -> schema: the editors' schemas and the export's, all from the model. The export's schemas carry
    their published address as `$id` (the town's site_url + schemas/…), and catalogus.schema.json is one bundled
    schema: the fiche and loket schemas are in its own `$defs`, so a validator resolves every `$ref` without fetching."""
    published = schemas(catalogue.vocabularies)
    site = urls.base(catalogue.config) or NO_SITE
    published[FICHE_DATA] = _with_extras(published["fiche.schema.json"], FICHE_DATA, site)
    published[LOKET_DATA] = _with_extras(published["loket.schema.json"], LOKET_DATA, site)
    bundled = {**_bundled(published[FICHE_DATA], "fiche"), **_bundled(published[LOKET_DATA], "loket")}
    published[CATALOGUE] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": site + layout.schema(CATALOGUE),
        "title": "Productencatalogus",
        "description": "Alle fiches en loketten van de catalogus, zoals de site ze publiceert.",
        "type": "object",
        "additionalProperties": False,
        "required": ["$schema", "catalogus", "fiches", "loketten"],
        "properties": {
            "$schema": {"type": "string"},
            "catalogus": {
                "type": "object",
                "additionalProperties": False,
                "required": ["gemeente", "organisatie", "taal", "datum", "aantal_fiches"],
                "properties": {
                    "gemeente": {"type": "string"},
                    "organisatie": {"type": "string"},
                    "site_url": {"type": "string"},
                    "nis_code": {"type": "string"},
                    "taal": {"type": "string"},
                    "datum": {"type": "string", "format": "date", "description": "Datum van de build (--today)."},
                    "aantal_fiches": {"type": "integer", "minimum": 0},
                },
            },
            "fiches": {"type": "array", "items": {"$ref": "#/$defs/fiche"}},
            "loketten": {"type": "array", "items": {"$ref": "#/$defs/loket"}},
        },
        "$defs": bundled,
    }
    return published


def _bundled(schema: dict[str, Any], name: str) -> dict[str, Any]:
    """A schema as `$defs` of the bundle: itself under `name`, its own definitions under `name-<Definition>`, every
    `#/$defs/X` reference rewritten to match."""
    body = {key: value for key, value in schema.items() if key not in ("$schema", "$id", "$comment", "$defs")}
    defs = {f"{name}-{key}": value for key, value in schema.get("$defs", {}).items()}
    return _rewrite({name: body, **defs}, name)


def _rewrite(value: Any, name: str) -> Any:
    if isinstance(value, dict):
        return {key: (f"#/$defs/{name}-{item.removeprefix('#/$defs/')}" if key == "$ref" and isinstance(item, str)
                      and item.startswith("#/$defs/") else _rewrite(item, name)) for key, item in value.items()}
    if isinstance(value, list):
        return [_rewrite(item, name) for item in value]
    return value


def _with_extras(schema: dict[str, Any], name: str, site: str) -> dict[str, Any]:
    extended = copy.deepcopy(schema)
    extended["$id"] = site + layout.schema(name)
    extended["title"] = f"{schema.get('title', name)} (export)"
    extended["properties"].update(copy.deepcopy(EXTRA_FIELDS))
    extended["properties"]["$schema"] = {"type": "string", "description": "Adres van dit schema (in data/fiches/<id>.json)."}
    extended["required"] = [*extended.get("required", []), *EXTRA_FIELDS]
    return extended


def catalogue_document(catalogue: Catalogue, today_iso: str) -> dict[str, Any]:
    town = catalogue.config
    fiches = fiche_records(catalogue)
    meta = {"gemeente": town.gemeente, "organisatie": town.organisatie, "site_url": town.site_url,
            "nis_code": town.nis_code, "taal": town.taal, "datum": today_iso, "aantal_fiches": len(fiches)}
    return {
        "$schema": urls.absolute(town, layout.schema(CATALOGUE)),
        "catalogus": {key: value for key, value in meta.items() if value != ""},
        "fiches": fiches,
        "loketten": loket_records(catalogue),
    }


def write_json(catalogue: Catalogue, site: Path, today_iso: str) -> dict[str, Any]:
    """Write the schemas, catalogus.json and data/fiches/<id>.json; returns the catalogue document."""
    for name, schema in export_schemas(catalogue).items():
        write_file(site / layout.schema(name), render(schema))
    document = catalogue_document(catalogue, today_iso)
    write_file(site / layout.CATALOGUE_JSON, dumps(document))
    fiche_schema = urls.absolute(catalogue.config, layout.schema(FICHE_DATA))
    for fiche in document["fiches"]:
        write_file(site / layout.fiche_json(fiche["id"]), dumps({"$schema": fiche_schema, **fiche}))
    return document


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def write_file(path: Path, text: str) -> None:
    """One export file, its folders made as needed, in UTF-8."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
