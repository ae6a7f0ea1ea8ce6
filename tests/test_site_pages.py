"""Page generation without mkdocs: which pages exist, what each lists, what a fiche page says."""

from __future__ import annotations

import json

import pytest

from catalogus.base.translations import load
from catalogus.check.pipeline import check
from catalogus.site import urls
from catalogus.site.browse import term_view
from catalogus.site.context import SiteContext
from catalogus.site.jsonld import government_office, government_service
from catalogus.site.pages import navigation, site_pages
from factories import REPO
from site_examples import PRODUCTS, TODAY, make_catalogue


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> SiteContext:
    result = check(make_catalogue(tmp_path_factory.mktemp("catalogue")), TODAY)
    assert not result.errors
    return SiteContext(result.catalogue, load(REPO, "nl"), TODAY)


@pytest.fixture(scope="module")
def pages(site):
    return {page.src_uri: page for page in site_pages(site)}


def test_every_fiche_has_exactly_one_page_outside_the_navigation(site, pages):
    fiche_pages = [p for p in pages.values() if p.src_uri.startswith("products/")]
    assert sorted(p.src_uri for p in fiche_pages) == sorted(urls.product(f["id"]) for f in PRODUCTS)
    assert not any(p.in_nav for p in fiche_pages)
    assert len(pages) == len(site_pages(site))  # no two pages share a source path


def test_navigation_holds_the_index_pages_and_no_fiche(site, pages):
    flat = json.dumps(navigation(site))
    assert "products/" not in flat
    for page in pages.values():
        if page.in_nav:
            assert page.src_uri in flat


def test_only_terms_with_fiches_get_a_page(pages):
    assert "doelgroepen/huurders.md" in pages
    assert "doelgroepen/jongeren.md" not in pages
    assert "levensgebeurtenissen/verhuizen.md" in pages
    assert "loketten/onthaal-ocmw.md" in pages


@pytest.mark.parametrize(
    ("name", "key", "expected"),
    [
        ("doelgroepen", "laag-inkomen", {"huurpremie", "schuldhulp-caw"}),
        ("themas", "zorg-thuis", {"poetsdienst"}),
        ("levensgebeurtenissen", "verhuizen", {"huurpremie"}),
        ("loketten", "onthaal-ocmw", {"poetsdienst", "huurpremie"}),  # andere_loketten count too
        ("loketten", "woonloket", {"huurpremie"}),
    ],
)
def test_browse_pages_list_exactly_their_fiches(site, name, key, expected):
    listed = {product.url.split("/")[1] for product in term_view(site, name, key).products}
    assert listed == expected


def test_only_fiches_loketten_and_life_events_are_searched(pages):
    searched = ("products/", "loketten/", "levensgebeurtenissen/")
    for page in pages.values():
        meta = page.render("https://example.org/x/").meta
        excluded = meta.get("search", {}).get("exclude", False)
        is_overview = page.src_uri.endswith("index.md")  # the list of all loketten or all life events
        assert excluded != (page.src_uri.startswith(searched) and not is_overview), page.src_uri


def test_fiche_page_data(pages):
    rendered = pages["products/huurpremie.md"].render("https://site.example/products/huurpremie/")
    view = rendered.meta["view"]
    assert rendered.meta["description"] == view.samenvatting
    assert rendered.meta["tags"] == ["huurtoelage", "huursteun", "premie huur"]
    assert "<h3>Hoeveel?</h3>" in view.body  # a heading in the text sits under the page's h2
    assert "<strong>vier jaar</strong>" in view.voor_wie
    assert '<a href="https://www.wonenvlaanderen.be">' in view.voorwaarden[1]
    assert [p.title for p in view.verwant] == ["Poetsdienst"]
    assert view.loket.name == "Woonloket" and [c.name for c in view.andere_loketten] == ["Onthaal OCMW"]
    assert view.kosten.free and view.meebrengen == ()
    assert view.nagekeken == "1 oktober 2026"
    assert [link.label for link in view.kruimelpad] == ["Start", "Wonen en huren"]
    assert view.melden.href.startswith("mailto:") and "issues" not in view.melden.href
    assert "persoonlijke%20gegevens" in view.melden.href and "huurpremie" in view.melden.href
    assert rendered.reviewed == "2026-10-01"


def test_related_products_include_reverse_relations(pages):
    view = pages["products/poetsdienst.md"].render(None).meta["view"]
    assert [p.title for p in view.verwant] == ["Huurpremie"]


def test_indexed_text_is_one_short_passage_without_headings(pages):
    markdown = pages["products/huurpremie.md"].render(None).markdown
    assert "<h" not in markdown and "Hoeveel" in markdown
    assert markdown.startswith("<p>Een maandelijkse premie")


def test_opening_hours_list_every_day_and_the_map_link_is_a_plain_search_url(site):
    card = site.loket_cards["onthaal-ocmw"]
    assert [row.day for row in card.hours][:2] == ["maandag", "dinsdag"]
    assert card.hours[0].hours == "08:30–12:00 en 13:30–16:30" and card.hours[1].hours == "gesloten"
    assert card.map_url == "https://www.openstreetmap.org/search?query=Generaal+Deprezstraat+2%2C+8530+Harelbeke"
    assert card.phone_href == "tel:+3256733311"


def test_json_ld_describes_the_service_the_audience_and_where_to_go(site):
    entry = site.catalogue.product("huurpremie")
    data = government_service(entry.record, site.catalogue, "https://site.example/products/huurpremie/")
    assert data["@type"] == "GovernmentService"
    assert data["name"] == "Huurpremie" and data["description"] == entry.record.samenvatting
    assert data["serviceType"] == "Financieel voordeel"
    assert [a["audienceType"] for a in data["audience"]] == ["Huurders", "Mensen met een laag inkomen"]
    assert data["provider"]["name"] == "Woonloket"
    assert [c["name"] for c in data["availableChannel"]] == ["Woonloket", "Onthaal OCMW"]
    assert data["availableChannel"][0]["serviceLocation"]["address"]["postalCode"] == "8530"
    assert data["url"] == "https://site.example/products/huurpremie/"


def test_json_ld_of_an_external_provider(site):
    entry = site.catalogue.product("schuldhulp-caw")
    data = government_service(entry.record, site.catalogue, None)
    assert data["provider"] == {"@type": "Organization", "name": "CAW Zuid-West-Vlaanderen", "telephone": "+3280013500", "url": "https://www.caw.be"}
    assert data["availableChannel"][0]["servicePhone"]["telephone"] == "+3280013500"
    assert "url" not in data


def test_json_ld_channels_point_at_the_fiche_and_loket_pages_are_government_offices(site):
    entry = site.catalogue.product("huurpremie")
    data = government_service(entry.record, site.catalogue, "https://site.example/products/huurpremie/")
    assert {c["serviceUrl"] for c in data["availableChannel"]} == {"https://site.example/products/huurpremie/"}
    office = government_office(site.catalogue.loket("onthaal-ocmw").record, "Sociaal Huis", "https://site.example/loketten/onthaal-ocmw/")
    assert office["@type"] == "GovernmentOffice" and office["telephone"] == "+3256733311"
    assert office["openingHoursSpecification"][0] == {
        "@type": "OpeningHoursSpecification", "dayOfWeek": "https://schema.org/Monday", "opens": "08:30", "closes": "12:00"
    }


def test_in_het_kort_answers_cost_where_with_phone_and_today_and_how(pages, site):
    view = pages["products/poetsdienst.md"].render(None).meta["view"]
    assert str(view.kort.kosten) == "€\u00a09,50: Per uur"
    assert view.kort.waar.name == "Onthaal OCMW" and view.kort.waar.phone_href == "tel:+3256733311"
    assert site.today.weekday() == 3 and view.kort.waar.today == "Vandaag (donderdag) gesloten"
    provider_only = pages["products/schuldhulp-caw.md"].render(None).meta["view"]
    assert provider_only.kort.waar.phone_href == "tel:+3280013500" and provider_only.kort.waar.today is None
    assert str(provider_only.kort.kosten) == (  # no price in the fiche: whom to call for it
        'Bel <a class="catalogus-bel-prijs" href="tel:+3280013500">0800 13 500</a>: het loket zegt u het bedrag.'
    )


def test_staff_matters_are_not_in_the_fiche_view(pages):
    view = pages["products/huurpremie.md"].render(None).meta["view"]
    for staff_field in ("producttype", "eigenaar", "dienstverlening"):
        assert not hasattr(view, staff_field)
