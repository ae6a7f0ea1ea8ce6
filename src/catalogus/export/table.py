"""`catalogus.csv`: one row per fiche for spreadsheet users, UTF-8 with a byte-order mark so Excel reads accents.

Columns follow the model (a new field becomes a new column): nested objects become `kostprijs.gratis`-style
columns, lists are joined with " | ", and a list of objects gives one column per key with the values in the same
order (`formulieren.titel`, `formulieren.url`).
"""

from __future__ import annotations

import csv
import io
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..model import Fiche
from .records import EXTRA_FIELDS

JOIN = " | "


def columns(model: type[BaseModel] = Fiche, prefix: str = "", _path: tuple[type, ...] = ()) -> list[str]:
    """Column names for a model: its fields in order, nested models flattened with dots.

    A model that contains itself (a rule's conditions) is one column, not an endless flattening."""
    names = []
    for name, info in model.model_fields.items():
        nested = _model_of(info.annotation)
        if nested is None or nested in (*_path, model):
            names.append(prefix + name)
        else:
            names += columns(nested, f"{prefix}{name}.", (*_path, model))
    return names


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
        if isinstance(value, dict):
            flat.update(flatten(value, f"{prefix}{key}."))
        elif isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            keys = dict.fromkeys(k for item in value for k in item)
            for sub in keys:
                flat[f"{prefix}{key}.{sub}"] = [cell(item.get(sub)) for item in value]
        else:
            flat[prefix + key] = value
    return flat


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
