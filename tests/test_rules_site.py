"""The rules on the site without a browser: plain words generated from a rule, and the wizard's JSON."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from catalogus.base.translations import load
from catalogus.check.pipeline import check
from catalogus.site.context import SiteContext
from catalogus.site.rechten import rights_view, script_json, wizard_view
from factories import TOWN

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def site() -> SiteContext:
    result = check(REPO, dt.date(2026, 11, 26), town=TOWN)
    assert not result.errors
    return SiteContext(result.catalogue, load(REPO, "nl"))


def texts(node):
    yield node.text
    for child in node.children:
        yield from texts(child)


def test_dated_per_person_limits_in_plain_words(site):
    view = rights_view(site.catalogue.product("verhoogde-tegemoetkoming"), site)
    income = view.categorieen[1]
    assert income.toekenning == "U vraagt het zelf aan."
    assert list(texts(income.voorwaarde)) == [
        # from the register of facts (feiten.yml): the last limit a public page states, dated and approximate
        "Het bruto belastbaar inkomen van uw gezin is niet hoger dan ongeveer €\u00a024.155,16 per jaar plus €\u00a04.471,78 × "
        "het aantal andere gezinsleden (vanaf 1 augustus 2022)."
    ]
    assert view.herkomst == "De bedragen zijn benaderingen uit 2022."
    assert view.bron is None and view.bron_titel == "RIZIV – verhoogde tegemoetkoming"  # named: no verified page


def test_a_rule_source_links_to_the_page_that_states_it(site):
    view = rights_view(site.catalogue.product("igo"), site)
    assert view.bron.href == "https://www.sfpd.fgov.be/nl/recht-op-pensioen/igo"


def test_a_category_says_what_the_service_also_looks_at(site):
    igo = rights_view(site.catalogue.product("igo"), site).categorieen[0]
    assert igo.ook == (
        "De dienst kijkt ook naar uw inkomsten, uw spaargeld en uw eigendommen, en die van de mensen met wie u samenwoont."
    )
    assert rights_view(site.catalogue.product("gratis-huisvuilzakken"), site).categorieen[0].ook is None


def test_a_dated_category_says_when_it_applied(site):
    view = rights_view(site.catalogue.product("sociaal-tarief-energie"), site)
    assert view.categorieen[1].geldig == "Geldt vanaf 1 februari 2021 tot 30 juni 2023."
    assert list(texts(view.categorieen[0].voorwaarde))[0] == "Aan minstens één van deze voorwaarden voldoen:"


def test_a_fiche_without_rules_still_gets_its_badge(site):
    view = rights_view(site.catalogue.product("identiteitskaart"), site)
    assert view.categorieen == () and view.niveau_label


def test_at_least_twelve_fiches_have_rules_and_the_wizard_gets_them_as_json(site):
    view = wizard_view(site)
    data = json.loads(str(view.data))
    assert len(data["producten"]) >= 12
    assert {p["id"] for p in data["producten"]} >= {"gratis-huisvuilzakken", "verhoogde-tegemoetkoming", "leefloon"}
    assert set(data["vragen"]["verwarming"]) == {
        "label", "hulp", "soort", "eenheid", "geheel", "keuzes", "kort", "onderwerp", "groep", "dan"
    }
    leefloon = next(p for p in data["producten"] if p["id"] == "leefloon")
    assert leefloon["regel"]["al"] == "leefloon" and leefloon["ontvangt"] and leefloon["eerste_stap"]
    assert len(view.overzicht) == len(data["producten"])


def test_script_json_cannot_close_its_script_element():
    text = str(script_json({"x": "</script><script>alert(1)</script> & <!--"}))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"x": "</script><script>alert(1)</script> & <!--"}
