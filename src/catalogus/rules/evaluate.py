"""The Python evaluator of compiled rules: strong Kleene three-valued logic (ja / nee / onbekend).

Written twice on purpose: overrides/assets/javascripts/rechten-evaluate.js is the same algorithm for the browser,
line by line; the shared vectors (tests/rules_vectors.json) and a property test keep the two in agreement.
Semantics are in README.md. A missing, null or empty answer is onbekend; a wrong type, a number with more than 2
decimals or beyond MAX_ANSWER raises AnswerError (the form or the CSV reader must have caught it; the batch can catch
it per household). Numbers are compared exactly in whole hundredths: see _answer_hundredths.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from typing import Any

YES, NO, UNKNOWN = "ja", "nee", "onbekend"
MAX_ANSWER = 1_000_000_000  # an answer lies in [-MAX_ANSWER, MAX_ANSWER]: hundredths stay far below 2**53
MAX_EXACT = 2**53 - 1  # a grens with per_persoon beyond this cannot be computed exactly in JavaScript
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # the whole text (fullmatch): no surrounding whitespace
TOO_LARGE = "te groot; een getal ligt tussen -1.000.000.000 en 1.000.000.000"


class AnswerError(ValueError):
    """An answer of the wrong type: an error at the boundary, never coerced here.

    `code` says which (the wizard shows translations' wizard.fout_<code>): keuze, getal, decimalen, te_groot, geheel,
    datum."""

    def __init__(self, message: str, code: str = "getal") -> None:
        super().__init__(message)
        self.code = code


Leaf = Callable[[Mapping[str, Any]], dict[str, Any]]  # a leaf node's outcome, trace, deciding paths, open questions


def evaluate(rule: Mapping[str, Any], answers: Mapping[str, Any], peildatum: str) -> dict[str, Any]:
    """The outcome for one product on the reference date, with the deciding category, traces and open questions."""
    return _evaluate(rule, peildatum, lambda node: _leaf(node, answers, rule["grenzen"], peildatum))


def evaluate_leaves(rule: Mapping[str, Any], outcomes: Mapping[str, str], peildatum: str) -> dict[str, Any]:
    """The outcome when every leaf's outcome is already known, by its path (no traces, no open questions).

    The batch compares a whole column with a leaf's threshold at once (outreach/columns.py) and lets this function
    combine the leaves: the three-valued logic of categories, windows and combinators exists only here."""
    return _evaluate(
        rule, peildatum, lambda node: {"uitkomst": outcomes[node["pad"]], "spoor": [], "beslissend": [node["pad"]], "open": []}
    )


def _evaluate(rule: Mapping[str, Any], peildatum: str, leaf: Leaf) -> dict[str, Any]:
    in_force = in_window(rule, peildatum)
    categories = []
    for category in rule["categorieen"]:
        entry: dict[str, Any] = {"id": category["id"], "toekenning": category["toekenning"]}
        if in_force and in_window(category, peildatum):
            node = _node(category["voorwaarde"], leaf)
            # The condition holds, but the service also weighs what no question asks (dienst_kijkt_ook_naar):
            # never a plain ja, and asking more cannot help (no open questions).
            reserved = node["uitkomst"] == YES and bool(category.get("ook"))
            entry.update(geldig=True, uitkomst=UNKNOWN if reserved else node["uitkomst"], spoor=node["spoor"])
            entry.update(beslissend=node["beslissend"], open_vragen=node["open"], voorbehoud=reserved)
        else:
            entry.update(geldig=False, uitkomst=NO, spoor=[], beslissend=[], open_vragen=[], voorbehoud=False)
        categories.append(entry)
    winner = next((c for c in categories if c["uitkomst"] == YES), None)
    if winner is not None:
        outcome, open_questions = YES, []
    else:
        unknown = [c for c in categories if c["uitkomst"] == UNKNOWN]
        outcome = UNKNOWN if unknown else NO
        open_questions = _union(c["open_vragen"] for c in unknown)
    return {
        "product": rule["product"],
        "uitkomst": outcome,
        "categorie": winner["id"] if winner else None,
        "toekenning": winner["toekenning"] if winner else None,
        "categorieen": categories,
        "open_vragen": open_questions,
        "voorbehoud": [] if winner else [c["id"] for c in categories if c["voorbehoud"]],
    }


def in_window(item: Mapping[str, Any], day: str) -> bool:
    start, end = item.get("geldig_vanaf"), item.get("geldig_tot")
    return (start is None or start <= day) and (end is None or day <= end)


def _union(lists: Any) -> list[str]:
    seen: dict[str, None] = {}
    for items in lists:
        for item in items:
            seen.setdefault(item, None)
    return list(seen)


def _node(node: Mapping[str, Any], leaf: Leaf) -> dict[str, Any]:
    if "vraag" in node:
        return leaf(node)
    if "niet" in node:
        child = _node(node["niet"], leaf)
        outcome = {YES: NO, NO: YES}.get(child["uitkomst"], UNKNOWN)
        return _combined(node, outcome, [child], [child])
    kind = "alle" if "alle" in node else "een_van"
    children = [_node(child, leaf) for child in node[kind]]
    outcomes = [child["uitkomst"] for child in children]
    strong, weak = (NO, YES) if kind == "alle" else (YES, NO)
    if strong in outcomes:
        outcome, deciding = strong, [c for c in children if c["uitkomst"] == strong]
    elif UNKNOWN in outcomes:
        outcome, deciding = UNKNOWN, [c for c in children if c["uitkomst"] == UNKNOWN]
    else:
        outcome, deciding = weak, children
    return _combined(node, outcome, children, deciding)


def _combined(node: Mapping[str, Any], outcome: str, children: list[dict], deciding: list[dict]) -> dict[str, Any]:
    trace = [{"pad": node["pad"], "uitkomst": outcome}]
    for child in children:
        trace.extend(child["spoor"])
    return {
        "uitkomst": outcome,
        "spoor": trace,
        "beslissend": [path for child in deciding for path in child["beslissend"]],
        "open": _union(child["open"] for child in deciding) if outcome == UNKNOWN else [],
    }


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value == "")


def _leaf(node: Mapping[str, Any], answers: Mapping[str, Any], limits: Mapping[str, Any], day: str) -> dict[str, Any]:
    question, kind = node["vraag"], node["soort"]
    raw = answers.get(question)
    value = None if _missing(raw) else _typed(question, kind, raw)
    threshold, open_questions = _threshold(node, answers, limits, day)
    no_limit_in_force = threshold is None and not open_questions  # asking cannot help: no question is open
    if value is None and not no_limit_in_force:
        open_questions = [question, *open_questions]
    if value is None or threshold is None:
        outcome = UNKNOWN
    else:
        outcome = YES if _compare(node["op"], value, threshold) else NO
    entry = {
        "pad": node["pad"],
        "vraag": question,
        "waarde": None if _missing(raw) else raw,
        "grens": threshold,
        "uitkomst": outcome,
    }
    return {"uitkomst": outcome, "spoor": [entry], "beslissend": [node["pad"]], "open": open_questions}


def _threshold(node: Mapping[str, Any], answers: Mapping[str, Any], limits: Mapping[str, Any], day: str):
    """The value compared with: a literal, or the grens in force on `day` (+ per_persoon × the count asked)."""
    operand = node["waarde"]
    if not isinstance(operand, dict):
        return operand, []
    limit = limits[operand["grens"]]
    current = value_in_force(limit, day)
    if current is None:
        return None, []
    if limit["per"] is None:
        return current["bedrag"], []
    raw = answers.get(limit["per"])
    if _missing(raw):
        return None, [limit["per"]]
    count = _count(limit["per"], raw)
    extra = current["per_persoon"] * count
    total = current["bedrag"] + extra
    if abs(extra) > MAX_EXACT or abs(total) > MAX_EXACT:
        raise AnswerError(f"{limit['per']}: te groot voor de grens (bedrag per persoon × aantal)", "te_groot")
    return total, []


def value_in_force(limit: Mapping[str, Any], day: str) -> Mapping[str, Any] | None:
    """The dated value of a grens that applies on `day`: the last one whose 'vanaf' is not after it."""
    in_force = [v for v in limit["waarden"] if v["vanaf"] <= day]
    return in_force[-1] if in_force else None


def _typed(question: str, kind: str, value: Any) -> Any:
    if kind == "ja_nee":
        if type(value) is not bool:
            raise AnswerError(f"{question}: verwacht ja of nee", "keuze")
        return value
    if kind == "getal":
        return _answer_hundredths(question, value)
    if not isinstance(value, str) or (kind == "datum" and not DATE.fullmatch(value)):
        if kind == "datum":
            raise AnswerError(f"{question}: verwacht een datum JJJJ-MM-DD", "datum")
        raise AnswerError(f"{question}: verwacht een keuze", "keuze")
    return value


def _answer_hundredths(question: str, value: Any) -> int:
    """A number in exact whole hundredths; the same steps as hundredths() in rechten-evaluate.js.

    Not a number (or NaN): refused. Beyond ±MAX_ANSWER (also a huge int or infinity): refused as too large, compared
    exactly, before any conversion. A float is accepted when it is the double nearest to a number with at most 2
    decimals, k/100: k = floor(x × 100 + 0.5) and k / 100 == x, both correctly rounded IEEE operations, so Python and
    JavaScript decide the same on every double (no tolerance: 134217728.02 × 100 is off by more than 1e-6)."""
    if type(value) is bool or not isinstance(value, (int, float)) or value != value:
        raise AnswerError(f"{question}: verwacht een getal", "getal")
    if abs(value) > MAX_ANSWER:
        raise AnswerError(f"{question}: {TOO_LARGE}", "te_groot")
    if isinstance(value, int):
        return value * 100
    whole = math.floor(value * 100 + 0.5)
    if whole / 100 != value:
        raise AnswerError(f"{question}: hoogstens 2 cijfers na de komma", "decimalen")
    return whole


def _count(question: str, value: Any) -> int:
    scaled = _answer_hundredths(question, value)
    if scaled < 0 or scaled % 100 != 0:
        raise AnswerError(f"{question}: verwacht een geheel aantal, 0 of meer", "geheel")
    return scaled // 100


def _compare(op: str, value: Any, threshold: Any) -> bool:
    if op == "is":
        return value == threshold
    if op == "is_een_van":
        return value in threshold
    if op == "kleiner_dan":
        return value < threshold
    if op == "hoogstens":
        return value <= threshold
    if op == "groter_dan":
        return value > threshold
    return value >= threshold
