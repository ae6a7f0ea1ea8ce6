"""Search quality without a browser: the same queries over the built site's search index, ranked as material does.

Fast enough to run on every change; the browser test is the final word (test_search_browser.py).
"""

from __future__ import annotations

import yaml

from browser import REPO, page_id, search_queries
from test_search_browser import REQUIRED_SHARE, TOP, misses_report


def test_every_query_expects_an_existing_fiche():
    fiches = {path.stem for path in (REPO / "content" / "products").glob("*.md")}
    unknown = sorted({case["fiche"] for case in search_queries()} - fiches)
    assert not unknown, f"search_queries.yml verwacht fiches die niet bestaan: {', '.join(unknown)}"


def test_queries_find_their_fiche_in_the_top_three(modelled_search):
    cases = search_queries()
    misses = []
    for case in cases:
        found = [page_id(location) for location in modelled_search.search(case["query"])]
        if case["fiche"] not in found[:TOP]:
            misses.append((case["query"], case["fiche"], found))
    print(misses_report(misses, len(cases)))
    assert len(misses) <= (1 - REQUIRED_SHARE) * len(cases), misses_report(misses, len(cases))


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


def _stopped_fiches() -> set[str]:
    stopped = set()
    for path in (REPO / "content" / "products").glob("*.md"):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])
        if front.get("status") == "stopgezet":
            stopped.add(path.stem)
    return stopped


def test_a_search_for_premie_ranks_every_active_premium_above_every_abolished_one(modelled_search):
    stopped = _stopped_fiches()
    found = [page_id(location) for location in modelled_search.search("premie")]
    abolished = [rank for rank, fiche in enumerate(found) if fiche in stopped]
    active = [rank for rank, fiche in enumerate(found) if fiche not in stopped]
    assert abolished and active, f"'premie' moet actieve en stopgezette premies vinden: {found}"
    assert max(active) < min(abolished), f"een stopgezette premie staat boven een actieve: {found}"
