"""Generated parts of the staff guide (docs/fiche-aanpassen.md): the allowed values with their labels.

Editors see labels on the site ("Zorg en hulp thuis") but type ids in a fiche (`zorg-thuis`); the guide shows
both, generated from vocabularies.yml and the loketten, so it can never disagree with what the checker accepts.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from catalogus.model.config import CONFIG_FILE, TOWNS_DIR
from catalogus.model.vocabulary import FIELD_VOCABULARY, Vocabularies

GUIDE = "docs/fiche-aanpassen.md"
BEGIN, END = "<!-- waarden:begin (gegenereerd met 'catalogus schema') -->", "<!-- waarden:eind -->"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "/")


def loketten(content: Path) -> list[tuple[str, str]]:
    """(id, naam) of every loket whose front-matter can be read; broken ones are the checker's concern."""
    found = []
    for path in sorted((content / "loketten").glob("*.md")):
        parts = path.read_text(encoding="utf-8").split("---\n", 2)
        try:
            data = yaml.safe_load(parts[1]) if len(parts) == 3 else None
        except yaml.YAMLError:
            data = None
        if isinstance(data, dict) and isinstance(data.get("id"), str) and isinstance(data.get("naam"), str):
            found.append((data["id"], data["naam"]))
    return found


def value_reference(vocab: Vocabularies, towns: dict[str, Path]) -> str:
    """The allowed values; `towns`: each town's content folder by its name ('' for a single town)."""
    named = list(towns) != [""]
    parts = ["#### `loket` en `andere_loketten`", ""]
    columns = ["gemeente", "op de site", "wat u typt"][0 if named else 1 :]
    parts += ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for town, content in towns.items():
        first = f"| {_cell(town)} " if named else ""
        parts += [f"{first}| {_cell(naam)} | `{key}` |" for key, naam in loketten(content)]
    for field in FIELD_VOCABULARY:
        terms = vocab.terms(field)
        explained = any(term.uitleg for term in terms.values())
        parts += ["", f"#### `{field}`", ""]
        parts += (
            ["| op de site | wat u typt | uitleg |", "|---|---|---|"]
            if explained
            else ["| op de site | wat u typt |", "|---|---|"]
        )
        for key, term in terms.items():
            row = f"| {_cell(term.label)} | `{key}` |"
            parts.append(row + (f" {_cell(term.uitleg or '')} |" if explained else ""))
    return "\n".join(parts) + "\n"


def town_contents(root: Path) -> dict[str, Path]:
    """Each town's content folder by its folder name: a region's gemeenten/<town>/content, or a single town's."""
    towns = root / TOWNS_DIR
    if not (root / CONFIG_FILE).is_file() and towns.is_dir():
        return {p.name: p / "content" for p in sorted(towns.iterdir()) if (p / CONFIG_FILE).is_file()}
    return {"": root / "content"}


def generated(root: Path, vocab: Vocabularies) -> dict[Path, str]:
    """The guide with its generated block brought up to date (empty when the guide is absent)."""
    path = root / GUIDE
    if not path.exists():
        return {}
    text = path.read_text(encoding="utf-8")
    head, sep, rest = text.partition(BEGIN)
    if not sep:
        return {}
    _, _, tail = rest.partition(END)
    return {path: f"{head}{BEGIN}\n{value_reference(vocab, town_contents(root))}{END}{tail}"}
