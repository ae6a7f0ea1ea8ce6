"""The editorial rules: what counts as a sentence, an amount and a home page."""

from __future__ import annotations

import pytest

from catalogus.check.editorial import AMOUNT, SEE_BELOW, is_home_page, sentences


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Een poetshulp komt bij u thuis poetsen.", 1),
        ("Kunt u niet meer koken? Wij brengen een maaltijd.", 2),
        ("Hulp bij bv. de was en de strijk, nr. 5 van de lijst.", 1),
        ("U krijgt ca. 20 procent terug. Dat staat in het reglement.", 2),
        ("Het OCMW (art. 60) geeft u werk, met een loon.", 1),
        ("Bel 1712; de lijn is gratis.", 1),
    ],
)
def test_sentences(text, count):
    assert len(sentences(text)) == count


@pytest.mark.parametrize(
    ("text", "found"),
    [("€ 19 per maand", True), ("19 euro", True), ("enkele euro's", True), ("Europese regels", False), ("gratis", False)],
)
def test_an_amount_is_a_euro_sign_or_the_word_euro(text, found):
    assert bool(AMOUNT.search(text)) is found


@pytest.mark.parametrize(
    ("url", "home"),
    [
        ("https://codex.vlaanderen.be", True),
        ("https://www.harelbeke.be/", True),
        ("https://www.ejustice.just.fgov.be/eli/wet/2002/05/26/2002022559/justel", False),
        ("https://www.vlaanderen.be/?q=premie", False),
        ("mailto:info@harelbeke.be", False),
    ],
)
def test_home_page(url, home):
    assert is_home_page(url) is home


@pytest.mark.parametrize(
    ("text", "pointer"),
    [
        ("Zie de uitleg hieronder.", True),
        ("zie verder", True),
        ("Zie tekst.", True),
        ("U betaalt per uur, volgens uw inkomen.", False),
        ("De prijs ziet u in het programma.", False),
    ],
)
def test_a_cost_that_points_elsewhere_is_no_answer(text, pointer):
    """Issue 21, part 4: 'Wat kost het?' is answered at the top of the fiche, never by 'zie de uitleg hieronder'."""
    assert bool(SEE_BELOW.search(text)) is pointer
