"""The staff editor's own JavaScript (redactie.js) against the Python side, on the same inputs.

The page runs in headless Chromium on the real built site, as in test_site_editor_browser.py, so the code under test
is the script the editor really loads; `window.redactie` (the page's test hook) gives its slug, its model rules
and its YAML writer. One page serves every case of this module and the cases are sent in batches.

- slug: equal to catalogus.base.slug.slug, on tricky text and on every character Python's Unicode data knows;
- the model's cross-field rules (kostprijs, loket or aanbieder): a problem in the page exactly when
  catalogus.model.Fiche rejects the data, for the same rule (the page says it in a form's words, from the
  translation file; each rule has a code);
- the input rules of redactie-invoer.js: amounts read the Dutch way are the numbers the model accepts, dates are
  the calendar's, a web address the page accepts or completes is one the checker accepts, and pasted bullets
  become list items the checker has nothing to say about;
- the YAML writer: what it writes for every real fiche, and for hand-made data with YAML's traps, reads back with
  the checker's loader (catalogus.load.sources.load_source) as the same data, types included, without findings.

The checker is the source of truth: a disagreement is a bug in redactie.js.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from browser import new_tab
from catalogus.base import markup, translations
from catalogus.base.slug import slug
from catalogus.check.messages import describe
from catalogus.load.sources import load_source
from catalogus.model import Bedrag, Fiche, Kostprijs
from catalogus.site.editor import _json_value
from factories import REPO, SHARED

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def editor(chromium, site_url: str) -> Iterator:
    """One page of /redactie/ for the whole module, with its fiches loaded."""
    with new_tab(chromium, site_url) as tab:
        tab.goto("redactie/")
        tab.wait_for_selector("body[data-klaar=ja]")
        yield tab


def run(page, function: str, cases: list) -> list:
    """`function` (a JavaScript expression of one case) applied in the page to every case, in one call."""
    return page.evaluate(f"(cases) => cases.map({function})", cases)


# ---------- slug ----------

SLUG_CASES = [
    "Onthaal OCMW", "65-Plussers", "Één loket", "Crème brûlée", "ÇA VA", "naïeve coöperatie", "Zoë's café",
    "  spaties rondom  ", "\ttab en\nnieuwe regel ", "--al--koppeltekens--", "a___b...c", "A/B & C; d", "100% gratis!",
    "2026: nieuw", "Wat kost het?", "", "   ", "---",
    "Straße", "GROSSE STRASSE ẞ", "ĳzel Ĳsselmeer", "ﬁets ﬂat ﬀ", "Ørsted Łódź Đakovo", "Æbleskiver œuvre",
    "İstanbul ıslak", "Ǆemal ǅ ǈ Ǳ", "ŉ ſ K Å", "Ⅻ ⅻ ½ x² ①②", "ＡＢＣ　全角",
    "Привет мир", "Ελληνικά ΣΊΣΥΦΟΣ", "日本語 テキスト", "עברית", "العربية 123", "हिन्दी",
    "fiets 🚲 duim 👍🏽", "❤️ liefde", "#️⃣ 1️⃣ 🇧🇪", "Café™", "№ 5", "℃ warm", "𝐁𝐨𝐥𝐝 𝒮𝒸𝓇𝒾𝓅𝓉", "🄰🄱 ⓐⓑ",
    "e\u0301e\u0301", "a\u00adb", "zero\u200bwidth", "a\u034fb", "a\u1dc4b", "a\u20d7b", "a\u0345b", "a\u0483b",
]

# The slug of redactie.js before it was compared with the checker (NFKD, lower case, only U+0300-U+036F dropped).
OLD_JS_SLUG = """(text) => text.normalize("NFKD").toLowerCase().replace(/[\\u0300-\\u036f]/g, "")
  .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "")"""


def slug_disagreements(texts: list[str], found: list[str], expected: Callable[[str], str]) -> list[tuple[str, str, str]]:
    """(text, what the page made, what Python makes) wherever they differ."""
    pairs = [(text, got, expected(text)) for text, got in zip(texts, found, strict=True)]
    return [pair for pair in pairs if pair[1] != pair[2]]


def test_slug_is_the_checkers_slug_on_tricky_text(editor):
    found = run(editor, "window.redactie.slug", SLUG_CASES)
    assert slug_disagreements(SLUG_CASES, found, slug) == []
    assert found[:3] == ["onthaal-ocmw", "65-plussers", "een-loket"] and "strasse" in found


def test_slug_is_the_checkers_slug_on_every_character(editor):
    """Each character Python's unicodedata knows, between two letters: kept, dropped or a separator alike.

    Characters newer than Python's Unicode version are left out: the browser may know them, Python not yet."""
    chars = "".join(chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) not in ("Cn", "Cs", "Co"))
    # One string each way: the characters in, the slugs out, a line each.
    found = editor.evaluate("(chars) => [...chars].map((c) => window.redactie.slug('a' + c + 'B')).join('\\n')", chars)
    wrong = slug_disagreements([f"a{c}B" for c in chars], found.split("\n"), slug)
    assert wrong == [], [(f"U+{ord(t[1]):04X}", *rest) for t, *rest in wrong[:20]]


def test_the_comparison_sees_a_wrong_slug(editor):
    """The comparison can fail: the editor's earlier slug, run in the same page, disagrees where it was wrong."""
    found = run(editor, OLD_JS_SLUG, SLUG_CASES)
    wrong = {text: (old, new) for text, old, new in slug_disagreements(SLUG_CASES, found, slug)}
    assert wrong["Straße"] == ("stra-e", "strasse")
    assert wrong["Café™"] == ("cafetm", "cafe")
    assert wrong["a\u1dc4b"] == ("a-b", "ab")
    # A deliberately wrong expectation is caught just the same.
    assert slug_disagreements(["Onthaal OCMW"], ["onthaal-ocmw"], lambda t: t.lower().replace(" ", "_")) != []


# ---------- the model's cross-field rules ----------

AMOUNT = {"omschrijving": "Per ophaling", "bedrag": 12.5}
ROUGH = {"omschrijving": "Ongeveer per jaar", "bedrag": 40, "ongeveer": True}
SOURCE = {"titel": "Retributiereglement 2026", "url": "https://www.harelbeke.example/reglement"}
EXPLAINED = "Afhankelijk van uw inkomen."
COSTS: list[dict[str, Any] | None] = [
    None,
    {"gratis": True},
    {"gratis": True, "toelichting": EXPLAINED},
    {"gratis": True, "bedragen": []},
    {"gratis": True, "bedragen": [AMOUNT]},
    {"gratis": True, "bedragen": [ROUGH]},  # free with amounts and a rough one without a source: two rules broken
    {"gratis": True, "bedragen": [ROUGH], "bron": SOURCE},
    {"gratis": False},
    {"gratis": False, "bedragen": []},
    {"gratis": False, "bron": SOURCE},
    {"gratis": False, "toelichting": EXPLAINED},
    {"gratis": False, "bedragen": [AMOUNT]},
    {"gratis": False, "bedragen": [{**AMOUNT, "ongeveer": False}]},
    {"gratis": False, "bedragen": [ROUGH]},
    {"gratis": False, "bedragen": [AMOUNT, ROUGH]},
    {"gratis": False, "bedragen": [AMOUNT, ROUGH], "bron": SOURCE},
    {"gratis": False, "toelichting": EXPLAINED, "bedragen": [ROUGH]},
    {"gratis": False, "toelichting": EXPLAINED, "bron": SOURCE},
]
COUNTERS: list[dict[str, Any]] = [
    {},
    {"loket": "onthaal-ocmw"},
    {"aanbieder": {"naam": "CAW Zuid-West-Vlaanderen", "telefoon": "056 73 33 11"}},
    {"loket": "onthaal-ocmw", "aanbieder": {"naam": "CAW Zuid-West-Vlaanderen"}},
    {"andere_loketten": ["woonloket"]},
]
MINIMAL = {
    "id": "regels-van-het-model", "titel": "Regels van het model",
    "samenvatting": "Een fiche om de regels van het model na te gaan.",
    "producttype": "AdviesBegeleiding", "doelgroepen": ["inwoners"], "themas": ["wonen"],
    "eigenaar": "Dienst Burgerzaken", "laatst_nagekeken": "2026-10-01",
}


def rule_cases() -> list[dict[str, Any]]:
    return [{**MINIMAL, **counter, **({"kostprijs": cost} if cost is not None else {})} for cost in COSTS for counter in COUNTERS]


def model_problems(data: dict[str, Any]) -> list[str]:
    """What the model says against `data`, in the checker's words (check.messages.describe).

    pydantic runs a model's own validators only when its fields are valid, so Fiche's rule (a loket or an
    aanbieder) is not judged while kostprijs is wrong: the checker says it once kostprijs is right, the page at
    once, and both are counted. Kostprijs itself stops at its first broken rule, and so does the page."""
    try:
        Fiche.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
    else:
        return []
    assert [e["type"] for e in errors] == ["value_error"] * len(errors), errors  # only cross-field rules here
    messages = [describe(e, None, Fiche) for e in errors]
    if "kostprijs" in data and any(e["loc"][:1] == ("kostprijs",) for e in errors):
        with pytest.raises(ValidationError) as own:  # the same words from the part's own model
            Kostprijs.model_validate(data["kostprijs"])
        assert [str(e["ctx"]["error"]) for e in own.value.errors()] == messages
        messages += model_problems({k: v for k, v in data.items() if k != "kostprijs"})
    return sorted(messages)


def _rule(model: type, data: dict[str, Any]) -> str:
    """The words of the one rule `data` breaks, as the model says them."""
    with pytest.raises(ValidationError) as broken:
        model.model_validate(data)
    return str(broken.value.errors()[0]["ctx"]["error"])


# Each rule of the model (its message) and the code the page gives it: the page words it for a form.
RULE_CODES = {
    _rule(Kostprijs, {"gratis": True, "bedragen": [AMOUNT]}): "gratis_zonder_bedragen",
    _rule(Kostprijs, {"gratis": False}): "bedragen_of_toelichting",
    _rule(Kostprijs, {"gratis": False, "bedragen": [{**AMOUNT, "ongeveer": True}]}): "ongeveer_met_bron",
    _rule(Fiche, MINIMAL): "loket_of_aanbieder",
}
FORM_WORDS = translations.load(REPO, "nl")["redactie"]


def rule_disagreements(cases: list[dict[str, Any]], found: list[list[dict]]) -> list[tuple[dict, list[str], list[str]]]:
    """(data, the page's rules, the model's) wherever they differ."""
    pairs = [(case, sorted(e["regel"] for e in problems), sorted(RULE_CODES[m] for m in model_problems(case)))
             for case, problems in zip(cases, found, strict=True)]
    return [pair for pair in pairs if pair[1] != pair[2]]


def test_the_editor_applies_the_models_rules_in_a_forms_words(editor):
    cases = rule_cases()
    found = run(editor, "window.redactie.rules", cases)
    assert rule_disagreements(cases, found) == []
    assert all(e["message"] == FORM_WORDS["regels"][e["regel"]] for problems in found for e in problems)
    assert set(RULE_CODES.values()) == set(FORM_WORDS["regels"])
    verdicts = [bool(model_problems(case)) for case in cases]
    assert 20 < verdicts.count(True) < len(cases) - 20  # both kinds, plenty of each
    # A deliberately wrong expectation is caught: the page's answers shifted by one case no longer match.
    assert rule_disagreements(cases, found[1:] + found[:1]) != []


# ---------- the input rules (redactie-invoer.js) ----------


def dutch(amount: Decimal, grouped: bool = True) -> str:
    """An amount as a Flemish office writes it: 1.250,75 (or 1250,75)."""
    whole, _, cents = f"{amount:f}".partition(".")
    if grouped:
        whole = f"{int(whole):,}".replace(",", ".")
    return whole + ("," + cents if cents else "")


def model_amount(value: Decimal) -> Decimal | None:
    """The amount as the model stores it, or None when the model refuses it."""
    try:
        return Bedrag.model_validate({"omschrijving": "x", "bedrag": value}).bedrag
    except ValidationError:
        return None


def test_amounts_are_read_as_the_model_stores_them(editor):
    """Written the Dutch way, grouped or not, with 0 to 3 decimals and up to 9 digits: the page accepts an amount
    exactly when the model does (at most 7 digits before and 2 after the comma), as the same number."""
    values = sorted({Decimal(n) / 10**d for d in (0, 1, 2, 3) for n in
                     (0, 5, 7, 12, 99, 950, 1250, 12345, 125075, 999999, 9999999, 10000000, 99999999, 123456789, 999999999)})
    texts = [dutch(v, grouped) for v in values for grouped in (True, False)]
    found = run(editor, "window.redactie.parseAmount", texts)
    wrong = []
    for text, got in zip(texts, found, strict=True):
        expected = model_amount(Decimal(text.replace(".", "").replace(",", ".")))
        page = Decimal(str(got["value"])) if "value" in got else None
        if page != expected:
            wrong.append((text, got, expected))
    assert wrong == []
    assert sum("error" in got for got in found) > 20 and sum("value" in got for got in found) > 40  # both kinds


def test_dates_are_the_calendars(editor):
    """Every day from 1999 to 2101 written d/m/jjjj, dd/mm/jjjj and jjjj-mm-dd, and every day 29 to 31 of every
    month: the page reads the date Python's calendar knows, refuses one it does not, and any year outside
    2000-2100."""
    texts, expected = [], []
    for year in range(1999, 2102):
        for month in range(1, 13):
            for day in range(1, 32):
                try:
                    date = dt.date(year, month, day)
                except ValueError:
                    date = None
                iso = date.isoformat() if date and 2000 <= year <= 2100 else None
                forms = [f"{day}/{month}/{year}", f"{day:02}/{month:02}/{year}", f"{year}-{month:02}-{day:02}"]
                texts += forms
                expected += [iso] * len(forms)
    found = editor.evaluate("(texts) => texts.map((t) => window.redactie.parseDate(t).value || null)", texts)
    wrong = [(t, got, want) for t, got, want in zip(texts, found, expected, strict=True) if got != want]
    assert wrong == [], wrong[:10]


WEB = [
    "www.example.be", "example.be", "www.harelbeke.be/leefloon?x=1#a", "https://www.example.be", "http://example.be",
    "HTTPS://WWW.EXAMPLE.BE/A", "mailto:info@harelbeke.be", "tel:056 73 33 11", "tel:1765", "//www.example.be",
    "harelbeke", "www", "https://", "https://localhost", "http://intranet/pagina", "javascript:alert(1)",
    "data:text/html,x", "ftp://ftp.example.be", "mailto:harelbeke", "tel:bel ons", "info@harelbeke.be",
    "zie de website", "www.example .be", "C:\\brieven\\aanvraag.docx", "/products/leefloon/", "#voorwaarden",
    "https://192.168.1.10/intranet", "https://www.example.be/mijn pagina",
]


def real_web_addresses() -> list[str]:
    """Every web address in the shared fiches and the towns' local files, as the checker accepted them."""
    found: list[str] = []

    def walk(value: Any, key: str = "") -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, str(k))
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif key in ("url", "website") and isinstance(value, str):
            found.append(value)

    for path in [*SHARED.glob("*.md"), *(REPO / "gemeenten").glob("*/content/lokaal/*.yml")]:
        walk(load_source(path, path.name).data)
    return sorted(set(found))


def test_a_web_address_the_page_keeps_is_one_the_checker_accepts(editor):
    """What the page accepts or completes (www.… -> https://www.…), the checker's link rule accepts; what the
    checker refuses, the page refuses too (it never lets a bad link through). Every real link is kept as it is."""
    real = real_web_addresses()
    assert len(real) > 50
    found = run(editor, "window.redactie.parseWebAddress", WEB + real)
    wrong = []
    for text, got in zip(WEB + real, found, strict=True):
        if "value" in got and markup.link_problem(got["value"]) is not None:
            wrong.append((text, got, "checker refuses what the page keeps"))
        if "error" in got and markup.link_problem(text) is None and not text.startswith(("http://", "https://")):
            wrong.append((text, got, "page refuses a link the checker accepts"))
    assert wrong == []
    assert found[len(WEB):] == [{"value": url} for url in real]  # unchanged, never completed
    completed = {text: got["value"] for text, got in zip(WEB, found[:len(WEB)], strict=True) if got.get("aangevuld")}
    assert completed == {"www.example.be": "https://www.example.be", "example.be": "https://example.be",
                         "www.harelbeke.be/leefloon?x=1#a": "https://www.harelbeke.be/leefloon?x=1#a",
                         "//www.example.be": "https://www.example.be"}
    # Stricter than the checker in two ways only: a host must be a name (not an address), and no space inside.
    stricter = [t for t, got in zip(WEB, found[:len(WEB)], strict=True) if "error" in got and markup.link_problem(t) is None]
    assert stricter == ["https://192.168.1.10/intranet", "https://www.example.be/mijn pagina"]


def test_pasted_bullets_become_list_items_the_checker_accepts(editor):
    """Each bullet the checker knows from word processors (catalogus.base.markup), pasted as Word does it (a tab
    after it) or not: a Markdown item in a text, a plain line in a list field; the checker has nothing to say."""
    bullets = sorted(getattr(markup, "WORD_BULLETS", "•·▪◦●‣■□➢➤✓✔"))
    texts = [f"Wat u meebrengt:\r\n{b}\tUw identiteitskaart\r\n{b}Uw bankkaart" for b in bullets]
    as_text = run(editor, "(t) => window.redactie.cleanPasted(t, {paragraphs: true})", texts)
    as_list = run(editor, "(t) => window.redactie.cleanPasted(t, {list: true})", texts)
    assert set(as_text) == {"Wat u meebrengt:\n\n- Uw identiteitskaart\n- Uw bankkaart"}
    assert set(as_list) == {"Wat u meebrengt:\nUw identiteitskaart\nUw bankkaart"}
    assert markup.text_problems(as_text[0]) == ()
    if hasattr(markup, "WORD_BULLETS"):  # the checker's rule for pasted bullets: it flags the paste as it came
        assert all(markup.text_problems(text.replace("\r\n", "\n")) for text in texts)


# ---------- the YAML writer ----------

AMOUNTS = ("bedrag", "per_persoon")  # Decimal in the model, written as 12.00 in the house style


def differences(expected: Any, actual: Any, path: tuple = ()) -> list[tuple[tuple, Any, Any]]:
    """Where two data trees differ, by value and by type; an amount may come back as 12.0 for 12, no other number
    may change type, and a date stays a date."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        return [d for key in dict.fromkeys([*expected, *actual])
                for d in differences(expected.get(key, "<ontbreekt>"), actual.get(key, "<ontbreekt>"), (*path, key))]
    if isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        return [d for i, (a, b) in enumerate(zip(expected, actual, strict=True)) for d in differences(a, b, (*path, i))]
    amount = path[-1:] in [(key,) for key in AMOUNTS] and {type(expected), type(actual)} <= {int, float}
    if (type(expected) is type(actual) or amount) and expected == actual:
        return []
    return [(path, expected, actual)]


def written_back(tmp_path: Path, files: list[dict[str, str]]) -> dict[str, Any]:
    """Each file the page wrote, saved as products/<id>.md and read by the checker's loader."""
    folder = tmp_path / "products"
    folder.mkdir(exist_ok=True)
    loaded = {}
    for file in files:
        path = folder / f"{file['id']}.md"
        path.write_text(file["text"], encoding="utf-8")
        loaded[file["id"]] = load_source(path, f"products/{file['id']}.md")
    return loaded


def without_libyaml(text: str) -> Any:
    """The front-matter as the loader reads it on a PyYAML without libyaml (its fallback: the pure SafeLoader)."""
    front = text.removeprefix("---\n").split("\n---\n", 1)[0]
    try:
        return yaml.load(front, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        return f"YAML-fout: {exc}"


def test_every_real_fiche_comes_back_from_the_writer_as_the_same_data(editor, tmp_path):
    files = editor.evaluate(
        """async () => (await (await fetch('fiches.json')).json()).map((f) => ({
             id: f.id, pad: f.pad, data: f.data,
             text: window.redactie.emitFile(f.data, f.tekst.split('\\n---\\n').slice(1).join('\\n---\\n')),
           }))"""
    )
    assert len(files) == len(list((SHARED).glob("*.md"))) > 100
    loaded = written_back(tmp_path, files)
    wrong = {}
    for file in files:
        original = load_source(REPO / file["pad"], file["pad"])
        assert file["data"] == _json_value(original.data)  # the page holds the data as the checker reads it
        back = loaded[file["id"]]
        problems = [(f.line, f.message) for f in back.findings] or differences(original.data, back.data)
        problems = problems or differences(back.data, without_libyaml(file["text"]))
        if problems or back.body.strip() != original.body.strip():
            wrong[file["id"]] = problems or "tekst"
    assert wrong == {}


# Values YAML reads as something else unless quoted, or cannot read at all.
TRAPS = [
    "*ster", "&anker", "!tag", "!!str", "- lijst", "-", "?vraag", "wat kost het?", "@naam", "`code`", "%procent", "|pijp",
    ">groter", "[haak]", "{accolade}", "#hekje", ", komma", "<<", "=", "~",
    '"aanhalingstekens"', "'enkel'", "het is 'zo'", 'hij zegt "ja"', "Let op: breng mee", "eindigt op:", "a:b", "a, b",
    "a [b] {c}", "tekst #hashtag", "C#", "a\\b en einde\\",
    "yes", "no", "on", "off", "Yes", "NO", "On", "OFF", "y", "n", "true", "False", "null", "Null", "NULL",
    "010", "0o17", "0x1F", "0b101", "1e3", "1_000", "+12", "-5", ".5", "-.inf", ".NaN", "12:30", "09:00-12:00", "190:20:30",
    "2026-01-31", "2026-1-5", "2026-01-31T10:00:00", "2026-01-31 10:00",
    "", " ", "  spaties rondom  ", " voor", "na ", "regel 1\nregel 2", "regel 1\n\nregel 3\n", "tab\there", "\n",
    "Ünïcödé – “aanhalingstekens” — ‘x’ … €", "fiets 🚲 👍🏽", "日本語", "Straße ĳs", "nbsp\u00a0#", "nbsp\u00a0",
    "a\u2028b\u2029c", "\ufeffbom", "\u00a0", "zero\u200bwidth", "c1 \x96 en \x80", "del \x7f", "nel \x85",
    "niet-teken \ufffe",
]


def trap_fiche(value: str) -> dict[str, Any]:
    """A fiche with `value` as a text, a list item, a keyword (a short flow list), and inside nested blocks."""
    return {
        "id": "val", "titel": value, "samenvatting": value, "producttype": "AdviesBegeleiding", "loket": "onthaal-ocmw",
        "aanbieder": {"naam": value, "telefoon": value, "adres": {"straat": value, "postcode": value, "gemeente": "Harelbeke"}},
        "doelgroepen": ["inwoners"], "themas": ["wonen"], "sleutelwoorden": [value, "gewoon", value],
        "voor_wie": value, "voorwaarden": [value, "gewoon"],
        "kostprijs": {"gratis": False, "bedragen": [{"omschrijving": value, "bedrag": 9.5}], "toelichting": value},
        "formulieren": [{"titel": value, "url": "https://www.harelbeke.example/formulier?a=1#deel"}],
        "eigenaar": value, "laatst_nagekeken": dt.date(2026, 1, 31),
    }


HAND_MADE = {
    **{f"val-{i}": trap_fiche(value) for i, value in enumerate(TRAPS)},
    "lege-lijsten": {
        "id": "lege-lijsten", "titel": "Lege lijsten", "samenvatting": "Elke lijst is leeg.", "loket": "onthaal-ocmw",
        "andere_loketten": [], "doelgroepen": [], "themas": [], "levensgebeurtenissen": [], "sleutelwoorden": [],
        "voorwaarden": [], "meebrengen": [], "stappen": [], "formulieren": [], "meer_info": [], "regelgeving": [],
        "verwante_producten": [], "kostprijs": {"gratis": True, "bedragen": []}, "ontvangt": {"bedragen": [], "toelichting": "x"},
        "eigenaar": "Dienst", "laatst_nagekeken": dt.date(2026, 11, 1),
    },
    "getallen-en-datums": {
        "id": "65-plussers", "titel": "65-plussers", "samenvatting": "2026-01-31", "status": "stopgezet",
        "stopgezet": {"sinds": dt.date(2022, 10, 1), "opvolger": "0800-lijn"}, "loket": "112",
        "verwante_producten": ["65-plussers", "2026-01-31", "a-1e3"], "andere_loketten": ["1e3", "on", "y"],
        "kostprijs": {"gratis": False, "bron": {"titel": "2026", "url": "https://x.example/a: b"},
                      "bedragen": [{"omschrijving": "nul", "bedrag": 0}, {"omschrijving": "x", "bedrag": 25, "ongeveer": True},
                                   {"omschrijving": "y", "bedrag": 12.25}, {"omschrijving": "z", "bedrag": 1234567.89}]},
        "ontvangt": {"bedragen": [{"omschrijving": "maandelijks", "bedrag": 150.1, "per": "maand"}],
                     "bron": {"titel": "Decreet"}},
        "eigenaar": "0123", "laatst_nagekeken": dt.date(2024, 2, 29), "nakijken_elke_maanden": 12,
        "ipdc_concept_id": "01234567-89ab-cdef-0123-456789abcdef",
    },
}


def test_hand_made_data_with_yamls_traps_comes_back_as_the_same_data(editor, tmp_path):
    ids = list(HAND_MADE)
    texts = run(editor, "(data) => window.redactie.emitFile(data, 'Tekst.')", [_json_value(HAND_MADE[i]) for i in ids])
    loaded = written_back(tmp_path, [{"id": i, "text": text} for i, text in zip(ids, texts, strict=True)])
    wrong = {}
    for i, text in zip(ids, texts, strict=True):
        back = loaded[i]
        problems = [(f.line, f.message) for f in back.findings] or differences(HAND_MADE[i], back.data)
        problems = problems or differences(back.data, without_libyaml(text))
        if problems or back.body != "Tekst.":
            wrong[i] = (problems, text)
    assert wrong == {}, "\n\n".join(f"{i}: {problems}\n{text}" for i, (problems, text) in wrong.items())


def test_the_comparison_sees_a_changed_value():
    """The comparison can fail: a text read as a date, a lost item or a number of the wrong type is reported."""
    data = trap_fiche("2026-01-31")
    assert differences(data, data) == []
    assert differences(data, {**data, "voor_wie": dt.date(2026, 1, 31)}) == [(("voor_wie",), "2026-01-31", dt.date(2026, 1, 31))]
    assert differences(data, {**data, "voorwaarden": ["2026-01-31"]}) != []
    assert differences({"x": 12}, {"x": 12.0}) != [] and differences({"bedrag": 12}, {"bedrag": 12.0}) == []
    assert differences({"x": True}, {"x": 1}) != [] and differences({"x": []}, {"x": None}) != []
    assert json.dumps(_json_value(data))  # what the page is given is plain JSON
