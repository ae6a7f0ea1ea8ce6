"""A town's instance of a shared fiche (the IPDC/LPDC model): adopted or not, offered or not, finished or not,
and reviewed against which version of the shared text.

The instance is the town's local file (gemeenten/<town>/content/lokaal/<id>.yml). Besides the local fields it
records `gedeelde_versie` (the version of the shared fiche the town last reviewed), and `aangeboden: false`
(with an optional `reden`) for a service the town does not offer. A shared fiche without a local file is not
adopted: it is not published for that town. The version is git's blob id of the shared file (its first 12
characters): it changes with every change to the text or data, needs no one to count, and git can show the
version the town reviewed, for a summary of what changed since.
"""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from catalogus.load.drafts import MARKER
from catalogus.load.shared_changes import summary
from catalogus.load.sources import Source

VERSION_FIELD = "gedeelde_versie"
OFFERED_FIELD = "aangeboden"
REASON_FIELD = "reden"
INSTANCE_FIELDS = (VERSION_FIELD, OFFERED_FIELD, REASON_FIELD)
VERSION_LENGTH = 12
# A shared fiche is town-neutral: these fields are always the town's (its local file), never shared.
TOWN_FIELDS = ("loket", "andere_loketten", "eigenaar", "laatst_nagekeken", "nakijken_elke_maanden")


class State(enum.Enum):
    NEW = "nieuw"  # no local file: not adopted, not published
    NOT_OFFERED = "niet aangeboden"  # aangeboden: false
    UNFINISHED = "in voorbereiding"  # values still 'IN TE VULLEN': not public until filled in
    ADOPTED = "overgenomen"


@dataclass(frozen=True)
class Instance:
    fiche_id: str
    shared: Source
    local: Source | None
    state: State
    version: str  # the shared fiche's version now
    reviewed: str | None  # the version the town last reviewed (gedeelde_versie), None if not recorded
    reason: str = ""  # why a town does not offer it, or where citizens can go instead
    changes: str = ""  # what changed in the shared fiche since the reviewed version (when it needs review)

    @property
    def needs_review(self) -> bool:
        return self.state is State.ADOPTED and self.reviewed != self.version


def version_of(path: Path) -> str:
    """git's blob id of the file (`git hash-object`), shortened: equal bytes, equal version."""
    return _version(path.read_bytes())


def _version(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()[:VERSION_LENGTH]


def instance(fiche_id: str, shared: Source, path: Path, local: Source | None) -> Instance:
    """The town's instance of one shared fiche, from its local file (None: not adopted); for a fiche to review,
    what changed is worked out here, once, for the checker and the status command alike."""
    data_bytes = path.read_bytes()
    current = _version(data_bytes)
    if local is None:
        return Instance(fiche_id, shared, None, State.NEW, current, None)
    data = local.data if isinstance(local.data, dict) else {}
    reviewed = data.get(VERSION_FIELD)
    reviewed = str(reviewed).strip() if reviewed is not None else None
    reason = data.get(REASON_FIELD)
    reason = " ".join(reason.split()) if isinstance(reason, str) else ""
    if data.get(OFFERED_FIELD) is False:
        state = State.NOT_OFFERED
    elif _has_marker(data):
        state = State.UNFINISHED
    else:
        state = State.ADOPTED
    changes = ""
    if state is State.ADOPTED and reviewed != current:
        changes = summary(path.parent, shared.path, reviewed, data_bytes.decode("utf-8", "replace"))
    return Instance(fiche_id, shared, local, state, current, reviewed, reason, changes)


def split_instance_fields(local: Source) -> dict[str, Any]:
    """Take the instance's own fields out of the local data (they are not fiche fields) and return them."""
    if not isinstance(local.data, dict):
        return {}
    return {key: local.data.pop(key) for key in INSTANCE_FIELDS if key in local.data}


def _has_marker(value: Any) -> bool:
    if isinstance(value, str):
        return MARKER in value
    if isinstance(value, dict):
        return any(_has_marker(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_marker(v) for v in value)
    return False
