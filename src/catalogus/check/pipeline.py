"""The checker: load + validate + cross-check all content. CI, the build and editors run this same code."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from catalogus.base.bulk import without_cycle_collector
from catalogus.base.findings import Finding, error
from catalogus.check.intern import InternalText, check_internal
from catalogus.check.messages import Known
from catalogus.check.owners import owner_findings
from catalogus.check.references import check_home, check_off_path, check_paths, cross_check, known_records
from catalogus.check.validate import model_findings, validate_source
from catalogus.load import drafts, local_layer
from catalogus.load.inventory import CONTENT_DIRS, INTERNAL_DIR, Inventory, take_inventory
from catalogus.load.prepare import prepare
from catalogus.load.sources import Source, display_path, kind_of, load_settings, load_source
from catalogus.model import Fiche, Loket
from catalogus.model.catalogue import Catalogue, Entry, build_catalogue
from catalogus.model.config import CONFIG_FILE, PAGES_FILE, Paginas, TownConfig
from catalogus.model.glossary import EMPTY, GLOSSARY_FILE, Glossary
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
    locals_by_fiche, orphans = local_layer.load_layers(root, sources, inventory.local)  # content/lokaal/<id>.yml
    layers = {source.path: prepare(source, locals_by_fiche.get(source.path), config, today) for source in sources}
    result.files = len(sources) + len(locals_by_fiche) + len(orphans) + len(inventory.internal)
    known = known_records(sources)
    products: list[Entry[Fiche]] = []
    loketten: list[Entry[Loket]] = []
    for source in sources:
        record = _validate(source, vocab, config, today, known)
        if isinstance(record, Fiche):
            products.append(Entry(record, source.body, source.path))
        elif isinstance(record, Loket):
            loketten.append(Entry(record, source.body, source.path))
    cross_check(sources, products, loketten, known)
    texts, text_findings = check_internal(inventory.internal, root, known.products, today)
    check_paths(vocab, vocab_source, set(known.products))
    check_off_path(vocab, products, {source.path: source for source in sources})
    check_home(config, config_source, known)
    for source in sources:
        layer = layers[source.path]
        if layer is not None:
            local_layer.relocate(source, layer.source, layer.fields)
    sources += [*locals_by_fiche.values(), *orphans]
    result.findings.extend(vocab_source.findings + config_source.findings)
    result.findings.extend(owner_findings(root, config, sources))
    reported = [*inventory.findings, *(f for s in sources for f in s.findings), *text_findings]
    result.findings.extend(f for f in reported if selected is None or (root / f.path).resolve() in selected)
    result.findings = sorted(drafts.settle(result.findings, concept))
    settings_failed = any(f.is_error for f in result.findings if f.path in (CONFIG_FILE, VOCABULARY_FILE))
    if not any(f.is_error for f in drafts.settle(reported, concept)) and not settings_failed:
        result.catalogue = build_catalogue(config, vocab, products, loketten, pages=fixed_pages, glossary=glossary)
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


def _validate(source: Source, vocab: Vocabularies, config: TownConfig, today: dt.date, known: Known) -> Fiche | Loket | None:
    """Validate one file; an unexpected failure is reported on that file and the others still get checked."""
    try:
        return validate_source(source, vocab, config, today, known)
    except Exception as exc:  # noqa: BLE001 - the checker must never crash on content
        source.findings.append(_internal(source.path, "nakijken", exc))
        return None


def _internal(path: str, stage: str, exc: Exception) -> Finding:
    return error(path, 1, "intern", f"onverwachte fout bij het {stage} ({type(exc).__name__}: {exc}); meld dit")


def only_changed(result: CheckResult, changed: list[str]) -> CheckResult:
    """The check result restricted to findings in the changed files."""
    keep = set(changed)
    return CheckResult([f for f in result.findings if f.path in keep], result.files, result.catalogue)
