"""The households, and the lists of who is served and who objected, read and checked: text becomes answers here.

Each distinct cell of a column is typed once, as the evaluator compares it, not once per household. A broken row is
reported by its line and left out; opt-outs (the right to object) are removed before anything is evaluated.
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
import re
from collections import Counter
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from catalogus.model.config import Proactief
from catalogus.outreach.table import Column, OutreachError, Table, read_table
from catalogus.rules.questions import Question, questions

MAX_ROWS = 5_000_000
YES_WORDS, NO_WORDS = {"ja", "true", "1", "j", "yes"}, {"nee", "false", "0", "n", "no"}
NUMBER = re.compile(r"^(-?)([0-9]+)(?:[.,]([0-9]+))?$")
DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
COMMON_AMOUNT = re.compile(r"[0-9]{1,9}[.,][0-9]{2}")  # below 1.000.000.000: no bound to check
_UNITS, _CENTS = operator.itemgetter(slice(None, -3)), operator.itemgetter(slice(-2, None))


@dataclass
class RowProblem:
    file: str
    row: int
    reason: str


@dataclass
class Households:
    """The households kept (valid rows without an opt-out): per question the raw cell of each household, and what
    each distinct cell means as the evaluator compares it (None when empty; numbers in hundredths)."""

    ids: list[str]
    cells: dict[str, Column]
    typed: dict[str, dict[str, Any]]
    problems: list[RowProblem]
    opted_out: int = 0

    def column(self, question: str) -> tuple[list[str], np.ndarray, dict[str, Any]]:
        """A question's distinct cells, per household the place of its cell among them, and what each cell means; a
        question without a column is unknown for every household."""
        if question in self.cells:
            return *self.cells[question], self.typed[question]
        return [""], np.zeros(len(self.ids), np.int64), {"": None}

    def answers(self, index: int, asked: Iterable[str]) -> dict[str, Any]:
        """One household's answers, as the evaluator takes them."""
        answers = {q: typed[texts[cells[index]]] for q in asked for texts, cells, typed in [self.column(q)]}
        return {q: _as_number(v) if v is not None and questions()[q].soort == "getal" else v for q, v in answers.items()}


class _Invalid(ValueError):
    """A cell that does not fit its question; the reason is in Dutch."""


def _parser(question: Question) -> Callable[[str], bool | int | str]:
    """A function that types one non-empty cell as the evaluator compares it: yes/no, a choice or a date as such, a
    number in hundredths. The CSV reader is the boundary: here text becomes answers; the evaluator never coerces.
    """
    if question.soort == "ja_nee":
        words = {**dict.fromkeys(YES_WORDS, True), **dict.fromkeys(NO_WORDS, False)}

        def yes_no(text: str) -> bool:
            value = words.get(text.lower())
            if value is None:
                raise _Invalid("verwacht ja of nee (of 1/0)")
            return value

        return yes_no
    if question.soort == "getal":
        return lambda text: _parse_hundredths(text, question.geheel)
    if question.soort == "keuze":

        def choice(text: str) -> str:
            if text not in question.keuzes:
                raise _Invalid(f"'{text}' is geen keuze; toegelaten: {', '.join(question.keuzes)}")
            return text

        return choice

    def date(text: str) -> str:
        try:
            if DATE.match(text) and dt.date.fromisoformat(text):
                return text
        except ValueError:
            pass
        raise _Invalid(f"'{text}' is geen datum JJJJ-MM-DD")

    return date


def _parse_hundredths(text: str, whole: bool) -> int:
    """'12500', '12500.5', '12500,50' or '-3' in hundredths; at most 2 decimals, at most 1.000.000.000; no € or
    thousands dots."""
    match = NUMBER.match(text)
    if not match:
        raise _Invalid(f"'{text}' is geen getal (schrijf bv. 12500 of 12500.50, zonder €)")
    sign, units, decimals = match.groups()
    if len(decimals or "") > 2 or len(units) > 10:
        raise _Invalid(f"'{text}': hoogstens 2 cijfers na de komma en niet groter dan 1.000.000.000")
    hundredths = int(units) * 100 + int((decimals or "").ljust(2, "0"))
    if abs(hundredths) > 100_000_000_000:
        raise _Invalid(f"'{text}': niet groter dan 1.000.000.000")
    if whole and (sign or hundredths % 100):
        raise _Invalid(f"'{text}': verwacht een geheel getal, 0 of meer")
    return -hundredths if sign else hundredths


def _as_number(hundredths: int) -> int | float:
    """A number as the evaluator takes it (it compares hundredths itself): whole numbers stay int."""
    return hundredths // 100 if hundredths % 100 == 0 else hundredths / 100


def _type_cells(texts: set[str], question: Question) -> tuple[dict[str, Any], dict[str, str]]:
    """Each distinct cell typed once (an empty cell is None), and why the bad ones are bad.

    Most columns hold a handful of values; an amount column holds a new value in almost every row, so its common
    form (digits, a point or comma, two decimals) is converted in one pass without a call per cell.
    """
    typed: dict[str, Any] = {}
    if question.soort == "getal" and not question.geheel:
        common = list(filter(COMMON_AMOUNT.fullmatch, texts))
        typed.update(zip(common, map(int, map(operator.add, map(_UNITS, common), map(_CENTS, common))), strict=True))
        texts = texts.difference(common)
    parse = _parser(question)
    bad: dict[str, str] = {}
    for text in texts:
        cell = text.strip()
        try:
            typed[text] = parse(cell) if cell else None
        except _Invalid as exc:
            typed[text], bad[text] = None, str(exc)
    return typed, bad


def read_households(path: Path, mapping: Proactief, opt_outs: set[str]) -> Households:
    """Every row checked and typed, column by column; a broken row is reported by its line number and left out."""
    table = read_table(path, MAX_ROWS)
    header = table.header
    if mapping.id_kolom not in header:
        raise OutreachError(f"{path}: de kolom '{mapping.id_kolom}' (het nummer van het huishouden) ontbreekt")
    unknown = sorted(set(mapping.kolommen) - set(questions()))
    if unknown:
        raise OutreachError(f"catalogus.yml: proactief.kolommen: '{unknown[0]}' is geen vraag uit vragen.yml")
    columns = {q: header.index(mapping.kolommen.get(q, q)) for q in questions() if mapping.kolommen.get(q, q) in header}
    if not columns:
        raise OutreachError(f"{path}: geen enkele kolom heet zoals een vraag uit vragen.yml")
    ids = table.stripped(mapping.id_kolom)
    reasons, blank = _row_reasons(table, ids)
    broken_rows = set(reasons)
    typed: dict[str, dict[str, Any]] = {}
    for question, column in columns.items():
        texts, cells = table.columns[column]
        typed[question], bad = _type_cells(set(texts), questions()[question])
        wrong = [place for place, text in enumerate(texts) if text in bad]
        for index in np.flatnonzero(np.isin(cells, wrong)).tolist() if wrong else ():
            if index not in broken_rows:
                reasons.setdefault(index, []).append(f"kolom '{header[column]}': {bad[texts[cells[index]]]}")
    opted = np.fromiter(map(opt_outs.__contains__, ids), bool, len(ids))
    dropped = np.array(sorted(blank.union(reasons)), np.int64)
    keep = ~opted
    keep[dropped] = False
    return Households(
        ids=list(itertools.compress(ids, keep)),
        cells={q: (table.columns[column][0], table.columns[column][1][keep]) for q, column in columns.items()},
        typed=typed,
        problems=[RowProblem(path.name, table.lines[i], "; ".join(r)) for i, r in sorted(reasons.items())],
        opted_out=int(opted.sum()) - int(opted[np.array(sorted(reasons), np.int64)].sum()),
    )


def _row_reasons(table: Table, ids: list[str]) -> tuple[dict[int, list[str]], set[int]]:
    """The problems of whole rows (width, a missing or repeated id) by row index, and the empty rows; only the few
    odd rows are looked at one by one."""
    counts = Counter(ids)
    width, rows = len(table.header), table.rows
    if len(counts) == len(ids) and all(ids) and rows is None:
        return {}, set()  # the common file: every row well formed, checked without a call per row
    doubles = {household for household, count in counts.items() if count > 1}
    odd = [i for i, h in enumerate(ids) if not h or h in doubles or rows is not None and len(rows[i]) != width]
    reasons: dict[int, list[str]] = {}
    blank: set[int] = set()
    seen: set[str] = set()
    for index in odd:
        row, household = table.row(index), ids[index]
        if not any(cell.strip() for cell in row):
            blank.add(index)  # an empty line: nothing to report, nothing to read
        elif len(row) != width:
            reasons[index] = [f"{len(row)} kolommen in plaats van {width}"]
        elif not household:
            reasons[index] = ["het nummer van het huishouden ontbreekt"]
        elif household in seen:
            reasons[index] = [f"het huishouden '{household}' staat er al eerder in"]
        seen.add(household)
    return reasons, blank


def read_ids(path: Path, id_column: str, problems: list[RowProblem]) -> set[str]:
    """An opt-out list: one household id per row."""
    return {household for household, _ in _id_rows(path, id_column, None, problems)}


def read_served(path: Path, id_column: str, products: set[str], problems: list[RowProblem]) -> dict[str, set[str]]:
    """Who already receives what: rows of household id and product id."""
    served: dict[str, set[str]] = {}
    for household, product in _id_rows(path, id_column, "product", problems, products):
        served.setdefault(product, set()).add(household)
    return served


def _id_rows(
    path: Path, id_column: str, second: str | None, problems: list[RowProblem], known: AbstractSet[str] = frozenset()
):
    """The (household id, value of `second`) pairs of a list's good rows; each bad row is reported by its line."""
    table = read_table(path)
    header, rows = table.header, table.rows
    for name in (id_column, second):
        if name and name not in header:
            raise OutreachError(f"{path}: de kolom '{name}' ontbreekt")
    households = table.stripped(id_column)
    values = table.stripped(second) if second else itertools.repeat(None)
    pairs = []
    for index, household, value in zip(itertools.count(), households, values):
        if household and (second is None or value in known) and (rows is None or len(rows[index]) == len(header)):
            pairs.append((household, value))  # the common row, accepted without looking at the others
            continue
        row = table.row(index)
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header) or not household:
            problems.append(RowProblem(path.name, table.lines[index], "ongeldige regel: het nummer van het huishouden ontbreekt"))
        else:
            problems.append(RowProblem(path.name, table.lines[index], f"'{value}' is geen product met regels in de catalogus"))
    return pairs
