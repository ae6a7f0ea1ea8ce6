"""The households, and the lists of who is served and who objected, read and checked: text becomes answers here.

Each column is typed as the evaluator compares it, as one Polars operation over the whole column. A broken row is
reported by its line and left out; opt-outs (the right to object) for every product are removed before anything is
evaluated, those for one product by batch.py. Household ids are compared only as `household_keys` makes them, in
every file; no message names an id (they are personal data), only its file and line.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
from stdnum.be import nn

from catalogus.model.config import Proactief
from catalogus.outreach.table import OutreachError, Table, read_table
from catalogus.rules.evaluate import MAX_ANSWER
from catalogus.rules.questions import Question, questions

MAX_ROWS = 20_000_000
MAX_HUNDREDTHS = MAX_ANSWER * 100
YES_WORDS, NO_WORDS = ["ja", "true", "1", "j", "yes"], ["nee", "false", "0", "n", "no"]
NUMBER = re.compile(r"^(-?)([0-9]+)(?:[.,]([0-9]+))?$")  # what a person may have meant: to word the problem
PLAIN_NUMBER = r"^-?[0-9]{1,10}(\.[0-9]{1,2})?$"  # a number the batch takes (after a comma became a point)
DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
SPACE = re.compile(r"\s+")  # every character str.isspace() calls a space
NATIONAL_NUMBER = r"^[0-9][0-9.\-]*[0-9]$"  # digits, dots and dashes: 85.07.30-033.28 or 85073003328
NOT_A_NATIONAL_NUMBER = "het nummer lijkt een rijksregisternummer (11 cijfers), maar de controlecijfers kloppen niet"
ALL_PRODUCTS = ""  # the product of an opt-out that names none: it applies to every product
PRODUCT = "product"  # the column of the served list and (optional) of the opt-outs
BAD = "\x00bad"  # the column of a row's cell problems: no question id can be named so
RAW = "\x00raw"  # a column's cells while they are typed


def household_keys(ids: Sequence[str]) -> tuple[list[str], dict[int, str]]:
    """The one form in which household ids are compared, in every file: Unicode compatibility form (NFKC),
    case-folded, without spaces anywhere; a national register number (11 digits, with or without dots, dashes and
    spaces: 85.07.30-033.28, 85073003328) as its 11 digits, checked with python-stdnum. Eleven digits whose check
    digits are wrong are a typing error, never silently used: that row's key is '' and its reason (in Dutch, without
    the id) is returned by its index. All ids are folded as one text (NUL cannot be in a file, read_text): no
    Python call per id, only per candidate national number (found with one Polars pass)."""
    keys = _folded("\x00".join(ids)).split("\x00")  # folding neither makes nor removes a NUL
    if len(keys) != len(ids):
        keys = list(map(_folded, ids))  # an id with a NUL in it (not from a file): one by one, the same folding
    bad: dict[int, str] = {}
    candidates = pl.Series(keys, dtype=pl.String).str.contains(NATIONAL_NUMBER).arg_true().to_list()
    for index in candidates:
        digits = keys[index].replace(".", "").replace("-", "")
        if len(digits) != 11:
            continue  # digits, but not a national number: compared as it is
        if nn.is_valid(digits):
            keys[index] = digits
        else:
            keys[index], bad[index] = "", NOT_A_NATIONAL_NUMBER
    return keys, bad


def _folded(text: str) -> str:
    return SPACE.sub("", unicodedata.normalize("NFKC", text).casefold())


@dataclass
class RowProblem:
    file: str
    row: int
    reason: str


@dataclass
class Households:
    """The households kept (valid rows without an opt-out for every product), with their answers typed as the
    evaluator compares them: one column per question the file answers (yes/no, a choice, a JJJJ-MM-DD date, or a
    number in whole hundredths), null when empty."""

    ids: list[str]
    answered: pl.DataFrame
    problems: list[RowProblem]
    source: str  # the file whose lines `lines` are
    opted_out: int = 0
    keys: pl.Series = field(default_factory=lambda: pl.Series("key", [], pl.String))  # per household, its key (household_keys)
    lines: list[int] = field(default_factory=list)  # per household kept, its line in the file
    file_keys: set[str] = field(default_factory=set)  # the key of every row of the file, kept or not

    def answers(self, index: int, asked: Iterable[str]) -> dict[str, Any]:
        """One household's answers, as the evaluator takes them (a question without a column: unknown)."""
        row = self.answered.row(index, named=True)
        values = {q: row.get(q) for q in asked}
        return {q: _as_number(v) if v is not None and questions()[q].soort == "getal" else v for q, v in values.items()}


def _as_number(hundredths: int) -> int | float:
    """A number as the evaluator takes it (it compares hundredths itself): whole numbers stay int."""
    return hundredths // 100 if hundredths % 100 == 0 else hundredths / 100


def typed(cell: pl.Expr, question: Question, column: str) -> tuple[pl.Expr, pl.Expr, pl.Expr]:
    """A column of text cells as the evaluator compares them (null when empty; anything when wrong), whether each
    cell is wrong, and why (only computed for the wrong ones). The CSV reader is the boundary: here text becomes answers;
    the evaluator never coerces. Each is one operation over the whole column."""
    text = cell.str.strip_chars()
    filled = text.str.len_bytes() > 0
    shown = pl.format("kolom '{}': '{}'", pl.lit(column), text)
    if question.soort == "ja_nee":
        word = text.str.to_lowercase()
        value = pl.when(word.is_in(YES_WORDS)).then(True).when(word.is_in(NO_WORDS)).then(False)
        return value, filled & value.is_null(), pl.format("kolom '{}': verwacht ja of nee (of 1/0)", pl.lit(column))
    if question.soort == "keuze":
        known = text.is_in(list(question.keuzes))
        reason = pl.format("{} is geen keuze; toegelaten: {}", shown, pl.lit(", ".join(question.keuzes)))
        return pl.when(known).then(text), filled & ~known, reason
    if question.soort == "datum":
        day = pl.when(text.str.contains(DATE.pattern)).then(text.str.to_date("%Y-%m-%d", strict=False))
        return pl.when(day.is_not_null()).then(text), filled & day.is_null(), pl.format("{} is geen datum JJJJ-MM-DD", shown)
    number = text.str.replace(",", ".", literal=True)
    plain = number.str.contains(PLAIN_NUMBER)
    hundredths = number.cast(pl.Decimal(14, 2), strict=False).mul(100).cast(pl.Int64)  # exact, no float
    wrong = ~plain | (hundredths.abs() > MAX_HUNDREDTHS)
    if question.geheel:
        wrong = wrong | number.str.starts_with("-") | (hundredths % 100 != 0)
    return hundredths, filled & wrong.fill_null(True), _number_reason(text, shown)


def _number_reason(text: pl.Expr, shown: pl.Expr) -> pl.Expr:
    """Why a number cell is wrong, in the order a person fixes it (only worded for the wrong cells)."""
    parts = text.str.extract_groups(NUMBER.pattern)
    units, decimals = parts.struct.field("2"), parts.struct.field("3").fill_null("")
    return (
        pl.when(units.is_null()).then(pl.format("{} is geen getal (schrijf bv. 12500 of 12500.50, zonder €)", shown))
        .when((decimals.str.len_bytes() > 2) | (units.str.len_bytes() > 10))
        .then(pl.format("{}: hoogstens 2 cijfers na de komma en niet groter dan 1.000.000.000", shown))
        .when(pl.concat_str(units, pl.lit("."), decimals.str.pad_end(2, "0")).cast(pl.Decimal(14, 2)) > MAX_ANSWER)
        .then(pl.format("{}: niet groter dan 1.000.000.000", shown))
        .otherwise(pl.format("{}: verwacht een geheel getal, 0 of meer", shown))
    )


def read_households(path: Path, mapping: Proactief, opt_outs: AbstractSet[str], encoding: str | None = None) -> Households:
    """Every row checked and typed, column by column; a broken row is reported by its line number and left out, as
    is a household whose key (household_keys) is in `opt_outs` (an opt-out for every product)."""
    table = read_table(path, MAX_ROWS, encoding)
    header = table.header
    if mapping.id_kolom not in header:
        raise OutreachError(f"{path}: de kolom '{mapping.id_kolom}' (het nummer van het huishouden) ontbreekt")
    unknown = sorted(set(mapping.kolommen) - set(questions()))
    if unknown:
        raise OutreachError(f"catalogus.yml: proactief.kolommen: '{unknown[0]}' is geen vraag uit vragen.yml")
    columns = {q: mapping.kolommen.get(q, q) for q in questions() if mapping.kolommen.get(q, q) in header}
    if not columns:
        raise OutreachError(f"{path}: geen enkele kolom heet zoals een vraag uit vragen.yml")
    ids = table.stripped(mapping.id_kolom)
    keys, bad_ids = household_keys(ids)
    reasons, blank = _row_reasons(table, keys, bad_ids)
    typing = {q: typed(pl.col(table.column(name)), questions()[q], name) for q, name in columns.items()}
    columns_typed = []
    wrong = pl.Series(BAD, [False] * table.frame.height, pl.Boolean)
    for question, name in columns.items():
        value, bad, _ = typing[question]
        done = _typed_once(table.frame.get_column(table.column(name)), value.alias(question), bad.alias(BAD))
        wrong = wrong | done.get_column(BAD)
        columns_typed.append(done.select(pl.when(~pl.col(BAD)).then(pl.col(question)).alias(question)).to_series())
    cells = pl.DataFrame(columns_typed).with_columns(wrong)
    wrong = cells.get_column(BAD).fill_null(False)
    if wrong.any():  # the reasons are worded for the wrong rows only
        worded = table.frame.filter(wrong).select(
            pl.concat_str([pl.when(bad).then(reason) for _, bad, reason in typing.values()], separator="; ",
                          ignore_nulls=True)
        ).to_series().to_list()
        for index, reason in zip(wrong.arg_true().to_list(), worded, strict=True):
            reasons.setdefault(index, [reason])
    key_series = pl.Series("key", keys, pl.String)
    opted = key_series.is_in(list(opt_outs)).to_numpy() if opt_outs else np.zeros(len(keys), bool)
    keep = ~opted & ~blank
    keep[list(reasons)] = False
    kept = pl.Series(keep)
    return Households(
        ids=list(itertools.compress(ids, keep.tolist())),
        answered=cells.drop(BAD).filter(kept),
        problems=[RowProblem(path.name, int(table.lines[i]), "; ".join(r)) for i, r in sorted(reasons.items())],
        source=path.name,
        opted_out=int((opted & ~blank).sum()) - sum(1 for i in reasons if opted[i]),
        keys=key_series.filter(kept),
        lines=table.lines[keep].tolist(),
        file_keys=set(keys).difference([""]),
    )


def _typed_once(cells: pl.Series, value: pl.Expr, bad: pl.Expr) -> pl.DataFrame:
    """A column's typed values and wrong-flags. Most columns hold a handful of distinct cells (ja, nee, a choice):
    those are typed once each and joined back; a column of amounts, nearly all distinct, is typed as it is."""
    name = cells.name
    distinct = cells.unique()
    if len(distinct) * 4 > len(cells):
        return cells.to_frame().lazy().select(value, bad.fill_null(False)).collect()
    typed_distinct = distinct.to_frame().select(pl.col(name).alias(RAW), value, bad.fill_null(False))
    joined = cells.to_frame(RAW).join(typed_distinct, on=RAW, how="left", maintain_order="left", nulls_equal=True)
    return joined.drop(RAW)


def _row_reasons(table: Table, keys: list[str], bad_ids: dict[int, str]) -> tuple[dict[int, list[str]], np.ndarray]:
    """The problems of whole rows (width, a missing, invalid or repeated id) by row index, and the empty rows; only
    the few odd rows are looked at one by one. Two ids with the same key are the same household."""
    width = len(table.header)
    blank = table.blank()
    key_series = pl.Series(keys, dtype=pl.String)
    odd = (key_series == "") | key_series.is_duplicated() | pl.Series(table.widths != width)
    reasons: dict[int, list[str]] = {}
    seen: dict[str, int] = {}
    for index in odd.arg_true().to_list():
        household = keys[index]
        if blank[index]:
            continue  # an empty line: nothing to report, nothing to read
        if table.widths[index] != width:
            reasons[index] = [f"{table.widths[index]} kolommen in plaats van {width}"]
        elif index in bad_ids:
            reasons[index] = [bad_ids[index]]
        elif not household:
            reasons[index] = ["het nummer van het huishouden ontbreekt"]
        elif household in seen:
            reasons[index] = [f"hetzelfde huishouden staat er al eerder in (regel {seen[household]})"]
        if household:
            seen.setdefault(household, int(table.lines[index]))
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

    def unmatched(self, known: AbstractSet[str]) -> list[int]:
        """The lines whose id is not in `known` (every household key of the file the households came from), never the
        ids themselves."""
        found = np.fromiter(map(known.__contains__, self.keys), bool, len(self.keys))
        return sorted(set(self.lines[~found].tolist()))

    def of_households(self, household_of: dict[str, str]) -> IdList:
        """The same list with a person's national register number replaced by the key of the household the person
        lives in: an objection by one member of a household is an objection for the household."""
        keys = [household_of.get(key, key) for key in self.keys]
        return IdList(keys, self.products, self.names, self.lines)


def read_opt_outs(
    path: Path, id_column: str, products: set[str], problems: list[RowProblem], encoding: str | None = None
) -> IdList:
    """The opt-outs (right to object): a household id (or a person's national register number) per row and,
    optionally, a column `product`. An empty or missing product is an opt-out for every product. A row whose id can
    be read but whose product cannot (unknown product, wrong number of cells) is reported and counts for every
    product: an objection is never dropped."""
    return _id_rows(path, id_column, problems, products, encoding, optional=True)


def read_served(
    path: Path, id_column: str, products: set[str], problems: list[RowProblem], encoding: str | None = None
) -> IdList:
    """Who already receives what: rows of household id and product id."""
    return _id_rows(path, id_column, problems, products, encoding, optional=False)


def _id_rows(
    path: Path, id_column: str, problems: list[RowProblem], known: AbstractSet[str], encoding: str | None, optional: bool
) -> IdList:
    """A list's good rows, with the value of the column 'product' (a known product); each bad row is reported by its
    line. With `optional`, the column may be missing or empty (ALL_PRODUCTS), and a bad row with a readable id is
    kept for ALL_PRODUCTS as well as reported."""
    table = read_table(path, encoding=encoding)
    header = table.header
    for name in (id_column, None if optional else PRODUCT):
        if name and name not in header:
            raise OutreachError(f"{path}: de kolom '{name}' ontbreekt")
    ids = table.stripped(id_column)
    keys, bad_ids = household_keys(ids)
    if PRODUCT in header:
        texts = table.frame.get_column(table.column(PRODUCT)).str.strip_chars().fill_null(ALL_PRODUCTS)
        names = [ALL_PRODUCTS, *texts.unique(maintain_order=True).filter(texts.unique(maintain_order=True) != "")]
        values = texts.replace_strict(names, range(len(names)), return_dtype=pl.Int64).to_numpy()
    else:
        names, values = [ALL_PRODUCTS], np.zeros(len(keys), np.int64)
    allowed = {*known, ALL_PRODUCTS} if optional else set(known)
    blank, width = table.blank(), len(header)
    good = (
        (np.array(keys, object) != "") & np.isin(values, [n for n, name in enumerate(names) if name in allowed])
        & (table.widths == width) & ~blank
    ) if keys else np.zeros(0, bool)
    extra: list[tuple[str, int]] = []  # bad opt-out rows with a readable id: kept for every product
    for index in np.flatnonzero(~good & ~blank).tolist():
        key, line = keys[index], int(table.lines[index])
        if index in bad_ids:
            reason = bad_ids[index]
        elif not key:
            reason = "het nummer van het huishouden ontbreekt"
        elif table.widths[index] != width:
            reason = f"{table.widths[index]} kolommen in plaats van {width}"
        else:
            reason = f"'{names[values[index]]}' is geen product met regels in de catalogus"
        if key and optional:
            extra.append((key, line))
            reason += " (het bezwaar geldt daarom voor alle producten)"
        problems.append(RowProblem(path.name, line, reason))
    return IdList(
        keys=[*itertools.compress(keys, good.tolist()), *(key for key, _ in extra)],
        products=np.concatenate((values[good], np.zeros(len(extra), np.int64))),
        names=names,
        lines=np.concatenate((table.lines[good], np.array([line for _, line in extra], np.int64))),
    )
