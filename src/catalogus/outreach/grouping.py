"""One product's rule over all households, with the evaluator run once per group of households it cannot tell apart.

Households that the rule cannot tell apart (the same cells, and amounts or dates at the same place among the rule's
thresholds) share a code, and the evaluator (evaluate.py, the one the tests compare with the browser's) decides once
per code, on the answers of the first household with it: one evaluator semantics, no second implementation of a
condition, and no Python code per household.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from catalogus.outreach.households import Households
from catalogus.rules.compiled import rule_leaves
from catalogus.rules.evaluate import evaluate, value_in_force

ORDERING = ("kleiner_dan", "hoogstens", "groter_dan", "minstens")

Summary = tuple[str, str | None, str | None, tuple[str, ...]]  # outcome, category, toekenning, reason codes


def _thresholds(rule: dict[str, Any], households: Households, day: str) -> dict[str, list[Any]]:
    """Per amount or date the rule compares, every value it is compared with on `day` (for a threshold that counts
    persons: its value for each number of persons in the file), sorted."""
    found: dict[str, set[Any]] = {}
    for leaf in rule_leaves(rule):
        if leaf["op"] not in ORDERING:
            continue
        threshold = leaf["waarde"]
        points = found.setdefault(leaf["vraag"], set())
        if not isinstance(threshold, dict):
            points.add(threshold)
            continue
        limit = rule["grenzen"][threshold["grens"]]
        current = value_in_force(limit, day)
        if current is None:
            continue  # no value yet: the condition is onbekend for everyone
        persons = households.column(limit["per"])[2].values() if limit["per"] else ()
        counts = [0] if limit["per"] is None else [n // 100 for n in persons if n is not None]
        points.update(current["bedrag"] + current["per_persoon"] * n for n in counts)
    return {question: sorted(points) for question, points in found.items()}


def _key_columns(rule: dict[str, Any], asked: list[str], households: Households, day: str) -> list[tuple[np.ndarray, int]]:
    """Per question the rule reads, a number per household, equal for two households only if the rule cannot tell
    them apart (the cell itself, or for an amount or a date, its place among the values the rule compares it with),
    and how many such numbers there can be."""
    thresholds = _thresholds(rule, households, day)
    columns = []
    for question in asked:
        texts, cells, typed = households.column(question)
        points = thresholds.get(question)
        if points is None:
            columns.append((cells, len(texts)))
            continue
        answered = [typed[text] is not None for text in texts]
        values = np.array([value for value in map(typed.__getitem__, texts) if value is not None])
        # 0 when empty, else 1 + the thresholds below it + those not above it: the same outcome of every comparison
        place = np.zeros(len(texts), np.int64)
        place[answered] = 1 + np.searchsorted(points, values, "left") + np.searchsorted(points, values, "right")
        columns.append((place[cells], 2 * len(points) + 2))
    return columns


def _first_alike(columns: list[tuple[np.ndarray, int]], count: int) -> np.ndarray:
    """Per household the index of the first household with the same number in every column: the columns are
    combined into one number (made dense again before it could overflow), and numpy finds the first of each."""
    key, bound = np.zeros(count, np.int64), 1
    for cells, size in columns:
        if bound * size >= 2**62:
            key, bound = np.unique(key, return_inverse=True)[1].astype(np.int64), count
        key, bound = key * size + cells, bound * size
    _, first, alike = np.unique(key, return_index=True, return_inverse=True)
    return first[alike]


def evaluate_product(
    rule: dict[str, Any], households: Households, day: str
) -> tuple[np.ndarray, dict[int, Summary], dict[int, str]]:
    """Per household a code, per code (outcome, category, toekenning, reason codes of the deciding category), and
    per household the evaluator could not judge, why not.

    Two households get the same code when the rule reads the same from both: the code is the index of the first
    household that reads so, and the evaluator decides once per code, on that household's answers. When the
    evaluator refuses those answers (an amount it cannot take), each household of the group is decided on its own:
    the ones it refuses are left out (the batch reports them on their row), the others keep their result."""
    leaves = rule_leaves(rule)
    asked = sorted({leaf["vraag"] for leaf in leaves} | {g["per"] for g in rule["grenzen"].values() if g["per"]})
    codes = _first_alike(_key_columns(rule, asked, households, day), len(households.ids))
    decided: dict[int, Summary] = {}
    failed: dict[int, str] = {}
    for index in np.unique(codes).tolist():
        try:
            decided[index] = _decide(rule, households.answers(index, asked), day)
        except (ValueError, ArithmeticError):
            for member in np.flatnonzero(codes == index).tolist():
                try:
                    decided[member] = _decide(rule, households.answers(member, asked), day)
                    codes[member] = member
                except (ValueError, ArithmeticError) as exc:  # AnswerError is a ValueError
                    failed[member] = str(exc) or type(exc).__name__
    return codes, decided, failed


def _decide(rule: dict[str, Any], answers: dict[str, Any], day: str) -> Summary:
    result = evaluate(rule, answers, day)
    winner = next((c for c in result["categorieen"] if c["id"] == result["categorie"]), None)
    reasons = tuple(winner["beslissend"]) if winner else ()
    return result["uitkomst"], result["categorie"], result["toekenning"], reasons
