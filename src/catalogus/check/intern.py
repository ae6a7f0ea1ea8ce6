"""The staff edition's texts: load and validate content/intern/<fiche-id>.md, one file per fiche.

A separate file, not a block inside the fiche, so that nothing that reads or writes a fiche (the public site,
the exports, the form editor's files) can carry an internal text along or drop it: the public build never gets
these records, because only `check(..., internal=True)` keeps them. The checker reads them to validate them
like any content file (same size bounds, safe YAML, the one Markdown renderer's rules) and refuses what looks
like personal data: a Belgian national register number or an account number (IBAN), recognised by their
check digits (python-stdnum), so a phone number or a date is not mistaken for one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from stdnum import iban
from stdnum.be import nn

from catalogus.base.findings import Finding, error
from catalogus.check.messages import suggest_reference
from catalogus.check.validate import body_findings, future_review, model_findings
from catalogus.load.sources import Source, display_path, field_name, load_source
from catalogus.model import Intern

FOLDER = "intern"
# Candidates: 11 digits as a national register number is written (85.07.30-033.28, 85073003328), and an IBAN
# (two letters, two check digits, 11-30 letters or digits, in groups of four or not).
NATIONAL_NUMBER = re.compile(r"(?<![\d.-])\d{2}[. ]?\d{2}[. ]?\d{2}[- ]?\d{3}[. ]?\d{2}(?![\d-]|\.\d)")
ACCOUNT_NUMBER = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")


@dataclass(frozen=True)
class InternalText:
    """A checked internal text: its record, its Markdown body and the file it came from."""

    fiche_id: str
    record: Intern
    body: str
    path: str


def check_internal(
    paths: list[Path], root: Path, fiches: Mapping[str, str], today: dt.date
) -> tuple[dict[str, InternalText], list[Finding]]:
    """Every internal text under content/intern/, validated; `fiches` are the fiche ids on disk (valid or not)."""
    texts: dict[str, InternalText] = {}
    findings: list[Finding] = []
    for path in paths:
        display = display_path(path, root)
        source = load_source(path, display)
        source.kind = FOLDER
        text = _validate(source, fiches, today)
        findings.extend(source.findings)
        if text is not None and not any(f.is_error for f in source.findings):
            texts[text.fiche_id] = text
    return texts, findings


def _validate(source: Source, fiches: Mapping[str, str], today: dt.date) -> InternalText | None:
    fiche_id = PurePosixPath(source.path).stem
    if fiche_id not in fiches:
        hint = suggest_reference(fiche_id, fiches) or "controleer de schrijfwijze"
        source.findings.append(
            error(
                source.path,
                1,
                "bestand",
                f"er is geen fiche '{fiche_id}': een interne tekst heet zoals de fiche waar hij bij hoort "
                f"(content/intern/<id van de fiche>.md); {hint}",
            )
        )
    if source.data is None:
        return None
    source.findings.extend(body_findings(source))
    source.findings.extend(personal_data(source))
    record = model_findings(source, Intern)
    if record is None:
        return None
    source.findings.extend(future_review(source, record.laatst_nagekeken, today))
    if not source.body.strip() and not record.team and not record.doorverwijzen:
        source.findings.append(
            error(
                source.path,
                1,
                "bestand",
                "deze interne tekst is leeg; schrijf onder de gegevens wat collega's moeten weten, of verwijder het bestand",
            )
        )
    return InternalText(fiche_id, record, source.body, source.path)


def personal_data(source: Source) -> list[Finding]:
    """Findings for national register numbers and IBANs, in the front-matter values and in the body."""
    findings = []
    for line, column, field, text in _texts(source):
        for kind, where in _numbers(text):
            findings.append(
                error(
                    source.path,
                    line,
                    field,
                    f"hier staat wat op {kind} lijkt ('{where}'); persoonsgegevens horen nooit in de catalogus, "
                    "ook niet in de interne editie: verwijder het",
                    column,
                )
            )
    return findings


def _texts(source: Source) -> Iterator[tuple[int, int, str, str]]:
    for loc, scalar in source.scalars.items():
        line, column = source.line_of(loc)
        yield line, column, field_name(loc) or "bestand", scalar.text
    for offset, text in enumerate(source.body.split("\n")):
        yield source.body_line + offset, 0, "tekst", text


def _numbers(text: str) -> Iterator[tuple[str, str]]:
    for match in NATIONAL_NUMBER.finditer(text):
        if nn.is_valid(match.group()):
            yield "een rijksregisternummer", match.group()
    for match in ACCOUNT_NUMBER.finditer(text):
        if iban.is_valid(match.group()):
            yield "een rekeningnummer (IBAN)", match.group()
