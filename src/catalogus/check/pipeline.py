"""The checker: load + validate + cross-check all content. CI, the build and editors run this same code."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from pydantic import BaseModel

from catalogus.load import drafts, local_layer, placeholders
from catalogus.base.bulk import without_cycle_collector
from catalogus.model.catalogue import Catalogue, Entry, build_catalogue
from catalogus.model.config import CONFIG_FILE, PAGES_FILE, Paginas, TownConfig
from catalogus.base.findings import Finding, error, warning
from catalogus.model.glossary import EMPTY, GLOSSARY_FILE, Glossary
from catalogus.check.intern import InternalText, check_internal
from catalogus.load.inventory import CONTENT_DIRS, INTERNAL_DIR, Inventory, take_inventory
from catalogus.check.messages import Known, suggest_reference
from catalogus.model import Fiche
from catalogus.check.owners import owner_findings
from catalogus.load.sources import Source, display_path, field_name, kind_of, load_settings, load_source
from catalogus.check.validate import model_findings, validate_source
from catalogus.model.vocabulary import VOCABULARY_FILE, Vocabularies


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    catalogue: Catalogue | None = None
    assets: tuple[Path, ...] = ()  # images under content/ that passed the checks; the only files to copy
    internal: dict[str, InternalText] = field(default_factory=dict)  # staff edition only: check(internal=True)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.is_error]


def check(
    root: Path, today: dt.date, paths: list[Path] | None = None, *, internal: bool = False, concept: bool = False
) -> CheckResult:
    """Check the project at `root`; with `paths`, also load those files and report only on them.

    The internal texts (content/intern/) are always checked; they are kept in the result only with
    `internal=True` (the staff edition), so the public build never holds them. `concept`: fields still marked
    'IN TE VULLEN' are warnings instead of errors (a draft site)."""
    with without_cycle_collector():
        return _check(root, today, paths, internal, concept)


def _check(root: Path, today: dt.date, paths: list[Path] | None, internal: bool = False, concept: bool = False) -> CheckResult:
    result = CheckResult()
    config, config_source = _load_settings(root, CONFIG_FILE, TownConfig, result)
    vocab, vocab_source = _load_settings(root, VOCABULARY_FILE, Vocabularies, result)
    glossary, _ = _load_settings(root, GLOSSARY_FILE, Glossary, result) if (root / GLOSSARY_FILE).is_file() else (EMPTY, None)
    if config is None or vocab is None or glossary is None:
        result.findings = sorted(drafts.settle(result.findings, concept))
        return result
    inventory = _inventory(root, config, config_source, result)
    if inventory is None:
        return result
    fixed_pages = _optional_settings(root, PAGES_FILE, Paginas, result)
    content = root / config.content_map
    files = inventory.records
    selected = None
    if paths:
        selected = {p.resolve() for f in paths for p in _expand(f)}
        # A named file under the content folder that is not a fiche gets the inventory's message, once.
        notes = set(inventory.internal)
        listed = {path for path in selected if path.suffix == ".md" and path.name != "README.md" and path not in notes}
        files = sorted(set(files) | listed | {p for p in selected - listed if not p.is_relative_to(content.resolve())})
    sources = [_load(path, root) for path in files]
    layers = local_layer.apply(root, sources, inventory.local)  # content/lokaal/<id>.yml over its fiche
    for source in sources:
        drafts.mark(source, today)  # before filling in: a local name still to fill is reported once, in catalogus.yml
        placeholders.fill(source, config)
    result.files = len(sources) + len(layers) + len(inventory.internal)
    known = _known(sources)
    entries: dict[str, list[Entry]] = {"product": [], "loket": []}
    for source in sources:
        record = _validate(source, vocab, config, today, known)
        if record is not None:
            entries[source.kind].append(Entry(record, source.body, source.path))
    _cross_check(sources, entries, known)
    texts, text_findings = check_internal(inventory.internal, root, known.products, today)
    _check_paths(vocab, vocab_source, set(known.products))
    _check_off_path(vocab, entries["product"], {source.path: source for source in sources})
    _check_home(config, config_source, known)
    for source in sources:
        local_layer.relocate(source, layers.get(source.path))
    sources += [layer.source for layer in layers.values()]
    result.findings.extend(vocab_source.findings + config_source.findings)
    result.findings.extend(owner_findings(root, config, sources))
    reported = [*inventory.findings, *(f for s in sources for f in s.findings), *text_findings]
    result.findings.extend(f for f in reported if selected is None or (root / f.path).resolve() in selected)
    result.findings = sorted(drafts.settle(result.findings, concept))
    settings_failed = any(f.is_error for f in result.findings if f.path in (CONFIG_FILE, VOCABULARY_FILE))
    if not any(f.is_error for f in drafts.settle(reported, concept)) and not settings_failed:
        result.catalogue = build_catalogue(
            config, vocab, entries["product"], entries["loket"], pages=fixed_pages, glossary=glossary
        )
        result.assets = tuple(inventory.assets)
        result.internal = texts if internal else {}
    return result


def _load_settings(root: Path, name: str, model: type[BaseModel], result: CheckResult):
    """A settings file checked like a fiche: bounded YAML, model and text rules (on the types), YAML traps, each at its line."""
    path = root / name
    if not path.is_file():
        result.findings.append(error(name, 1, "bestand", f"{name} ontbreekt in {root}"))
        return None, None
    source = load_settings(path, name)
    drafts.mark(source, dt.date.min)
    record = model_findings(source, model) if source.data is not None else None
    result.findings.extend(source.findings)
    failed = any(f.is_error for f in source.findings)
    source.findings = []  # reported; later checks on this file (_check_paths, _check_home) add their own
    return (None if failed else record), source


def _optional_settings(root: Path, name: str, model: type[BaseModel], result: CheckResult):
    """A settings file a town may leave out (the site then has no such pages); checked like the others."""
    if not (root / name).is_file():
        return None
    record, _ = _load_settings(root, name, model, result)
    return record


def _inventory(root: Path, config: TownConfig, settings: Source, result: CheckResult) -> Inventory | None:
    """The files under the content folder; a missing folder or a catalogue without fiches is an error."""
    content = root / config.content_map
    line, column = settings.line_of(("content_map",))
    where = f"'{config.content_map}' (content_map in {CONFIG_FILE})"
    if not content.is_dir():
        message = f"de map {where} bestaat niet; controleer de schrijfwijze van 'content_map'"
        result.findings.append(error(CONFIG_FILE, line, "content_map", message, column))
        return None
    inventory = take_inventory(content, root)
    if not any(kind_of(path) == "product" for path in inventory.records):
        message = (
            f"in de map {where} staat geen enkele fiche (products/*.md); "
            "controleer 'content_map', zonder fiches is er geen catalogus"
        )
        result.findings.append(error(CONFIG_FILE, line, "content_map", message, column))
        return None
    return inventory


def _expand(path: Path) -> list[Path]:
    """A named file is checked as it is; a folder contributes the fiches, lokets and internal texts below it, not its READMEs."""
    if not path.is_dir():
        return [path]
    folders = (*CONTENT_DIRS, INTERNAL_DIR)
    return sorted(p for p in path.rglob("*.md") if p.parent.name in folders and p.name != "README.md")


def _load(path: Path, root: Path) -> Source:
    display = display_path(path, root)
    try:
        return load_source(path, display)
    except Exception as exc:  # noqa: BLE001 - one unreadable file must not stop the check of the others
        source = Source(path=display, kind="product")
        if isinstance(exc, OSError):
            source.findings.append(error(display, 1, "bestand", f"kan dit bestand niet lezen ({exc.strerror})"))
        else:
            source.findings.append(_internal(display, "lezen", exc))
        return source


def _validate(source: Source, vocab: Vocabularies, config: TownConfig, today: dt.date, known: Known):
    """Validate one file; an unexpected failure is reported on that file and the others still get checked."""
    try:
        return validate_source(source, vocab, config, today, known)
    except Exception as exc:  # noqa: BLE001 - the checker must never crash on content
        source.findings.append(_internal(source.path, "nakijken", exc))
        return None


def _internal(path: str, stage: str, exc: Exception) -> Finding:
    return error(path, 1, "intern", f"onverwachte fout bij het {stage} ({type(exc).__name__}: {exc}); meld dit")


def record_id(source: Source) -> str:
    """The id a file claims (as the model reads it: surrounding spaces do not count), else its file name."""
    value = source.data.get("id") if source.data is not None else None
    text = value.strip() if isinstance(value, str) else ""
    return text or PurePosixPath(source.path).stem


def _known(sources: list[Source]) -> Known:
    """Every loket and fiche on disk by id, valid or not, with its name: for suggestions and references."""
    names: dict[str, dict[str, str]] = {"product": {}, "loket": {}}
    for source in sources:
        data = source.data or {}
        name = data.get("naam" if source.kind == "loket" else "titel")
        names[source.kind].setdefault(record_id(source), name.strip() if isinstance(name, str) else "")
    return Known(loketten=names["loket"], products=names["product"])


def _cross_check(sources: list[Source], entries: dict[str, list[Entry]], known: Known) -> None:
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
                source.findings.append(error(source.path, line, "id", f"de id '{claimed}' komt meer dan eens voor: {others}", column))
    valid = {kind: {e.id for e in group} for kind, group in entries.items()}
    by_path = {source.path: source for source in sources}
    for entry in entries["product"]:
        fiche = entry.record
        assert isinstance(fiche, Fiche)
        source = by_path[entry.path]
        for loc, kind, value in _references(fiche):
            if kind == "product" and value == fiche.id:
                _refer(source, loc, "een fiche kan niet naar zichzelf verwijzen; verwijder deze id")
            elif value not in valid[kind] and value not in known.of(kind):
                _refer(source, loc, _missing(kind, value, known))
    _note_referrers(sources, valid, by_path)


def _references(fiche: Fiche) -> list[tuple[tuple, str, str]]:
    refs = [(("loket",), "loket", fiche.loket)] if fiche.loket else []
    refs += [(("andere_loketten", i), "loket", v) for i, v in enumerate(fiche.andere_loketten)]
    refs += [(("verwante_producten", i), "product", v) for i, v in enumerate(fiche.verwante_producten)]
    if fiche.opvolger:
        refs.append((("stopgezet", "opvolger"), "product", fiche.opvolger))
    return refs


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
        for field, kind in (("loket", "loket"), ("andere_loketten", "loket"), ("verwante_producten", "product")):
            values = data.get(field)
            for value in values if isinstance(values, list) else [values]:
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


def _check_paths(vocab: Vocabularies, source: Source, products: set[str]) -> None:
    """Every fiche a life event's step names must exist (the guided path would lose it silently)."""
    for key, event in vocab.levensgebeurtenissen.items():
        for step_index, step in enumerate(event.stappen):
            for index, value in enumerate(step.fiches):
                if value not in products:
                    loc = ("levensgebeurtenissen", key, "stappen", step_index, "fiches", index)
                    _refer(source, loc, f"de fiche '{value}' in de stap '{step.titel}' bestaat niet; controleer de schrijfwijze of maak die fiche aan")


def _check_off_path(vocab: Vocabularies, products: list[Entry], sources: dict[str, Source]) -> None:
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


def _check_home(config: TownConfig, source: Source, known: Known) -> None:
    """The home page's contact loket and most asked fiches must exist."""
    loketten = sorted(known.loketten)
    if config.contact_loket and config.contact_loket not in known.loketten:
        _refer(source, ("contact_loket",), f"het loket '{config.contact_loket}' bestaat niet; bestaande loketten: {', '.join(loketten)}")
    for index, value in enumerate(config.meest_gevraagd):
        if value not in known.products:
            _refer(source, ("meest_gevraagd", index), f"de fiche '{value}' bestaat niet; controleer de schrijfwijze")


def _refer(source: Source, loc: tuple, message: str) -> None:
    line, column = source.line_of(loc)
    source.findings.append(error(source.path, line, field_name(loc), message, column))


def only_changed(result: CheckResult, changed: list[str]) -> CheckResult:
    """The check result restricted to findings in the changed files."""
    keep = set(changed)
    return CheckResult([f for f in result.findings if f.path in keep], result.files, result.catalogue)
