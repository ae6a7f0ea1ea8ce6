"""Validate: one loaded file against the model, the vocabularies and the town's review rules.

Every problem becomes a Finding with a line; nothing here raises for bad content.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from catalogus.base.findings import Finding, error, warning
from catalogus.base.markup import is_insecure, text_problems
from catalogus.check.editorial import fiche_findings
from catalogus.check.messages import Known, describe, suggest_term
from catalogus.load.sources import KeyPath, Source, field_name
from catalogus.model import MODELS, Fiche, Loket, web_addresses
from catalogus.model.config import TownConfig
from catalogus.model.review import NOT_REVIEWED, Reviewed, review_due
from catalogus.model.vocabulary import FIELD_VOCABULARY, Vocabularies

PLAIN_INT = re.compile(r"[-+]?[0-9]+")
Model = TypeVar("Model", bound=BaseModel)


def validate_source(
    source: Source, vocab: Vocabularies, config: TownConfig, today: dt.date, known: Known | None = None
) -> Fiche | Loket | None:
    """The validated record, or None; findings go into `source.findings`. `known` improves suggestions."""
    if source.data is None:
        return None
    source.findings.extend(body_findings(source))
    record = model_findings(source, MODELS[source.kind], known)
    if record is None:
        if source.kind == "product":
            source.findings.extend(_independent_findings(source, vocab, config, today))
        return None
    source.findings.extend(_insecure_links(source, record))
    source.findings.extend(_id_matches_file(source, record))
    if isinstance(record, Fiche):
        source.findings.extend(_vocabulary_findings(source, {f: getattr(record, f) for f in FIELD_VOCABULARY}, vocab))
        source.findings.extend(_review_findings(source, record, config, today))
        source.findings.extend(fiche_findings(source, record, config))
    if any(f.is_error for f in source.findings):
        return None
    return record


@dataclass(frozen=True)
class _Readable:
    """The review fields of a fiche that failed the model, for the review rule; with its vocabulary terms they are
    still checked, so an editor sees every independent problem of the file in one round instead of one per kind."""

    laatst_nagekeken: dt.date
    nakijken_elke_maanden: int | None


def _independent_findings(source: Source, vocab: Vocabularies, config: TownConfig, today: dt.date) -> list[Finding]:
    data = source.data or {}
    failed = {f.field.split(".")[0] for f in source.findings if f.is_error}
    terms = {
        field: data[field]
        for field in FIELD_VOCABULARY
        if field in data and field not in failed and _strings(data[field])
    }
    findings = _vocabulary_findings(source, terms, vocab)
    reviewed, months = _date(data.get("laatst_nagekeken")), data.get("nakijken_elke_maanden")
    if "laatst_nagekeken" not in failed and reviewed is not None:
        usable_months = months if type(months) is int and "nakijken_elke_maanden" not in failed else None
        findings += _review_findings(source, _Readable(reviewed, usable_months), config, today)
    return findings


def _date(value: object) -> dt.date | None:
    """A date as the model reads it: a YAML date, or its ISO text."""
    if type(value) is dt.date:
        return value
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _strings(value: object) -> bool:
    return isinstance(value, str) or (isinstance(value, list) and all(isinstance(item, str) for item in value))


def model_findings(source: Source, model: type[Model], known: Known | None = None) -> Model | None:
    """Validate loaded data against a model; every model error becomes a finding at its own line."""
    try:
        record = model.model_validate(source.data)
    except ValidationError as exc:
        reported = set()
        for err in exc.errors(include_url=False):
            if err["type"] == "invalid_key":  # a key YAML read as true/number/date: the loader reported it
                continue
            loc: KeyPath = tuple(err["loc"])
            message = describe(err, source.scalars.get(loc), model, known)
            is_key = bool(loc) and loc[-1] == "[key]"  # a dict key that breaks its rule (vocabulary ids)
            loc = loc[:-1] if is_key else loc
            if err["type"] == "value_error":
                loc, message = _narrow(source, loc, message)
            # A rule about a whole group (kostprijs, a loket) points at the line that opens the group.
            group = err["type"] == "value_error" and bool(loc) and isinstance(_value_at(source.data, loc), dict)
            as_key = err["type"] in ("extra_forbidden", "missing") or group or is_key
            line, column = source.line_of(loc, key=as_key)
            field = field_name(loc) or {"product": "fiche"}.get(source.kind, source.kind)
            source.findings.append(error(source.path, line, field, message, column))
            reported.add(loc)
        source.findings.extend(_number_traps(source, reported))
        return None
    source.findings.extend(_number_traps(source, set()))
    return record


def _narrow(source: Source, loc: KeyPath, message: str) -> tuple[KeyPath, str]:
    """A group rule that names one of its fields first ('donderdag: het tijdvak ...') points at that field."""
    head, sep, rest = message.partition(": ")
    if sep and (*loc, head) in source.key_lines:
        return (*loc, head), rest
    return loc, message


def _number_traps(source: Source, reported: set[KeyPath]) -> list[Finding]:
    """YAML 1.1 reads 010 as 8 (octal), 0x10 as 16 and 1:30 as 90; the site would show the surprising number."""
    findings = []
    for loc, scalar in source.scalars.items():
        if scalar.tag != "int" or scalar.quoted or loc in reported:
            continue
        value = _value_at(source.data, loc)
        digits = scalar.text.replace("_", "")
        if PLAIN_INT.fullmatch(digits) and int(digits) == value:
            continue  # 1_000 or 007: read as the number it looks like
        line, column = source.line_of(loc)
        findings.append(
            error(
                source.path,
                line,
                field_name(loc),
                f"'{scalar.text}' wordt door YAML gelezen als het getal {value}; schrijf een gewoon getal zonder "
                "voorloopnul (bv. 10), of zet het tussen aanhalingstekens als het tekst is",
                column,
            )
        )
    return findings


def _value_at(data: object, loc: KeyPath) -> object:
    """The loaded value at `loc`, or '?' when the data has no such place."""
    for part in loc:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, (list, tuple, str, bytes)) and isinstance(part, int) and -len(data) <= part < len(data):
            data = data[part]
        else:
            return "?"
    return data


def _id_matches_file(source: Source, record: Fiche | Loket) -> list[Finding]:
    stem = PurePosixPath(source.path).stem
    record_id = record.id
    if record_id == stem:
        return []
    line, column = source.line_of(("id",))
    return [error(source.path, line, "id", f"de id '{record_id}' moet gelijk zijn aan de bestandsnaam '{stem}'", column)]


def _vocabulary_findings(source: Source, terms: dict[str, object], vocab: Vocabularies) -> list[Finding]:
    """Each term (field: value or list of values) must be in its vocabulary."""
    findings = []
    for field, value in terms.items():
        values = value if isinstance(value, list) else [value]
        allowed = vocab.terms(field)
        seen: set[str] = set()
        for index, item in enumerate(values):
            loc: KeyPath = (field, index) if isinstance(value, list) else (field,)
            line, column = source.line_of(loc)
            if item not in allowed:
                message = f"'{item}' staat niet in de lijst '{FIELD_VOCABULARY[field]}'; {suggest_term(item, allowed)}"
                findings.append(error(source.path, line, field, message, column))
            elif item in seen:
                findings.append(warning(source.path, line, field, f"'{item}' staat er twee keer; verwijder er één"))
            seen.add(item)
    return findings


def future_review(source: Source, reviewed: dt.date, today: dt.date) -> list[Finding]:
    """A review date after `today` is a typing error (of a fiche or an internal text): it would hide a due review."""
    if reviewed <= today:
        return []
    line, column = source.line_of(("laatst_nagekeken",))
    message = f"datum ligt in de toekomst ({reviewed.isoformat()}); vul de datum van het nazicht in"
    return [error(source.path, line, "laatst_nagekeken", message, column)]


def _review_findings(source: Source, fiche: Reviewed, config: TownConfig, today: dt.date) -> list[Finding]:
    if fiche.laatst_nagekeken == NOT_REVIEWED:
        return []  # a draft: its marker is reported already
    future = future_review(source, fiche.laatst_nagekeken, today)
    if future:
        return future
    line, column = source.line_of(("laatst_nagekeken",))
    due = review_due(fiche, config)
    if today <= due:
        return []
    overdue = (today - due).days
    message = (
        f"deze fiche moest op {due.isoformat()} nagekeken worden ({overdue} dagen geleden); "
        "kijk de inhoud na en zet 'laatst_nagekeken' op de datum van vandaag"
    )
    if overdue > config.nakijken.marge_dagen:
        return [error(source.path, line, "laatst_nagekeken", message, column)]
    return [warning(source.path, line, "laatst_nagekeken", message, column)]


def body_findings(source: Source) -> list[Finding]:
    """Raw HTML, unsafe links and the like in the body; the front-matter's texts are checked by their types."""
    return [
        error(source.path, source.body_line + problem.line, "tekst", problem.message)
        for problem in text_problems(source.body)
    ]


def _insecure_links(source: Source, record: BaseModel) -> list[Finding]:
    findings = []
    for loc, url in web_addresses(record):
        if is_insecure(url):
            line, column = source.line_of(loc)
            advice = "gebruik een beveiligde link (https://) als de site die heeft"
            findings.append(warning(source.path, line, field_name(loc), advice, column))
    return findings
