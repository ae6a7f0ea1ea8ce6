"""The glossary: whole-word matching, abbreviations only in capitals, each form once."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from catalogus.model.glossary import Glossary

GLOSSARY = Glossary.model_validate(
    {
        "woorden": [
            {"term": "kadastraal inkomen", "ook": ["KI"], "uitleg": "Een bedrag voor elk huis dat u bezit."},
            {"term": "retributie", "uitleg": "Wat u betaalt voor een dienst die u vraagt."},
        ]
    }
)


def test_terms_are_found_in_the_order_they_appear_with_the_form_as_written():
    used = GLOSSARY.used_in(["U betaalt een Retributie.", "Uw KI is laag."])
    assert [(written, entry.term) for written, entry in used] == [
        ("Retributie", "retributie"),
        ("KI", "kadastraal inkomen"),
    ]


@pytest.mark.parametrize("text", ["ki-ploeg", "kip", "Ki is een woord", "retributies"])
def test_only_whole_words_and_abbreviations_in_capitals(text):
    assert GLOSSARY.used_in([text]) == []


def test_a_form_may_have_only_one_explanation():
    with pytest.raises(ValidationError, match="'KI' staat er twee keer"):
        Glossary.model_validate(
            {
                "woorden": [
                    {"term": "kadastraal inkomen", "ook": ["KI"], "uitleg": "Een bedrag voor elk huis."},
                    {"term": "KI", "uitleg": "Nog eens hetzelfde woord uitgelegd."},
                ]
            }
        )
