"""Owners: who reviews which fiche. `eigenaar` in a fiche names a service; `eigenaars` in catalogus.yml maps
it to a GitHub team or user. Reminders and CODEOWNERS read this; the checker keeps both sides consistent.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass

from pydantic import ValidationError

from catalogus.base.findings import Finding, error, warning
from catalogus.base.slug import slug
from catalogus.check.validate import model_findings
from catalogus.load import local_layer
from catalogus.load.instances import OFFERED_FIELD, VERSION_FIELD, split_instance_fields, version_of
from catalogus.load.layout import Layout
from catalogus.load.prepare import prepare
from catalogus.load.sources import Source, load_settings, load_source
from catalogus.model import SLUG_PATTERN, Fiche
from catalogus.model.config import CONFIG_FILE, TownConfig

PRODUCTS = "products"


@dataclass(frozen=True)
class OwnedFiche:
    """The fields reminders and CODEOWNERS need, from a fiche whose front-matter fits the model."""

    path: str  # the file the owner edits to record a review (a shared fiche's: the town's local file), with '/'
    id: str
    titel: str
    eigenaar: str
    laatst_nagekeken: dt.date
    nakijken_elke_maanden: int | None
    herzien: bool = False  # a shared fiche that changed since the version the town reviewed


def owned_fiches(where: Layout, config: TownConfig) -> list[OwnedFiche]:
    """Every fiche of the town that fits the model (its own, and the shared ones it adopted and offers); a
    broken one is the checker's business, not the reminder's."""
    content = where.town / config.content_map
    paths = sorted((content / PRODUCTS).glob("*.md"))
    if where.shared is not None:
        paths += sorted(where.shared.glob("*.md"))
    fiches = []
    for path in paths:
        display = where.display(path)
        try:
            source = load_source(path, display)
            local = local_layer.find_layer(source, content, where.root)  # eigenaar and nazicht are local
            shared = path.parent != content / PRODUCTS
            recorded = split_instance_fields(local) if local is not None else {}
            if shared and (local is None or recorded.get(OFFERED_FIELD) is False):
                continue  # a shared fiche this town did not adopt, or does not offer
            prepare(source, local, config, today=None, shared=shared)
            record = Fiche.model_validate(source.data) if source.data is not None else None
        except (OSError, ValidationError):
            continue
        if record is None or not re.fullmatch(SLUG_PATTERN, path.stem):
            continue
        # The review date stands in the town's local file for a shared fiche, and for an own fiche when written there.
        edited = local.path if local is not None and (shared or "laatst_nagekeken" in (local.data or {})) else display
        review = shared and recorded.get(VERSION_FIELD) != version_of(path)
        fiches.append(
            OwnedFiche(
                edited, record.id, record.titel, record.eigenaar, record.laatst_nagekeken, record.nakijken_elke_maanden, review
            )
        )
    return fiches


_UNUSED = "geen enkele fiche heeft '{owner}' als eigenaar"


def owner_key(owner: str) -> str:
    """A stable, readable key for an owner ('Onthaal OCMW – team thuiszorg' -> 'onthaal-ocmw-team-thuiszorg')."""
    return slug(owner) or "eigenaar"


def owner_findings(where: Layout, config: TownConfig, sources: list[Source]) -> list[Finding]:
    """Owners in fiches without a GitHub handle (a warning, once the town maps owners at all) go into the
    fiche's own findings; a mapping for an owner no fiche has (a typo, or a team that left) is an error in
    catalogus.yml, since it would silently send nobody the reminders meant for that owner."""
    mapping = config.eigenaars
    if not mapping:
        return []
    used: set[str] = set()
    complete = True
    for source in sources:
        if source.kind != "product":
            continue
        owner = source.data.get("eigenaar") if source.data is not None else None
        if not isinstance(owner, str):
            complete = False  # unreadable fiche: its owner is unknown, so no 'unused mapping' claims
            continue
        owner = owner.strip()
        used.add(owner)
        if owner not in mapping:
            line, column = source.line_of(("eigenaar",))
            guess = difflib.get_close_matches(owner, list(mapping), n=1, cutoff=0.8)
            hint = f"bedoelt u '{guess[0]}'?" if guess else "vraag de beheerders om de eigenaar toe te voegen"
            source.findings.append(
                warning(
                    source.path,
                    line,
                    "eigenaar",
                    f"'{owner}' heeft geen GitHub-team in 'eigenaars' van {where.config_display}, dus niemand krijgt "
                    f"herinneringen of reviewverzoeken voor deze fiche; {hint}",
                    column,
                )
            )
    if not complete:
        return []
    settings = load_settings(where.config_path, where.config_display)
    findings = []
    for owner in mapping:
        if owner in used:
            continue
        line, column = settings.line_of(("eigenaars", owner), key=True)
        guess = difflib.get_close_matches(owner, sorted(used), n=1, cutoff=0.6)
        hint = f"bedoelt u '{guess[0]}'?" if guess else "verwijder deze regel of controleer de schrijfwijze"
        findings.append(
            error(where.config_display, line, f"eigenaars.{owner}", f"{_UNUSED.format(owner=owner)}; {hint}", column)
        )
    return findings


def town_config(where: Layout) -> tuple[TownConfig | None, list[Finding]]:
    """catalogus.yml for a command that needs only the settings; its findings when it cannot be used."""
    path, name = where.config_path, where.config_display
    if not path.is_file():
        return None, [error(name, 1, "bestand", f"{CONFIG_FILE} ontbreekt in {where.town}")]
    source = load_settings(path, name)
    record = model_findings(source, TownConfig) if source.data is not None else None
    if any(f.is_error for f in source.findings) or not isinstance(record, TownConfig):
        return None, source.findings
    return record, []
