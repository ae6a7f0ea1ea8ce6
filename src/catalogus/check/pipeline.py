"""The checker: load + validate + cross-check all content. CI, the build and editors run this same code."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from catalogus.base import translations
from catalogus.base.bulk import without_cycle_collector
from catalogus.base.findings import Finding, error, warning
from catalogus.check import shared_instances
from catalogus.check.editorial import source_link_findings
from catalogus.check.intern import InternalText, check_internal
from catalogus.check.messages import Known
from catalogus.check.owners import owner_findings
from catalogus.check.references import check_home, check_off_path, check_paths, cross_check, known_records
from catalogus.check.validate import model_findings, validate_source
from catalogus.load import drafts, local_layer
from catalogus.load.facts import Facts
from catalogus.load.git import export_tree
from catalogus.load.instances import Instance, instance, split_instance_fields
from catalogus.load.inventory import CONTENT_DIRS, INTERNAL_DIR, Inventory, take_inventory
from catalogus.load.layout import Layout, LayoutError, every_town, layout
from catalogus.load.prepare import prepare
from catalogus.load.sources import Source, display_path, kind_of, load_settings, load_source
from catalogus.model import Fiche, Loket
from catalogus.model.catalogue import Catalogue, Entry, build_catalogue
from catalogus.model.config import PAGES_FILE, Paginas, TownConfig
from catalogus.model.facts import FACTS_FILE, FactRegister
from catalogus.model.glossary import EMPTY, GLOSSARY_FILE, Glossary
from catalogus.model.search_words import WORDS_FILE, SearchWords
from catalogus.model.vocabulary import VOCABULARY_FILE, Vocabularies


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    catalogue: Catalogue | None = None
    assets: tuple[Path, ...] = ()  # images under content/ that passed the checks; the only files to copy
    internal: dict[str, InternalText] = field(default_factory=dict)  # staff edition only: check(internal=True)
    layout: Layout | None = None  # where the town's files are
    instances: list[Instance] = field(default_factory=list)  # the town's instance of each shared fiche

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.is_error]


def check(
    root: Path,
    today: dt.date,
    paths: list[Path] | None = None,
    *,
    internal: bool = False,
    concept: bool = False,
    town: str | None = None,
) -> CheckResult:
    """Check the project at `root` (for `town`, in a region's repository); with `paths`, also load those files
    and report only on them.

    The internal texts (content/intern/) are always checked; they are kept in the result only with
    `internal=True` (the staff edition), so the public build never holds them. `concept`: fields still marked
    'IN TE VULLEN' are warnings instead of errors (a draft site)."""
    with without_cycle_collector():
        return _check(layout(root, town), today, paths, internal, concept)


def check_every_town(root: Path, today: dt.date, paths: list[Path] | None = None, *, concept: bool = False) -> CheckResult:
    """What CI runs on a region's repository: every town checked, each finding once (a shared fiche's problem
    is the same for every town)."""
    results = [check(root, today, paths, concept=concept, town=where.name or None) for where in every_town(root)]
    findings = sorted({f for result in results for f in result.findings})
    return CheckResult(findings, sum(r.files for r in results), results[0].catalogue if len(results) == 1 else None)


def _check(where: Layout, today: dt.date, paths: list[Path] | None, internal: bool = False, concept: bool = False) -> CheckResult:
    result = CheckResult(layout=where)
    root = where.root
    config, config_source = _load_settings(where.config_path, where.config_display, TownConfig, result)
    vocab, vocab_source = _load_settings(root / VOCABULARY_FILE, VOCABULARY_FILE, Vocabularies, result)
    glossary: Glossary | None = EMPTY
    if (root / GLOSSARY_FILE).is_file():
        glossary, _ = _load_settings(root / GLOSSARY_FILE, GLOSSARY_FILE, Glossary, result)
    _optional_settings(root / WORDS_FILE, WORDS_FILE, SearchWords, result)
    register, overdue = _facts(root, today, result)
    if config is None or vocab is None or glossary is None or register is None:
        result.findings = sorted(drafts.settle(result.findings, concept))
        return result
    inventory = _inventory(where, config, config_source, result)
    if inventory is None:
        return result
    fixed_pages = _optional_settings(where.town / PAGES_FILE, where.display(where.town / PAGES_FILE), Paginas, result)
    content = where.town / config.content_map
    files = inventory.records
    selected = None
    if paths:
        selected = {p.resolve() for f in paths for p in _expand(f)}
        # A named file under the content folder that is not a fiche gets the inventory's message, once.
        notes = set(inventory.internal)
        listed = {path for path in selected if path.suffix == ".md" and path.name != "README.md" and path not in notes}
        shared = set(inventory.shared)
        outside = {p for p in selected - listed if not _inside(p, where, content)}
        files = sorted(set(files) | {p for p in listed if p not in shared} | outside)
    own = [_load(path, root) for path in files]
    shared_sources = [_load(path, root) for path in inventory.shared]
    locals_by_fiche, orphans = local_layer.load_layers(root, own + shared_sources, inventory.local, where)
    instances = [
        instance(Path(s.path).stem, s, path, locals_by_fiche.get(s.path))
        for s, path in zip(shared_sources, inventory.shared, strict=True)
    ]
    published, withdrawn, not_neutral = shared_instances.select(instances, own, concept, where)
    result.instances = instances
    sources = own + published
    for local in locals_by_fiche.values():
        split_instance_fields(local)
    chosen = {id(s) for s in published}
    layers = {
        source.path: prepare(source, locals_by_fiche.get(source.path), config, today, id(source) in chosen, register)
        for source in sources
    }
    shared_instances.drop_references(sources, withdrawn)
    result.files = len(own) + len(shared_sources) + len(locals_by_fiche) + len(orphans) + len(inventory.internal)
    known = known_records(sources)
    products: list[Entry[Fiche]] = []
    loketten: list[Entry[Loket]] = []
    for source in sources:
        record = _validate(source, vocab, config, today, known)
        if isinstance(record, Fiche):
            layer = layers[source.path]
            products.append(Entry(record, source.body, source.path, layer.source.path if layer else None,
                                  tuple(source.facts), local_fields=layer.fields if layer else ()))
        elif isinstance(record, Loket):
            loketten.append(Entry(record, source.body, source.path))
    cross_check(sources, products, loketten, known)
    texts, text_findings = check_internal(inventory.internal, root, known.products, today)
    vocab = vocab.without_fiches(set(withdrawn))
    check_paths(vocab, vocab_source, set(known.products))
    check_off_path(vocab, products, {source.path: source for source in sources})
    check_home(config, config_source, known, withdrawn)
    for source in sources:
        layer = layers[source.path]
        if layer is not None:
            local_layer.relocate(source, layer.source, layer.fields)
    shared_instances.blame_town_values(sources, where, config_source)
    unpublished = [s for s in shared_sources if id(s) not in chosen]
    all_sources = [*sources, *unpublished, *locals_by_fiche.values(), *orphans]
    result.findings.extend(vocab_source.findings + config_source.findings + shared_instances.not_adopted(withdrawn, where))
    result.findings.extend(owner_findings(where, config, sources))
    reported = [*inventory.findings, *(f for s in all_sources for f in s.findings), *text_findings, *not_neutral]
    reported += overdue
    result.findings.extend(f for f in reported if selected is None or (root / f.path).resolve() in selected)
    result.findings = sorted(set(drafts.settle(result.findings, concept)))
    settings_failed = any(f.is_error for f in result.findings if f.path in (where.config_display, VOCABULARY_FILE))
    if not any(f.is_error for f in drafts.settle(reported, concept)) and not settings_failed:
        result.catalogue = build_catalogue(
            config, vocab, products, loketten, pages=fixed_pages, glossary=glossary, content_path=where.display(content),
            needs_review=frozenset(i.fiche_id for i in instances if i.needs_review), facts=register.current,
        )
        result.assets = tuple(inventory.assets)
        result.internal = texts if internal else {}
    return result


def _inside(path: Path, where: Layout, content: Path) -> bool:
    return path.is_relative_to(content.resolve()) or (where.shared is not None and path.is_relative_to(where.shared.resolve()))


def _load_settings(path: Path, name: str, model: type[BaseModel], result: CheckResult):
    """A settings file checked like a fiche: bounded YAML, model and text rules (on the types), YAML traps, each at its line."""
    if not path.is_file():
        result.findings.append(error(name, 1, "bestand", f"{name} ontbreekt in {path.parent}"))
        return None, None
    source = load_settings(path, name)
    drafts.mark(source)
    record = model_findings(source, model) if source.data is not None else None
    result.findings.extend(source.findings)
    failed = any(f.is_error for f in source.findings)
    source.findings = []  # reported; later checks on this file (_check_paths, _check_home) add their own
    return (None if failed else record), source


def _facts(root: Path, today: dt.date, result: CheckResult) -> tuple[Facts | None, list[Finding]]:
    """The register of facts that change (feiten.yml, shared by every town), on the build's date; a missing file
    is an empty register. Its warnings are reported like a content file's (not in a check of other files only):
    a value's source that is a home page, and a fact whose newest value is older than its revision period."""
    register, warnings = FactRegister(), []
    if (root / FACTS_FILE).is_file():
        loaded, source = _load_settings(root / FACTS_FILE, FACTS_FILE, FactRegister, result)
        if loaded is None:
            return None, []
        register = loaded
        warnings += source_link_findings(source)
        for name, fact in register.feiten.items():
            if fact.overdue(today):
                newest = fact.waarden[-1].vanaf.isoformat()
                message = (
                    f"de nieuwste waarde van '{name}' geldt sinds {newest}, langer dan {fact.herzien_elke} maanden "
                    f"geleden ('herzien_elke'): kijk na of de overheid een nieuwe waarde heeft en voeg die toe met "
                    f"'vanaf' en 'bron'"
                )
                line, column = source.line_of(("feiten", name), key=True)
                warnings.append(warning(FACTS_FILE, line, f"feiten.{name}", message, column))
    return Facts(register, today, translations.load_for(root, "nl")), warnings


def _optional_settings(path: Path, name: str, model: type[BaseModel], result: CheckResult):
    """A settings file a town may leave out (the site then has no such pages); checked like the others."""
    if not path.is_file():
        return None
    record, _ = _load_settings(path, name, model, result)
    return record


def _inventory(layout: Layout, config: TownConfig, settings: Source, result: CheckResult) -> Inventory | None:
    """The files under the content folder (and the shared fiches); a missing folder or a catalogue without
    fiches is an error."""
    content = layout.town / config.content_map
    line, column = settings.line_of(("content_map",))
    where = f"'{config.content_map}' (content_map in {layout.config_display})"
    if not content.is_dir():
        message = f"de map {where} bestaat niet; controleer de schrijfwijze van 'content_map'"
        result.findings.append(error(layout.config_display, line, "content_map", message, column))
        return None
    inventory = take_inventory(content, layout.root, layout.shared)
    if not inventory.shared and not any(kind_of(path) == "product" for path in inventory.records):
        message = (
            f"in de map {where} staat geen enkele fiche (products/*.md); "
            "controleer 'content_map', zonder fiches is er geen catalogus"
        )
        result.findings.append(error(layout.config_display, line, "content_map", message, column))
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


def check_base(root: Path, rev: str, today: dt.date, *, town: str | None, every: bool, concept: bool = False) -> CheckResult:
    """The check of the project as it was at `rev` (a proposal's base), for `only_changed`. A town that did not
    exist yet has no problems there."""
    with tempfile.TemporaryDirectory(prefix="catalogus-basis-") as folder:
        export_tree(root, rev, Path(folder))
        try:
            if every:
                return check_every_town(Path(folder), today, concept=concept)
            return check(Path(folder), today, concept=concept, town=town)
        except LayoutError:
            return CheckResult()


def only_changed(result: CheckResult, changed: list[str], base: CheckResult | None = None) -> CheckResult:
    """The findings in the changed files, and (with the check of the base version) every error elsewhere that the
    base did not have: a proposal that deletes a loket still in use fails at each line that refers to it."""
    keep = set(changed)
    before = {_same_problem(f) for f in base.findings} if base is not None else None
    findings = [
        f for f in result.findings
        if f.path in keep or (before is not None and f.is_error and _same_problem(f) not in before)
    ]
    return CheckResult(findings, result.files, result.catalogue)


def _same_problem(finding: Finding) -> tuple[str, str, str]:
    """A problem as it was before the change, even when lines moved (line numbers in messages too)."""
    return finding.path, finding.field, re.sub(r"\d+", "#", finding.message)
