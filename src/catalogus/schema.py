"""JSON Schema export of the model, for editors' tools; generated into `schemas/`, never edited by hand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from .model import Fiche, Loket
from .vocabulary import FIELD_VOCABULARY, VOCABULARY_FILE, Vocabularies

SCHEMA_DIR = "schemas"
GENERATED = "Gegenereerd uit src/catalogus/model.py en vocabularies.yml met 'catalogus schema'. Niet met de hand aanpassen."


def schemas(vocab: Vocabularies) -> dict[str, dict[str, Any]]:
    fiche = Fiche.model_json_schema()
    for field in FIELD_VOCABULARY:
        prop = fiche["properties"][field]
        target = prop["items"] if prop.get("type") == "array" else prop
        target["enum"] = list(vocab.terms(field))
    return {
        "fiche.schema.json": _finish(fiche, "fiche"),
        "loket.schema.json": _finish(Loket.model_json_schema(), "loket"),
    }


def _finish(schema: dict[str, Any], name: str) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://catalogus.invalid/schemas/{name}.schema.json",
        "$comment": GENERATED,
        **schema,
    }


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def write_schemas(root: Path, only_check: bool = False) -> list[str]:
    """Write (or with only_check, compare) the schemas; returns the names that were stale."""
    vocab = Vocabularies.model_validate(yaml.safe_load((root / VOCABULARY_FILE).read_text(encoding="utf-8")))
    stale = []
    for name, schema in schemas(vocab).items():
        path = root / SCHEMA_DIR / name
        text = render(schema)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(f"{SCHEMA_DIR}/{name}")
            if not only_check:
                path.parent.mkdir(exist_ok=True)
                path.write_text(text, encoding="utf-8")
    return stale
