"""The shared questions (vragen.yml): id, Dutch label, help text and type, defined once for every rule and page.

vragen.yml holds the Dutch texts; another language has them in its translations/<taal>.yml, section `vragen`,
keyed by question id (label, hulp, kort, eenheid and keuzes by value). `localized` puts those over the Dutch ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, StringConstraints, model_validator

QUESTIONS_FILE = Path(__file__).with_name("vragen.yml")
QuestionId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{1,59}$")]
Kind = Literal["ja_nee", "getal", "keuze", "datum"]
Topic = Literal["gezin", "leeftijd", "inkomen", "uitkeringen", "wonen", "handicap", "zorg"]


class Question(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    label: str
    kort: str
    soort: Kind
    hulp: str | None = None
    eenheid: str | None = None
    geheel: bool = False
    keuzes: dict[str, str] = {}
    onderwerp: Topic | None = None  # the wizard asks topic by topic, in file order (wizard.onderwerpen)
    groep: Literal["uitkeringen"] | None = None  # yes/no questions the wizard shows together as checkboxes
    dan: dict[str, dict[str, bool | int]] = {}  # a gate: per answer, the answers that follow from it

    @model_validator(mode="after")
    def _complete(self) -> Question:
        if (self.soort == "getal") != (self.eenheid is not None):
            raise ValueError("een getal heeft een 'eenheid', een ander soort vraag niet")
        if (self.soort == "keuze") != bool(self.keuzes):
            raise ValueError("een keuzevraag heeft 'keuzes', een ander soort vraag niet")
        if self.geheel and self.soort != "getal":
            raise ValueError("'geheel' geldt alleen voor een getal")
        if self.groep and self.soort != "ja_nee":
            raise ValueError("'groep' geldt alleen voor een ja/nee-vraag")
        answers = ("ja", "nee") if self.soort == "ja_nee" else tuple(self.keuzes)
        wrong = sorted(set(self.dan) - set(answers))
        if wrong:
            raise ValueError(f"dan: '{wrong[0]}' is geen antwoord op deze vraag; kies uit: {', '.join(answers)}")
        return self


class Questions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    vragen: dict[QuestionId, Question]

    @model_validator(mode="after")
    def _gates(self) -> Questions:
        """What a gate fills in: existing questions, with an answer of their own kind, never another gate."""
        for key, question in self.vragen.items():
            for followed in question.dan.values():
                for target, value in followed.items():
                    other = self.vragen.get(target)
                    if other is None or other.dan or target == key:
                        raise ValueError(f"{key}.dan: '{target}' is geen gewone vraag uit dit bestand")
                    if (other.soort == "ja_nee") != isinstance(value, bool) or other.soort not in ("ja_nee", "getal"):
                        raise ValueError(f"{key}.dan.{target}: geef een antwoord van het soort van die vraag")
        return self


@cache
def questions() -> dict[str, Question]:
    """The questions in file order (the wizard's tie-break order); a broken file is a developer error."""
    data = yaml.safe_load(QUESTIONS_FILE.read_text(encoding="utf-8"))
    return dict(Questions.model_validate(data).vragen)


class QuestionText(BaseModel):
    """A question's texts in another language: every field optional, a missing one stays Dutch."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    label: str | None = None
    kort: str | None = None
    hulp: str | None = None
    eenheid: str | None = None
    keuzes: dict[str, str] = {}


def localized(strings: Mapping[str, Any]) -> dict[str, Question]:
    """The questions with the texts of the site's language (section `vragen` of its translations file).

    Like every UI string, a text the language lacks falls back to Dutch; a question or choice that does not exist
    is an error, so a typo in the translations file cannot hide behind the Dutch text.
    """
    texts = strings.get("vragen") or {}
    unknown = sorted(set(texts) - set(questions()))
    if unknown:
        raise ValueError(f"vragen: '{unknown[0]}' staat niet in vragen.yml")
    result = {}
    for key, question in questions().items():
        text = QuestionText.model_validate(texts.get(key) or {})
        wrong = sorted(set(text.keuzes) - set(question.keuzes))
        if wrong:
            raise ValueError(f"vragen.{key}.keuzes: '{wrong[0]}' is geen keuze van deze vraag in vragen.yml")
        own = text.model_dump(exclude_none=True, exclude={"keuzes"})
        extra = next((name for name in ("hulp", "eenheid") if name in own and getattr(question, name) is None), None)
        if extra:
            raise ValueError(f"vragen.{key}.{extra}: deze vraag heeft in vragen.yml geen '{extra}'")
        result[key] = question.model_copy(update={**own, "keuzes": {**question.keuzes, **text.keuzes}})
    return result
