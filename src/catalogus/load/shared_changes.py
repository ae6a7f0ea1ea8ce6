"""What changed in a shared fiche since the version a town reviewed, in words an editor reads in one glance,
and what happened to a shared fiche that is gone (removed or renamed upstream), from the git history.

git keeps every version a town may have recorded (`gedeelde_versie` is a blob id), so the summary compares
the two versions field by field; a clone without that history gets a message that says where to look.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from catalogus.load.git import GitError, run_git
from catalogus.load.sources import parse_source

# What a recorded version (gedeelde_versie) must look like before it is given to git: hex only, so a value in a
# town's file can never be read by git as an option.
VERSION_PATTERN = re.compile(r"^[0-9a-f]{7,40}$")
MAX_SHOWN = 3  # changed fields shown in full; the others are named
MAX_TEXT = 90  # characters of one old or new value


def summary(root: Path, display: str, reviewed: str | None, current_text: str) -> str:
    """'gewijzigd: voorwaarden (+ "…"; - "…"), de tekst (…)' since `reviewed`, or why that cannot be said."""
    if not reviewed:
        return "deze gemeente noteerde nog niet welke versie ze nakeek (gedeelde_versie)"
    if not VERSION_PATTERN.match(reviewed):
        return f"'{reviewed}' is geen versie die 'catalogus nagekeken' schrijft"
    try:
        old_text = run_git(root, "cat-file", "blob", reviewed)
    except GitError:
        return f"de versie {reviewed} staat niet in de git-geschiedenis van deze map; vergelijk met 'git log -p {display}'"
    return describe(old_text, current_text, display) or "alleen de opmaak van het bestand veranderde"


def describe(old_text: str, new_text: str, display: str) -> str:
    old, new = parse_source(old_text, display), parse_source(new_text, display)
    old_data, new_data = old.data or {}, new.data or {}
    parts = []
    for key in sorted(set(old_data) | set(new_data), key=_order(new_data, old_data)):
        before, after = old_data.get(key), new_data.get(key)
        if before != after:
            parts.append(_field_change(str(key), before, after))
    if old.body.strip() != new.body.strip():
        parts.append(_text_change("de tekst", old.body, new.body))
    if len(parts) > MAX_SHOWN:
        named = ", ".join(part.split(" ", 1)[0] for part in parts[MAX_SHOWN:])
        parts = [*parts[:MAX_SHOWN], f"ook {named}"]
    return "; ".join(parts)


def _order(*datas: dict) -> Any:
    keys = [k for data in datas for k in data]
    return lambda key: keys.index(key)


def _field_change(key: str, before: Any, after: Any) -> str:
    if before is None:
        return f"{key} (nieuw: {_short(after)})"
    if after is None:
        return f"{key} (verwijderd, was: {_short(before)})"
    if isinstance(before, list) and isinstance(after, list):
        added = [item for item in after if item not in before]
        removed = [item for item in before if item not in after]
        items = [f"+ {_short(item)}" for item in added] + [f"- {_short(item)}" for item in removed]
        return f"{key} ({'; '.join(items) if items else 'andere volgorde'})"
    return f"{key} ({_short(before)} → {_short(after)})"


def _text_change(name: str, before: str, after: str) -> str:
    old = [p.strip() for p in before.split("\n\n") if p.strip()]
    new = [p.strip() for p in after.split("\n\n") if p.strip()]
    added = [p for p in new if p not in old]
    removed = [p for p in old if p not in new]
    items = [f"+ {_short(p)}" for p in added[:2]] + [f"- {_short(p)}" for p in removed[:2]]
    return f"{name} ({'; '.join(items)})"


def _short(value: Any) -> str:
    text = " ".join(str(value).split())
    return f'"{text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"}"'


@dataclass(frozen=True)
class Gone:
    """A shared fiche that is no longer there: removed, or renamed to `renamed_to`."""

    fiche_id: str
    renamed_to: str | None
    commit: str
    day: str
    subject: str


def gone(root: Path, shared_folder: str, fiche_id: str) -> Gone | None:
    """The commit that removed gedeeld/products/<id>.md (and, when that commit renamed it, the new id), or None
    when git does not know the file."""
    path = f"{shared_folder}/{fiche_id}.md"
    try:
        head = run_git(root, "log", "-1", "--diff-filter=D", "--format=%h%x1f%cs%x1f%s", "--", path).strip()
        if not head:
            return None
        commit, day, subject = (head.split("\x1f") + ["", ""])[:3]
        changes = run_git(root, "show", "-M", "--name-status", "--format=", commit)
    except GitError:
        return None
    renamed_to = None
    for line in changes.splitlines():
        fields = line.split("\t")
        if fields[0].startswith("R") and len(fields) == 3 and fields[1] == path:
            renamed_to = Path(fields[2]).stem
    return Gone(fiche_id, renamed_to, commit, day, subject)
