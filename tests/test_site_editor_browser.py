"""The staff form editor (/redactie/) in headless Chromium, on the real built site.

A new fiche made in the form passes the checker unchanged; for an existing fiche the produced file equals the
original, and changing one field changes only that field.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from urllib.parse import parse_qs, urlsplit

import pytest

from catalogus.check.pipeline import check
from factories import REPO, SHARED, TOWN

pytestmark = pytest.mark.browser
TODAY = dt.date(2026, 11, 26)
REPO_URL = "https://github.com/example/catalogus"  # catalogus.yml's repository_url


def open_editor(page):
    page.goto("redactie/")
    page.wait_for_selector("body[data-klaar=ja]")


def field(page, name):
    return page.locator(f'[name="{name}"]')


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]


def test_the_page_is_for_staff_and_out_of_citizens_way(site_dir):
    page = (site_dir / "redactie" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "<script src=\"redactie.js\"></script>" in page and "http" not in page.split("redactie-config")[0].split("<body>")[0]
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d for d in index["docs"] if d["location"].startswith("redactie")]
    assert "redactie" not in (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    # Citizens meet it only as the footer's discreet "Voor medewerkers" link.
    assert home.count("redactie/") == home.count('class="catalogus-voet__medewerkers" href="redactie/"') == 1
    fiches = json.loads((site_dir / "redactie" / "fiches.json").read_text(encoding="utf-8"))
    assert len(fiches) == len(list((SHARED).glob("*.md")))


def test_a_new_fiche_filled_in_the_form_passes_the_checker(page, tmp_path):
    open_editor(page)
    page.click("#nieuw")
    page.fill('[name="id"]', "Nieuwe Fiche")
    message = page.locator('[data-veld="id"] .melding')
    assert "gebruik alleen kleine letters, cijfers en koppeltekens" in message.inner_text()  # as you type
    page.fill('[name="id"]', "rolstoel-lenen-voorbeeld")
    assert message.is_hidden()
    page.fill('[name="titel"]', "Ro")
    assert "te kort: minstens 3 teken(s)" in page.locator('[data-veld="titel"] .melding').inner_text()
    page.fill('[name="titel"]', "Rolstoel lenen: voorbeeld")
    page.fill('[name="samenvatting"]', "U leent tijdelijk een rolstoel, bijvoorbeeld na een operatie of een val.")
    # Labels, not ids: the editor picks what the site shows.
    page.select_option('[name="producttype"]', label="Infrastructuur en materiaal")
    page.select_option('[name="loket"]', label="Onthaal OCMW")
    page.get_by_label("Senioren", exact=True).check()
    page.get_by_label("Zorg en hulp thuis", exact=True).check()
    page.fill('[name="sleutelwoorden"]', "rolstoel\nrolwagen\nhulpmiddel")
    page.fill('[name="voorwaarden"]', "U woont in de gemeente.\nLet op: u brengt de rolstoel proper terug.")
    page.check('[name="kostprijs"]')
    page.check('[name="kostprijs.gratis"]')
    page.click("text=+ Formulieren: nog één toevoegen")
    page.fill('[name="formulieren.0.titel"]', "Aanvraag (voorbeeld)")
    page.fill('[name="formulieren.0.url"]', "https://www.harelbeke.example/rolstoel")
    page.fill('[name="eigenaar"]', "Onthaal OCMW – team thuiszorg")
    page.fill('[name="laatst_nagekeken"]', "2026-11-20")
    page.fill("#tekst", "U kunt een rolstoel lenen als u die **tijdelijk** nodig hebt.")
    page.click("#maken")
    assert "geen problemen" in page.inner_text("#problemen")
    text = page.input_value("#resultaat")
    link = urlsplit(page.get_attribute("#github-nieuw", "href"))
    assert f"{link.scheme}://{link.netloc}{link.path}" == f"{REPO_URL}/new/main/gemeenten/harelbeke/content/products"
    query = parse_qs(link.query)
    assert query["filename"] == ["rolstoel-lenen-voorbeeld.md"] and query["value"] == [text]
    assert "titel: \"Rolstoel lenen: voorbeeld\"\n" in text and "doelgroepen: [senioren]\n" in text
    path = tmp_path / "products" / "rolstoel-lenen-voorbeeld.md"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    result = check(REPO, TODAY, [path], town=TOWN)
    assert result.findings == [], [(f.line, f.message) for f in result.findings]


def test_an_unchanged_fiche_comes_back_as_it_was(page):
    open_editor(page)
    counts = page.evaluate(
        """async () => {
          const fiches = await (await fetch('fiches.json')).json();
          let same = 0, emitted = 0;
          const differ = [];
          for (const f of fiches) {
            window.redactie.open(f.id);
            if (window.redactie.produce() === f.tekst) same++; else differ.push(f.id);
            const body = f.tekst.split('\\n---\\n').slice(1).join('\\n---\\n');
            if (window.redactie.emitFile(f.data, body) === f.tekst) emitted++;
          }
          return {total: fiches.length, same, emitted, differ};
        }"""
    )
    assert counts["differ"] == [] and counts["same"] == counts["total"] > 100
    print(f"emitter alone reproduces {counts['emitted']} of {counts['total']} fiches byte for byte")


def test_changing_one_field_changes_only_that_field(page):
    open_editor(page)
    original = (SHARED / "poetsdienst.md").read_text(encoding="utf-8")
    page.select_option("#bestaand", "poetsdienst")
    page.click("#openen")
    page.fill('[name="titel"]', "Poetsdienst aan huis")
    after = page.evaluate("() => window.redactie.produce()")
    assert changed_lines(original, after) == ["- titel: Poetsdienst", "+ titel: Poetsdienst aan huis"]
    page.fill('[name="titel"]', "Poetsdienst")  # back as it was: the original line again
    assert page.evaluate("() => window.redactie.produce()") == original
    page.get_by_label("Mantelzorgers", exact=True).check()
    after = page.evaluate("() => window.redactie.produce()")
    assert changed_lines(original, after) == [
        "- doelgroepen: [senioren, personen-met-een-handicap]",
        "+ doelgroepen: [senioren, personen-met-een-handicap, mantelzorgers]",
    ]
    page.get_by_label("Mantelzorgers", exact=True).uncheck()
    assert page.evaluate("() => window.redactie.produce()") == original


def test_local_fields_are_shown_not_edited_and_the_page_says_where_they_are(page):
    """The cost of poetsdienst is this town's (content/lokaal/poetsdienst.yml): the form writes only the fiche."""
    open_editor(page)
    original = (SHARED / "poetsdienst.md").read_text(encoding="utf-8")
    page.select_option("#bestaand", "poetsdienst")
    page.click("#openen")
    status = page.text_content("#status")
    assert "Dit formulier past alleen de gedeelde fiche aan" in status
    assert "gemeenten/harelbeke/content/lokaal/poetsdienst.yml" in status
    assert "kostprijs" in status and "loket" in status
    amount = page.locator('[name="kostprijs.bedragen.0.bedrag"]')
    assert amount.is_disabled() and amount.input_value() in ("9.5", "9.50")
    assert page.locator('[name="loket"]').is_disabled()
    assert "geen problemen" in page.text_content("#problemen")  # the local loket counts for 'loket of aanbieder'
    produced = page.evaluate("() => window.redactie.produce()")
    assert produced == original and "kostprijs:" not in produced


def test_an_existing_fiche_is_copied_and_its_edit_page_opened(page, site_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    opened = []
    page.context.route("https://github.com/**", lambda route: (opened.append(route.request.url), route.abort()))
    open_editor(page)
    page.select_option("#bestaand", "poetsdienst")
    page.click("#openen")
    page.fill('[name="behandeltermijn"]', "Meestal binnen een maand.")
    page.click("#maken")
    page.click("#github-bewerk")
    page.wait_for_timeout(500)
    assert opened == [f"{REPO_URL}/edit/main/gedeeld/products/poetsdienst.md"]
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == page.input_value("#resultaat") and "behandeltermijn: Meestal binnen een maand.\n" in copied
