"""The controlled vocabularies (`vocabularies.yml`), defined once; model, checker, site and exports read them."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

VOCABULARY_FILE = "vocabularies.yml"

# Fiche field -> vocabulary that holds its allowed values.
FIELD_VOCABULARY = {
    "doelgroepen": "doelgroepen",
    "themas": "themas",
    "levensgebeurtenissen": "levensgebeurtenissen",
    "producttype": "producttypes",
    "dienstverleningsniveau": "dienstverleningsniveaus",
}


class Term(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    label: str = Field(min_length=1)
    ipdc: str | None = None
    uitleg: str | None = None


class Step(BaseModel):
    """One step of a life event's guided path: what to do, and the fiches that help with it."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    titel: str = Field(min_length=1, max_length=120)
    uitleg: str | None = Field(None, max_length=600)
    fiches: list[str] = Field(default_factory=list, max_length=30)


class LifeEvent(Term):
    """A levensgebeurtenis; with `stappen` its page is a guided path (GOV.UK step by step), not a list."""

    ingang: str | None = Field(None, max_length=60)  # how a person says it, for the home page: "Ik verhuis"
    intro: str | None = Field(None, max_length=600)
    stappen: list[Step] = Field(default_factory=list, max_length=20)


class Vocabularies(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    ipdc_themas: dict[str, str]
    ipdc_doelgroepen: dict[str, str]
    producttypes: dict[str, Term]
    doelgroepen: dict[str, Term]
    themas: dict[str, Term]
    levensgebeurtenissen: dict[str, LifeEvent]
    dienstverleningsniveaus: dict[str, Term]

    @model_validator(mode="after")
    def _ipdc_codes_exist(self) -> Vocabularies:
        for name, codes in (("doelgroepen", self.ipdc_doelgroepen), ("themas", self.ipdc_themas)):
            for key, term in getattr(self, name).items():
                if term.ipdc not in codes:
                    raise ValueError(f"{name}.{key}: ipdc-code '{term.ipdc}' staat niet in ipdc_{name}")
        return self

    def terms(self, field: str) -> dict[str, Term]:
        return getattr(self, FIELD_VOCABULARY[field])

    def label(self, field: str, key: str) -> str:
        return self.terms(field)[key].label
