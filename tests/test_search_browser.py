"""Citizens' own words find the right fiche: every query of search_queries.yml (keywords) and search_questions.yml
(whole questions) typed into the built site in Chromium."""

from __future__ import annotations

import pytest

from browser import new_tab, page_id, results_after, search, search_queries, search_questions, wait_for_search

TOP = 3
REQUIRED_SHARE = 0.98  # keywords
QUESTIONS_SHARE = 0.90  # whole questions
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
        return {case["query"]: search(tab, case["query"]) for case in search_queries() + search_questions()}


@pytest.mark.browser
@pytest.mark.parametrize(("cases", "share"), [(search_queries(), REQUIRED_SHARE), (search_questions(), QUESTIONS_SHARE)],
                         ids=["sleutelwoorden", "vragen"])
def test_queries_find_their_fiche_in_the_top_three(shown, cases, share):
    misses = [(c["query"], c["fiche"], shown[c["query"]]) for c in cases if c["fiche"] not in shown[c["query"]][:TOP]]
    print(misses_report(misses, len(cases)))
    assert len(misses) <= (1 - share) * len(cases), misses_report(misses, len(cases))


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


@pytest.mark.browser
def test_the_index_is_built_only_when_the_search_is_used(page):
    """No page load pays for the index: the worker starts when a visitor first focuses a search field."""
    page.goto("./", wait_until="networkidle")
    page.wait_for_timeout(500)
    assert page.evaluate("() => window.__search.ready") is None
    page.locator("main input[type=search]").focus()
    page.wait_for_function("() => window.__search.ready !== null")


@pytest.mark.browser
def test_no_result_shows_other_ways_and_a_phone_number(page):
    page.goto("./")
    wait_for_search(page)
    assert search(page, "qwxzv") == []
    help_block = page.locator(".md-search [data-catalogus-zoekhulp]")
    help_block.wait_for(state="visible")
    assert help_block.locator("a[href^='tel:']").count() == 1
    assert help_block.locator("a[href$='a-z/']").count() == 1
    assert "documenten" not in page.locator(".md-search-result__meta").inner_text()
    search(page, "leefloon")
    assert help_block.is_hidden()


@pytest.mark.browser
def test_results_speak_of_results_not_documents(page):
    page.goto("./")
    wait_for_search(page)
    assert search(page, "huur te duur")
    meta = page.locator(".md-search-result__meta").inner_text()
    assert "resultaten" in meta and "document" not in meta
    assert page.locator(".md-search-result__terms:visible, .md-search-result__icon:visible").count() == 0


@pytest.mark.browser
def test_without_javascript_the_site_says_where_to_go(chromium, site_url):
    context = chromium.new_context(base_url=site_url, java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto("./")
        note = tab.locator(".catalogus-noscript")
        assert note.is_visible()
        assert note.locator("a[href$='a-z/']").count() == 1
    finally:
        context.close()
