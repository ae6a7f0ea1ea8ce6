"""The shared questions (vragen.yml): id, Dutch label, help text and type, defined once for every rule and page."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, StringConstraints, model_validator

QUESTIONS_FILE = Path(__file__).with_name("vragen.yml")
QuestionId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{1,59}$")]
Kind = Literal["ja_nee", "getal", "keuze", "datum"]


class Question(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    label: str
    kort: str
    soort: Kind
    hulp: str | None = None
    eenheid: str | None = None
    geheel: bool = False
    keuzes: dict[str, str] = {}

    @model_validator(mode="after")
    def _complete(self) -> Question:
        if (self.soort == "getal") != (self.eenheid is not None):
            raise ValueError("een getal heeft een 'eenheid', een ander soort vraag niet")
        if (self.soort == "keuze") != bool(self.keuzes):
            raise ValueError("een keuzevraag heeft 'keuzes', een ander soort vraag niet")
        if self.geheel and self.soort != "getal":
            raise ValueError("'geheel' geldt alleen voor een getal")
        return self


class Questions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    vragen: dict[QuestionId, Question]


@cache
def questions() -> dict[str, Question]:
    """The questions in file order (the wizard's tie-break order); a broken file is a developer error."""
    data = yaml.safe_load(QUESTIONS_FILE.read_text(encoding="utf-8"))
    return dict(Questions.model_validate(data).vragen)
