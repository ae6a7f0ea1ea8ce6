"""Citizens' own words find the right fiche: every query of search_queries.yml (keywords), search_questions.yml
(whole questions) and search_phrased.yml (own words, typos, compounds; half of it held out) typed into the built site
in Chromium."""

from __future__ import annotations

import pytest

from browser import (
    new_tab,
    page_id,
    results_after,
    search,
    search_phrased,
    search_queries,
    search_questions,
    wait_for_search,
)

TOP = 3
REQUIRED_SHARE = 0.98  # keywords
QUESTIONS_SHARE = 0.90  # whole questions
MODEL_AGREEMENT = 0.9

# search_phrased.yml, per part: the share of its queries that must find their fiche in the top 3.
# Issue 21's targets: the held-out half >= 0.95 (not reached yet), its misspelt queries (typfout) >= 0.90 (reached).
# Each part keeps at least what it measured with the query preparation (catalogus-zoekvraag.js), minus a small margin,
# so the search cannot silently get worse; the baseline before issue 21's changes (commit 29a7591, Chromium and the
# offline model alike) is in brackets. Raise a floor when the search improves; never lower one, and never edit a question
# to make this pass (see the header of search_phrased.yml).
PHRASED_FLOORS = {  # measured (offline = Chromium) minus about two questions; at 6355d97 and before any tuning in ()
    ("afstemmen", "alles"): 0.96,  # 77/78 = 98.7 % (65/78 = 83.3 %; 38/78 = 48.7 %)
    ("afstemmen", "typfout"): 0.91,  # 23/23 = 100 % (23/23; 9/23 = 39.1 %)
    ("afstemmen", "samenstelling"): 0.86,  # 15/15 = 100 % (15/15; 2/15 = 13.3 %)
    ("achtergehouden", "alles"): 0.89,  # 71/77 = 92.2 % (64/77 = 83.1 %; 43/77 = 55.8 %)
    ("achtergehouden", "typfout"): 0.86,  # 21/23 = 91.3 % (21/23; 11/23 = 47.8 %)
    ("achtergehouden", "samenstelling"): 0.78,  # 12/14 = 85.7 % (12/14; 2/14 = 14.3 %)
}


def misses_report(misses: list[tuple[str, str, list[str]]], total: int) -> str:
    lines = [f"{total - len(misses)}/{total} zoekvragen vinden hun fiche in de top {TOP}; gemist:"]
    lines += [f"  {query!r}: verwacht {expected}, kreeg {found[:TOP] or 'niets'}" for query, expected, found in misses]
    return "\n".join(lines)


def phrased_parts(cases: list[dict[str, str]]) -> dict[tuple[str, str], list[dict[str, str]]]:
    """The parts search_phrased.yml is measured in: each half (deel), and within it the typos and the compounds."""
    parts = {}
    for deel in ("afstemmen", "achtergehouden"):
        half = [case for case in cases if case["deel"] == deel]
        parts[deel, "alles"] = half
        for soort in ("typfout", "samenstelling"):
            parts[deel, soort] = [case for case in half if case["soort"] == soort]
    return parts


def phrased_recall(cases: list[dict[str, str]], found: dict[str, list[str]]) -> tuple[dict, list[str], str]:
    """Recall at TOP per part of `cases` given the ids `found` per query: shares, the parts below their floor, report."""
    shares, below, lines = {}, [], [f"recall@{TOP} per deel (search_phrased.yml):"]
    for part, subset in phrased_parts(cases).items():
        hits = sum(case["fiche"] in found[case["query"]][:TOP] for case in subset)
        shares[part] = hits / len(subset)
        floor = PHRASED_FLOORS[part]
        lines.append(f"  {part[0]:>14} {part[1]:<13} {hits:>3}/{len(subset):<3} = {shares[part]:6.1%}  (vloer {floor:.0%})")
        if shares[part] < floor:
            below.append(f"{part[0]}/{part[1]}: {shares[part]:.1%} < {floor:.0%}")
    # Only the tuning half's misses are listed: the held-out half is measured, never read query by query.
    lines.append("gemist, afstemmen (de achtergehouden vragen worden alleen geteld):")
    lines += [
        f"  [{case['soort']}] {case['query']!r}: verwacht {case['fiche']}, kreeg {found[case['query']][:TOP] or 'niets'}"
        for case in cases
        if case["deel"] == "afstemmen" and case["fiche"] not in found[case["query"]][:TOP]
    ]
    return shares, below, "\n".join(lines)


@pytest.fixture(scope="module")
def shown(chromium, site_url) -> dict[str, list[str]]:
    """Every query typed once into the home page's search box: the ids of the pages shown, best first."""
    with new_tab(chromium, site_url) as tab:
        tab.goto("./")
        wait_for_search(tab)
        cases = search_queries() + search_questions() + search_phrased()
        return {case["query"]: search(tab, case["query"]) for case in cases}


@pytest.mark.browser
@pytest.mark.parametrize(("cases", "share"), [(search_queries(), REQUIRED_SHARE), (search_questions(), QUESTIONS_SHARE)],
                         ids=["sleutelwoorden", "vragen"])
def test_queries_find_their_fiche_in_the_top_three(shown, cases, share):
    misses = [(c["query"], c["fiche"], shown[c["query"]]) for c in cases if c["fiche"] not in shown[c["query"]][:TOP]]
    print(misses_report(misses, len(cases)))
    assert len(misses) <= (1 - share) * len(cases), misses_report(misses, len(cases))


@pytest.mark.browser
def test_phrased_queries_find_their_fiche_in_the_top_three(shown):
    """Own words, typos inside a word and unseen compounds (search_phrased.yml), per half and kind: see PHRASED_FLOORS."""
    shares, below, report = phrased_recall(search_phrased(), shown)
    print(report)
    assert not below, "onder de vloer: " + ", ".join(below) + "\n" + report


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
