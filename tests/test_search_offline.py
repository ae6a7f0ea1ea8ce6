"""Search quality without a browser: the same queries over the built site's search index, ranked as material does.

Fast enough to run on every change; the browser test is the final word (test_search_browser.py).
"""

from __future__ import annotations

import random
import re

import pytest
import yaml

from browser import page_id, search_phrased, search_queries, search_questions
from factories import SHARED
from test_search_browser import QUESTIONS_SHARE, REQUIRED_SHARE, TOP, misses_report, phrased_parts, phrased_recall

QUESTION_SETS = pytest.mark.parametrize(
    ("cases", "share"), [(search_queries(), REQUIRED_SHARE), (search_questions(), QUESTIONS_SHARE)],
    ids=["sleutelwoorden", "vragen"],
)


@QUESTION_SETS
def test_every_query_expects_an_existing_fiche(cases, share):
    fiches = {path.stem for path in (SHARED).glob("*.md")}
    unknown = sorted({case["fiche"] for case in cases} - fiches)
    assert not unknown, f"de zoektest verwacht fiches die niet bestaan: {', '.join(unknown)}"


def test_at_least_thirty_whole_questions():
    assert len(search_questions()) >= 30


def test_the_phrased_set_is_complete_and_split_in_two():
    """search_phrased.yml: existing fiches, known kinds and halves, and each half big enough to measure (issue 21)."""
    cases = search_phrased()
    fiches = {path.stem for path in SHARED.glob("*.md")}
    assert not sorted({case["fiche"] for case in cases} - fiches), "search_phrased.yml verwacht fiches die niet bestaan"
    assert {case["soort"] for case in cases} == {"gewoon", "typfout", "samenstelling"}
    assert {case["deel"] for case in cases} == {"afstemmen", "achtergehouden"}
    assert len({case["query"] for case in cases}) == len(cases) >= 90
    parts = phrased_parts(cases)
    for deel in ("afstemmen", "achtergehouden"):
        assert len(parts[deel, "alles"]) >= 45 and len(parts[deel, "typfout"]) >= 12
        assert len(parts[deel, "samenstelling"]) >= 7
    known = {case["query"].lower() for case in search_queries() + search_questions()}
    assert not [case["query"] for case in cases if case["query"].lower() in known], "een vraag staat al in een andere set"


@QUESTION_SETS
def test_queries_find_their_fiche_in_the_top_three(modelled_search, cases, share):
    misses = []
    for case in cases:
        found = [page_id(location) for location in modelled_search.search(case["query"])]
        if case["fiche"] not in found[:TOP]:
            misses.append((case["query"], case["fiche"], found))
    print(misses_report(misses, len(cases)))
    assert len(misses) <= (1 - share) * len(cases), misses_report(misses, len(cases))


def test_phrased_queries_find_their_fiche_in_the_top_three(modelled_search):
    """search_phrased.yml per half and kind, with the browser test's floors (PHRASED_FLOORS)."""
    cases = search_phrased()
    found = {case["query"]: [page_id(location) for location in modelled_search.search(case["query"])] for case in cases}
    shares, below, report = phrased_recall(cases, found)
    print(report)
    assert not below, "onder de vloer: " + ", ".join(below) + "\n" + report


def one_typo(word: str, rng: random.Random) -> str:
    """One edit inside the word (never its first or last letter): a letter left out, added, wrong or swapped."""
    at, kind = rng.randrange(1, len(word) - 1), rng.choice("dist")
    if kind == "d" or (kind == "t" and word[at] == word[at + 1]):
        return word[:at] + word[at + 1 :]
    if kind == "i":
        return word[:at] + rng.choice("abcdefghijklmnopqrstuvwxyz") + word[at:]
    if kind == "s":
        return word[:at] + rng.choice("abcdefghijklmnopqrstuvwxyz".replace(word[at], "")) + word[at + 1 :]
    return word[:at] + word[at + 1] + word[at] + word[at + 2 :]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_typo_inside_a_word_of_a_fiche_title_still_finds_it(modelled_search, seed):
    """Generated, not written by hand: in every fiche's title one word of 5+ letters gets one random edit inside it
    (issue 21: a one-letter typo inside a common word found nothing). Measured 100 % on each seed; none tuned."""
    rng = random.Random(seed)
    fiches = [doc for doc in modelled_search.docs if "#" not in doc["location"] and "products/" in doc["location"]]
    lost = []
    for doc in fiches:
        words = re.findall(r"[a-zà-ÿ]+", doc["title"].lower())
        long = [word for word in words if len(word) >= 5]
        if not long:
            continue
        word = rng.choice(long)
        query = " ".join(one_typo(word, rng) if w == word else w for w in words)
        if page_id(doc["location"]) not in [page_id(location) for location in modelled_search.search(query)][:TOP]:
            lost.append(f"{query!r} → {page_id(doc['location'])}")
    assert len(lost) <= len(fiches) * 0.02, "\n".join(lost)


def test_every_page_is_found_by_its_title(modelled_search):
    """A citizen who types a fiche's name, as it stands on the page, finds that fiche."""
    pages = [doc for doc in modelled_search.docs if "#" not in doc["location"] and doc["title"].strip()]
    assert pages
    lost = []
    for doc in pages:
        found = [page_id(location) for location in modelled_search.search(doc["title"])[:TOP]]
        if page_id(doc["location"]) not in found:
            lost.append(f"{doc['title']!r} → {found}")
    assert not lost, f"{len(lost)} van {len(pages)} pagina's niet in de top {TOP} op hun eigen titel:\n" + "\n".join(lost)


PREMIE = re.compile(r"\bpremie", re.I)  # 'premie', 'premies', 'CO premie'; not 'zorgpremie' (another word)


def _premiums() -> dict[str, bool]:
    """Every fiche with the word 'premie' in its title or keywords, and whether it is still offered."""
    premiums = {}
    for path in (SHARED).glob("*.md"):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])
        words = [front["titel"], *front.get("sleutelwoorden", [])]
        if any(PREMIE.search(word) for word in words):
            premiums[path.stem] = front.get("status", "actief") == "actief"
    return premiums


def test_a_search_for_premie_ranks_every_active_premium_above_every_abolished_one(modelled_search):
    premiums = _premiums()
    found = [page_id(location) for location in modelled_search.search("premie")]
    active = [found.index(p) for p, offered in premiums.items() if offered and p in found]
    abolished = [found.index(p) for p, offered in premiums.items() if not offered and p in found]
    assert len(abolished) >= 4 and len(active) >= 4, f"'premie' moet actieve en stopgezette premies vinden: {found}"
    missing = sorted(p for p, offered in premiums.items() if offered and p not in found)
    assert not missing, f"actieve premies die 'premie' niet vindt: {missing}"
    assert max(active) < min(abolished), f"een stopgezette premie staat boven een actieve: {found}"
