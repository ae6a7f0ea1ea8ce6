"""When each fiche was changed, and with which commit message, from the git history in one `git log` pass.

Used for "last changed" on every fiche page, the staff edition's list of recent changes, the Atom feed and the
IPDC dates. A fiche git does not know (a fork without history, a new file not yet committed, no git at all)
falls back to its `laatst_nagekeken`. A shallow clone (CI checks out one commit unless told otherwise) counts as
no history: its oldest commit has no parent, so git reports every file as added in it, and every fiche would
seem changed that day. The result depends only on the repository, never on the clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from catalogus.load.git import GitError, run_git
from catalogus.model import Fiche
from catalogus.model.catalogue import Catalogue, Entry

MARK = "\x1e"  # starts a commit in the log output
SEPARATOR = "\x1f"  # between a commit's date and its subject
MAX_SUBJECT = 200


@dataclass(frozen=True)
class Change:
    day: dt.date
    subject: str


@dataclass(frozen=True)
class History:
    """Per fiche id its commits, newest first; empty without (full) git history."""

    changes: dict[str, tuple[Change, ...]] = field(default_factory=dict)

    def last_changed(self, fiche_id: str) -> dt.date | None:
        changes = self.changes.get(fiche_id)
        return max(c.day for c in changes) if changes else None

    def changed_or_reviewed(self, entry: Entry[Fiche]) -> dt.date:
        """The day a fiche last changed, as pages and the feed show it: its last commit, or its review date when
        git does not know it."""
        return self.last_changed(entry.id) or entry.record.laatst_nagekeken

    def recent(self, fiche_id: str, count: int) -> tuple[Change, ...]:
        return self.changes.get(fiche_id, ())[:count]


def read_history(catalogue: Catalogue, root: Path) -> History:
    """The fiches' commits, from one `git log` over the products folder; empty when git cannot tell."""
    if _git(root, "rev-parse", "--is-shallow-repository") != "false\n":
        return History()  # not a repository, git missing, or a shallow clone
    paths = {entry.path: entry.id for entry in catalogue.products}
    paths |= {entry.local: entry.id for entry in catalogue.products if entry.local}  # a change in the town's own values
    folders = sorted({path.rsplit("/", 1)[0] for path in paths})
    output = _git(root, "log", f"--format={MARK}%cs{SEPARATOR}%s", "--name-only", "--relative", "--no-renames", "--", *folders)
    changes: dict[str, list[Change]] = {}
    for block in (output or "").split(MARK)[1:]:
        head, _, names = block.partition("\n")
        day, _, subject = head.partition(SEPARATOR)
        change = Change(dt.date.fromisoformat(day.strip()), _shortened(subject.strip()))
        for name in names.splitlines():
            fiche_id = paths.get(name.strip())
            listed = changes.setdefault(fiche_id, []) if fiche_id is not None else None
            if listed is not None and (not listed or listed[-1] is not change):  # a fiche and its local file: once
                listed.append(change)
    return History({key: tuple(value) for key, value in changes.items()})


def _git(root: Path, *args: str) -> str | None:
    """git's output, or None when git cannot tell (no repository, no git): history is then empty."""
    try:
        return run_git(root, *args)
    except GitError:
        return None


def _shortened(subject: str) -> str:
    return subject if len(subject) <= MAX_SUBJECT else subject[: MAX_SUBJECT - 1].rstrip() + "…"


def change_dates(catalogue: Catalogue, root: Path, history: History | None = None) -> dict[str, tuple[dt.date, dt.date]]:
    """Fiche id -> (first commit date, last commit date), for every fiche git knows."""
    history = history if history is not None else read_history(catalogue, root)
    return {key: (min(c.day for c in value), max(c.day for c in value)) for key, value in history.changes.items()}
