"""When each fiche was first and last changed, from the git history in one `git log` pass.

Used for the Atom feed and the IPDC dates. A fiche git does not know (a fork without history, a new file not
yet committed, no git at all) falls back to its `laatst_nagekeken`. The result depends only on the repository,
never on the clock.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from ..catalogue import Catalogue

MARK = "\x1e"
TIMEOUT_SECONDS = 60


def change_dates(catalogue: Catalogue, root: Path) -> dict[str, tuple[dt.date, dt.date]]:
    """Fiche id -> (first commit date, last commit date), for every fiche git knows."""
    paths = {entry.path: entry.id for entry in catalogue.products}
    folder = f"{catalogue.config.content_map}/products"
    command = ["git", "-C", str(root), "log", f"--format={MARK}%cs", "--name-only", "--relative", "--no-renames", "--", folder]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return {}
    if result.returncode != 0:
        return {}
    dates: dict[str, tuple[dt.date, dt.date]] = {}
    for block in result.stdout.split(MARK)[1:]:
        lines = block.strip().splitlines()
        if not lines:
            continue
        day = dt.date.fromisoformat(lines[0].strip())
        for name in lines[1:]:
            fiche_id = paths.get(name.strip())
            if fiche_id is None:
                continue
            first, last = dates.get(fiche_id, (day, day))
            dates[fiche_id] = (min(first, day), max(last, day))
    return dates


def last_changed(catalogue: Catalogue, dates: dict[str, tuple[dt.date, dt.date]]) -> dict[str, dt.date]:
    """Fiche id -> the day it last changed: its last commit, or its review date when git does not know it."""
    return {
        entry.id: dates[entry.id][1] if entry.id in dates else entry.record.laatst_nagekeken
        for entry in catalogue.products
    }
