"""The checker: load + validate + cross-check all content. CI, the build and editors run this same code."""

from __future__ import annotations

import datetime as dt
import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from . import drafts, local_layer, placeholders
from .catalogue import Catalogue, Entry, build_catalogue
from .config import CONFIG_FILE, TownConfig
from .findings import Finding, error
from .model import Fiche
from .owners import owner_findings
from .sources import Source, field_name, load_settings, load_source
from .validate import model_findings, validate_source
from .vocabulary import VOCABULARY_FILE, Vocabularies

CONTENT_DIRS = ("products", "loketten")


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    catalogue: Catalogue | None = None

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.is_error]


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Loading allocates millions of small acyclic objects; the cyclic collector only adds superlinear cost."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check(root: Path, today: dt.date, paths: list[Path] | None = None, concept: bool = False) -> CheckResult:
    """Check the project at `root`; with `paths`, also load those files and report only on them.

    `concept`: fields still marked 'IN TE VULLEN' are warnings instead of errors (a draft site)."""
    with _no_cyclic_gc():
        return _check(root, today, paths, concept)


def _check(root: Path, today: dt.date, paths: list[Path] | None, concept: bool = False) -> CheckResult:
    result = CheckResult()
    config = _load_settings(root, CONFIG_FILE, TownConfig, result)
    vocab = _load_settings(root, VOCABULARY_FILE, Vocabularies, result)
    if config is None or vocab is None:
        result.findings = drafts.settle(result.findings, concept)
        return result
    content = root / config.content_map
    files = _content_files(content)
    selected = None
    if paths:
        selected = {p.resolve() for f in paths for p in _expand(f)}
        files = sorted(set(files) | selected)
    sources = [_load(path, root) for path in files]
    layers = local_layer.apply(content, root, sources)  # content/lokaal/<id>.yml over its fiche
    for source in sources:
        placeholders.fill(source, config)
        drafts.mark(source, today)
    result.files = len(sources) + len(layers)
    entries: dict[str, list[Entry]] = {"product": [], "loket": []}
    owners: dict[tuple[str, str], list[Source]] = defaultdict(list)
    for source in sources:
        record = _validate(source, vocab, config, today)
        if record is not None:
            entries[source.kind].append(Entry(record, source.body, source.path))
        if source.data is not None and isinstance(source.data.get("id"), str):
            owners[(source.kind, source.data["id"])].append(source)
    _cross_check(entries, owners)
    for source in sources:
        local_layer.relocate(source, layers.get(source.path))
    sources += [layer.source for layer in layers.values()]
    result.findings.extend(owner_findings(root, config, sources))
    for source in sources:
        if selected is None or (root / source.path).resolve() in selected:
            result.findings.extend(source.findings)
    result.findings = sorted(drafts.settle(result.findings, concept))
    if not any(f.is_error for s in sources for f in s.findings):
        result.catalogue = build_catalogue(config, vocab, entries["product"], entries["loket"])
    return result


def _load_settings(root: Path, name: str, model: type[BaseModel], result: CheckResult):
    path = root / name
    if not path.is_file():
        result.findings.append(error(name, 1, "bestand", f"{name} ontbreekt in {root}"))
        return None
    source = load_settings(path, name)
    drafts.mark(source, dt.date.min)
    record = model_findings(source, model) if source.data is not None else None
    result.findings.extend(source.findings)
    return None if any(f.is_error for f in source.findings) else record


def _content_files(content: Path) -> list[Path]:
    return sorted(p.resolve() for sub in CONTENT_DIRS for p in (content / sub).glob("*.md"))


def _expand(path: Path) -> list[Path]:
    """A named file is checked as it is; a folder contributes the fiches and lokets below it, not its READMEs."""
    if not path.is_dir():
        return [path]
    return sorted(p for p in path.rglob("*.md") if p.parent.name in CONTENT_DIRS)


def _load(path: Path, root: Path) -> Source:
    display = os.path.relpath(path, root).replace(os.sep, "/")
    try:
        return load_source(path, display)
    except Exception as exc:  # noqa: BLE001 - one unreadable file must not stop the check of the others
        source = Source(path=display, kind="product")
        if isinstance(exc, OSError):
            source.findings.append(error(display, 1, "bestand", f"kan dit bestand niet lezen ({exc.strerror})"))
        else:
            source.findings.append(_internal(display, "lezen", exc))
        return source


def _validate(source: Source, vocab: Vocabularies, config: TownConfig, today: dt.date):
    """Validate one file; an unexpected failure is reported on that file and the others still get checked."""
    try:
        return validate_source(source, vocab, config, today)
    except Exception as exc:  # noqa: BLE001 - the checker must never crash on content
        source.findings.append(_internal(source.path, "nakijken", exc))
        return None


def _internal(path: str, stage: str, exc: Exception) -> Finding:
    return error(path, 1, "intern", f"onverwachte fout bij het {stage} ({type(exc).__name__}: {exc}); meld dit")


def _cross_check(entries: dict[str, list[Entry]], owners: dict[tuple[str, str], list[Source]]) -> None:
    """References between files: duplicate ids, unknown loketten, unknown related products."""
    for (kind, record_id), sources in owners.items():
        if len(sources) > 1:
            others = ", ".join(s.path for s in sources)
            for source in sources:
                line, column = source.line_of(("id",))
                source.findings.append(error(source.path, line, "id", f"de id '{record_id}' komt meer dan eens voor: {others}", column))
    loketten = {e.id for e in entries["loket"]}
    products = {e.id for e in entries["product"]}
    known_products = {key for (kind, key) in owners if kind == "product"}
    known_loketten = {key for (kind, key) in owners if kind == "loket"}
    for entry in entries["product"]:
        fiche = entry.record
        assert isinstance(fiche, Fiche)
        source = owners[("product", fiche.id)][0]
        refs = [(("loket",), fiche.loket)] if fiche.loket else []
        refs += [(("andere_loketten", i), v) for i, v in enumerate(fiche.andere_loketten)]
        for loc, value in refs:
            if value not in loketten:
                hint = "dat loket bevat fouten" if value in known_loketten else f"bestaande loketten: {', '.join(sorted(loketten))}"
                _refer(source, loc, f"het loket '{value}' bestaat niet; {hint}")
        for index, value in enumerate(fiche.verwante_producten):
            loc = ("verwante_producten", index)
            if value == fiche.id:
                _refer(source, loc, "een fiche kan niet naar zichzelf verwijzen; verwijder deze id")
            elif value not in products:
                hint = "die fiche bevat fouten" if value in known_products else "controleer de schrijfwijze of maak die fiche aan"
                _refer(source, loc, f"de fiche '{value}' bestaat niet; {hint}")


def _refer(source: Source, loc: tuple, message: str) -> None:
    line, column = source.line_of(loc)
    source.findings.append(error(source.path, line, field_name(loc), message, column))
