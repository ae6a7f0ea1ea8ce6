"""Citizens' own words find the right fiche: every query of search_queries.yml typed into the built site in Chromium."""

from __future__ import annotations

import pytest

from browser import new_tab, page_id, results_after, search, search_queries, wait_for_search

TOP = 3
REQUIRED_SHARE = 0.95
MODEL_AGREEMENT = 0.9


def misses_report(misses: list[tuple[str, str, list[str]]], total: int) -> str:
    lines = [f"{total - len(misses)}/{total} zoekvragen vinden hun fiche in de top {TOP}; gemist:"]
    lines += [f"  {query!r}: verwacht {expected}, kreeg {found[:TOP] or 'niets'}" for query, expected, found in misses]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def shown(chromium, site_url) -> dict[str, list[str]]:
    """Every query typed once into the home page's search box: the ids of the pages shown, best first."""
    with new_tab(chromium, site_url) as tab:
        tab.goto("./")
        wait_for_search(tab)
        return {case["query"]: search(tab, case["query"]) for case in search_queries()}


@pytest.mark.browser
def test_queries_find_their_fiche_in_the_top_three(shown):
    cases = search_queries()
    misses = [(c["query"], c["fiche"], shown[c["query"]]) for c in cases if c["fiche"] not in shown[c["query"]][:TOP]]
    print(misses_report(misses, len(cases)))
    assert len(misses) <= (1 - REQUIRED_SHARE) * len(cases), misses_report(misses, len(cases))


@pytest.mark.browser
def test_the_offline_model_ranks_like_the_browser(shown, modelled_search):
    """Keeps test_search_offline.py honest: its Python model must rank as the site's own search does."""
    differ = []
    for query, ids in shown.items():
        modelled = [page_id(location) for location in modelled_search.search(query)]
        if modelled[:TOP] != ids[:TOP]:
            differ.append(f"  {query!r}: browser {ids[:TOP]}, model {modelled[:TOP]}")
    assert len(differ) <= (1 - MODEL_AGREEMENT) * len(shown), "model en browser verschillen:\n" + "\n".join(differ)


@pytest.mark.browser
def test_the_search_field_on_the_home_page_shows_the_results(page):
    page.goto("./")
    wait_for_search(page)
    posted = page.evaluate("() => window.__search.posted")
    field = page.locator("main form[role=search] input[type=search]")
    field.fill("bijstand")
    field.press("Enter")
    assert "leefloon" in results_after(page, posted)[:TOP]
