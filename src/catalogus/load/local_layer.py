"""Shared and local content: a fiche (content/products/<id>.md) holds what any town can reuse; its local layer
(content/lokaal/<id>.yml) holds what only this town knows: loket, cost, local steps and regulations, and for a
product of the town's own (its premium, its service) the conditions, amounts and rules it set itself.

A fork changes only its local files, upstream only the shared ones, so `git merge` of an upstream improvement
never meets the fork's edits. Each local field replaces the fiche's field of the same name; the merged data is
validated by the same model, and every finding about a local field points at the local file and its line.
Shared text names the town as $gemeente (see catalogus.load.placeholders).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from catalogus.base.findings import error
from catalogus.load.inventory import LOCAL_DIR, LOCAL_SUFFIX
from catalogus.load.layout import Layout
from catalogus.load.shared_changes import gone
from catalogus.load.sources import Source, display_path, load_settings

# What differs from town to town. Everything else in a fiche is shared and edited in the fiche itself.
LOCAL_FIELDS = (
    "loket",
    "andere_loketten",
    "aanbieder",
    "status",
    "stopgezet",
    "voorwaarden",
    "kostprijs",
    "ontvangt",
    "meebrengen",
    "stappen",
    "behandeltermijn",
    "formulieren",
    "meer_info",
    "regelgeving",
    "uitzonderingen",
    "rechten",
    "eigenaar",
    "laatst_nagekeken",
    "nakijken_elke_maanden",
)


def load_layers(
    root: Path, products: list[Source], files: list[Path], where: Layout | None = None
) -> tuple[dict[str, Source], list[Source]]:
    """Each local file (the inventory's) by the path of its fiche, and the local files without a fiche (each
    with its finding: in a region, what happened to the shared fiche, from git)."""
    by_id = {Path(s.path).stem: s for s in products if s.kind == "product"}
    layers: dict[str, Source] = {}
    orphans: list[Source] = []
    for path in files:
        display = path.relative_to(root.resolve()).as_posix() if path.is_relative_to(root.resolve()) else str(path)
        local = _load(path, display)
        fiche = by_id.get(path.stem)
        if fiche is None:
            local.findings.append(error(display, 1, "bestand", _no_fiche(path.stem, display, where)))
            orphans.append(local)
        else:
            layers[fiche.path] = local
    return layers, orphans


def _no_fiche(fiche_id: str, display: str, where: Layout | None) -> str:
    if where is None or where.shared is None:
        return f"er is geen fiche '{fiche_id}' in products/; hernoem dit bestand of verwijder het"
    event = gone(where.root, display_path(where.shared, where.root), fiche_id)
    if event is None:
        return (
            f"er is geen gedeelde fiche '{fiche_id}' (in {display_path(where.shared, where.root)}/) en geen eigen fiche "
            "(in products/); controleer de naam van dit bestand of verwijder het"
        )
    when = f"in commit {event.commit} van {event.day} ('{event.subject}')"
    if event.renamed_to:
        return (
            f"de gedeelde fiche '{fiche_id}' heet nu '{event.renamed_to}' ({when}); hernoem dit bestand naar "
            f"'{event.renamed_to}{LOCAL_SUFFIX}' (git mv {display} {_renamed(display, event.renamed_to)}) "
            f"en voer 'catalogus nagekeken {event.renamed_to}' uit"
        )
    return (
        f"de gedeelde fiche '{fiche_id}' werd verwijderd {when}; verwijder dit bestand, of maak er een eigen fiche van "
        f"als uw gemeente dit blijft aanbieden (products/{fiche_id}.md in uw map, met de tekst uit de git-geschiedenis)"
    )


def _renamed(display: str, fiche_id: str) -> str:
    return Path(display).with_name(fiche_id + LOCAL_SUFFIX).as_posix()


def find_layer(fiche: Source, content: Path, root: Path) -> Source | None:
    """The local file of one fiche, for tools that read a single fiche (reminders, CODEOWNERS)."""
    path = content / LOCAL_DIR / f"{Path(fiche.path).stem}{LOCAL_SUFFIX}"
    return _load(path, display_path(path, root)) if path.is_file() else None


def _load(path: Path, display: str) -> Source:
    local = load_settings(path, display)
    local.kind = "lokaal"
    return local


def merge(local: Source, fiche: Source, shared: bool = False) -> tuple[str, ...]:
    """Each field of the local file replaces the fiche's, with its lines; returns the fields it replaced.

    A shared fiche's field is a default for every town, which a town's local file may replace (`shared`). A town's
    own fiche and its local file are one town's: a field in both would silently lose one of the two values, so
    that is an error at both lines."""
    if local.data is None or fiche.data is None:
        return ()
    merged = []
    for key, value in local.data.items():
        if key not in LOCAL_FIELDS:
            line, column = local.line_of((key,), key=True)
            where = "een veld van de gedeelde fiche: pas het aan in " + fiche.path if isinstance(key, str) else "geen veldnaam"
            local.findings.append(
                error(local.path, line, str(key), f"'{key}' is {where}; lokaal kunnen alleen: {', '.join(LOCAL_FIELDS)}", column)
            )
            continue
        if not shared and key in fiche.data:
            _twice(key, local, fiche)
        fiche.data[key] = value
        for table_name in ("lines", "key_lines", "scalars"):
            table = getattr(fiche, table_name)
            for loc in [loc for loc in table if loc[:1] == (key,)]:
                del table[loc]
            table.update({loc: v for loc, v in getattr(local, table_name).items() if loc[:1] == (key,)})
        merged.append(key)
    return tuple(merged)


def _twice(key: str, local: Source, fiche: Source) -> None:
    line, column = local.line_of((key,), key=True)
    fiche_line, fiche_column = fiche.line_of((key,), key=True)
    local.findings.append(error(
        local.path, line, key,
        f"'{key}' staat ook in {fiche.path} (regel {fiche_line}); deze waarde hier telt: verwijder '{key}' daar", column,
    ))
    # Kept with the local file's findings: the fiche's would move to the local file with the fields it replaced.
    local.findings.append(error(
        fiche.path, fiche_line, key,
        f"'{key}' staat ook in {local.path} (regel {line}), en die waarde telt: verwijder '{key}' hier", fiche_column,
    ))


def relocate(fiche: Source, local: Source, fields: tuple[str, ...]) -> None:
    """Findings about a field that came from the local file are that file's findings."""
    if not fields:
        return
    fiche.findings = [
        replace(f, path=local.path) if f.path == fiche.path and f.field.split(".")[0] in fields else f
        for f in fiche.findings
    ]
