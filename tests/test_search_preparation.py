"""The offline model prepares a query as the browser's worker does: the shared cases of search_prep_vectors.json
(node runs them through catalogus-zoekvraag.js in tests/js/zoekvraag.test.js)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from query_preparation import QueryData, distance, prepare

VECTORS = json.loads((Path(__file__).parent / "search_prep_vectors.json").read_text(encoding="utf-8"))


def data() -> QueryData:
    return QueryData(
        stem=lambda word: VECTORS["stam"].get(word, word),
        stop_word=lambda word: word in VECTORS["stopwoorden"],
        tokens=sorted(VECTORS["tokens"]),
        filler=set(VECTORS["vulwoorden"]),
        phrases=[(phrase, terms) for phrase, terms in VECTORS["uitdrukkingen"]],
    )


@pytest.mark.parametrize("case", VECTORS["gevallen"], ids=[case["waarom"] for case in VECTORS["gevallen"]])
def test_a_query_is_prepared_as_the_worker_prepares_it(case):
    assert [list(clause) for clause in prepare(case["woorden"], data())] == case["verwacht"]


def test_the_distance_counts_a_swap_as_one_edit_and_stops_above_the_limit():
    assert distance("huurpermie", "huurpremie", 2) == 1
    assert distance("abc", "xyz", 1) == 2
