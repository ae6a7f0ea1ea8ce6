"""Generated documentation of the model: JSON Schema in `schemas/` and the field table in the editors' guide.

Both come from the model's field descriptions, so the schema, the guide and the checker never disagree.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from catalogus.model import Fiche, Intern, Loket
from catalogus.model.facts import FactRegister
from catalogus.model.guide import generated as guide_files
from catalogus.model.search_words import SearchWords
from catalogus.model.vocabulary import FIELD_VOCABULARY, VOCABULARY_FILE, Vocabularies

SCHEMA_DIR = "schemas"
GUIDE = "gedeeld/README.md"
BEGIN, END = "<!-- velden:begin (gegenereerd met 'catalogus schema') -->", "<!-- velden:eind -->"
GENERATED = "Gegenereerd uit src/catalogus/model/ en vocabularies.yml met 'catalogus schema'. Niet met de hand aanpassen."


def schemas(vocab: Vocabularies) -> dict[str, dict[str, Any]]:
    fiche = Fiche.model_json_schema()
    for field in FIELD_VOCABULARY:
        prop = fiche["properties"][field]
        target = prop["items"] if prop.get("type") == "array" else prop
        target["enum"] = list(vocab.terms(field))
    return {
        "fiche.schema.json": _finish(fiche, "fiche"),
        "loket.schema.json": _finish(Loket.model_json_schema(), "loket"),
        "feiten.schema.json": _finish(FactRegister.model_json_schema(), "feiten"),
        "zoekwoorden.schema.json": _finish(SearchWords.model_json_schema(), "zoekwoorden"),
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


def field_reference() -> str:
    """Markdown tables of every field of a fiche, a loket and an internal text, from the model's descriptions."""
    parts = []
    models = (
        ("Fiche (`content/products/`)", Fiche),
        ("Loket (`content/loketten/`)", Loket),
        ("Interne tekst (`content/intern/<id van de fiche>.md`, alleen in de interne editie)", Intern),
    )
    for title, model in models:
        parts += [f"#### {title}", "", "| veld | verplicht | uitleg |", "|---|---|---|"]
        parts += [_row(name, info.is_required(), info.description or "") for name, info in model.model_fields.items()]
        parts.append("")
    return "\n".join(parts)


def _row(name: str, required: bool, description: str) -> str:
    return f"| `{name}` | {'ja' if required else 'nee'} | {description.replace('|', '/')} |"


def generated_files(root: Path) -> dict[Path, str]:
    """Every generated file with the text it must have now."""
    vocab = Vocabularies.model_validate(yaml.safe_load((root / VOCABULARY_FILE).read_text(encoding="utf-8")))
    files = {root / SCHEMA_DIR / name: render(schema) for name, schema in schemas(vocab).items()}
    guide = root / GUIDE
    if guide.exists():
        text = guide.read_text(encoding="utf-8")
        head, _, rest = text.partition(BEGIN)
        _, _, tail = rest.partition(END)
        files[guide] = f"{head}{BEGIN}\n{field_reference()}{END}{tail}"
    files.update(guide_files(root, vocab))  # the staff guide's table of allowed values
    return files


def write_schemas(root: Path, only_check: bool = False) -> list[str]:
    """Write (or with only_check, compare) the generated files; returns the names that were stale."""
    stale = []
    for path, text in generated_files(root).items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(path.relative_to(root).as_posix())
            if not only_check:
                path.parent.mkdir(exist_ok=True)
                path.write_text(text, encoding="utf-8")
    return stale
