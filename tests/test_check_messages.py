"""Suggestions an editor can trust: from ids, labels and synonyms, never a look-alike opposite."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from catalogus.base.slug import slug
from catalogus.check.messages import suggest_reference, suggest_term
from catalogus.model.vocabulary import Term, Vocabularies

REPO = Path(__file__).resolve().parents[1]
VOCAB = Vocabularies.model_validate(yaml.safe_load((REPO / "vocabularies.yml").read_text(encoding="utf-8")))
DOELGROEPEN = VOCAB.terms("doelgroepen")


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("ouderen", "senioren"),
        ("65-plussers", "senioren"),
        ("Senioren", "senioren"),
        ("seniors", "senioren"),
        ("Mensen met een laag inkomen", "laag-inkomen"),
        ("personen met een beperking", "personen-met-een-handicap"),
        ("jongere", "jongeren"),
    ],
)
def test_suggestion_from_id_label_or_synonym(typed, meant):
    assert suggest_term(typed, DOELGROEPEN) == f"bedoelde u '{meant}' ({DOELGROEPEN[meant].label})?"


def test_an_opposite_is_never_suggested_even_without_synonyms():
    bare = {key: Term(label=term.label, ipdc=term.ipdc) for key, term in DOELGROEPEN.items()}
    message = suggest_term("ouderen", bare)
    assert "bedoelde" not in message and message.startswith("kies uit: senioren (Senioren), ")


def test_word_processor_characters_are_named():
    assert "een onzichtbaar teken" in suggest_term("senioren\u200b", DOELGROEPEN)


def test_loket_by_name_or_typo():
    loketten = {"onthaal-ocmw": "Onthaal OCMW", "woonloket": "Woonloket"}
    assert suggest_reference("Onthaal OCMW", loketten) == "bedoelde u 'onthaal-ocmw' (Onthaal OCMW)?"
    assert suggest_reference("onthaal-ocwm", loketten) == "bedoelde u 'onthaal-ocmw' (Onthaal OCMW)?"
    assert suggest_reference("burgerzaken", loketten) is None


def test_slug():
    assert slug(" Financiële  hulp!") == "financiele-hulp"
