"""The batch's column-wise evaluation decides as the evaluator does, household by household, on random rules.

The random rules of test_rules_agreement (every question type, dated limits, per-person limits up to beyond 2**53,
validity windows, nested alle / een_van / niet) over random households of valid answers as the CSV reader types
them: per household the outcome, the category, how it is granted and the deciding conditions must be the
evaluator's, and a household is refused exactly when the evaluator refuses its answers.
"""

from __future__ import annotations

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogus.outreach.columns import evaluate_product
from catalogus.outreach.households import Households
from catalogus.rules.evaluate import AnswerError, evaluate
from test_rules_agreement import CHOICES, DAYS, HUNDREDTHS, PER_QUESTION, QUESTIONS, rule

TYPES = {"ja_nee": pl.Boolean, "getal": pl.Int64, "keuze": pl.String, "datum": pl.String}
CELL = {  # a valid cell as the reader types it: numbers in hundredths, within ±1.000.000.000
    "ja_nee": st.booleans(),
    "getal": st.one_of(st.sampled_from(HUNDREDTHS), st.integers(-10**11, 10**11)),
    "keuze": st.sampled_from(CHOICES),
    "datum": st.sampled_from([*DAYS, "2024-02-29"]),
    "aantal": st.one_of(st.integers(0, 5), st.sampled_from([10**9])).map(lambda n: n * 100),
}


def household():
    kinds = {**QUESTIONS, PER_QUESTION: "aantal"}
    return st.fixed_dictionaries({q: st.one_of(st.none(), CELL[kind]) for q, kind in kinds.items()})


def as_answer(question: str, value):
    """A typed cell as the evaluator takes it (households._as_number): hundredths become a number."""
    if value is None or QUESTIONS.get(question, "getal") != "getal":
        return value
    return value // 100 if value % 100 == 0 else value / 100


@settings(max_examples=300, derandomize=True, database=None, deadline=None, suppress_health_check=list(HealthCheck))
@given(rule(), st.lists(household(), min_size=1, max_size=40), st.sampled_from(DAYS))
def test_columns_decide_as_the_evaluator_does(drawn_rule, rows, day):
    schema = {q: TYPES.get(kind, pl.Int64) for q, kind in {**QUESTIONS, PER_QUESTION: "getal"}.items()}
    frame = pl.DataFrame(rows, schema=schema)
    households = Households(ids=[str(i) for i in range(len(rows))], answered=frame, problems=[], source="t")
    codes, decided, failed = evaluate_product(drawn_rule, households, day)
    for index, row in enumerate(rows):
        try:
            result = evaluate(drawn_rule, {q: as_answer(q, v) for q, v in row.items()}, day)
        except AnswerError:
            assert index in failed
            continue
        assert index not in failed
        winner = next((c for c in result["categorieen"] if c["id"] == result["categorie"]), None)
        expected = (result["uitkomst"], result["categorie"], result["toekenning"],
                    tuple(winner["beslissend"]) if winner else ())
        assert decided[int(codes[index])] == expected
