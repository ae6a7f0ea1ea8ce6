"""The wizard "Waar heb ik recht op?" and the fiche conditions in the built site, in headless Chromium.

Walks the Gent cases as a citizen does: answer the question shown, or skip it. Every request the page makes is
recorded; answering must make none at all.
"""

from __future__ import annotations

import datetime as dt

import pytest

from browser import wait_for_search
from test_site_quality import axe_violations, third_party

WIZARD = "waar-heb-ik-recht-op/"
BAGS = "li[data-product='gratis-huisvuilzakken']"
GENT_B = {"verhoogde_tegemoetkoming": False, "netto_belastbaar_gezinsinkomen": "12000", "kadastraal_inkomen": "500"}
CLOCK = dt.datetime(2026, 11, 26, 10, 0)
pytestmark = pytest.mark.browser


def open_wizard(page):
    page.clock.set_fixed_time(CLOCK)
    page.goto(WIZARD, wait_until="networkidle")
    page.wait_for_selector("#rechten-vraag fieldset")
    wait_for_search(page)  # Material's search worker loads its index after the page: that request is not ours
    return len(page.requested)


def current_question(page) -> str | None:
    fieldset = page.locator("#rechten-vraag fieldset")
    return fieldset.get_attribute("data-vraag") if fieldset.count() else None


def answer(page, question: str, value) -> None:
    if isinstance(value, bool):
        page.locator(f"#rechten-vraag input[name='{question}'][value='{str(value).lower()}']").check()
    else:
        page.locator(f"#rechten-vraag input[name='{question}']").fill(value)
    page.get_by_role("button", name="Volgende vraag").click()


def walk(page, answers: dict, stop_after: set[str] | None = None) -> list[str]:
    """Answer what the household knows, skip the rest; stop when every question in `stop_after` is answered."""
    asked, pending = [], set(stop_after or answers)
    for _ in range(60):
        question = current_question(page)
        if question is None or not pending:
            break
        asked.append(question)
        if question in answers:
            answer(page, question, answers[question])
            pending.discard(question)
        else:
            page.get_by_role("button", name="Weet ik niet, sla over").click()
    return asked


def outcome(page, selector: str) -> str:
    return page.locator(selector).get_attribute("data-uitkomst")


def test_gent_category_b_household_gets_ja_with_its_reasons_and_no_request(page, site_url):
    loaded = open_wizard(page)
    assert third_party(page.requested, site_url) == []
    assert outcome(page, BAGS) == "onbekend"
    asked = walk(page, GENT_B)
    assert set(GENT_B) <= set(asked)
    assert outcome(page, BAGS) == "ja"
    bags = page.locator(BAGS)
    assert bags.locator(".catalogus-resultaat__uitkomst").inner_text() == "ja"
    reasons = bags.locator(".catalogus-resultaat__redenen li").all_inner_texts()
    assert reasons[0].startswith("Categorie B: U krijgt een brief")
    assert any("lager dan ongeveer 13.000 euro" in r for r in reasons)
    assert any("kadastraal inkomen" in r for r in reasons)
    assert bags.locator("a").get_attribute("href").endswith("products/gratis-huisvuilzakken/")
    assert page.requested[loaded:] == [], f"antwoorden mogen geen verzoek veroorzaken: {page.requested[loaded:]}"


def test_only_vt_no_makes_the_garbage_bags_a_maybe(page):
    loaded = open_wizard(page)
    walk(page, {"verhoogde_tegemoetkoming": False})
    assert outcome(page, BAGS) == "onbekend"
    assert page.locator(BAGS).locator(".catalogus-resultaat__uitkomst").inner_text() == "misschien"
    assert page.locator("#rechten-antwoordenlijst dt").all_inner_texts() == [
        "Heeft iemand in uw gezin recht op de verhoogde tegemoetkoming van het ziekenfonds?"
    ]
    assert page.requested[loaded:] == []


def test_category_a_decides_at_once_and_its_questions_are_not_asked(page):
    open_wizard(page)
    walk(page, {"verhoogde_tegemoetkoming": True})
    assert outcome(page, BAGS) == "ja"
    remaining = walk(page, {}, stop_after={"nooit"})  # skip every question that is still asked
    assert remaining, "other products still have open questions"
    # Income and KI matter only for category B of the garbage bags, which no longer changes the outcome.
    assert "netto_belastbaar_gezinsinkomen" not in remaining and "kadastraal_inkomen" not in remaining
    assert page.locator("#rechten-vraag").inner_text().startswith("Er zijn geen vragen meer")


def test_a_wrong_number_gets_an_error_the_keyboard_can_reach(page):
    open_wizard(page)
    walk(page, {"verhoogde_tegemoetkoming": False}, stop_after={"verhoogde_tegemoetkoming"})
    while current_question(page) != "netto_belastbaar_gezinsinkomen":
        page.get_by_role("button", name="Weet ik niet, sla over").click()
    field = page.locator("#rechten-vraag input[name='netto_belastbaar_gezinsinkomen']")
    field.fill("ongeveer tienduizend")
    field.press("Enter")
    error = page.locator("#vraag-netto_belastbaar_gezinsinkomen-fout")
    assert error.is_visible() and "Vul een getal in" in error.inner_text()
    assert field.get_attribute("aria-invalid") == "true"
    assert error.get_attribute("id") in field.get_attribute("aria-describedby")
    field.fill("12.500,50")
    field.press("Enter")
    assert current_question(page) != "netto_belastbaar_gezinsinkomen"
    assert "12500,5" in page.locator("#rechten-antwoordenlijst").inner_text()


def test_a_large_amount_with_cents_is_evaluated_and_beyond_the_bound_refused_at_the_question(page):
    """134.217.728,02 × 100 is off by more than 1e-6 in floating point: once refused by the evaluator, which froze
    the page. Now evaluated exactly; beyond 1.000.000.000 the question says why."""
    open_wizard(page)
    walk(page, {"verhoogde_tegemoetkoming": False}, stop_after={"verhoogde_tegemoetkoming"})
    while current_question(page) != "netto_belastbaar_gezinsinkomen":
        page.get_by_role("button", name="Weet ik niet, sla over").click()
    field = page.locator("#rechten-vraag input[name='netto_belastbaar_gezinsinkomen']")
    error = page.locator("#vraag-netto_belastbaar_gezinsinkomen-fout")
    field.fill("1.000.000.000,01")
    field.press("Enter")
    assert error.is_visible() and "te groot" in error.inner_text()
    assert current_question(page) == "netto_belastbaar_gezinsinkomen"
    field.fill("134.217.728,02")
    field.press("Enter")
    assert current_question(page) != "netto_belastbaar_gezinsinkomen"
    assert "134217728,02" in page.locator("#rechten-antwoordenlijst").inner_text()
    assert outcome(page, BAGS) == "nee"  # far above the income limit of category B


def test_the_wizard_says_nothing_leaves_the_browser_and_is_accessible(page):
    open_wizard(page)
    assert "Uw antwoorden worden nergens naartoe gestuurd" in page.locator(".catalogus-privacy").inner_text()
    walk(page, GENT_B)
    assert axe_violations(page) == []


@pytest.mark.parametrize("width", [375, 1280])
def test_the_wizard_fits_the_screen(chromium, site_url, width):
    context = chromium.new_context(base_url=site_url, viewport={"width": width, "height": 800})
    try:
        tab = context.new_page()
        tab.goto(WIZARD, wait_until="networkidle")
        tab.wait_for_selector("#rechten-vraag fieldset")
        assert tab.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        context.close()


def test_fiche_shows_its_conditions_in_plain_words_and_the_badge(page):
    page.goto("products/gratis-huisvuilzakken/")
    badge = page.locator(".catalogus-niveau")
    assert badge.inner_text().startswith("Proactief")
    rules = page.locator(".catalogus-rechten")
    text = rules.inner_text()
    assert "Categorie A" in text and "U krijgt het automatisch, zonder aanvraag." in text
    assert "lager dan ongeveer €\u00a013.000 per jaar (vanaf 1 januari 2006)" in text
    assert "De bedragen zijn benaderingen uit 2006." in text
