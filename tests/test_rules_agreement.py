"""Python and JavaScript evaluators agree: on every shared vector, and on 1,200 random rules with random answers.

Hypothesis draws the cases (rules over every question type, dated grenzen, per-person limits, validity windows;
answers missing, null, empty, near the thresholds, huge (beyond the bound, 10**30, 10**400, per-person limits beyond
2**53) or of the wrong type); one node process evaluates the whole batch; every full result (outcome, category,
traces, deciding conditions, open questions) or refusal (message and code) must be equal.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogus.rules.evaluate import AnswerError, evaluate

HERE = Path(__file__).parent
BATCH = HERE / "js" / "evaluate_batch.js"
VECTORS = json.loads((HERE / "rules_vectors.json").read_text(encoding="utf-8"))
RANDOM_CASES = 1200

QUESTIONS = {"j1": "ja_nee", "j2": "ja_nee", "g1": "getal", "g2": "getal", "k1": "keuze", "d1": "datum"}
PER_QUESTION = "n"
CHOICES = ["x", "y", "z"]
DAYS = ["2020-01-01", "2023-06-30", "2024-03-01", "2026-11-26", "2027-01-01"]
HUNDREDTHS = [-100, 0, 1, 29, 1299999, 1300000, 1300001, 75000, 13421772802, 99999999999, 100000000000]
# Amounts around and beyond the bound (±1.000.000.000), where hundredths × 100 is no longer within 1e-6 of a whole
# number in floating point (from 2**27 euro), and far beyond it (a Python int no float can hold: 10**400).
HUGE = [134217728.01, 134217728.02, 999999999.99, 999999999.999, 1e9, 1000000000.01, -1000000000.01, 1000000001,
        10**15, 10**30, 10**400, 1e300, -1e300, 0.30000000000000004]


def python_results(cases: list[dict]) -> list[dict]:
    out = []
    for case in cases:
        try:
            out.append({"resultaat": evaluate(case["regel"], case["antwoorden"], case["peildatum"])})
        except AnswerError as exc:  # refused the same way: the same Dutch message and code
            out.append({"fout": str(exc), "code": exc.code})
    return json.loads(json.dumps(out))


def node_results(cases: list[dict]) -> list[dict]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node ontbreekt: installeer Node.js 20 (de JavaScript-evaluator wordt met node getest)")
    run = subprocess.run([node, str(BATCH)], input=json.dumps(cases), capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def assert_agree(cases: list[dict]) -> None:
    ours, theirs = python_results(cases), node_results(cases)
    assert len(ours) == len(theirs) == len(cases)
    for case, a, b in zip(cases, ours, theirs, strict=True):
        assert a == b, f"Python en JavaScript verschillen:\n{json.dumps(case)}\nPython: {a}\nJS: {b}"


def test_every_shared_vector_agrees():
    cases = [
        {"regel": VECTORS["regels"][c["regel"]], "antwoorden": c["antwoorden"], "peildatum": c["peildatum"]}
        for c in VECTORS["gevallen"]
    ]
    assert_agree(cases)


@st.composite
def leaf(draw, path: str) -> dict:
    question = draw(st.sampled_from(sorted(QUESTIONS)))
    kind = QUESTIONS[question]
    node = {"pad": path, "vraag": question, "soort": kind, "uitleg": "u"}
    if kind == "ja_nee":
        node.update(op="is", waarde=draw(st.booleans()))
    elif kind == "keuze":
        if draw(st.booleans()):
            node.update(op="is", waarde=draw(st.sampled_from(CHOICES)))
        else:
            node.update(op="is_een_van", waarde=draw(st.lists(st.sampled_from(CHOICES), min_size=1, max_size=3)))
    else:
        op = draw(st.sampled_from(["kleiner_dan", "hoogstens", "groter_dan", "minstens"]))
        if kind == "datum":
            value = draw(st.sampled_from(DAYS))
        elif draw(st.booleans()):
            value = {"grens": draw(st.sampled_from(["vast", "per"]))}
        else:
            value = draw(st.sampled_from(HUNDREDTHS))
        node.update(op=op, waarde=value)
    return node


def condition(path: str, depth: int = 0):
    if depth >= 3:
        return leaf(path)
    return st.one_of(leaf(path), combinator(path, depth))


@st.composite
def combinator(draw, path: str, depth: int) -> dict:
    kind = draw(st.sampled_from(["alle", "een_van", "niet"]))
    if kind == "niet":
        return {"pad": path, "niet": draw(condition(f"{path}.0", depth + 1))}
    size = draw(st.integers(1, 3))
    return {"pad": path, kind: [draw(condition(f"{path}.{i}", depth + 1)) for i in range(size)]}


def window(draw) -> dict:
    start = draw(st.one_of(st.none(), st.sampled_from(DAYS)))
    end = draw(st.one_of(st.none(), st.sampled_from(DAYS)))
    return {"geldig_vanaf": start, "geldig_tot": end}


@st.composite
def limit_values(draw) -> list[dict]:
    days = sorted(draw(st.sets(st.sampled_from(DAYS), min_size=1, max_size=3)))
    return [
        {"vanaf": day, "bedrag": draw(st.sampled_from(HUNDREDTHS)),
         "per_persoon": draw(st.sampled_from([0, 1, 2500, 100000000000]))}
        for day in days
    ]


@st.composite
def rule(draw) -> dict:
    categories = []
    for index in range(draw(st.integers(1, 3))):
        cid = f"c{index}"
        categories.append(
            {
                "id": cid,
                "naam": cid,
                "toekenning": draw(st.sampled_from(["automatisch", "uitnodiging", "aanvraag"])),
                **window(draw),
                "voorwaarde": draw(condition(cid)),
                "ook": draw(st.sampled_from([None, "uw spaargeld"])),  # dienst_kijkt_ook_naar: ja becomes onbekend
            }
        )
    return {
        "product": "p",
        **window(draw),
        "grenzen": {
            "vast": {"per": None, "waarden": draw(limit_values())},
            "per": {"per": PER_QUESTION, "waarden": draw(limit_values())},
        },
        "categorieen": categories,
    }


def answer(kind: str):
    right = {
        "ja_nee": st.booleans(),
        "getal": st.one_of(
            st.sampled_from(HUNDREDTHS).map(lambda h: h / 100),
            st.sampled_from(HUNDREDTHS).filter(lambda h: h % 100 == 0).map(lambda h: h // 100),
            st.integers(-10**11, 10**11).map(lambda h: h / 100),
            st.integers(-2 * 10**11, 2 * 10**11).map(lambda h: h / 100),
            st.integers(-10**11, 10**11),  # whole numbers up to and beyond the bound
            st.sampled_from(HUGE),
        ),
        "keuze": st.sampled_from([*CHOICES, "X"]),
        "datum": st.sampled_from([*DAYS, "2024-02-29"]),
        "aantal": st.one_of(st.integers(0, 5), st.sampled_from([10**9, 10**9 + 1, 10**30, 10**400])),
    }[kind]
    wrong = st.sampled_from(["1", 1, 0.125, True, "ja", "01/03/2024", " 2024-03-01", "2024-03-01\n", 1.5, -1, [1], {"a": 1}])
    return st.one_of(right, right, right, right, st.none(), st.just(""), wrong)


@st.composite
def answers(draw) -> dict:
    given_answers = {}
    for question, kind in [*QUESTIONS.items(), (PER_QUESTION, "aantal")]:
        if draw(st.integers(0, 4)) > 0:  # about one in five questions is left out entirely
            given_answers[question] = draw(answer(kind))
    return given_answers


def test_random_rules_and_answers_agree():
    cases: list[dict] = []

    @settings(max_examples=RANDOM_CASES, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(rule(), answers(), st.sampled_from(DAYS))
    def collect(drawn_rule, drawn_answers, day):
        cases.append({"regel": drawn_rule, "antwoorden": drawn_answers, "peildatum": day})

    collect()
    assert len(cases) >= 1000
    outcomes = {r.get("resultaat", {}).get("uitkomst", "fout") for r in python_results(cases)}
    assert outcomes == {"ja", "nee", "onbekend", "fout"}, outcomes  # the generator reaches every outcome
    assert_agree(cases)


def test_amounts_near_and_beyond_the_bound_agree():
    """Every edge amount (and its neighbours a cent away) against every threshold and comparison, as an answer and
    as a number of persons for a per-person limit (up to 10**9 persons × 10**9 euro, beyond 2**53 hundredths)."""
    amounts = [*HUGE, *(h / 100 + d for h in HUNDREDTHS for d in (-0.01, 0, 0.01)), 134217728.03, -999999999.99]
    answers_list = [{"g1": amount} for amount in amounts] + [
        {"g1": 1, PER_QUESTION: count} for count in (0, 1, 2.5, 90070, 90071, 10**9, 10**9 + 1, 10**30, 10**400, 1e300)
    ]
    cases = []
    for op in ("kleiner_dan", "hoogstens", "groter_dan", "minstens"):
        for threshold in [*HUNDREDTHS, {"grens": "per"}]:
            leaf_node = {"pad": "c", "vraag": "g1", "soort": "getal", "uitleg": "u", "op": op, "waarde": threshold}
            per = [{"vanaf": DAYS[0], "bedrag": 100000000000, "per_persoon": 100000000000}]
            rule_ = {"product": "p", "geldig_vanaf": None, "geldig_tot": None,
                     "grenzen": {"per": {"per": PER_QUESTION, "waarden": per}},
                     "categorieen": [{"id": "c", "naam": "c", "toekenning": "aanvraag", "geldig_vanaf": None,
                                      "geldig_tot": None, "voorwaarde": leaf_node}]}
            cases += [{"regel": rule_, "antwoorden": given_answers, "peildatum": DAYS[-1]} for given_answers in answers_list]
    codes = {r.get("code") for r in python_results(cases)}
    assert {"te_groot", "decimalen", "geheel", None} <= codes, codes
    assert_agree(cases)
