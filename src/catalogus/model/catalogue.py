"""Enrich: the validated catalogue, with the indexes and relations every renderer and exporter needs.

Built once per run from validated records and never re-read from disk; renderers only read it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from catalogus.base.slug import sort_key
from catalogus.model import Fiche, Loket
from catalogus.model.config import Paginas, TownConfig
from catalogus.model.facts import InForce
from catalogus.model.glossary import EMPTY, Glossary
from catalogus.model.vocabulary import Vocabularies
from catalogus.rules.model import Rechten

BROWSE_FIELDS = ("doelgroepen", "themas", "levensgebeurtenissen")

Record = TypeVar("Record", Fiche, Loket)


@dataclass(frozen=True)
class Entry(Generic[Record]):
    """A validated content file: the record (a fiche or a loket), its Markdown body and where it came from."""

    record: Record
    body: str
    path: str
    local: str | None = None  # the town's local file merged into a fiche (its instance of a shared fiche), if any
    facts: tuple[str, ...] = ()  # the register's facts the fiche uses (feiten.yml), for "where the numbers come from"
    local_fields: tuple[str, ...] = ()  # the fiche fields the town's local file set (its own cost, provider…)

    @property
    def id(self) -> str:
        return self.record.id


@dataclass(frozen=True)
class Catalogue:
    config: TownConfig
    vocabularies: Vocabularies
    products: tuple[Entry[Fiche], ...]
    loketten: tuple[Entry[Loket], ...]
    by_id: dict[str, Entry[Fiche]]
    by_loket: dict[str, tuple[str, ...]]
    by_term: dict[str, dict[str, tuple[str, ...]]]
    related: dict[str, tuple[str, ...]]
    pages: Paginas | None = None  # paginas.yml: accessibility and privacy statements
    glossary: Glossary = EMPTY
    content_path: str = "content"  # the town's content folder, relative to the repository (its own fiches, local files)
    needs_review: frozenset[str] = frozenset()  # shared fiches that changed since the version the town reviewed
    facts: dict[str, InForce] = field(default_factory=dict)  # the register on the build's date (feiten.yml)

    def product(self, product_id: str) -> Entry[Fiche]:
        return self.by_id[product_id]

    def loket(self, loket_id: str) -> Entry[Loket]:
        return next(entry for entry in self.loketten if entry.id == loket_id)

    def listed(self, ids: tuple[str, ...]) -> list[Entry[Fiche]]:
        return [self.by_id[i] for i in ids]

    def with_rules(self) -> list[tuple[Entry[Fiche], Rechten]]:
        """The fiches with eligibility rules ('rechten'), in catalogue order, each with its rules: what the wizard
        and the outreach batch evaluate."""
        return [(entry, entry.record.rechten) for entry in self.products if entry.record.rechten is not None]


def build_catalogue(
    config: TownConfig,
    vocabularies: Vocabularies,
    products: list[Entry[Fiche]],
    loketten: list[Entry[Loket]],
    pages: Paginas | None = None,
    glossary: Glossary = EMPTY,
    content_path: str = "content",
    needs_review: frozenset[str] = frozenset(),
    facts: Mapping[str, InForce] | None = None,
) -> Catalogue:
    ordered = tuple(sorted(products, key=lambda e: (sort_key(e.record.titel), e.id)))
    by_loket: dict[str, list[str]] = defaultdict(list)
    by_term: dict[str, dict[str, list[str]]] = {name: defaultdict(list) for name in BROWSE_FIELDS}
    related: dict[str, list[str]] = {entry.id: [] for entry in ordered}
    for entry in ordered:
        fiche = entry.record
        for loket_id in dict.fromkeys([fiche.loket, *fiche.andere_loketten]):
            if loket_id:
                by_loket[loket_id].append(entry.id)
        for name in BROWSE_FIELDS:
            for key in getattr(fiche, name):
                by_term[name][key].append(entry.id)
        for other in fiche.verwante_producten:
            related[entry.id].append(other)
            related[other].append(entry.id)
    rank = {entry.id: index for index, entry in enumerate(ordered)}
    return Catalogue(
        config=config,
        vocabularies=vocabularies,
        products=ordered,
        loketten=tuple(sorted(loketten, key=lambda e: sort_key(e.record.naam))),
        by_id={entry.id: entry for entry in ordered},
        by_loket={key: tuple(ids) for key, ids in by_loket.items()},
        by_term={name: {key: tuple(ids) for key, ids in terms.items()} for name, terms in by_term.items()},
        related={key: tuple(sorted(set(ids) - {key}, key=rank.__getitem__)) for key, ids in related.items()},
        pages=pages,
        glossary=glossary,
        content_path=content_path,
        needs_review=needs_review,
        facts=dict(facts or {}),
    )
