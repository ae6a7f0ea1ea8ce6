"""The query-side search language (`zoekwoorden.yml`): words dropped from a question and everyday phrases read as
the words the fiches use. Checked like every settings file, bounded, because the site ships it to every visitor."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

WORDS_FILE = "zoekwoorden.yml"

# One word as the search engine reads it: no spaces and none of lunr's query signs.
Word = Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True, pattern=r"^[^\s*:^~+\-\"]{1,40}$")]
Phrase = Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True, pattern=r"^[^*:^~+\-\"]{1,60}$")]


class SearchWords(BaseModel):
    """zoekwoorden.yml: bounded, so a typo cannot ship a huge or odd list to every visitor."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    vraagwoorden: list[Word] = Field(
        default_factory=list, max_length=500,
        description="Vraag- en vulwoorden die uit een zoekvraag wegvallen; één woord per item.",
    )
    uitdrukkingen: dict[Phrase, Annotated[list[Word], Field(min_length=1, max_length=20)]] = Field(
        default_factory=dict, max_length=500,
        description="Een uitdrukking zoals mensen ze typen, en de losse woorden waarmee de fiches erover schrijven.",
    )
