"""The shared vectors (rules_vectors.json) against the Python evaluator; tests/js/vectors.test.js runs them in node."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from catalogus.rules.evaluate import AnswerError, evaluate

VECTORS = json.loads(Path(__file__).with_name("rules_vectors.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", VECTORS["gevallen"], ids=[c["naam"] for c in VECTORS["gevallen"]])
def test_vector(case):
    rule = VECTORS["regels"][case["regel"]]
    if case.get("fout"):
        with pytest.raises(AnswerError) as refused:
            evaluate(rule, case["antwoorden"], case["peildatum"])
        if "code" in case:
            assert refused.value.code == case["code"], str(refused.value)
        return
    result = evaluate(rule, case["antwoorden"], case["peildatum"])
    for key, expected in case["verwacht"].items():
        if key == "beslissend":
            for category_id, paths in expected.items():
                assert next(c for c in result["categorieen"] if c["id"] == category_id)["beslissend"] == paths
        else:
            assert result[key] == expected, key
