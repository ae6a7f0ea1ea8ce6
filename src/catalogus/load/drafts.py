"""Draft values: 'IN TE VULLEN' marks what a new town still has to fill in (catalogus nieuwe-gemeente writes it).

Every marked field is a finding: an error in a normal check and build, a warning with `--concept`, so a draft
site can be previewed (with a draft banner) but never published by accident. Before validation a marked value
that the model cannot hold (a postcode, an e-mail address, a date) is replaced by a stand-in, so the check
reports the marker itself rather than a type error.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from catalogus.base.findings import Finding, warning
from catalogus.load.sources import KeyPath, Source, field_name
from catalogus.model.review import NOT_REVIEWED

MARKER = "IN TE VULLEN"
# Optional fields whose type cannot hold the marker: left out of a draft.
DROPPED = {"telefoon", "website", "kostprijs", "ontvangt", "rechten"}
# A link still to fill in points nowhere that can exist.
DRAFT_URL = "https://in-te-vullen.invalid/"
# A loket needs a telefoon or an e-mail address: a draft shows one that cannot exist (RFC 2606 '.invalid').
DRAFT_EMAIL = "in-te-vullen@gemeente.invalid"


def mark(source: Source) -> None:
    """Report every marked field of `source` and put stand-ins in place of values the model cannot hold.

    Reported as warnings, so validation and cross-checks go on as for a filled-in file; `settle` then makes
    them errors outside a concept build."""
    report = warning
    if source.data is not None:
        source.data = _walk(source.data, (), source, report)
    for offset, line in enumerate(source.body.split("\n")):
        if MARKER in line:
            source.findings.append(report(source.path, source.body_line + offset, "tekst", _message("de tekst")))


def _walk(value: Any, loc: KeyPath, source: Source, report) -> Any:
    if isinstance(value, dict):
        walked = {k: _walk(v, (*loc, k), source, report) for k, v in value.items()}
        return {k: v for k, v in walked.items() if v is not _DROP}
    if isinstance(value, list):
        walked_items = [_walk(v, (*loc, i), source, report) for i, v in enumerate(value)]
        return [v for v in walked_items if v is not _DROP]
    if isinstance(value, str) and MARKER in value:
        line, column = source.line_of(loc)
        source.findings.append(report(source.path, line, field_name(loc), _message(f"'{field_name(loc)}'"), column))
        return _stand_in(loc, value)
    return value


class _Drop:
    pass


_DROP = _Drop()


def _stand_in(loc: KeyPath, value: str) -> Any:
    name = loc[-1] if loc else ""
    if value.strip() != MARKER:
        return value
    if name == "postcode":
        return "0000"
    if name == "url":
        return DRAFT_URL
    if name == "email":
        return DRAFT_EMAIL
    if name == "laatst_nagekeken":
        return NOT_REVIEWED  # never a date: nobody reviewed a draft
    if isinstance(name, int):
        return _DROP  # a list item still to fill in (an opening-hours day: [IN TE VULLEN]): the list keeps the others
    if name in DROPPED:
        return _DROP
    return value


def is_draft(finding: Finding) -> bool:
    return finding.message.endswith(_TAIL)


def settle(findings: list[Finding], concept: bool) -> list[Finding]:
    """Outside a concept build a field still to fill in is an error: such a site is never published."""
    return findings if concept else [replace(f, level="fout") if is_draft(f) else f for f in findings]


_TAIL = "; dat mag alleen in een conceptsite (--concept)"


def _message(what: str) -> str:
    return f"{what} is nog niet ingevuld ({MARKER}): vul de gegevens van uw gemeente in{_TAIL}"
