"""Report findings: for editors (grouped per file), for GitHub (annotations) and for machines (JSON)."""

from __future__ import annotations

import json
from itertools import groupby

from catalogus.base.findings import Finding
from catalogus.check.pipeline import CheckResult

FORMATS = ("mens", "github", "json")


def render(result: CheckResult, fmt: str) -> str:
    return {"mens": human, "github": github, "json": as_json}[fmt](result)


def location(f: Finding) -> str:
    return f"{f.path}:{f.line}" + (f":{f.column}" if f.column else "")


def summary(result: CheckResult) -> str:
    errors, warnings = len(result.errors), len(result.warnings)
    return (
        f"{result.files} bestanden nagekeken: {errors} {'fout' if errors == 1 else 'fouten'}, "
        f"{warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}."
    )


def human(result: CheckResult) -> str:
    lines = []
    for path, group in groupby(result.findings, key=lambda f: f.path):
        findings = list(group)
        lines.append(f"{path} ({len(findings)})")
        lines.extend(f"  {location(f)}: {f.level}: {f.field}: {f.message}" for f in findings)
        lines.append("")
    lines.append(summary(result))
    if result.errors:
        lines.append("Los de fouten op en start de controle opnieuw.")
    return "\n".join(lines)


def _escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def github(result: CheckResult) -> str:
    lines = []
    for f in result.findings:
        command = "error" if f.is_error else "warning"
        props = f"file={_escape(f.path, True)},line={f.line}"
        if f.column:
            props += f",col={f.column}"
        props += f",title={_escape(f.field, True)}"
        lines.append(f"::{command} {props}::{_escape(f.message)}")
    lines.append(summary(result))
    return "\n".join(lines)


def as_json(result: CheckResult) -> str:
    payload = {
        "bestanden": result.files,
        "fouten": len(result.errors),
        "waarschuwingen": len(result.warnings),
        "meldingen": [
            {
                "bestand": f.path,
                "regel": f.line,
                "kolom": f.column,
                "niveau": f.level,
                "veld": f.field,
                "melding": f.message,
            }
            for f in result.findings
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)
