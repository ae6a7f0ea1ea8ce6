"""The editorial rules: what counts as a sentence, an amount and a home page."""

from __future__ import annotations

import datetime as dt

import pytest

from catalogus.check.editorial import AMOUNT, SEE_BELOW, is_home_page, portal_page, sentences, source_link_findings
from catalogus.check.pipeline import check
from catalogus.load.sources import Scalar, Source
from factories import fiche, make_project


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
        # a language root is the home page in that language
        ("https://www.riziv.fgov.be/nl", True),
        ("https://www.riziv.fgov.be/nl/", True),
        ("https://www.creg.be/fr/", True),
        ("https://www.sfpd.fgov.be/en", True),
        ("https://www.uitpas.be/index.html", True),
        ("https://www.kindengezin.be/nl/index.html", True),
        ("https://www.mi-is.be/nl/themas/leefloon", False),
        ("https://www.nl.be/nlx", False),
        ("https://economie.fgov.be/nl/themas/energie/energieprijzen/sociaal-tarief-voor-energie", False),
    ],
)
def test_home_page(url, home):
    assert is_home_page(url) is home


@pytest.mark.parametrize(
    ("url", "portal"),
    [
        ("https://www.vlaanderen.be/bouwen-wonen-en-energie", True),
        ("https://www.vlaanderen.be/nl/bouwen-wonen-en-energie/", True),
        ("https://WWW.VLAANDEREN.BE/Bouwen-Wonen-En-Energie", True),
        ("https://www.vlaanderen.be/bouwen-wonen-en-energie/huren-en-verhuren/vlaamse-huurpremie", False),
        ("https://www.vlaanderen.be/bouwen-wonen-en-energie?x=1", False),
        ("https://www.example.be/bouwen-wonen-en-energie", False),
    ],
)
def test_portal_page(url, portal):
    """A portal's section page is named in PORTAL_PAGES; the pages below it are the ones that state a fact."""
    assert (portal_page(url) is not None) is portal


def _settings(values: dict[tuple, str]) -> Source:
    source = Source(path="feiten.yml", kind="feiten")
    for line, (loc, text) in enumerate(values.items(), start=2):
        source.scalars[loc] = Scalar(text, "str", False)
        source.lines[loc] = (line, 10)
    return source


def test_a_home_page_as_the_source_of_a_fact_is_a_warning_with_what_to_do():
    """Every source link, also one outside a fiche (the register of facts): which link, why, and what to do."""
    source = _settings({
        ("feiten", "leefloon", "waarden", 0, "bron", "url"): "https://www.mi-is.be/nl/",
        ("feiten", "leefloon", "waarden", 1, "bron", "url"): "https://www.mi-is.be/nl/themas/leefloon",
        ("feiten", "leefloon", "waarden", 1, "bron", "titel"): "https://www.mi-is.be",
        ("feiten", "leefloon", "omschrijving"): "https://www.mi-is.be",
    })
    [finding] = source_link_findings(source)
    assert not finding.is_error
    assert (finding.path, finding.line, finding.field) == ("feiten.yml", 2, "feiten.leefloon.waarden.0.bron.url")
    assert "'https://www.mi-is.be/nl/' is de startpagina van een website" in finding.message
    assert "daar staat het bedrag of de voorwaarde van deze bron niet" in finding.message
    assert "Link de pagina die het bedrag of de voorwaarde vermeldt" in finding.message
    assert "laat de url dan weg en houd alleen de titel" in finding.message


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


def test_the_register_of_facts_gets_the_warning_at_the_line_of_the_source(tmp_path):
    """A fact's source in feiten.yml is a source too: the check warns there, once, and still builds the site."""
    make_project(tmp_path, [fiche()])
    (tmp_path / "feiten.yml").write_text(
        "feiten:\n"
        "  leefloon_alleenstaand:\n"
        "    omschrijving: Leefloon voor een alleenstaande\n"
        "    eenheid: euro\n"
        "    per: maand\n"
        "    waarden:\n"
        "      - vanaf: 2024-05-01\n"
        "        waarde: 1288.46\n"
        "        bron:\n"
        "          titel: POD Maatschappelijke Integratie\n"
        "          url: https://www.mi-is.be/nl/\n",
        encoding="utf-8",
    )
    result = check(tmp_path, dt.date(2026, 11, 26))
    found = [f for f in result.findings if f.path == "feiten.yml"]
    assert [(f.line, f.field, f.is_error) for f in found] == [(11, "feiten.leefloon_alleenstaand.waarden.0.bron.url", False)]
    assert "is de startpagina van een website" in found[0].message
    assert result.catalogue is not None
