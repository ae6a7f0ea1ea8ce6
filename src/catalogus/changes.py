"""Which files a proposal changes: `git diff` against the base of the pull request, as the checker names them.

Used to report only on the changed files (annotations, the pull-request comment); the full check still runs
in the build, so a change that breaks another file is never published.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from .check import CheckResult
from .sources import display_path


class ChangesError(Exception):
    """git could not tell what changed; the message is Dutch and says what to do."""


def _git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ChangesError(f"git kan niet uitgevoerd worden ({exc})") from None
    if done.returncode != 0:
        raise ChangesError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"git {args[0]} faalde")
    return done.stdout


def changed_files(root: Path, base: str) -> list[str]:
    """Files added or changed since the merge base with `base`, relative to `root` ('content/products/x.md')."""
    root = root.resolve()
    try:
        top = Path(_git(root, "rev-parse", "--show-toplevel").strip())
        names = _git(root, "diff", "--name-only", "-z", "--diff-filter=d", f"{base}...HEAD", "--")
    except ChangesError as exc:
        raise ChangesError(f"kan niet bepalen wat er sinds '{base}' veranderde: {exc}") from None
    paths = []
    for name in filter(None, names.split("\0")):
        full = top / name
        if full.resolve().is_relative_to(root):
            paths.append(display_path(full, root))
    return sorted(paths)


def only_changed(result: CheckResult, changed: list[str]) -> CheckResult:
    """The check result restricted to findings in the changed files."""
    keep = set(changed)
    return CheckResult([f for f in result.findings if f.path in keep], result.files, result.catalogue)
