"""The `rechten` block through the real checker: valid rules pass, every mistake is one Dutch finding at its line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from catalogus.check.pipeline import check
from catalogus.rules.compiled import compile_rule
from catalogus.rules.questions import questions
from factories import fiche, line_of, make_project

TODAY = dt.date(2026, 11, 26)


def rules(**overrides):
    data = {
        "ongeveer": True,
        "jaar": 2006,
        "bron": {"titel": "Reglement", "url": "https://www.example.org/reglement"},
        "grenzen": {
            "inkomen": {
                "omschrijving": "Inkomensgrens",
                "per_persoon_vraag": "personen_ten_laste",
                "waarden": [
                    {"vanaf": dt.date(2026, 1, 1), "bedrag": 13000, "per_persoon": 2500.5},
                    {"vanaf": dt.date(2027, 1, 1), "bedrag": 13500, "per_persoon": 2600},
                ],
            }
        },
        "categorieen": [
            {"id": "a", "naam": "Categorie A", "toekenning": "automatisch",
             "voorwaarde": {"vraag": "verhoogde_tegemoetkoming", "is": True, "uitleg": "U hebt de verhoogde tegemoetkoming."}},
            {"id": "b", "naam": "Categorie B", "toekenning": "uitnodiging", "geldig_vanaf": dt.date(2026, 1, 1),
             "voorwaarde": {"alle": [
                 {"vraag": "netto_belastbaar_gezinsinkomen", "kleiner_dan": "inkomen", "uitleg": "Laag inkomen."},
                 {"niet": {"vraag": "verwarming", "is_een_van": ["aardgas"], "uitleg": "Geen aardgas."}},
             ]}},
        ],
    }
    data.update(overrides)
    return data


def errors_of(tmp_path: Path, rechten):
    root = make_project(tmp_path, [fiche(rechten=rechten)])
    result = check(root, TODAY)
    return result.errors, root / "content" / "products" / "huurpremie.md", result


def test_a_valid_rule_passes_and_compiles_to_hundredths(tmp_path):
    errors, _, result = errors_of(tmp_path, rules())
    assert errors == []
    compiled = compile_rule("huurpremie", result.catalogue.product("huurpremie").record.rechten)
    limit = compiled["grenzen"]["inkomen"]
    assert limit == {
        "per": "personen_ten_laste",
        "waarden": [
            {"vanaf": "2026-01-01", "bedrag": 1300000, "per_persoon": 250050},
            {"vanaf": "2027-01-01", "bedrag": 1350000, "per_persoon": 260000},
        ],
    }
    assert compiled["categorieen"][1]["voorwaarde"]["alle"][1]["niet"]["pad"] == "b.1.0"


BAD = [
    ("an unknown question", {"vraag": "verhoogde_tegemoetkomin", "is": True, "uitleg": "Uitleg hier."},
     "bedoelt u 'verhoogde_tegemoetkoming'?", "verhoogde_tegemoetkomin"),
    ("a number compared with yes/no", {"vraag": "kadastraal_inkomen", "is": True, "uitleg": "Uitleg hier."},
     "een getal vergelijkt u met", " is: true"),
    ("text for a yes/no question", {"vraag": "leefloon", "is": "ja", "uitleg": "Uitleg hier."},
     "is: true", "is: ja"),
    ("a choice that does not exist", {"vraag": "verwarming", "is": "steenkool", "uitleg": "Uitleg hier."},
     "'steenkool' is geen keuze", "is: steenkool"),
    ("a leaf without explanation", {"vraag": "leefloon", "is": True}, "korte uitleg", "voorwaarde:"),
    ("two comparisons", {"vraag": "leeftijd", "minstens": 18, "kleiner_dan": 65, "uitleg": "Uitleg hier."},
     "precies één vergelijking", "voorwaarde:"),
    ("three decimals", {"vraag": "leeftijd", "minstens": 18.125, "uitleg": "Uitleg hier."},
     "meer dan 2 cijfers", "minstens: 18.125"),
    ("an empty group", {"alle": []}, "geef minstens één voorwaarde", "alle: []"),
]


@pytest.mark.parametrize("case", BAD, ids=[c[0] for c in BAD])
def test_a_wrong_condition_is_one_finding_at_its_line(tmp_path, case):
    _, condition, message, fragment = case
    broken = rules()
    broken["categorieen"][0]["voorwaarde"] = condition
    errors, path, _ = errors_of(tmp_path, broken)
    assert len(errors) == 1, errors
    assert message in errors[0].message
    assert errors[0].line == line_of(path, fragment)


def test_a_grens_that_is_not_defined_is_named(tmp_path):
    broken = rules()
    broken["categorieen"][1]["voorwaarde"]["alle"][0]["kleiner_dan"] = "inkomen_b"
    errors, _, _ = errors_of(tmp_path, broken)
    assert any("de grens 'inkomen_b'" in e.message for e in errors), errors


def test_per_person_amounts_need_a_count_question(tmp_path):
    broken = rules()
    broken["grenzen"]["inkomen"]["per_persoon_vraag"] = "leefloon"
    errors, _, _ = errors_of(tmp_path, broken)
    assert [(e.field, e.message) for e in errors] == [
        (
            "rechten.grenzen.inkomen.per_persoon_vraag",
            "'leefloon' is geen vraag naar een aantal; kies een vraag met 'geheel: true' uit vragen.yml, bv. personen_ten_laste",
        )
    ]


def test_dated_values_must_be_in_order(tmp_path):
    broken = rules()
    broken["grenzen"]["inkomen"]["waarden"].reverse()
    errors, _, _ = errors_of(tmp_path, broken)
    assert len(errors) == 1 and "volgorde van 'vanaf'" in errors[0].message


def test_every_question_is_complete():
    for key, question in questions().items():
        assert question.label.endswith("?"), key
        assert question.kort and question.kort[0].islower(), key
