"""`catalogus.csv`: one row per fiche for spreadsheet users, UTF-8 with a byte-order mark so Excel reads accents.

Columns follow the model (a new field becomes a new column): nested objects become `kostprijs.gratis`-style
columns, lists are joined with " | ", and a list of objects gives one column per key with the values in the same
order (`formulieren.titel`, `formulieren.url`). A block whose model holds itself (the eligibility rules: a
condition holds conditions) has no fixed set of columns: it is one column with the block as JSON.
"""

from __future__ import annotations

import csv
import io
import json
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from catalogus.model import Fiche
from catalogus.opendata.records import EXTRA_FIELDS

JOIN = " | "


def columns(model: type[BaseModel] = Fiche, prefix: str = "") -> list[str]:
    """Column names for a model: its fields in order, nested models flattened with dots."""
    return [name for name, _ in _columns(model, prefix, ())]


def _columns(model: type[BaseModel], prefix: str, above: tuple[type, ...]) -> list[tuple[str, bool]]:
    """(column, holds JSON) pairs; a model met again below itself ends the flattening in one JSON column."""
    found: list[tuple[str, bool]] = []
    for name, info in model.model_fields.items():
        nested = _model_of(info.annotation)
        if nested is None:
            found.append((prefix + name, False))
        elif _recursive(nested, (*above, model)):
            found.append((prefix + name, True))
        else:
            found += _columns(nested, f"{prefix}{name}.", (*above, model))
    return found


def _recursive(model: type[BaseModel], above: tuple[type, ...]) -> bool:
    if model in above:
        return True
    return any(
        (nested := _model_of(info.annotation)) is not None and _recursive(nested, (*above, model))
        for info in model.model_fields.values()
    )


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The model inside `X`, `X | None` or `list[X]`, if X is a model."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType):
        for argument in typing.get_args(annotation):
            found = _model_of(argument)
            if found is not None:
                return found
    return None


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return JOIN.join(cell(item) for item in value)
    return str(value)


def flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if prefix + key in JSON_COLUMNS:
            flat[prefix + key] = json.dumps(value, ensure_ascii=False, sort_keys=True)
        elif isinstance(value, dict):
            flat.update(flatten(value, f"{prefix}{key}."))
        elif isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            keys = dict.fromkeys(k for item in value for k in item)
            for sub in keys:
                flat[f"{prefix}{key}.{sub}"] = [cell(item.get(sub)) for item in value]
        else:
            flat[prefix + key] = value
    return flat


JSON_COLUMNS = frozenset(name for name, is_json in _columns(Fiche, "", ()) if is_json)


def csv_text(records: list[dict[str, Any]]) -> str:
    header = [*columns(), *EXTRA_FIELDS]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for data in records:
        flat = flatten(data)
        writer.writerow([cell(flat.get(name)) for name in header])
    return out.getvalue()


def write_csv(records: list[dict[str, Any]], target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(csv_text(records), encoding="utf-8-sig")
