"""The pull-request comment: the changed fiches and lokets, each with its own findings, in plain Dutch.

One comment per pull request, found again by its first line (MARKER) and updated in place by the workflow.
Editor text is shown literally (code blocks, escaped titles), so a fiche cannot inject links or mentions.
"""

from __future__ import annotations

import re
from itertools import groupby
from pathlib import Path

from catalogus.base.findings import Finding
from catalogus.check.pipeline import CONTENT_DIRS, CheckResult, only_changed
from catalogus.load.layout import SHARED_PRODUCTS
from catalogus.load.sources import load_source
from catalogus.model.config import SHARED_DIR
from catalogus.workflow.reminders import escape_markdown

MARKER = "<!-- catalogus:pr-verslag -->"


def _count(findings: list[Finding]) -> str:
    errors = sum(f.is_error for f in findings)
    warnings = len(findings) - errors
    parts = []
    if errors:
        parts.append(f"{errors} {'fout' if errors == 1 else 'fouten'}")
    if warnings:
        parts.append(f"{warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}")
    return " en ".join(parts) or "geen meldingen"


def _title(root: Path, path: str) -> str:
    """The fiche's titel (or loket's naam) when it can be read, else the file name."""
    try:
        data = load_source(root / path, path).data or {}
    except OSError:
        data = {}
    name = data.get("titel") or data.get("naam")
    return name if isinstance(name, str) and name.strip() else Path(path).name


def _code(text: str) -> str:
    """Inline code that holds any text: a longer backtick fence than any run inside, as CommonMark allows."""
    fence = "`" * (1 + max((len(m) for m in re.findall(r"`+", text)), default=0))
    return f"{fence} {text} {fence}" if fence != "`" else f"`{text}`"


def _block(lines: list[str]) -> list[str]:
    fence = "`" * max(3, 1 + max((len(m) for line in lines for m in re.findall(r"`+", line)), default=0))
    return [fence + "text", *lines, fence]


def _is_content(path: str, content_paths: tuple[str, ...]) -> bool:
    """A fiche or loket of a town (content_paths: the towns' content folders, relative to the repository), or a
    shared fiche."""
    folder, _, name = path.rpartition("/")
    folders = {f"{content}/{d}" for content in content_paths for d in CONTENT_DIRS} | {f"{SHARED_DIR}/{SHARED_PRODUCTS}"}
    return name.endswith(".md") and folder in folders


def render(
    root: Path,
    result: CheckResult,
    changed: list[str],
    content_paths: tuple[str, ...] = ("content",),
    base: CheckResult | None = None,
) -> str:
    """`base`: the check of the version the proposal starts from; errors the proposal causes in files it does not
    change (a deleted loket still in use) are then listed with those files."""
    mine = only_changed(result, changed, base)
    content = [p for p in changed if _is_content(p, content_paths)]
    others = sorted({f.path for f in mine.findings} - set(content))
    lines = [MARKER, "### Controle van dit voorstel", ""]
    if not content and not others:
        lines += ["Dit voorstel wijzigt geen fiches of loketten.", ""]
    else:
        lines += [f"{len(content)} gewijzigde {'fiche of loket' if len(content) == 1 else 'fiches en loketten'}: "
                  f"{_count(mine.findings)}.", ""]
        by_path = {p: list(g) for p, g in groupby(mine.findings, key=lambda f: f.path)}
        for path in content + others:
            findings = by_path.get(path, [])
            sign = "❌" if any(f.is_error for f in findings) else ("⚠️" if findings else "✅")
            broken = "" if path in changed else " (niet gewijzigd, maar dit voorstel maakt het stuk)"
            lines.append(f"- {sign} **{escape_markdown(_title(root, path))}** ({_code(path)}){broken}: {_count(findings)}")
        for path in content + others:
            findings = by_path.get(path, [])
            if findings:
                lines += ["", f"**{escape_markdown(_title(root, path))}** ({_code(path)})", ""]
                body = [f"regel {f.line}: {f.level}: {f.field}: {' '.join(f.message.split())}" for f in findings]
                lines += _block(body)
        lines.append("")
    shown = set(mine.findings)
    elsewhere = [f for f in result.errors if f.path not in set(changed) and f not in shown]
    if elsewhere:
        files = len({f.path for f in elsewhere})
        lines += [
            f"Let op: de volledige controle vindt nog {len(elsewhere)} {'fout' if len(elsewhere) == 1 else 'fouten'} "
            f"in {files} {'bestand' if files == 1 else 'bestanden'} die dit voorstel niet wijzigt. Zolang die er "
            "zijn, kan de site niet gebouwd worden; de stap *Site bouwen* toont waar ze staan.",
            "",
        ]
    if mine.errors:
        lines.append("Los de fouten op in hetzelfde voorstel: open het bestand, klik op het potloodje, verbeter en "
                     "bewaar (commit). De controle loopt dan opnieuw en deze reactie wordt bijgewerkt.")
    else:
        lines.append("Geen fouten door dit voorstel. Een collega kan het voorstel nu nakijken en goedkeuren.")
    lines += [
        "",
        "De meldingen staan ook bij de regels zelf, in het tabblad *Files changed*. De gebouwde site zit als "
        "artefact *voorbeeldsite* bij de controle *Voorstel nakijken* (tabblad *Checks*).",
    ]
    return "\n".join(lines) + "\n"
