"""The staff form editor (/redactie/) in headless Chromium, on the real built site of the demo town.

One tab serves the whole module (the site is built once per session); each test opens its fiche afresh.

- A fiche opens as the town sees it: shared and local fields together, each marked with where a change goes.
- A change produces every file it concerns and no other: a local field only the town's local file (the shared file
  byte for byte as it was), a shared field only the shared file; unchanged, nothing at all.
- What the form writes passes `catalogus --gemeente harelbeke check` in a copy of the repository, unchanged.
- Amounts, dates and web addresses are read the Dutch way and shown back, or refused with a Dutch message at their
  field (and no file is made); text pasted from Word is cleaned.
"""

from __future__ import annotations

import difflib
import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from browser import new_tab
from catalogus.base.markup import text_problems
from factories import CLI, REPO, SHARED, TOWN, TOWN_DIR

pytestmark = pytest.mark.browser
TODAY = "2026-11-26"  # the session's build date (tests/browser.py)
REPO_URL = "https://github.com/example/catalogus"  # catalogus.yml's repository_url
LOCAL = f"gemeenten/{TOWN}/content/lokaal"
REGION = ("gedeeld", "gemeenten", "vocabularies.yml", "woordenlijst.yml", "zoekwoorden.yml", "feiten.yml")  # what `check` reads
# Text as Word puts it on the clipboard: a tab after each bullet ('o' for the second level), CRLF, a hard space.
WORD = ("Wat u meebrengt:\r\n•\tUw identiteitskaart\r\no\tof uw verblijfskaart\r\n▪\tHet aanslagbiljet\r\n"
        "–\tUw bankkaart\r\nDan is het “in orde”\u00a0voor de aanvraag.")


@pytest.fixture(scope="module")
def editor(chromium, site_url: str):
    """One tab of /redactie/ for the module: clipboard allowed, GitHub never reached (the URLs it asked for kept)."""
    with new_tab(chromium, site_url) as tab:
        tab.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
        tab.opened = []
        tab.context.route("https://github.com/**", lambda route: (tab.opened.append(route.request.url), route.abort()))
        tab.goto("redactie/")
        tab.wait_for_selector("body[data-klaar=ja]")
        yield tab


def open_fiche(page, fiche_id: str | None) -> None:
    if fiche_id is None:
        page.click("#nieuw")
    else:
        page.select_option("#bestaand", fiche_id)
        page.click("#openen")


def field(page, name: str):
    return page.locator(f'[name="{name}"]')


def type_in(page, name: str, text: str) -> None:
    """Type as an editor does, and leave the field (which is when the form says what it cannot read)."""
    field(page, name).fill(text)
    field(page, name).press("Tab")


def message(page, name: str) -> str:
    shown = page.locator(f'[data-veld="{name}"] > .melding')
    return shown.inner_text() if shown.is_visible() else ""


def echo(page, name: str) -> str:
    shown = page.locator(f'[data-veld="{name}"] > .echo')
    return shown.inner_text() if shown.is_visible() else ""


def made(page) -> dict[str, str]:
    """Click 'Maak de wijziging': each file offered, by its path, with its full new text."""
    page.click("#maken")
    blocks = page.locator("article.bestand")
    return {blocks.nth(i).get_attribute("data-pad"): blocks.nth(i).locator("textarea").input_value()
            for i in range(blocks.count())}


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]


def paste(page, selector: str, text: str) -> None:
    """A real paste (Ctrl+V) of what a word processor puts on the clipboard: plain text and HTML."""
    page.evaluate(
        """(text) => navigator.clipboard.write([new ClipboardItem({
             'text/plain': new Blob([text], {type: 'text/plain'}),
             'text/html': new Blob(['<p>Word</p>'], {type: 'text/html'})})])""",
        text,
    )
    page.fill(selector, "")
    page.focus(selector)
    page.keyboard.press("Control+V")


@pytest.fixture
def region(tmp_path: Path) -> Path:
    """A copy of the repository's content, to write the form's files into and check them."""
    for name in REGION:
        source, target = REPO / name, tmp_path / "repo" / name
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return tmp_path / "repo"


def check_with(root: Path, files: dict[str, str]) -> list[dict]:
    """Write the form's files into the copy and run `catalogus --gemeente harelbeke check` as an editor does: it
    must pass; returns the findings (warnings included) about those files."""
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    command = [*CLI, "--root", str(root), "--gemeente", TOWN, "check", "--today", TODAY, "--format", "json"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["fouten"] == 0, report["meldingen"]
    return [f for f in report["meldingen"] if f["bestand"] in files]


def test_the_page_is_for_staff_and_out_of_citizens_way(site_dir):
    page = (site_dir / "redactie" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert '<script src="redactie-invoer.js"></script>\n  <script src="redactie.js"></script>' in page
    assert "http" not in page.split("redactie-config")[0].split("<body>")[0]
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d for d in index["docs"] if d["location"].startswith("redactie")]
    assert "redactie" not in (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    # Citizens meet it only as the footer's discreet "Voor medewerkers" link.
    assert home.count("redactie/") == home.count('class="catalogus-voet__medewerkers" href="redactie/"') == 1
    fiches = json.loads((site_dir / "redactie" / "fiches.json").read_text(encoding="utf-8"))
    assert len(fiches) == len(list((SHARED).glob("*.md")))


def test_a_fiche_opens_as_the_town_sees_it_with_each_field_marked(editor):
    """poetsdienst: the text is shared, the loket and the cost are Harelbeke's (content/lokaal/poetsdienst.yml)."""
    open_fiche(editor, "poetsdienst")
    legend = editor.inner_text("#plaatsen")
    assert "gedeeld/products/poetsdienst.md" in legend and "naar alle gemeenten" in legend
    assert f"{LOCAL}/poetsdienst.yml" in legend and "alleen voor uw gemeente" in legend
    mark = lambda name: editor.locator(f'[data-veld="{name}"] .plaats-label').first.inner_text()  # noqa: E731
    assert mark("titel") == mark("stappen") == "Gedeeld: voor alle gemeenten"
    assert mark("kostprijs") == mark("loket") == mark("eigenaar") == "Alleen Harelbeke"
    assert editor.locator("#tekst-plaats").inner_text() == "Gedeeld: voor alle gemeenten"
    # Every field can be edited, and the label names where the change goes (what a screen reader says).
    amount = field(editor, "kostprijs.bedragen.0.bedrag")
    assert amount.is_editable() and amount.input_value() == "9,50" and echo(editor, "kostprijs.bedragen.0.bedrag") == "= € 9,50"
    local = yaml.safe_load((TOWN_DIR / "content" / "lokaal" / "poetsdienst.yml").read_text(encoding="utf-8"))
    reviewed = local["laatst_nagekeken"]
    assert field(editor, "loket").is_enabled() and field(editor, "laatst_nagekeken").input_value() == f"{reviewed:%d/%m/%Y}"
    assert "Alleen Harelbeke" in editor.locator('[data-veld="kostprijs"] > legend').inner_text()
    assert editor.get_by_label("Alleen voor Harelbeke aanpassen (niet in de gedeelde fiche)").count() >= 5  # what may move
    assert "geen problemen" in editor.inner_text("#problemen")  # the local loket counts for 'loket of aanbieder'


def test_an_unchanged_fiche_gives_back_every_file_as_it_was(editor):
    counts = editor.evaluate(
        """async () => {
          const fiches = await (await fetch('fiches.json')).json();
          const differ = [];
          let files = 0, emitted = 0;
          for (const f of fiches) {
            window.redactie.open(f.id);
            for (const file of window.redactie.files()) {
              files++;
              if (file.tekst !== file.oud) differ.push(file.pad);
            }
            const body = f.tekst.split('\\n---\\n').slice(1).join('\\n---\\n');
            if (window.redactie.emitFile(f.data, body) === f.tekst) emitted++;
          }
          return {fiches: fiches.length, files, emitted, differ};
        }"""
    )
    assert counts["differ"] == [] and counts["files"] == 2 * counts["fiches"] > 200  # each: shared and local file
    print(f"emitter alone reproduces {counts['emitted']} of {counts['fiches']} fiches byte for byte")
    open_fiche(editor, "poetsdienst")
    assert made(editor) == {}
    assert editor.inner_text("#wijziging") == "Er is nog niets veranderd, dus er is geen bestand om voor te stellen."


def test_changing_the_local_cost_changes_only_the_local_file_and_it_passes_the_check(editor, region):
    """The brief's case: the price of poetsdienst is Harelbeke's; typed the Dutch way, it changes one file only."""
    shared = (SHARED / "poetsdienst.md").read_text(encoding="utf-8")
    local = (TOWN_DIR / "content" / "lokaal" / "poetsdienst.yml").read_text(encoding="utf-8")
    open_fiche(editor, "poetsdienst")
    type_in(editor, "kostprijs.bedragen.0.bedrag", "12,50")
    assert echo(editor, "kostprijs.bedragen.0.bedrag") == "= € 12,50"
    files = made(editor)
    assert list(files) == [f"{LOCAL}/poetsdienst.yml"]
    assert editor.inner_text("#wijziging") == "Er verandert 1 bestand."
    assert changed_lines(local, files[f"{LOCAL}/poetsdienst.yml"]) == ["-       bedrag: 9.50", "+       bedrag: 12.50"]
    # The local file's own lines stay: its comments and the shared version the town reviewed.
    reviewed = next(line for line in local.splitlines(keepends=True) if line.startswith("gedeelde_versie:"))
    assert reviewed in files[f"{LOCAL}/poetsdienst.yml"]
    written = {f["pad"]: f["tekst"] for f in editor.evaluate("() => window.redactie.files()")}
    assert written["gedeeld/products/poetsdienst.md"] == shared  # byte for byte
    block = editor.locator(f'article.bestand[data-pad="{LOCAL}/poetsdienst.yml"]')
    assert "Alleen Harelbeke" in block.inner_text() and "Verandert: kostprijs." in block.inner_text()
    assert check_with(region, files) == []


def test_changing_a_shared_field_changes_only_the_shared_file(editor):
    shared = (SHARED / "poetsdienst.md").read_text(encoding="utf-8")
    open_fiche(editor, "poetsdienst")
    field(editor, "titel").fill("Poetsdienst aan huis")
    files = made(editor)
    assert list(files) == ["gedeeld/products/poetsdienst.md"]
    assert changed_lines(shared, files["gedeeld/products/poetsdienst.md"]) == [
        "- titel: Poetsdienst", "+ titel: Poetsdienst aan huis"]
    assert "Gedeeld: voor alle gemeenten" in editor.inner_text("article.bestand")
    field(editor, "titel").fill("Poetsdienst")  # back as it was: nothing to propose
    editor.get_by_label("Mantelzorgers", exact=True).check()
    files = made(editor)
    assert changed_lines(shared, files["gedeeld/products/poetsdienst.md"]) == [
        "- doelgroepen: [senioren, personen-met-een-handicap]",
        "+ doelgroepen: [senioren, personen-met-een-handicap, mantelzorgers]",
    ]
    editor.get_by_label("Mantelzorgers", exact=True).uncheck()
    assert made(editor) == {}


def test_a_change_to_both_offers_both_files_each_with_its_own_button(editor):
    open_fiche(editor, "poetsdienst")
    field(editor, "titel").fill("Poetsdienst aan huis")
    type_in(editor, "kostprijs.bedragen.0.bedrag", "10")
    files = made(editor)
    assert list(files) == ["gedeeld/products/poetsdienst.md", f"{LOCAL}/poetsdienst.yml"]
    assert editor.inner_text("#wijziging").startswith("Er veranderen 2 bestanden. Stel ze samen voor, in één voorstel")
    blocks = editor.locator("article.bestand")
    assert [blocks.nth(i).locator("h3").inner_text() for i in range(2)] == [
        "1. gedeeld/products/poetsdienst.md", f"2. {LOCAL}/poetsdienst.yml"]
    assert [blocks.nth(i).locator("button.github-bewerk").count() for i in range(2)] == [1, 1]
    assert "Verandert: titel." in blocks.nth(0).inner_text() and "Verandert: kostprijs." in blocks.nth(1).inner_text()
    assert "      bedrag: 10.00\n" in files[f"{LOCAL}/poetsdienst.yml"]


def test_a_field_moved_to_the_town_goes_to_the_local_file_and_back(editor, region):
    """A town may hold a field of the shared fiche itself (LOCAL_FIELDS): 'Alleen voor Harelbeke' puts the changed
    value in the local file, before its own fields; the shared fiche stays as it was."""
    local = (TOWN_DIR / "content" / "lokaal" / "poetsdienst.yml").read_text(encoding="utf-8")
    open_fiche(editor, "poetsdienst")
    box = editor.locator('[data-veld="behandeltermijn"] .plaats-keuze input')
    box.check()
    assert editor.locator('[data-veld="behandeltermijn"] .plaats-label').inner_text() == "Alleen Harelbeke"
    field(editor, "behandeltermijn").fill("In Harelbeke start de poetshulp binnen twee weken.")
    files = made(editor)
    assert list(files) == [f"{LOCAL}/poetsdienst.yml"]
    assert changed_lines(local, files[f"{LOCAL}/poetsdienst.yml"]) == [
        "+ behandeltermijn: In Harelbeke start de poetshulp binnen twee weken."]
    assert files[f"{LOCAL}/poetsdienst.yml"].index("behandeltermijn:") < files[f"{LOCAL}/poetsdienst.yml"].index("eigenaar:")
    assert check_with(region, files) == []
    box.uncheck()  # back to the shared field: its shared value again, nothing changed
    assert field(editor, "behandeltermijn").input_value().startswith("Meestal kan de poetshulp")
    assert made(editor) == {}


def test_a_new_fiche_is_the_towns_own_and_passes_the_check_unchanged(editor, region):
    """With a cost typed the Dutch way, a loket and two target groups: one file, the town's own fiche."""
    open_fiche(editor, None)
    assert "gemeenten/harelbeke/content/products/" in editor.inner_text("#plaatsen")
    editor.fill('[name="id"]', "Nieuwe Fiche")
    assert "gebruik alleen kleine letters, cijfers en koppeltekens, bv. nieuwe-fiche" in message(editor, "id")  # as you type
    editor.fill('[name="id"]', "rolstoel-lenen-voorbeeld")
    assert message(editor, "id") == ""
    editor.fill('[name="titel"]', "Ro")
    assert message(editor, "titel") == "maak dit langer: minstens 3 tekens"
    editor.fill('[name="titel"]', "Rolstoel lenen: voorbeeld")
    editor.fill('[name="samenvatting"]', "U leent tijdelijk een rolstoel, bijvoorbeeld na een operatie of een val.")
    # Labels, not ids: the editor picks what the site shows.
    editor.select_option('[name="producttype"]', label="Infrastructuur en materiaal")
    editor.select_option('[name="loket"]', label="Onthaal OCMW")
    editor.get_by_label("Senioren", exact=True).check()
    editor.get_by_label("Personen met een handicap", exact=True).check()
    editor.get_by_label("Zorg en hulp thuis", exact=True).check()
    editor.fill('[name="sleutelwoorden"]', "rolstoel\nrolwagen\nhulpmiddel")
    editor.fill('[name="voorwaarden"]', "U woont in de gemeente.\nLet op: u brengt de rolstoel proper terug.")
    editor.check('[name="kostprijs"]')
    editor.click("text=+ Bedragen: nog één toevoegen")
    editor.fill('[name="kostprijs.bedragen.0.omschrijving"]', "Waarborg")
    type_in(editor, "kostprijs.bedragen.0.bedrag", "€ 1.250,75")
    assert echo(editor, "kostprijs.bedragen.0.bedrag") == "= € 1.250,75"
    editor.click("text=+ Formulieren: nog één toevoegen")
    editor.fill('[name="formulieren.0.titel"]', "Aanvraag (voorbeeld)")
    type_in(editor, "formulieren.0.url", "www.harelbeke.example/rolstoel")
    assert echo(editor, "formulieren.0.url") == "wordt https://www.harelbeke.example/rolstoel"
    editor.fill('[name="eigenaar"]', "Onthaal OCMW – team thuiszorg")
    type_in(editor, "laatst_nagekeken", "20/11/2026")
    assert echo(editor, "laatst_nagekeken") == "= 20 november 2026"
    editor.fill("#tekst", "U kunt een rolstoel lenen als u die **tijdelijk** nodig hebt.")
    files = made(editor)
    assert "geen problemen" in editor.inner_text("#problemen")
    path = f"gemeenten/{TOWN}/content/products/rolstoel-lenen-voorbeeld.md"
    assert list(files) == [path]
    text = files[path]
    assert "titel: \"Rolstoel lenen: voorbeeld\"\n" in text and "doelgroepen: [senioren, personen-met-een-handicap]\n" in text
    assert "loket: onthaal-ocmw\n" in text and "      bedrag: 1250.75\n" in text and "laatst_nagekeken: 2026-11-20\n" in text
    assert "    url: https://www.harelbeke.example/rolstoel\n" in text
    link = urlsplit(editor.get_attribute("a.github-nieuw", "href"))
    assert f"{link.scheme}://{link.netloc}{link.path}" == f"{REPO_URL}/new/main/gemeenten/harelbeke/content/products"
    query = parse_qs(link.query)
    assert query["filename"] == ["rolstoel-lenen-voorbeeld.md"] and query["value"] == [text]
    assert check_with(region, files) == []


def test_what_the_form_cannot_read_is_refused_at_its_field_and_no_file_is_made(editor):
    """Never a silent wrong value: an English amount, a short year, a date that does not exist, text for a link."""
    open_fiche(editor, "poetsdienst")
    amount, date = "kostprijs.bedragen.0.bedrag", "laatst_nagekeken"
    refused = {
        (amount, "12.50"): "'12.50': schrijf de cent na een komma, bv. 12,50",
        (amount, "1,250"): "'1,250': hoogstens twee cijfers na de komma; duizendtallen scheidt u met een punt, bv. 1.250",
        (amount, "twaalf euro"): "'twaalf euro' is geen bedrag: schrijf het als 12,50 of 1.250,75",
        (amount, "-4"): "'-4': een bedrag is nooit negatief; vul het zonder minteken in",
        (date, "1/3/26"): "'1/3/26': schrijf het jaar voluit, met vier cijfers tussen 2000 en 2100, bv. 15/03/2026",
        (date, "1/3/0026"): "'1/3/0026': schrijf het jaar voluit, met vier cijfers tussen 2000 en 2100, bv. 15/03/2026",
        (date, "31/4/2026"): "'31/4/2026' bestaat niet: kijk de dag en de maand na",
        (date, "3/2026"): "'3/2026' is geen datum: schrijf dag/maand/jaar, bv. 15/03/2026",
    }
    for (name, typed), expected in refused.items():
        type_in(editor, name, typed)
        assert (message(editor, name), echo(editor, name)) == (expected, ""), typed
        assert field(editor, name).get_attribute("aria-invalid") == "true"
        assert made(editor) == {}
        assert editor.inner_text("#wijziging").startswith("Het formulier kan 1 veld(en) niet lezen.")
        assert editor.locator("#problemen").evaluate("e => e === document.activeElement")  # the list, links to the fields
        assert expected in editor.inner_text("#problemen a")
        field(editor, name).fill("")
    # The same fields, typed the Dutch way: stored as the checker reads them.
    type_in(editor, amount, "1.250")
    type_in(editor, date, "1/3/2026")
    assert (echo(editor, amount), echo(editor, date)) == ("= € 1.250,00", "= 1 maart 2026")
    local = made(editor)[f"{LOCAL}/poetsdienst.yml"]
    assert "      bedrag: 1250.00\n" in local and "laatst_nagekeken: 2026-03-01\n" in local
    # A link: a bare web address is completed (and shown); text or an e-mail address is refused.
    open_fiche(editor, "poetsdienst")
    url = "kostprijs.bron.url"
    for typed, expected in {
        "harelbeke": "'harelbeke' is geen webadres: schrijf het als www.voorbeeld.be of https://www.voorbeeld.be/pagina",
        "info@harelbeke.be":
            "'info@harelbeke.be' is een e-mailadres, geen webadres: schrijf mailto: ervoor, bv. mailto:info@voorbeeld.be",
        "zie de website": "'zie de website': een webadres heeft geen spaties; kopieer het uit de adresbalk van uw browser",
    }.items():
        type_in(editor, url, typed)
        assert message(editor, url) == expected, typed
        assert made(editor) == {}
    type_in(editor, url, "www.example.be")
    assert (message(editor, url), echo(editor, url)) == ("", "wordt https://www.example.be")
    assert "    url: https://www.example.be\n" in made(editor)[f"{LOCAL}/poetsdienst.yml"]


def test_text_pasted_from_word_is_cleaned(editor):
    """Word's bullets become Markdown items in a text, and items without bullets in a list field; a hard space
    becomes a space; curly quotes stay. The checker finds nothing to say about the result."""
    open_fiche(editor, "poetsdienst")
    paste(editor, "#tekst", WORD)
    body = editor.input_value("#tekst")
    assert body == ("Wat u meebrengt:\n\n- Uw identiteitskaart\n- of uw verblijfskaart\n- Het aanslagbiljet\n"
                    "- Uw bankkaart\n\nDan is het “in orde” voor de aanvraag.")
    assert editor.inner_text("#tekst-echo").startswith("Geplakte tekst opgeschoond")
    assert text_problems(body) == ()
    paste(editor, '[name="meebrengen"]', WORD)
    assert echo(editor, "meebrengen").startswith("Geplakte tekst opgeschoond: elk punt staat op een eigen regel")
    shared = made(editor)["gedeeld/products/poetsdienst.md"]
    assert ("meebrengen:\n  - \"Wat u meebrengt:\"\n  - Uw identiteitskaart\n  - of uw verblijfskaart\n"
            "  - Het aanslagbiljet\n  - Uw bankkaart\n  - Dan is het “in orde” voor de aanvraag.\n") in shared
    assert shared.endswith("\n" + body + "\n") and "\u00a0" not in shared and "•" not in shared


def test_the_messages_say_what_to_do_in_the_form(editor):
    """An empty new fiche: each required field says what to fill in, in a form's words (no YAML advice)."""
    open_fiche(editor, None)
    editor.click("#maken")  # asking for the files shows every message
    expected = {
        "id": "vul een korte naam in (kleine letters en koppeltekens), bv. rolstoel-lenen",
        "titel": "vul een titel in",
        "producttype": "kies een producttype",
        "doelgroepen": "kies minstens één doelgroep",
        "eigenaar": "vul de eigenaar in: een dienst of team, geen persoonsnaam",
        "laatst_nagekeken": "vul de datum van het laatste nazicht in, bv. 15/03/2026",
        "loket": "kies een loket of vul een aanbieder in: waar kan de burger terecht?",
    }
    assert {name: message(editor, name) for name in expected} == expected
    summary = editor.inner_text("#problemen")
    assert "Titel: vul een titel in" in summary and "voeg" not in summary and "true" not in summary
    editor.check('[name="kostprijs"]')
    editor.check('[name="kostprijs.gratis"]')
    editor.click("text=+ Bedragen: nog één toevoegen")
    editor.fill('[name="kostprijs.bedragen.0.omschrijving"]', "Per keer")
    type_in(editor, "kostprijs.bedragen.0.bedrag", "2,50")
    assert message(editor, "kostprijs.gratis") == (
        "een gratis product heeft geen bedragen: vink 'gratis' uit, of verwijder de bedragen")


def test_an_existing_file_is_copied_and_its_edit_page_opened(editor):
    opened = len(editor.opened)
    open_fiche(editor, "poetsdienst")
    editor.fill('[name="behandeltermijn"]', "Meestal binnen een maand.")
    files = made(editor)
    editor.click("button.github-bewerk")
    editor.wait_for_timeout(500)
    assert editor.opened[opened:] == [f"{REPO_URL}/edit/main/gedeeld/products/poetsdienst.md"]
    copied = editor.evaluate("() => navigator.clipboard.readText()")
    assert copied == files["gedeeld/products/poetsdienst.md"] and "behandeltermijn: Meestal binnen een maand.\n" in copied
