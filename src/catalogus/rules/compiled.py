"""A validated `rechten` block as the JSON both evaluators read (Python here, evaluate.js in the browser).

The compiled form is plain JSON: numbers in whole hundredths (cent for euro amounts), dates as JJJJ-MM-DD
strings, every leaf with its question's type and a path ('b.0') that names it in traces and explanations.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from catalogus.rules.model import Rechten, Voorwaarde
from catalogus.rules.questions import questions


def hundredths(amount: Decimal) -> int:
    return int(amount * 100)


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def compile_rule(product_id: str, rechten: Rechten) -> dict[str, Any]:
    return {
        "product": product_id,
        "ongeveer": rechten.ongeveer,
        "jaar": rechten.jaar,
        "al": rechten.al_vraag,
        "geldig_vanaf": _day(rechten.geldig_vanaf),
        "geldig_tot": _day(rechten.geldig_tot),
        "grenzen": {
            name: {
                "per": grens.per_persoon_vraag,
                "waarden": [
                    {
                        "vanaf": w.vanaf.isoformat(),
                        "bedrag": hundredths(w.bedrag),
                        "per_persoon": hundredths(w.per_persoon) if w.per_persoon is not None else 0,
                    }
                    for w in grens.waarden
                ],
            }
            for name, grens in rechten.grenzen.items()
        },
        "categorieen": [
            {
                "id": c.id,
                "naam": c.naam,
                "toekenning": c.toekenning,
                "geldig_vanaf": _day(c.geldig_vanaf),
                "geldig_tot": _day(c.geldig_tot),
                "voorwaarde": _node(c.voorwaarde, c.id),
                "ook": c.dienst_kijkt_ook_naar,
            }
            for c in rechten.categorieen
        ],
    }


def _node(node: Voorwaarde, path: str) -> dict[str, Any]:
    if node.vraag is None:
        kind = node.combinator
        assert kind is not None
        if kind == "niet":
            assert node.niet is not None
            compiled: dict[str, Any] = {"pad": path, "niet": _node(node.niet, f"{path}.0")}
        else:
            children = getattr(node, kind)
            compiled = {"pad": path, kind: [_node(child, f"{path}.{i}") for i, child in enumerate(children)]}
        if node.uitleg:
            compiled["uitleg"] = node.uitleg
        return compiled
    op = node.operators()[0]
    kind = questions()[node.vraag].soort
    return {
        "pad": path,
        "vraag": node.vraag,
        "soort": kind,
        "op": op,
        "waarde": _operand(kind, node.operand(op)),
        "uitleg": node.uitleg,
    }


def _operand(kind: str, value: Any) -> Any:
    if kind == "getal":
        return {"grens": value} if isinstance(value, str) else hundredths(Decimal(str(value)))
    if kind == "datum":
        return value.isoformat()
    return value


def leaves(node: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The leaves (questions) of a compiled condition, in order."""
    if "vraag" in node:
        return [node]
    children = node.get("alle") or node.get("een_van") or [node["niet"]]
    return [leaf for child in children for leaf in leaves(child)]


def rule_leaves(rule: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """Every leaf of a compiled rule, category by category."""
    return [leaf for category in rule["categorieen"] for leaf in leaves(category["voorwaarde"])]
