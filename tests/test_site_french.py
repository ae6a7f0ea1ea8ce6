"""A town in French: the rules in plain words and the wizard "À quoi ai-je droit ?" show no Dutch UI text.

The same small project (fiches with `rechten` over every kind of question, every comparison and every group) is
built twice, with `taal: nl` and with `taal: fr`. The Dutch UI texts are every string of translations/nl.yml and
every text of the questions in vragen.yml, each without its {placeholders}, when French says it differently. The
French build may show none of them: not in the static pages (fiches, lists per loket, doelgroep, thema…, the
wizard and the words its script gets), and not in the wizard as Chromium shows it while a citizen answers. The
Dutch build, walked the same way, must show them: so the search for Dutch finds what it looks for.

The fiches' own texts (titles, explanations, category names) are the town's content, not UI: they stay Dutch here.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from browser import TODAY, build_site, new_tab, serve, shown_text
from catalogus.base.translations import load
from catalogus.rules.questions import Question, localized, questions
from factories import REPO, fiche, loket, make_project

NL = yaml.safe_load((REPO / "translations" / "nl.yml").read_text(encoding="utf-8"))
FR = yaml.safe_load((REPO / "translations" / "fr.yml").read_text(encoding="utf-8"))
WIZARD = "waar-heb-ik-recht-op/"
CLOCK = dt.datetime(2026, 11, 26, 10, 0)
MONEY = "EUR"
MIN_LENGTH = 4  # shorter texts ("ja", "nee", "of") are looked for by what they are, below

RULES_INCOME = {
    "ongeveer": True,
    "jaar": 2026,
    "bron": {"titel": "Reglement van de testgemeente"},
    "grenzen": {
        "inkomen": {
            "omschrijving": "Inkomensgrens van de testgemeente",
            "per_persoon_vraag": "personen_ten_laste",
            "waarden": [
                {"vanaf": dt.date(2025, 1, 1), "bedrag": 20000, "per_persoon": 2500},
                {"vanaf": dt.date(2026, 1, 1), "bedrag": 21000, "per_persoon": 2600},
            ],
        }
    },
    "categorieen": [
        {
            "id": "a",
            "naam": "Groep een",
            "toekenning": "automatisch",
            "voorwaarde": {"vraag": "verhoogde_tegemoetkoming", "is": True, "uitleg": "Voorkeurtarief bij het ziekenfonds."},
        },
        {
            "id": "b",
            "naam": "Groep twee",
            "toekenning": "uitnodiging",
            "geldig_vanaf": dt.date(2026, 1, 1),
            "geldig_tot": dt.date(2030, 12, 31),
            "voorwaarde": {
                "alle": [
                    {"vraag": "bruto_belastbaar_gezinsinkomen", "hoogstens": "inkomen", "uitleg": "Een klein gezinsinkomen."},
                    {"vraag": "kadastraal_inkomen", "kleiner_dan": 750, "uitleg": "Een klein eigendom."},
                    {
                        "een_van": [
                            {"vraag": "woonsituatie", "is": "alleenstaand", "uitleg": "Alleen wonen."},
                            {"vraag": "verwarming", "is_een_van": ["huisbrandolie", "bulkpropaan"], "uitleg": "Stookolie."},
                        ]
                    },
                    {"niet": {"vraag": "schuldbemiddeling", "is": True, "uitleg": "Geen lopende schuldregeling."}},
                ]
            },
        },
    ],
}

RULES_SUPPORT = {
    "ongeveer": False,
    "jaar": 2026,
    "bron": {"titel": "Besluit van de testgemeente", "url": "https://www.vlaanderen.be/testgemeente/besluit"},
    "categorieen": [
        {
            "id": "volwassen",
            "naam": "Volwassen huurder",
            "toekenning": "aanvraag",
            "voorwaarde": {
                "alle": [
                    {"vraag": "leeftijd", "minstens": 18, "uitleg": "Meerderjarig."},
                    {"vraag": "netto_maandinkomen", "kleiner_dan": 1314.5, "uitleg": "Een klein maandbudget."},
                    {"vraag": "private_huur", "is": False, "uitleg": "Geen private huurder."},
                ]
            },
        },
        {
            "id": "groot-gezin",
            "naam": "Groot gezin",
            "toekenning": "aanvraag",
            "dienst_kijkt_ook_naar": "uw spaargeld",
            "voorwaarde": {"vraag": "aantal_kinderen", "groter_dan": 2, "uitleg": "Drie kinderen of meer."},
        },
    ],
}

PRODUCTS = [
    fiche(rechten=RULES_INCOME, levensgebeurtenissen=["verhuizen"]),
    fiche(
        id="woonsteun",
        titel="Woonsteun",
        samenvatting="Een tegemoetkoming van de testgemeente voor wie weinig verdient.",
        doelgroepen=["laag-inkomen", "gezinnen-met-kinderen"],
        themas=["inkomen-en-financiele-hulp"],
        sleutelwoorden=["steun"],
        rechten=RULES_SUPPORT,
    ),
    fiche(
        id="poetsdienst",
        titel="Poetsdienst",
        samenvatting="Een poetshulp van het OCMW komt bij u thuis poetsen als u dat zelf niet meer kunt.",
        producttype="AdviesBegeleiding",
        doelgroepen=["senioren"],
        themas=["zorg-thuis"],
        sleutelwoorden=["poetshulp"],
    ),
]


def texts(data: object) -> Iterator[str]:
    if isinstance(data, dict):
        for value in data.values():
            yield from texts(value)
    elif isinstance(data, list):
        for value in data:
            yield from texts(value)
    elif isinstance(data, str):
        yield data


def question_texts(question: Question) -> list[str]:
    units = [question.eenheid, question.eenheid.removeprefix(MONEY).strip()] if question.eenheid else []
    return [question.label, question.kort, *([question.hulp] if question.hulp else []), *units, *question.keuzes.values()]


def project_content(root: Path) -> str:
    """The town's own texts (fiches, loketten, settings, vocabularies): Dutch here, and not UI. The values only:
    a YAML key ('ongeveer: true') or a comment is never shown."""
    found = []
    for path in sorted(root.rglob("*")):
        if path.suffix == ".yml":
            found += texts(yaml.safe_load(path.read_text(encoding="utf-8")))
        elif path.suffix == ".md":
            text = path.read_text(encoding="utf-8")
            _, front, body = text.split("---\n", 2) if text.startswith("---\n") else ("", "", text)
            found += [*texts(yaml.safe_load(front)), body]
    return "\n".join(found)


def dutch_phrases(content: str) -> set[str]:
    """Each Dutch UI text, split at its {placeholders}, that French says otherwise and the content does not hold."""
    dutch = parts([*texts(NL), *(text for q in questions().values() for text in question_texts(q))])
    french = parts([*texts(FR)])  # as written, section 'vragen' too: a missing French text stays a Dutch one
    return {p for p in dutch - french if len(p) >= MIN_LENGTH and not found(p, content)}


def parts(strings: list[str]) -> set[str]:
    """The fixed parts of texts, without their {placeholders}: what a page shows of them word for word."""
    return {p.strip(" :;.\u00a0").casefold() for text in strings for p in re.split(r"\{[a-z_]+\}", text)}


def found(phrase: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE) is not None


def shown_dutch(text: str, phrases: set[str]) -> list[str]:
    return sorted(p for p in phrases if found(p, text))


def wizard_words(html: str) -> str:
    """The words the wizard's script gets from its page: questions and UI texts (not the fiches' own rules)."""
    match = re.search(r'<script type="application/json" id="rechten-data">(.*?)</script>', html, re.S)
    assert match, "the wizard page has its data block"
    data = json.loads(match.group(1))
    shown = [*texts(data["teksten"])]
    for question in data["vragen"].values():
        shown += [question["label"], question["hulp"] or "", question["eenheid"] or ""]
        shown += [choice["label"] for choice in question["keuzes"]]  # the values ('aardgas') are ids
    return re.sub(r"\{[a-z_]+\}", " ", "\n".join(shown))  # placeholders are filled in, never shown


@pytest.fixture(scope="module")
def projects(tmp_path_factory) -> dict[str, Path]:
    roots = {}
    for language in ("nl", "fr"):
        root = make_project(tmp_path_factory.mktemp(language), PRODUCTS, [loket()])
        path = next(root.rglob("catalogus.yml"))  # the town's settings, wherever the project keeps them
        settings = yaml.safe_load(path.read_text(encoding="utf-8"))
        settings["taal"] = language
        path.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
        roots[language] = root
    return roots


@pytest.fixture(scope="module")
def sites(projects) -> dict[str, Path]:
    built = {}
    for language, root in projects.items():
        target = root.parent / f"site-{language}"
        result = build_site(root, target, TODAY)
        assert result.returncode == 0, result.stdout + result.stderr
        built[language] = target
    return built


@pytest.fixture(scope="module")
def phrases(projects) -> set[str]:
    return dutch_phrases(project_content(projects["fr"]))


# -- the texts ---------------------------------------------------------------------------------------------------


def test_every_question_choice_and_unit_has_its_french_text():
    french = FR.get("vragen") or {}
    assert "vragen" not in NL, "the Dutch question texts live in vragen.yml only"
    missing = []
    for key, question in questions().items():
        text = french.get(key) or {}
        needed = {"label", "kort"} | {name for name in ("hulp", "eenheid") if getattr(question, name)}
        missing += [f"{key}.{name}" for name in sorted(needed) if not str(text.get(name) or "").strip()]
        missing += [f"{key}.{name}" for name in sorted(set(text) - needed - {"keuzes"})]  # a field Dutch lacks
        choices = text.get("keuzes") or {}
        missing += [f"{key}.keuzes.{value}" for value in question.keuzes if not str(choices.get(value) or "").strip()]
        missing += [f"{key}.keuzes.{value} (geen keuze)" for value in sorted(set(choices) - set(question.keuzes))]
        if question.eenheid and (question.eenheid.startswith(MONEY) != str(text.get("eenheid", "")).startswith(MONEY)):
            missing.append(f"{key}.eenheid: een bedrag begint met {MONEY}, in beide talen")
    missing += [f"{key} (geen vraag)" for key in sorted(set(french) - set(questions()))]
    assert missing == [], "translations/fr.yml, vragen: ontbreekt of klopt niet"
    french_questions = localized(load(REPO, "fr"))
    changed = [key for key, q in questions().items() if french_questions[key].label != q.label]
    assert len(changed) == len(questions())


def test_a_french_help_text_names_the_same_figures_and_places_as_the_dutch_one():
    """Where to find a figure ('ook in MyMinfin', 'vul 0 in', '131/131') must not get lost when Dutch changes."""
    french = localized(load(REPO, "fr"))
    names = re.compile(r"\d+(?:/\d+)?|\b[A-Z][a-z]+[A-Z]\w*")  # numbers, and names such as MyMinfin
    differ = {
        key: (names.findall(q.hulp), names.findall(french[key].hulp or ""))
        for key, q in questions().items()
        if q.hulp and sorted(names.findall(q.hulp)) != sorted(names.findall(french[key].hulp or ""))
    }
    assert differ == {}


def test_a_question_or_choice_that_does_not_exist_is_an_error():
    with pytest.raises(ValueError, match="'leeftijdd' staat niet in vragen.yml"):
        localized({"vragen": {"leeftijdd": {"label": "Âge ?"}}})
    with pytest.raises(ValueError, match="'hout' is geen keuze"):
        localized({"vragen": {"verwarming": {"keuzes": {"hout": "Bois"}}}})
    with pytest.raises(ValueError, match="geen 'eenheid'"):
        localized({"vragen": {"leefloon": {"eenheid": "euros"}}})
    assert localized({})["leeftijd"].label == questions()["leeftijd"].label  # no section: Dutch, as every string


def test_the_search_for_dutch_looks_for_the_rules_and_wizard_words(phrases):
    expected = {
        "aan minstens één van deze voorwaarden voldoen", "uw woonsituatie", "ik woon alleen", "per maand",
        "per jaar", "is lager dan", "ongeveer", "weet ik niet, sla over", "dat hangt af van nog", "vragen",
        "volgende vraag", "hoe oud bent u?", "huisbrandolie (mazout)", "punten", "wijzig",
    }
    assert expected - phrases == set()


# -- the static pages --------------------------------------------------------------------------------------------


def pages(site: Path) -> list[Path]:
    # The staff form (/redactie/) is Dutch on purpose: editors' tools are not translated.
    return [path for path in sorted(site.rglob("*.html")) if "redactie" not in path.relative_to(site).parts]


def test_the_french_build_shows_no_dutch_ui_text(sites, phrases):
    site = sites["fr"]
    checked = {path.relative_to(site).parts[0] for path in pages(site)}
    assert {"products", "loketten", "doelgroepen", "themas", "levensgebeurtenissen", "a-z", "waar-heb-ik-recht-op"} <= checked
    for path in pages(site):
        html = path.read_text(encoding="utf-8")
        assert shown_dutch(shown_text(html), phrases) == [], path.relative_to(site)
    wizard = (site / WIZARD / "index.html").read_text(encoding="utf-8")
    assert shown_dutch(wizard_words(wizard), phrases) == [], "the wizard's data block"


def test_the_french_fiche_says_its_rules_in_french(sites):
    page = shown_text((sites["fr"] / "products" / "huurpremie" / "index.html").read_text(encoding="utf-8"))
    for text in (
        "Une personne de votre ménage a droit à l'intervention majorée.",
        "Remplir toutes ces conditions :",
        "Remplir au moins une de ces conditions :",
        "Le revenu brut imposable de votre ménage ne dépasse pas environ 21\u202f000\u00a0€ par an plus 2\u202f600\u00a0€ "
        "× le nombre de personnes à charge (à partir du 1er janvier 2026)\u00a0; environ 20\u202f000\u00a0€ par an",
        "Le revenu cadastral (RC) de votre bien est inférieur à 750\u00a0€ par an.",
        "Votre situation de logement\u00a0: J'habite seul(e).",
        "Le combustible de votre chauffage\u00a0: Gasoil de chauffage (mazout) ou Gaz propane en vrac (une citerne).",
        "Ce qui suit n'est pas le cas :",
        "Vous êtes en médiation de dettes ou en règlement collectif de dettes.",
        "Valable à partir du 1er janvier 2026 jusqu'au 31 décembre 2030.",
    ):
        assert text in page
    support = shown_text((sites["fr"] / "products" / "woonsteun" / "index.html").read_text(encoding="utf-8"))
    for text in (
        "Votre âge est d'au moins 18 ans.",
        "Votre propre revenu net est inférieur à 1\u202f314,50\u00a0€ par mois.",
        "Ce n'est pas le cas\u00a0: vous louez un logement sur le marché locatif privé.",
        "Le nombre d'enfants de votre famille est supérieur à 2 enfants.",
        "Le service examine aussi uw spaargeld.",  # what it looks at is the town's content, Dutch here
    ):
        assert text in support


def test_the_dutch_build_shows_what_the_french_one_must_not(sites, phrases):
    site = sites["nl"]
    fiche_page = shown_text((site / "products" / "huurpremie" / "index.html").read_text(encoding="utf-8"))
    assert {"aan al deze voorwaarden voldoen", "uw woonsituatie", "ik woon alleen", "per jaar", "ongeveer"} <= set(
        shown_dutch(fiche_page, phrases)
    )
    assert "Uw woonsituatie: Ik woon alleen." in fiche_page
    wizard = (site / WIZARD / "index.html").read_text(encoding="utf-8")
    assert {"hoe oud bent u?", "weet ik niet, sla over", "volgende vraag"} <= set(shown_dutch(wizard_words(wizard), phrases))


# -- the wizard in Chromium --------------------------------------------------------------------------------------


def walk(page, strings: dict, answers: int = 4) -> list[str]:
    """Answer the first `answers` questions asked (one number first left empty, to see its error), skip the rest,
    then ask the skipped ones again; what the page shows after every step."""
    wizard = strings["wizard"]
    seen, answered, errored = [], 0, False

    def look() -> None:
        page.evaluate("() => new Promise(requestAnimationFrame)")
        seen.append(shown_text(page.content()))

    look()
    for _ in range(80):
        fieldset = page.locator("#rechten-vraag fieldset")
        if not fieldset.count():
            break
        key = fieldset.get_attribute("data-vraag")
        question = questions()[key]
        if fieldset.get_attribute("data-groep"):  # the statuses as checkboxes, always answered: none of these
            page.locator("#rechten-vraag input[name='groep']").last.check()
            page.get_by_role("button", name=wizard["volgende"]).click()
            look()
            continue
        if answered >= answers:
            page.get_by_role("button", name=wizard["overslaan"]).click()
            look()
            continue
        if question.soort == "getal":
            if not errored:
                page.get_by_role("button", name=wizard["volgende"]).click()
                page.locator(f"#vraag-{key}-fout").wait_for(state="visible")
                look()
                errored = True
            page.locator(f"#rechten-vraag input[name='{key}']").fill("2" if question.geheel else "1500")
        elif question.soort == "ja_nee":
            page.locator(f"#rechten-vraag input[name='{key}'][value='false']").check()
        else:
            page.locator(f"#rechten-vraag input[name='{key}']").first.check()
        page.get_by_role("button", name=wizard["volgende"]).click()
        answered += 1
        look()
    assert answered == answers and errored
    page.get_by_role("button", name=wizard["opnieuw"]).click()
    look()
    return seen


@pytest.mark.browser
@pytest.mark.parametrize("language", ["nl", "fr"])
def test_the_wizard_speaks_the_site_language_while_answering(chromium, sites, phrases, language):
    strings = load(REPO, language)
    server, url = serve(sites[language])
    try:
        with new_tab(chromium, url) as page:
            page.clock.set_fixed_time(CLOCK)
            page.goto(WIZARD)
            page.wait_for_selector("#rechten-vraag fieldset")
            seen = walk(page, strings)
            answers = page.locator("#rechten-antwoordenlijst dd").all_inner_texts()
            outcomes = page.locator(".catalogus-resultaat__uitkomst").all_inner_texts()
    finally:
        server.shutdown()
        server.server_close()
    wizard = strings["wizard"]
    everything = "\n".join(seen)
    dutch = sorted({p for text in seen for p in shown_dutch(text, phrases)})
    if language == "fr":
        assert dutch == []
        assert "Indiquez un nombre" in everything and "Question 1" in everything and "fois peut-être" in everything
        assert "Cela dépend encore" in everything and "Vous avez passé" in everything
    else:
        assert {"weet ik niet, sla over", "volgende vraag", "dat hangt af van nog", "wijzig", "uw antwoorden"} <= set(dutch)
    # The short words, by what they are: yes and no in the answers, the outcomes of the products.
    assert any(text.startswith(f"{wizard['nee']} ") for text in answers), answers
    assert set(outcomes) <= set(wizard["uitkomst"].values()) and outcomes
