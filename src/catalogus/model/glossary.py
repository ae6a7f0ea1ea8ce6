"""The glossary (`woordenlijst.yml`): jargon citizens meet in fiches, each with one short explanation.

Defined once for the whole catalogue; the site lists, under each fiche, the terms that fiche uses, so an
explanation is never hidden behind a hover. Matching is on whole words: an abbreviation written in capitals
(KI, GPMI) only matches in capitals, other terms in any case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

GLOSSARY_FILE = "woordenlijst.yml"

Word = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=80)]


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    term: Word = Field(description="Het woord zoals het op de pagina's staat, bv. 'kadastraal inkomen'.")
    uitleg: Annotated[str, StringConstraints(strip_whitespace=True, min_length=10, max_length=300)] = Field(
        description="Eén of twee korte zinnen in gewone taal (B1)."
    )
    ook: list[Word] = Field(default_factory=list, description="Andere vormen of de afkorting, bv. 'KI'.")

    def forms(self) -> list[str]:
        return [self.term, *self.ook]


class Glossary(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    woorden: list[Entry] = Field(default_factory=list)

    @model_validator(mode="after")
    def _each_form_once(self) -> Glossary:
        seen: dict[str, str] = {}
        for entry in self.woorden:
            for form in entry.forms():
                key = form.casefold()
                if key in seen:
                    raise ValueError(f"'{form}' staat er twee keer (ook bij '{seen[key]}'); houd één uitleg over")
                seen[key] = entry.term
        return self

    def used_in(self, texts: Iterable[str]) -> list[tuple[str, Entry]]:
        """(the form as written, entry) for each entry the texts use, in the order the terms first appear."""
        text = "\n".join(texts)
        hits = []
        for entry in self.woorden:
            found = [(m.start(), m.group()) for form in entry.forms() if (m := _pattern(form).search(text))]
            if found:
                position, written = min(found)
                hits.append((position, written, entry))
        return [(written, entry) for _, written, entry in sorted(hits, key=lambda hit: hit[0])]


def _pattern(form: str) -> re.Pattern[str]:
    flags = 0 if form.isupper() else re.IGNORECASE
    return re.compile(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", flags)


EMPTY = Glossary()
