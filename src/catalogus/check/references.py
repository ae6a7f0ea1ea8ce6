"""References between content files: ids claimed twice, lokets and fiches that do not exist, the fiches named
by the life events' steps and the home page. Each mistake is reported once, where it is: a reference to a file
that exists but has errors is not an error of the referring file; the broken file says who refers to it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from pathlib import PurePosixPath

from catalogus.base.findings import error, warning
from catalogus.check.messages import Known, suggest_reference
from catalogus.load.instances import State
from catalogus.load.sources import Source, field_name
from catalogus.model import Fiche, Loket, references
from catalogus.model.catalogue import Entry
from catalogus.model.config import TownConfig
from catalogus.model.vocabulary import VOCABULARY_FILE, Vocabularies


def record_id(source: Source) -> str:
    """The id a file claims (as the model reads it: surrounding spaces do not count), else its file name."""
    value = source.data.get("id") if source.data is not None else None
    text = value.strip() if isinstance(value, str) else ""
    return text or PurePosixPath(source.path).stem


def known_records(sources: list[Source]) -> Known:
    """Every loket and fiche on disk by id, valid or not, with its name: for suggestions and references."""
    names: dict[str, dict[str, str]] = {"product": {}, "loket": {}}
    for source in sources:
        data = source.data or {}
        name = data.get("naam" if source.kind == "loket" else "titel")
        names[source.kind].setdefault(record_id(source), name.strip() if isinstance(name, str) else "")
    return Known(loketten=names["loket"], products=names["product"])


def cross_check(sources: list[Source], products: list[Entry[Fiche]], loketten: list[Entry[Loket]], known: Known) -> None:
    """References between files: duplicate ids, unknown loketten, unknown related products.

    A reference to a file that exists but has errors is not an error of the referring file: the broken file
    says which files refer to it, so each mistake is reported once, where it is.
    """
    claims: dict[tuple[str, str], list[Source]] = defaultdict(list)
    for source in sources:
        if source.data is not None:
            claims[(source.kind, record_id(source))].append(source)
    for (_, claimed), owners in claims.items():
        if len(owners) > 1:
            others = ", ".join(s.path for s in owners)
            for source in owners:
                line, column = source.line_of(("id",))
                source.findings.append(
                    error(source.path, line, "id", f"de id '{claimed}' komt meer dan eens voor: {others}", column)
                )
    valid = {"product": {e.id for e in products}, "loket": {e.id for e in loketten}}
    by_path = {source.path: source for source in sources}
    for entry in products:
        fiche = entry.record
        source = by_path[entry.path]
        for loc, kind, value in references(fiche):
            if kind == "product" and value == fiche.id:
                _refer(source, loc, "een fiche kan niet naar zichzelf verwijzen; verwijder deze id")
            elif value not in valid[kind] and value not in known.of(kind):
                _refer(source, loc, _missing(kind, value, known))
    _note_referrers(sources, valid, by_path)


def _missing(kind: str, value: str, known: Known) -> str:
    if kind == "loket":
        hint = suggest_reference(value, known.loketten) or f"bestaande loketten: {', '.join(sorted(known.loketten))}"
        return f"het loket '{value}' bestaat niet; {hint}"
    hint = suggest_reference(value, known.products) or "controleer de schrijfwijze of maak die fiche aan"
    return f"de fiche '{value}' bestaat niet; {hint}"


def _note_referrers(sources: list[Source], valid: dict[str, set[str]], by_path: dict[str, Source]) -> None:
    """Tell a broken fiche or loket which files refer to it, since those cannot be published either."""
    broken = {
        (s.kind, record_id(s)): s for s in sources if any(f.is_error for f in s.findings) and record_id(s) not in valid[s.kind]
    }
    referrers: dict[tuple[str, str], list[str]] = defaultdict(list)
    for source in sources:
        data = source.data or {}
        if source.kind != "product":
            continue
        for _, kind, value in references(data):
            target = (kind, value.strip()) if isinstance(value, str) else None
            if target in broken and broken[target] is not source:
                referrers[target].append(record_id(source))
    for target, names in referrers.items():
        source = broken[target]
        line, column = source.line_of(("id",))
        what = "fiche" if target[0] == "product" else "loket"
        listed = ", ".join(sorted(set(names)))
        source.findings.append(
            warning(
                source.path,
                line,
                "id",
                f"naar deze {what} verwijzen ook: {listed}; zolang hier fouten staan, kunnen ook die niet gepubliceerd worden",
                column,
            )
        )


def check_paths(vocab: Vocabularies, source: Source, products: set[str]) -> None:
    """Every fiche a life event's step names must exist (the guided path would lose it silently)."""
    for key, event in vocab.levensgebeurtenissen.items():
        for step_index, step in enumerate(event.stappen):
            for index, value in enumerate(step.fiches):
                if value not in products:
                    loc = ("levensgebeurtenissen", key, "stappen", step_index, "fiches", index)
                    _refer(
                        source,
                        loc,
                        f"de fiche '{value}' in de stap '{step.titel}' bestaat niet; "
                        "controleer de schrijfwijze of maak die fiche aan",
                    )


def check_off_path(vocab: Vocabularies, products: list[Entry[Fiche]], sources: dict[str, Source]) -> None:
    """A fiche tagged with a life event that has steps, but in none of them, is missing from that event's page."""
    for entry in products:
        for index, key in enumerate(entry.record.levensgebeurtenissen):
            event = vocab.levensgebeurtenissen.get(key)
            if event is None or not event.stappen or any(entry.id in step.fiches for step in event.stappen):
                continue
            source = sources[entry.path]
            loc = ("levensgebeurtenissen", index)
            line, column = source.line_of(loc)
            message = (
                f"deze fiche hoort bij '{event.label}', maar staat in geen enkele stap daarvan, dus de pagina "
                f"'{event.label}' toont ze niet; zet '{entry.id}' bij een stap in {VOCABULARY_FILE} of haal '{key}' hier weg"
            )
            source.findings.append(warning(source.path, line, field_name(loc), message, column))


def check_home(config: TownConfig, source: Source, known: Known, withdrawn: Mapping[str, State] | None = None) -> None:
    """The home page's contact loket and most asked fiches must exist, and be published by this town."""
    loketten = sorted(known.loketten)
    if config.contact_loket and config.contact_loket not in known.loketten:
        _refer(
            source,
            ("contact_loket",),
            f"het loket '{config.contact_loket}' bestaat niet; bestaande loketten: {', '.join(loketten)}",
        )
    for index, value in enumerate(config.meest_gevraagd):
        state = (withdrawn or {}).get(value)
        if state is not None:
            message = f"de gedeelde fiche '{value}' is bij u {state.value}, dus niet op uw site; haal ze hier weg"
            _refer(source, ("meest_gevraagd", index), message)
        elif value not in known.products:
            _refer(source, ("meest_gevraagd", index), f"de fiche '{value}' bestaat niet; controleer de schrijfwijze")


def _refer(source: Source, loc: tuple, message: str) -> None:
    line, column = source.line_of(loc)
    source.findings.append(error(source.path, line, field_name(loc), message, column))
