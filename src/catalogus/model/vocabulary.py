"""The controlled vocabularies (`vocabularies.yml`), defined once; model, checker, site and exports read them."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from catalogus.base.fields import Text
from catalogus.base.plaintext import PlainText
from catalogus.base.slug import slug  # the spelling rule the checker uses to match what editors type

VOCABULARY_FILE = "vocabularies.yml"

# Fiche field -> vocabulary that holds its allowed values.
FIELD_VOCABULARY = {
    "doelgroepen": "doelgroepen",
    "themas": "themas",
    "levensgebeurtenissen": "levensgebeurtenissen",
    "producttype": "producttypes",
    "dienstverleningsniveau": "dienstverleningsniveaus",
}


# Keys end up in URLs, file names and HTML attributes: our own are slugs, IPDC's are its CamelCase codes.
TermKey = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=60)]
IpdcCode = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Za-z0-9]*$", max_length=60)]


def _no_duplicate_synonyms(values: list[str]) -> list[str]:
    if len({value.casefold() for value in values}) != len(values):
        raise ValueError("een synoniem staat er twee keer; houd er één over")
    return values


class Term(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    label: PlainText = Field(description="Wat de burger leest: gewone tekst, zonder opmaak.")
    ipdc: str | None = None
    uitleg: Text | None = Field(None, description="Korte uitleg in Markdown, nagekeken zoals de tekst van een fiche.")
    synoniemen: Annotated[list[PlainText], AfterValidator(_no_duplicate_synonyms)] = Field(
        default_factory=list,
        description="Andere woorden die redacteurs gebruiken (ouderen, 65-plussers); de checker stelt dan deze waarde voor.",
    )


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
    ipdc_themas: dict[IpdcCode, PlainText]
    ipdc_doelgroepen: dict[IpdcCode, PlainText]
    producttypes: dict[IpdcCode, Term]
    doelgroepen: dict[TermKey, Term]
    themas: dict[TermKey, Term]
    levensgebeurtenissen: dict[TermKey, LifeEvent]
    dienstverleningsniveaus: dict[TermKey, Term]

    @model_validator(mode="after")
    def _ipdc_codes_exist(self) -> Vocabularies:
        for name, codes in (("doelgroepen", self.ipdc_doelgroepen), ("themas", self.ipdc_themas)):
            for key, term in getattr(self, name).items():
                if term.ipdc not in codes:
                    raise ValueError(f"{name}.{key}: ipdc-code '{term.ipdc}' staat niet in ipdc_{name}")
        return self

    @model_validator(mode="after")
    def _synonyms_are_unambiguous(self) -> Vocabularies:
        for name in FIELD_VOCABULARY.values():
            owner: dict[str, str] = {}
            for key, term in getattr(self, name).items():
                for spelling in {slug(key), slug(term.label)}:
                    owner.setdefault(spelling, key)
            for key, term in getattr(self, name).items():
                for synonym in term.synoniemen:
                    other = owner.setdefault(slug(synonym), key)
                    if other != key:
                        raise ValueError(
                            f"{name}.{key}: het synoniem '{synonym}' hoort al bij '{other}'; houd het bij één waarde"
                        )
        return self

    def terms(self, field: str) -> dict[str, Term]:
        return getattr(self, FIELD_VOCABULARY[field])

    def label(self, field: str, key: str) -> str:
        return self.terms(field)[key].label

    def without_fiches(self, absent: set[str]) -> Vocabularies:
        """The guided paths without the fiches a town does not publish (not adopted, not offered); a step left
        with no fiche keeps its advice."""
        if not absent:
            return self
        def kept(step: Step) -> Step:
            return step.model_copy(update={"fiches": [f for f in step.fiches if f not in absent]})

        events = {k: e.model_copy(update={"stappen": [kept(s) for s in e.stappen]}) for k, e in self.levensgebeurtenissen.items()}
        return self.model_copy(update={"levensgebeurtenissen": events})
