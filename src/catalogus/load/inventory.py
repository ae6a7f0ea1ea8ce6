"""Inventory: what may stand under content/. Fiches, loketten, local layers (lokaal/<id>.yml), internal texts
(intern/, for the staff edition), READMEs and checked images; anything else is an error, so nothing the checker
did not look at (a page of HTML, a script) can reach the site.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from catalogus.base.findings import Finding, error
from catalogus.load.sources import display_path, load_settings
from catalogus.model.config import CONFIG_FILE, TownConfig

CONTENT_DIRS = {"products": "product", "loketten": "loket"}
LOCAL_DIR, LOCAL_SUFFIX = "lokaal", ".yml"  # catalogus.load.local_layer checks these files
INTERNAL_DIR = "intern"  # content/intern/<fiche-id>.md: staff edition only (catalogus.check.intern)
README = "README.md"
MAX_IMAGE_BYTES = 1024 * 1024
# Allowed images by extension, recognised by their first bytes (never by name alone). No SVG: it can hold script.
IMAGE_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
}
IMAGE_NAMES = ", ".join(IMAGE_SIGNATURES)


@dataclass
class Inventory:
    records: list[Path] = field(default_factory=list)
    local: list[Path] = field(default_factory=list)
    assets: list[Path] = field(default_factory=list)
    internal: list[Path] = field(default_factory=list)
    shared: list[Path] = field(default_factory=list)  # the shared catalogue's fiches (a region's gedeeld/products/)
    findings: list[Finding] = field(default_factory=list)


def take_inventory(content: Path, root: Path, shared: Path | None = None) -> Inventory:
    """Sort every file under `content` into fiches/loketten, allowed images, READMEs, or an error; with `shared`
    (the shared fiches' folder) also list those, where only fiches and a README may stand."""
    inventory = Inventory()
    if shared is not None:
        _shared_inventory(shared, root, inventory)
    for folder, dirs, files in os.walk(content):
        dirs.sort()
        here = Path(folder)
        for name in sorted(files + [d for d in dirs if (here / d).is_symlink()]):
            path = here / name
            problem = _problem(path, content, inventory)
            if problem:
                display = display_path(path, root)
                inventory.findings.append(error(display, 1, "bestand", problem))
    inventory.records.sort()
    inventory.local.sort()
    inventory.internal.sort()
    return inventory


def _shared_inventory(shared: Path, root: Path, inventory: Inventory) -> None:
    for path in sorted(shared.iterdir()):
        if path.name == README:
            continue
        if path.suffix == ".md" and path.is_file() and not path.is_symlink():
            inventory.shared.append(path.resolve())
            continue
        message = (
            "in de gedeelde catalogus staan alleen fiches (<id>.md); loketten, lokale gegevens en interne teksten "
            "horen in de map van een gemeente (gemeenten/<gemeente>/content/); verplaats of verwijder dit"
        )
        inventory.findings.append(error(display_path(path, root), 1, "bestand", message))


def _problem(path: Path, content: Path, inventory: Inventory) -> str | None:
    relative = path.relative_to(content)
    if path.is_symlink():
        return "een snelkoppeling (symlink) is niet toegelaten in de inhoud; zet het bestand zelf hier of verwijder de koppeling"
    parent = relative.parent.as_posix()
    if path.name == README and parent in (".", LOCAL_DIR, *CONTENT_DIRS, INTERNAL_DIR):
        return None
    if parent == LOCAL_DIR:
        return _local_problem(path, inventory)
    if path.suffix == ".md" and parent == INTERNAL_DIR:
        inventory.internal.append(path.resolve())
        return None
    if path.suffix.lower() == ".md" and parent in (*CONTENT_DIRS, INTERNAL_DIR):
        if path.suffix != ".md":
            return f"schrijf de extensie in kleine letters: hernoem het bestand naar '{path.stem}.md'"
        inventory.records.append(path.resolve())
        return None
    if path.suffix.lower() in IMAGE_SIGNATURES:
        problem = _image_problem(path)
        if problem is None:
            inventory.assets.append(path.resolve())
        return problem
    if path.suffix.lower() == ".md":
        return (
            "een Markdown-bestand hoort in products/ (een fiche), loketten/ (een loket) of intern/ "
            "(de interne tekst bij een fiche); verplaats het daarheen of verwijder het"
        )
    return (
        "dit bestand hoort niet in de inhoud: alleen fiches (.md in products/), loketten (.md in loketten/), "
        f"interne teksten (.md in intern/), lokale gegevens (.yml in {LOCAL_DIR}/), README.md en afbeeldingen ({IMAGE_NAMES}) "
        "zijn toegelaten; verwijder het"
    )


def _local_problem(path: Path, inventory: Inventory) -> str | None:
    """lokaal/ holds one <fiche-id>.yml per fiche and nothing else (whether the fiche exists: local_layer)."""
    if path.suffix == LOCAL_SUFFIX:
        inventory.local.append(path.resolve())
        return None
    if path.suffix.lower() in (".yml", ".yaml"):
        return f"noem het bestand '{path.stem}{LOCAL_SUFFIX}' (de id van de fiche, met de extensie .yml in kleine letters)"
    return (
        f"in {LOCAL_DIR}/ staan alleen de lokale gegevens van fiches, als <id van de fiche>{LOCAL_SUFFIX}; "
        "verplaats dit bestand of verwijder het"
    )


def _image_problem(path: Path) -> str | None:
    size = path.stat().st_size
    if size > MAX_IMAGE_BYTES:
        return f"deze afbeelding is te groot ({size // 1024} kB, hoogstens {MAX_IMAGE_BYTES // 1024} kB); verklein ze"
    with path.open("rb") as handle:
        head = handle.read(16)
    signatures = IMAGE_SIGNATURES[path.suffix.lower()]
    webp_ok = path.suffix.lower() != ".webp" or head[8:12] == b"WEBP"
    if not head.startswith(signatures) or not webp_ok:
        return (
            f"dit bestand heet '{path.suffix}' maar is geen {path.suffix[1:].upper()}-afbeelding; "
            "bewaar het opnieuw als afbeelding of verwijder het"
        )
    return None


def content_dir(root: Path) -> Path:
    """The content folder as configured, read safely; the default when the settings cannot be read (the
    checker then reports why)."""
    path = root / CONFIG_FILE
    default = TownConfig.model_fields["content_map"].default
    if not path.is_file():
        return root / default
    source = load_settings(path, CONFIG_FILE)
    value = (source.data or {}).get("content_map", default)
    return root / (value if isinstance(value, str) and value.strip() else default)
