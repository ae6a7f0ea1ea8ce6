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
from catalogus.load.layout import Layout
from catalogus.model.config import TownConfig

CODEOWNERS = ".github/CODEOWNERS"
HEADER = (
    "# Gegenereerd met 'catalogus codeowners' uit 'eigenaar:' in de fiches en 'eigenaars' in catalogus.yml.\n"
    "# Niet met de hand aanpassen: de controle faalt als dit bestand niet meer klopt met de fiches.\n"
    "# Wie bij een fiche staat, wordt gevraagd om elk voorstel dat die fiche wijzigt te bekijken.\n"
)


def _path(text: str) -> str:
    """CODEOWNERS treats spaces and '#' specially; content paths are slugs, but stay safe."""
    return text.replace("\\", "\\\\").replace(" ", "\\ ").replace("#", "\\#")


Towns = list[tuple[Layout, TownConfig]]


def generate(towns: Towns) -> str:
    """One file for the repository: per town (in a region, under a comment with its name) its fiches' teams.

    A town that maps no owner to a team (no 'eigenaars') asks no one for a review: it adds nothing, so a new
    town, or a town that adopts fiches before it uses teams, leaves this shared file alone."""
    lines = HEADER.splitlines()
    for where, config in towns:
        if not config.eigenaars:
            continue
        fiches = owned_fiches(where, config)
        if where.name:
            lines += ["", f"# {config.gemeente}"]
        mapped = [f for f in fiches if f.eigenaar in config.eigenaars]
        if mapped:
            lines.append("")
            lines += [f"/{_path(f.path)} {config.eigenaars[f.eigenaar]}" for f in mapped]
        unmapped = sorted({f.eigenaar for f in fiches} - set(config.eigenaars), key=sort_key)
        if unmapped:
            lines += ["", f"# Nog zonder GitHub-team in {where.config_display} (eigenaars), dus zonder reviewverzoek:"]
            lines += [f"#   {' '.join(owner.split())}" for owner in unmapped]
    return "\n".join(lines) + "\n"


def stale_diff(root: Path, towns: Towns) -> str:
    """'' when .github/CODEOWNERS is current, else a unified diff of what to change."""
    path = root / CODEOWNERS
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    wanted = generate(towns)
    if current == wanted:
        return ""
    return "".join(
        difflib.unified_diff(
            current.splitlines(keepends=True), wanted.splitlines(keepends=True), CODEOWNERS, CODEOWNERS + " (nodig)"
        )
    )


def write(root: Path, towns: Towns) -> bool:
    """Write the file; True when it changed."""
    path = root / CODEOWNERS
    wanted = generate(towns)
    if path.exists() and path.read_text(encoding="utf-8") == wanted:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(wanted, encoding="utf-8")
    return True
