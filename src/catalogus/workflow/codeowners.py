"""CODEOWNERS from the content: each fiche's owner, mapped to a GitHub team in catalogus.yml, reviews it.

Generated, never hand-kept, so it cannot drift from the fiches: `catalogus codeowners` writes the file, the
checks and a test compare it. When it is stale, the message gives the lines to change, so an editor in the
web interface can fix it without running anything.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from catalogus.base.slug import sort_key
from catalogus.check.owners import owned_fiches
from catalogus.model.config import CONFIG_FILE, TownConfig

CODEOWNERS = ".github/CODEOWNERS"
HEADER = (
    "# Gegenereerd met 'catalogus codeowners' uit 'eigenaar:' in de fiches en 'eigenaars' in catalogus.yml.\n"
    "# Niet met de hand aanpassen: de controle faalt als dit bestand niet meer klopt met de fiches.\n"
    "# Wie bij een fiche staat, wordt gevraagd om elk voorstel dat die fiche wijzigt te bekijken.\n"
)


def _path(text: str) -> str:
    """CODEOWNERS treats spaces and '#' specially; content paths are slugs, but stay safe."""
    return text.replace("\\", "\\\\").replace(" ", "\\ ").replace("#", "\\#")


def generate(root: Path, config: TownConfig) -> str:
    fiches = owned_fiches(root, config)
    lines = HEADER.splitlines()
    mapped = [f for f in fiches if f.eigenaar in config.eigenaars]
    if mapped:
        lines.append("")
        lines += [f"/{_path(f.path)} {config.eigenaars[f.eigenaar]}" for f in mapped]
    unmapped = sorted({f.eigenaar for f in fiches} - set(config.eigenaars), key=sort_key)
    if unmapped:
        lines += ["", f"# Nog zonder GitHub-team in {CONFIG_FILE} (eigenaars), dus zonder reviewverzoek:"]
        lines += [f"#   {' '.join(owner.split())}" for owner in unmapped]
    return "\n".join(lines) + "\n"


def stale_diff(root: Path, config: TownConfig) -> str:
    """'' when .github/CODEOWNERS is current, else a unified diff of what to change."""
    path = root / CODEOWNERS
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    wanted = generate(root, config)
    if current == wanted:
        return ""
    return "".join(
        difflib.unified_diff(
            current.splitlines(keepends=True), wanted.splitlines(keepends=True), CODEOWNERS, CODEOWNERS + " (nodig)"
        )
    )


def write(root: Path, config: TownConfig) -> bool:
    """Write the file; True when it changed."""
    path = root / CODEOWNERS
    wanted = generate(root, config)
    if path.exists() and path.read_text(encoding="utf-8") == wanted:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(wanted, encoding="utf-8")
    return True
