"""The households, and the lists of who is served and who objected, read and checked: text becomes answers here.

Each distinct cell of a column is typed once, as the evaluator compares it, not once per household. A broken row is
reported by its line and left out; opt-outs (the right to object) for every product are removed before anything is
evaluated, those for one product by batch.py. Household ids are compared only as `household_key` makes them, in all
three files; no message names an id (they are personal data), only its file and line.
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from stdnum.be import nn

from catalogus.model.config import Proactief
from catalogus.outreach.table import Column, OutreachError, Table, read_table
from catalogus.rules.questions import Question, questions

MAX_ROWS = 5_000_000
YES_WORDS, NO_WORDS = {"ja", "true", "1", "j", "yes"}, {"nee", "false", "0", "n", "no"}
NUMBER = re.compile(r"^(-?)([0-9]+)(?:[.,]([0-9]+))?$")
DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
COMMON_AMOUNT = re.compile(r"[0-9]{1,9}[.,][0-9]{2}")  # below 1.000.000.000: no bound to check
_UNITS, _CENTS = operator.itemgetter(slice(None, -3)), operator.itemgetter(slice(-2, None))
SPACE = re.compile(r"\s+")  # every character str.isspace() calls a space
NATIONAL_NUMBER = re.compile(r"[0-9][0-9.\-]*[0-9]")  # digits, dots and dashes: 85.07.30-033.28 or 85073003328
NOT_A_NATIONAL_NUMBER = "het nummer lijkt een rijksregisternummer (11 cijfers), maar de controlecijfers kloppen niet"
ALL_PRODUCTS = ""  # the product of an opt-out that names none: it applies to every product


class _Invalid(ValueError):
    """A cell that does not fit its question; the reason is in Dutch."""


def household_keys(ids: Sequence[str]) -> tuple[list[str], dict[int, str]]:
    """The one form in which household ids are compared, in every file: Unicode compatibility form (NFKC),
    case-folded, without spaces anywhere; a national register number (11 digits, with or without dots, dashes and
    spaces: 85.07.30-033.28, 85073003328) as its 11 digits, checked with python-stdnum. Eleven digits whose check
    digits are wrong are a typing error, never silently used: that row's key is '' and its reason (in Dutch, without
    the id) is returned by its index. All ids are folded as one text (NUL cannot be in a file, read_text): no
    Python call per id, only per candidate national number."""
    keys = _folded("\x00".join(ids)).split("\x00")  # folding neither makes nor removes a NUL
    if len(keys) != len(ids):
        keys = list(map(_folded, ids))  # an id with a NUL in it (not from a file): one by one, the same folding
    bad: dict[int, str] = {}
    for index in itertools.compress(range(len(keys)), map(NATIONAL_NUMBER.fullmatch, keys)):
        digits = keys[index].replace(".", "").replace("-", "")
        if len(digits) != 11:
            continue  # digits, but not a national number: compared as it is
        if nn.is_valid(digits):
            keys[index] = digits
        else:
            keys[index], bad[index] = "", NOT_A_NATIONAL_NUMBER
    return keys, bad


def household_key(text: str) -> str:
    """One id as household_keys makes it; raises _Invalid for a national register number with wrong check digits."""
    keys, bad = household_keys([text])
    if bad:
        raise _Invalid(bad[0])
    return keys[0]


def _folded(text: str) -> str:
    return SPACE.sub("", unicodedata.normalize("NFKC", text).casefold())


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
    keys: list[str] = field(default_factory=list)  # per household kept, its key (household_key)
    lines: list[int] = field(default_factory=list)  # per household kept, its line in the file
    file_keys: set[str] = field(default_factory=set)  # the key of every row of the file, kept or not

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


def read_households(path: Path, mapping: Proactief, opt_outs: AbstractSet[str], encoding: str | None = None) -> Households:
    """Every row checked and typed, column by column; a broken row is reported by its line number and left out, as
    is a household whose key (household_key) is in `opt_outs` (an opt-out for every product)."""
    table = read_table(path, MAX_ROWS, encoding)
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
    keys, bad_ids = household_keys(ids)
    reasons, blank = _row_reasons(table, ids, keys, bad_ids)
    broken_rows = set(reasons)
    typed: dict[str, dict[str, Any]] = {}
    for question, column in columns.items():
        texts, cells = table.columns[column]
        typed[question], bad = _type_cells(set(texts), questions()[question])
        wrong = [place for place, text in enumerate(texts) if text in bad]
        for index in np.flatnonzero(np.isin(cells, wrong)).tolist() if wrong else ():
            if index not in broken_rows:
                reasons.setdefault(index, []).append(f"kolom '{header[column]}': {bad[texts[cells[index]]]}")
    opted = np.fromiter(map(opt_outs.__contains__, keys), bool, len(keys))
    dropped = np.array(sorted(blank.union(reasons)), np.int64)
    keep = ~opted
    keep[dropped] = False
    return Households(
        ids=list(itertools.compress(ids, keep)),
        cells={q: (table.columns[column][0], table.columns[column][1][keep]) for q, column in columns.items()},
        typed=typed,
        problems=[RowProblem(path.name, table.lines[i], "; ".join(r)) for i, r in sorted(reasons.items())],
        opted_out=int(opted.sum()) - int(opted[np.array(sorted(reasons), np.int64)].sum()),
        keys=list(itertools.compress(keys, keep)),
        lines=list(itertools.compress(table.lines, keep)),
        file_keys=set(keys).difference([""]),
    )


def _row_reasons(
    table: Table, ids: list[str], keys: list[str], bad_ids: dict[int, str]
) -> tuple[dict[int, list[str]], set[int]]:
    """The problems of whole rows (width, a missing, invalid or repeated id) by row index, and the empty rows; only
    the few odd rows are looked at one by one. Two ids with the same key are the same household."""
    counts = Counter(keys)
    width, rows = len(table.header), table.rows
    if len(counts) == len(keys) and all(keys) and rows is None:
        return {}, set()  # the common file: every row well formed, checked without a call per row
    doubles = {household for household, count in counts.items() if count > 1}
    odd = [i for i, k in enumerate(keys) if not k or k in doubles or rows is not None and len(rows[i]) != width]
    reasons: dict[int, list[str]] = {}
    blank: set[int] = set()
    seen: dict[str, int] = {}
    for index in odd:
        row, household = table.row(index), keys[index]
        if not any(cell.strip() for cell in row):
            blank.add(index)  # an empty line: nothing to report, nothing to read
        elif len(row) != width:
            reasons[index] = [f"{len(row)} kolommen in plaats van {width}"]
        elif index in bad_ids:
            reasons[index] = [bad_ids[index]]
        elif not household:
            reasons[index] = ["het nummer van het huishouden ontbreekt"]
        elif household in seen:
            reasons[index] = [f"hetzelfde huishouden staat er al eerder in (regel {seen[household]})"]
        if household:
            seen.setdefault(household, table.lines[index])
    return reasons, blank


@dataclass
class IdList:
    """The good rows of a list (opt-outs or served): per row its household key, its product (a place in `names`)
    and its line."""

    keys: list[str]
    products: np.ndarray
    names: list[str]
    lines: np.ndarray

    def of(self, product: str) -> set[str]:
        """The household keys listed for `product` (ALL_PRODUCTS: the opt-outs for every product)."""
        if product not in self.names:
            return set()
        return set(itertools.compress(self.keys, (self.products == self.names.index(product)).tolist()))

    def unmatched(self, households: Households) -> list[int]:
        """The lines whose household id is in no row of the households file (never the ids themselves)."""
        found = np.fromiter(map(households.file_keys.__contains__, self.keys), bool, len(self.keys))
        return sorted(set(self.lines[~found].tolist()))


def read_opt_outs(
    path: Path, id_column: str, products: set[str], problems: list[RowProblem], encoding: str | None = None
) -> IdList:
    """The opt-outs (right to object): a household id per row and, optionally, a column `product`. An empty or
    missing product is an opt-out for every product. A row whose id can be read but whose product cannot (unknown
    product, wrong number of cells) is reported and counts for every product: an objection is never dropped."""
    return _id_rows(path, id_column, "product", problems, products, encoding, optional=True)


def read_served(
    path: Path, id_column: str, products: set[str], problems: list[RowProblem], encoding: str | None = None
) -> IdList:
    """Who already receives what: rows of household id and product id."""
    return _id_rows(path, id_column, "product", problems, products, encoding, optional=False)


def _id_rows(
    path: Path,
    id_column: str,
    second: str,
    problems: list[RowProblem],
    known: AbstractSet[str],
    encoding: str | None,
    optional: bool,
) -> IdList:
    """A list's good rows, with the value of the column `second` (a known product); each bad row is reported by its
    line. With `optional`, the column may be missing or empty (ALL_PRODUCTS), and a bad row with a readable id is
    kept for ALL_PRODUCTS as well as reported. Keys are made once per distinct cell, rows are picked with numpy."""
    table = read_table(path, encoding=encoding)
    header, rows = table.header, table.rows
    for name in (id_column, None if optional else second):
        if name and name not in header:
            raise OutreachError(f"{path}: de kolom '{name}' ontbreekt")
    id_texts, id_cells = table.columns[header.index(id_column)]
    text_keys, text_bad = household_keys([text.strip() for text in id_texts])
    keys = np.array([*text_keys, ""], object)[:-1][id_cells] if len(id_cells) else np.zeros(0, object)
    names = [ALL_PRODUCTS]
    if second in header:
        texts, cells = table.columns[header.index(second)]
        place = {name: number for number, name in enumerate(dict.fromkeys([ALL_PRODUCTS, *map(str.strip, texts)]))}
        names = list(place)
        values = np.array([place[text.strip()] for text in texts] or [0], np.int64)[cells]
    else:
        values = np.zeros(len(keys), np.int64)
    allowed = {*known, ALL_PRODUCTS} if optional else set(known)
    good = (keys != "") & np.isin(values, [number for number, name in enumerate(names) if name in allowed])
    if rows is not None:
        good &= np.fromiter(map(len, rows), np.int64, len(rows)) == len(header)
    lines = np.asarray(table.lines, np.int64)
    extra: list[tuple[str, int]] = []  # bad opt-out rows with a readable id: kept for every product
    for index in np.flatnonzero(~good).tolist():
        row, key, value = table.row(index), keys[index], names[values[index]]
        if not any(cell.strip() for cell in row):
            continue
        bad = text_bad.get(int(id_cells[index]))
        if len(row) != len(header) and len(row) > header.index(id_column):
            try:  # a row of another width has empty cells in the columns: its id is read from the row itself
                key, bad = household_key(row[header.index(id_column)]), None
            except _Invalid as exc:
                bad = str(exc)
        if bad:
            reason = bad
        elif not key:
            reason = "het nummer van het huishouden ontbreekt"
        elif len(row) != len(header):
            reason = f"{len(row)} kolommen in plaats van {len(header)}"
        else:
            reason = f"'{value}' is geen product met regels in de catalogus"
        if key and not bad and optional:
            extra.append((key, int(lines[index])))
            reason += " (het bezwaar geldt daarom voor alle producten)"
        problems.append(RowProblem(path.name, int(lines[index]), reason))
    return IdList(
        keys=[*itertools.compress(keys.tolist(), good.tolist()), *(key for key, _ in extra)],
        products=np.concatenate((values[good], np.zeros(len(extra), np.int64))),
        names=names,
        lines=np.concatenate((lines[good], np.array([line for _, line in extra], np.int64))),
    )
