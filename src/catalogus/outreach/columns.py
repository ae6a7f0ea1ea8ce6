"""One product's rule over all households at once: each condition is one operation over a whole column.

As in OpenFisca, a condition is computed for every household together, never household by household: a leaf
(a question compared with a value or a dated limit) becomes a Polars expression whose null is 'onbekend'. The
leaves' outcomes make a small number per household; the tree above them (categories, their windows, alle / een_van
/ niet) is decided by the evaluator the browser's is tested against (evaluate_leaves), once per distinct set of
leaf outcomes. Time and memory grow with the households, not with how varied they are.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import polars as pl

from catalogus.outreach.households import Households
from catalogus.rules.compiled import leaves as leaves_of
from catalogus.rules.compiled import rule_leaves
from catalogus.rules.evaluate import MAX_EXACT, NO, UNKNOWN, YES, evaluate_leaves, in_window, value_in_force
from catalogus.rules.questions import questions

Summary = tuple[str, str | None, str | None, tuple[str, ...]]  # outcome, category, toekenning, reason codes
OUTCOMES = (NO, YES, UNKNOWN)  # a leaf's outcome as a digit: 0, 1, 2
PACKED = 39  # leaves per 64-bit number: 3**39 < 2**63
COMPARE = {
    "is": lambda value, other: value == other,
    "kleiner_dan": lambda value, other: value < other,
    "hoogstens": lambda value, other: value <= other,
    "groter_dan": lambda value, other: value > other,
    "minstens": lambda value, other: value >= other,
}
ANSWER_TYPES = {"ja_nee": pl.Boolean, "getal": pl.Int64}  # keuze and datum are text
TOO_LARGE = "{}: te groot voor de grens (bedrag per persoon × aantal)"


def _answer(households: Households, question: str) -> pl.Expr:
    """A question's typed column; a question the file does not answer is unknown for every household."""
    if question in households.answered.columns:
        return pl.col(question)
    return pl.lit(None, ANSWER_TYPES.get(questions()[question].soort, pl.String))


def _leaf(leaf: Mapping[str, Any], rule: dict[str, Any], households: Households, day: str) -> tuple[pl.Expr, pl.Expr | None]:
    """A leaf as a boolean column (null: onbekend), and the households whose limit cannot be computed exactly
    (None when no household can have that problem): the same checks as the evaluator's _threshold."""
    value, operand = _answer(households, leaf["vraag"]), leaf["waarde"]
    if leaf["op"] == "is_een_van":
        return pl.when(value.is_not_null()).then(value.is_in(operand)), None
    if not isinstance(operand, dict):
        return COMPARE[leaf["op"]](value, pl.lit(operand)), None
    limit = rule["grenzen"][operand["grens"]]
    current = value_in_force(limit, day)
    if current is None:
        return pl.lit(None, pl.Boolean), None  # no value yet: onbekend for everyone
    if limit["per"] is None:
        return COMPARE[leaf["op"]](value, pl.lit(current["bedrag"])), None
    count = _answer(households, limit["per"]) // 100
    extra = count.cast(pl.Float64) * current["per_persoon"]  # only to find the inexact ones: exact below 2**53
    inexact = (extra.abs() > MAX_EXACT) | ((extra + current["bedrag"]).abs() > MAX_EXACT)
    threshold = pl.when(~inexact).then(count * current["per_persoon"] + current["bedrag"])
    return COMPARE[leaf["op"]](value, threshold), inexact.fill_null(False)


def evaluate_product(
    rule: dict[str, Any], households: Households, day: str
) -> tuple[np.ndarray, dict[int, Summary], dict[int, str]]:
    """Per household a code, per code (outcome, category, toekenning, reason codes of the deciding category), and
    per household the rule cannot judge (a limit too large to compute exactly), why not."""
    leaves = rule_leaves(rule)
    compiled = [_leaf(leaf, rule, households, day) for leaf in leaves]
    digits = [pl.when(expr.is_null()).then(2).otherwise(expr.cast(pl.Int64)) for expr, _ in compiled]
    packs = [
        pl.sum_horizontal(digit * 3**place for place, digit in enumerate(digits[start : start + PACKED]))
        for start in range(0, len(digits), PACKED)
    ] or [pl.lit(0, pl.Int64)]
    judged = {id(leaf) for category in rule["categorieen"] if in_window(rule, day) and in_window(category, day)
              for leaf in leaves_of(category["voorwaarde"])}  # a category out of its window reads no answer
    refusals = [(rule["grenzen"][leaf["waarde"]["grens"]]["per"], inexact)
                for leaf, (_, inexact) in zip(leaves, compiled, strict=True) if inexact is not None and id(leaf) in judged]
    names = [f"p{number}" for number in range(len(packs))]
    frame = households.answered.select(
        pl.int_range(pl.len()).alias("row"),  # the frame's height, also when every leaf is a constant
        *(pack.alias(name) for name, pack in zip(names, packs, strict=True)),
        *(inexact.alias(f"x{number}") for number, (_, inexact) in enumerate(refusals)),
    )
    distinct = frame.select(names).unique().sort(names).with_row_index("code")
    codes = frame.join(distinct, on=names, how="left", maintain_order="left").get_column("code").cast(pl.Int64)
    decided: dict[int, Summary] = {}
    for code, *packed in distinct.iter_rows():
        outcomes = [OUTCOMES[(packed[place // PACKED] // 3 ** (place % PACKED)) % 3] for place in range(len(leaves))]
        decided[code] = _decide(rule, dict(zip((leaf["pad"] for leaf in leaves), outcomes, strict=True)), day)
    failed: dict[int, str] = {}
    for number, (question, _) in enumerate(refusals):
        for index in frame.get_column(f"x{number}").arg_true().to_list():
            failed.setdefault(index, TOO_LARGE.format(question))
    return codes.to_numpy(), decided, failed


def _decide(rule: dict[str, Any], outcomes: dict[str, str], day: str) -> Summary:
    result = evaluate_leaves(rule, outcomes, day)
    winner = next((c for c in result["categorieen"] if c["id"] == result["categorie"]), None)
    reasons = tuple(winner["beslissend"]) if winner else ()
    return result["uitkomst"], result["categorie"], result["toekenning"], reasons
