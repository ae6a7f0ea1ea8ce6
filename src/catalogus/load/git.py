"""What git knows: one runner for every git call, and which files a proposal changes.

`changed_files` is `git diff` against the base of a pull request, as the checker names files; used to report
only on the changed files (annotations, the pull-request comment). The full check still runs in the build, so
a change that breaks another file is never published.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

from catalogus.load.sources import display_path

TIMEOUT_SECONDS = 60


class GitError(Exception):
    """git could not answer; the message is Dutch and says what to do."""


def run_git(root: Path, *args: str) -> str:
    """git's output for `args` in `root`; GitError when git is missing, too slow or fails."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitError(f"git kan niet uitgevoerd worden ({exc})") from None
    if done.returncode != 0:
        raise GitError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"git {args[0]} faalde")
    return done.stdout


def changed_files(root: Path, base: str) -> list[str]:
    """Files added or changed since the merge base with `base`, relative to `root` ('content/products/x.md')."""
    root = root.resolve()
    try:
        top = Path(run_git(root, "rev-parse", "--show-toplevel").strip())
        names = run_git(root, "diff", "--name-only", "-z", "--diff-filter=d", f"{base}...HEAD", "--")
    except GitError as exc:
        raise GitError(f"kan niet bepalen wat er sinds '{base}' veranderde: {exc}") from None
    paths = []
    for name in filter(None, names.split("\0")):
        full = top / name
        if full.resolve().is_relative_to(root):
            paths.append(display_path(full, root))
    return sorted(paths)


def export_tree(root: Path, rev: str, target: Path) -> None:
    """The project at `root` as it was at `rev`, written into `target` (git archive): to check the base of a
    proposal and tell the problems it brings from the ones that were there before."""
    root = root.resolve()
    try:
        top = Path(run_git(root, "rev-parse", "--show-toplevel").strip())
        prefix = root.relative_to(top).as_posix()
        done = subprocess.run(
            ["git", "-C", str(root), "archive", "--format=tar", f"{rev}:{'' if prefix == '.' else prefix}"],
            capture_output=True, timeout=TIMEOUT_SECONDS, check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitError(f"git kan niet uitgevoerd worden ({exc})") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"kan de versie '{rev}' niet ophalen: {message[-1] if message else 'git archive faalde'}")
    with tarfile.open(fileobj=io.BytesIO(done.stdout)) as archive:
        archive.extractall(target, filter="data")
