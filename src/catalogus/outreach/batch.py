"""`catalogus proactief`: which households the town's own data makes eligible, and are not served yet.

Reads a households CSV (one column per question id, mapped in catalogus.yml), the households already served per
product and the opt-outs (right to object; removed before anything is evaluated). Writes, outside the repository,
the invitations (household id, product, category, reason codes only) and one mail-merge letter per household,
and prints the counts per category and the policy table (eligible vs served per product).

Speed (100,000 households in a few seconds; scripts/benchmark_outreach.py): no Python code runs per household and
per question. A file without quotes is cut into columns with numpy; a column is its distinct cells and, per row,
the number of its cell among them (even one Python pass over each column's cells costs more than the rules). Each
distinct cell is typed once. Per product, households that the rule cannot tell apart (the same cells, and
amounts or dates at the same place among the rule's thresholds) share a code, and the evaluator (evaluate.py, the
one the tests compare with the browser's) decides once per code, on the answers of the first household with it:
one evaluator semantics, no second implementation of a condition. Letters are rendered once per distinct set of
invitations.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import operator
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from catalogus.base.bulk import without_cycle_collector
from catalogus.model.catalogue import Catalogue
from catalogus.model.config import Proactief
from catalogus.rules.compiled import compile_rule
from catalogus.rules.evaluate import UNKNOWN, YES, evaluate, value_in_force
from catalogus.rules.questions import Question, questions

LETTER_TEMPLATE = Path(__file__).with_name("brief.txt.j2")
MAX_ROWS = 5_000_000
YES_WORDS, NO_WORDS = {"ja", "true", "1", "j", "yes"}, {"nee", "false", "0", "n", "no"}
NUMBER = re.compile(r"^(-?)([0-9]+)(?:[.,]([0-9]+))?$")
DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
COMMON_AMOUNT = re.compile(r"[0-9]{1,9}[.,][0-9]{2}")  # below 1.000.000.000: no bound to check
_UNITS, _CENTS = operator.itemgetter(slice(None, -3)), operator.itemgetter(slice(-2, None))
ID_SENTINEL = "\x00huishouden\x00"
ORDERING = ("kleiner_dan", "hoogstens", "groter_dan", "minstens")
CSV_SPECIAL = re.compile(r'[;"\r\n]')  # a cell with one of these is quoted in the output
LETTERS_PER_WRITE = 2000
PACKED_CELL = 64  # bytes; a file with a longer cell is split as text


class OutreachError(Exception):
    """A problem with the input files as a whole (a missing column, an unreadable file): nothing is written."""


@dataclass
class RowProblem:
    file: str
    row: int
    reason: str


Summary = tuple[str, "str | None", "str | None", tuple[str, ...]]  # outcome, category, toekenning, reason codes
Column = tuple[list[str], np.ndarray]  # a column's distinct cells, and per row the place of its cell among them


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


@dataclass
class CategoryCount:
    eligible: int = 0
    served: int = 0
    invited: int = 0


@dataclass
class ProductResult:
    product_id: str
    title: str
    categories: dict[str, CategoryCount]
    category_names: dict[str, str]
    eligible: int = 0
    served_eligible: int = 0
    served_total: int = 0
    maybe: int = 0
    benefit: Decimal | None = None
    decided: dict[int, Summary] = field(default_factory=dict)  # per code (evaluate_product): what the rule says
    invitations: list[tuple[int, int]] = field(default_factory=list)  # eligible, not served: (household index, code)

    @property
    def to_invite(self) -> int:
        return self.eligible - self.served_eligible

    @property
    def cost(self) -> Decimal | None:
        return None if self.benefit is None else self.benefit * self.to_invite


# --- reading -------------------------------------------------------------------------------------------------


@dataclass
class _Table:
    """A CSV file as columns of its data rows. A row of another width than the header counts as empty cells in the
    columns; `rows` keeps the rows themselves only when there is such a row."""

    header: list[str]
    columns: list[Column]
    rows: list[list[str]] | None
    lines: Sequence[int]  # the line on which each data row starts (the header is line 1)

    def row(self, index: int) -> list[str]:
        return self.rows[index] if self.rows is not None else [texts[cells[index]] for texts, cells in self.columns]

    def stripped(self, name: str) -> list[str]:
        """The cells of the column `name`, without surrounding spaces, one per row."""
        texts, cells = self.columns[self.header.index(name)]
        return np.array(list(map(str.strip, texts)), object)[cells].tolist()


def _read_table(path: Path, limit: int | None = None) -> _Table:
    """Read a whole CSV file (';' or ',', as the first 4 kB suggest; BOM and CRLF allowed).

    A file without a quote, a lone carriage return or a NUL is exactly its lines split on the delimiter: split so,
    ten times faster than the csv module, and cut into columns without a Python object per cell. A file with quotes
    goes through the csv module (quoted cells, cells over several lines, each row keeping the line it starts on)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            text = handle.read()
    except OSError as exc:
        raise OutreachError(f"{path}: kan het bestand niet openen ({exc.strerror})") from None
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    unix = text.replace("\r\n", "\n") if "\r" in text else text
    plain = '"' not in unix and "\r" not in unix and "\x00" not in unix
    if plain:
        lines = unix.split("\n")
        if lines[-1] == "":
            lines.pop()  # the newline after the last row ends it; it starts no row
        header, body = (lines[0].split(delimiter), lines[1:]) if lines else (None, [])
        starts: Sequence[int] = range(2, len(body) + 2)
    else:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        header, body, starts = next(reader, None), [], []
        previous = reader.line_num
        for row in itertools.islice(reader, limit + 1 if limit else None):
            body.append(row)
            starts.append(previous + 1)
            previous = reader.line_num
    if header is None:
        raise OutreachError(f"{path}: het bestand is leeg; de eerste regel moet de kolomnamen bevatten")
    if limit and len(body) > limit:
        raise OutreachError(f"{path}: meer dan {limit} regels; splits het bestand")
    header = [h.strip() for h in header]
    width = len(header)
    if plain and all(map((width - 1).__eq__, map(str.count, body, itertools.repeat(delimiter)))):
        return _Table(header, _split_columns(body, delimiter, width), None, starts)
    rows = [line.split(delimiter) for line in body] if plain else body
    uniform = all(map(width.__eq__, map(len, rows)))
    shaped = rows if uniform else [row if len(row) == width else [""] * width for row in rows]
    columns = list(map(_distinct, zip(*shaped))) if rows else [([], np.zeros(0, np.int64))] * width
    return _Table(header, columns, None if uniform else rows, starts)


def _distinct(cells: Sequence[str]) -> Column:
    """A column of text cells as its distinct cells and the number of each row's cell (files with quotes)."""
    texts = list(dict.fromkeys(cells))
    place = dict(zip(texts, itertools.count()))
    return texts, np.fromiter(map(place.__getitem__, cells), np.int64, len(cells))


def _split_columns(body: list[str], delimiter: str, width: int) -> list[Column]:
    """The columns of rows that all have `width` cells, cut from the file's bytes with numpy: no Python object per
    cell (a pass over 100,000 of those costs more than reading the file); each distinct cell is decoded once."""
    if not body:
        return [([], np.zeros(0, np.int64))] * width
    raw = np.frombuffer((delimiter.join(body) + delimiter).encode("utf-8"), np.uint8)  # every cell ends with one
    ends = np.flatnonzero(raw == ord(delimiter))
    starts = np.concatenate(([0], ends[:-1] + 1))
    sizes = ends - starts
    if sizes.max() > PACKED_CELL:  # a long cell would make every cell of its column that long in memory
        cells = delimiter.join(body).split(delimiter)
        return [_distinct(cells[column::width]) for column in range(width)]
    padded = np.concatenate((raw, np.zeros(PACKED_CELL, np.uint8)))
    columns = []
    for column in range(width):
        first, size = starts[column::width], sizes[column::width]
        span = np.arange(max(int(size.max()), 1))
        packed = padded[first[:, None] + span] * (span < size[:, None])  # the cell's bytes, then zeros
        distinct, cells = np.unique(packed.view(f"S{span.size}").ravel(), return_inverse=True)
        columns.append(([text.decode("utf-8") for text in distinct.tolist()], cells))
    return columns


class _Invalid(ValueError):
    """A cell that does not fit its question; the reason is in Dutch."""


def _parser(question: Question):
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
        return lambda text: _hundredths(text, question.geheel)
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


def _hundredths(text: str, whole: bool) -> int:
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
        typed.update(zip(common, map(int, map(operator.add, map(_UNITS, common), map(_CENTS, common)))))
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
    table = _read_table(path, MAX_ROWS)
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


def _row_reasons(table: _Table, ids: list[str]):
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


def _id_rows(path: Path, id_column: str, second: str | None, problems: list[RowProblem], known: set[str] = frozenset()):
    """The (household id, value of `second`) pairs of a list's good rows; each bad row is reported by its line."""
    table = _read_table(path)
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


# --- evaluating ----------------------------------------------------------------------------------------------


def _leaves(node: dict[str, Any]) -> list[dict[str, Any]]:
    if "vraag" in node:
        return [node]
    children = node.get("alle") or node.get("een_van") or [node["niet"]]
    return [leaf for child in children for leaf in _leaves(child)]


def _thresholds(rule: dict[str, Any], households: Households, day: str) -> dict[str, list[Any]]:
    """Per amount or date the rule compares, every value it is compared with on `day` (for a threshold that counts
    persons: its value for each number of persons in the file), sorted."""
    found: dict[str, set[Any]] = {}
    for leaf in (leaf for category in rule["categorieen"] for leaf in _leaves(category["voorwaarde"])):
        if leaf["op"] not in ORDERING:
            continue
        threshold = leaf["waarde"]
        points = found.setdefault(leaf["vraag"], set())
        if not isinstance(threshold, dict):
            points.add(threshold)
            continue
        limit = rule["grenzen"][threshold["grens"]]
        current = value_in_force(limit, day)
        if current is None:
            continue  # no value yet: the condition is onbekend for everyone
        persons = households.column(limit["per"])[2].values() if limit["per"] else ()
        counts = [0] if limit["per"] is None else [n // 100 for n in persons if n is not None]
        points.update(current["bedrag"] + current["per_persoon"] * n for n in counts)
    return {question: sorted(points) for question, points in found.items()}


def _key_columns(rule: dict[str, Any], asked: list[str], households: Households, day: str) -> list[tuple[np.ndarray, int]]:
    """Per question the rule reads, a number per household, equal for two households only if the rule cannot tell
    them apart (the cell itself, or for an amount or a date, its place among the values the rule compares it with),
    and how many such numbers there can be."""
    thresholds = _thresholds(rule, households, day)
    columns = []
    for question in asked:
        texts, cells, typed = households.column(question)
        points = thresholds.get(question)
        if points is None:
            columns.append((cells, len(texts)))
            continue
        answered = [typed[text] is not None for text in texts]
        values = np.array([value for value in map(typed.__getitem__, texts) if value is not None])
        # 0 when empty, else 1 + the thresholds below it + those not above it: the same outcome of every comparison
        place = np.zeros(len(texts), np.int64)
        place[answered] = 1 + np.searchsorted(points, values, "left") + np.searchsorted(points, values, "right")
        columns.append((place[cells], 2 * len(points) + 2))
    return columns


def _first_alike(columns: list[tuple[np.ndarray, int]], count: int) -> np.ndarray:
    """Per household the index of the first household with the same number in every column: the columns are
    combined into one number (made dense again before it could overflow), and numpy finds the first of each."""
    key, bound = np.zeros(count, np.int64), 1
    for cells, size in columns:
        if bound * size >= 2**62:
            key, bound = np.unique(key, return_inverse=True)[1].astype(np.int64), count
        key, bound = key * size + cells, bound * size
    _, first, alike = np.unique(key, return_index=True, return_inverse=True)
    return first[alike]


def evaluate_product(rule: dict[str, Any], households: Households, day: str) -> tuple[np.ndarray, dict[int, Summary]]:
    """Per household a code, and per code (outcome, category, toekenning, reason codes of the deciding category).

    Two households get the same code when the rule reads the same from both: the code is the index of the first
    household that reads so, and the evaluator decides once per code, on that household's answers."""
    leaves = [leaf for category in rule["categorieen"] for leaf in _leaves(category["voorwaarde"])]
    asked = sorted({leaf["vraag"] for leaf in leaves} | {g["per"] for g in rule["grenzen"].values() if g["per"]})
    codes = _first_alike(_key_columns(rule, asked, households, day), len(households.ids))
    decided = {}
    for index in np.unique(codes).tolist():
        result = evaluate(rule, households.answers(index, asked), day)
        winner = next((c for c in result["categorieen"] if c["id"] == result["categorie"]), None)
        reasons = tuple(winner["beslissend"]) if winner else ()
        decided[index] = (result["uitkomst"], result["categorie"], result["toekenning"], reasons)
    return codes, decided


# --- the run -------------------------------------------------------------------------------------------------


@dataclass
class Outreach:
    day: str
    households: Households
    products: list[ProductResult]
    problems: list[RowProblem]
    letters: int = 0


@without_cycle_collector()
def run(
    catalogue: Catalogue,
    households_csv: Path,
    served_csv: Path | None,
    opt_out_csv: Path | None,
    day: dt.date,
    only: list[str] | None = None,
) -> Outreach:
    mapping = catalogue.config.proactief
    entries = [e for e in catalogue.products if e.record.rechten is not None and (not only or e.id in only)]  # type: ignore[union-attr]
    with_rules = {e.id for e in catalogue.products if e.record.rechten is not None}  # type: ignore[union-attr]
    problems: list[RowProblem] = []
    opt_outs = read_ids(opt_out_csv, mapping.id_kolom, problems) if opt_out_csv else set()
    served = read_served(served_csv, mapping.id_kolom, with_rules, problems) if served_csv else {}
    households = read_households(households_csv, mapping, opt_outs)
    problems = households.problems + problems
    iso = day.isoformat()
    results = []
    for entry in entries:
        rule = compile_rule(entry.id, entry.record.rechten)  # type: ignore[union-attr, arg-type]
        product = ProductResult(
            entry.id,
            entry.record.titel,  # type: ignore[union-attr]
            {c["id"]: CategoryCount() for c in rule["categorieen"]},
            {c["id"]: c["naam"] for c in rule["categorieen"]},
            benefit=benefit_amount(entry.record),
        )
        served_here = served.get(entry.id, set())
        codes, decided = evaluate_product(rule, households, iso)
        flags = np.fromiter(map(served_here.__contains__, households.ids), bool, len(codes))
        product.served_total = int(flags.sum())
        numbers = np.bincount(codes, minlength=len(codes)).tolist()
        served_ones = np.bincount(codes[flags], minlength=len(codes)).tolist()
        for code, (outcome, category, *_) in decided.items():
            if outcome == UNKNOWN:
                product.maybe += numbers[code]
            elif outcome == YES:
                count = product.categories[category]  # type: ignore[index]
                count.eligible += numbers[code]
                count.served += served_ones[code]
                count.invited += numbers[code] - served_ones[code]
                product.eligible += numbers[code]
                product.served_eligible += served_ones[code]
        first_with: dict[Summary, int] = {}
        same = np.zeros(len(codes), np.int64)  # per code, the first code with the same summary
        yes = np.zeros(len(codes), bool)
        for code, summary in decided.items():
            same[code], yes[code] = first_with.setdefault(summary, code), summary[0] == YES
        invited = np.flatnonzero(yes[codes] & ~flags)
        product.decided = decided
        product.invitations = list(zip(invited.tolist(), same[codes[invited]].tolist()))
        results.append(product)
    return Outreach(iso, households, results, problems)


def benefit_amount(fiche: Any) -> Decimal | None:
    """What one household receives in a year, from the fiche's structured benefit amounts ('ontvangt').

    A fiche lists alternatives (leefloon: samenwonend, alleenstaand, met gezin ten laste), not amounts that add up:
    the estimate takes the lowest one, per year, so the cost is never overstated. None when the fiche states no
    amount: then nothing is guessed from its text, nor from 'kostprijs' (what the citizen pays, not receives).
    """
    benefits = getattr(fiche, "ontvangt", None)
    amounts = [a.bedrag * PER_YEAR[a.per] for a in getattr(benefits, "bedragen", None) or []]
    return min(amounts) if amounts else None


PER_YEAR = {"maand": 12, "jaar": 1, "eenmalig": 1}


# --- writing -------------------------------------------------------------------------------------------------


def unsafe_output(target: Path, root: Path, site_dir: Path, content_dir: Path) -> str | None:
    """Why `target` must not receive personal data, or None when it is outside the repository and the site."""
    target = target.resolve()
    repository = next((p for p in [root.resolve(), *root.resolve().parents] if (p / ".git").exists()), None)
    for place, reason in (
        (content_dir, "de inhoud (content/) wordt gepubliceerd en staat in git"),
        (site_dir, "de site (site/) wordt gepubliceerd"),
        (root, "de projectmap staat in git; een commit zou persoonsgegevens publiek maken"),
        (repository, "dit is een git-repository; een commit zou persoonsgegevens publiek maken"),
    ):
        if place is not None and target.is_relative_to(place.resolve()):
            return f"{target} ligt in {place.resolve()}: {reason}"
    return None


@without_cycle_collector()
def write(outreach: Outreach, catalogue: Catalogue, target: Path, template: Path | None) -> None:
    target.mkdir(parents=True, exist_ok=True)
    ids = outreach.households.ids
    with (target / "uitnodigingen.csv").open("w", encoding="utf-8", newline="") as handle:
        line = _csv_line()
        handle.write(line(["huishouden", "product", "categorie", "toekenning", "redenen"]))
        for product in outreach.products:  # the rest of a row is formatted once per code, the id once per household
            rest = {code: line(["", product.product_id, s[1], s[2], "+".join(s[3])]) for code, s in product.decided.items()}
            households, codes = zip(*product.invitations) if product.invitations else ((), ())
            cells = (line([ids[i]])[:-2] if CSV_SPECIAL.search(ids[i]) else ids[i] for i in households)
            handle.writelines(map(operator.add, cells, map(rest.__getitem__, codes)))
    outreach.letters = _write_letters(outreach, catalogue, target / "brieven.txt", template)
    with (target / "ongeldige-regels.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["bestand", "regel", "reden"])
        for problem in outreach.problems:
            writer.writerow([problem.file, problem.row, problem.reason])


def _csv_line():
    """A function that formats one row as the csv module writes it (';', quotes where needed, CRLF)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")

    def line(cells: list[str]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(cells)
        return buffer.getvalue()

    return line


def _write_letters(outreach: Outreach, catalogue: Catalogue, path: Path, template: Path | None) -> int:
    """One letter per invited household, in the order of their ids, separated by a page break, written as they come.
    A body is rendered (and encoded) once per distinct set of invitations; per household only its id is put in."""
    folder, name = (template.parent, template.name) if template else (LETTER_TEMPLATE.parent, LETTER_TEMPLATE.name)
    env = Environment(loader=FileSystemLoader(str(folder)), undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
    letter = env.get_template(name)
    site = catalogue.config.site_url.rstrip("/")
    ids = outreach.households.ids
    products = outreach.products
    invited = sorted(set().union(*(dict(product.invitations) for product in products)), key=ids.__getitem__)
    # Per invited household, per product: the code of its invitation, or None.
    keys = list(zip(*(map(dict(product.invitations).get, invited) for product in products)))
    items: dict[tuple[str, int], SimpleNamespace] = {}

    def body(key: tuple[int | None, ...]) -> bytes:
        chosen = [(product, code) for product, code in zip(products, key) if code is not None]
        for product, code in chosen:
            if (product.product_id, code) not in items:
                items[product.product_id, code] = _letter_item(catalogue, site, product, *product.decided[code][1:])
        return letter.render(
            huishouden=ID_SENTINEL,
            organisatie=catalogue.config.organisatie,
            gemeente=catalogue.config.gemeente,
            datum=outreach.day,
            producten=[items[product.product_id, code] for product, code in chosen],
        ).encode("utf-8")

    bodies = {key: body(key) for key in dict.fromkeys(keys)}
    sentinel = ID_SENTINEL.encode("utf-8")
    with path.open("wb") as handle:
        for start in range(0, len(invited), LETTERS_PER_WRITE):
            chunk = slice(start, start + LETTERS_PER_WRITE)
            numbers = map(str.encode, map(ids.__getitem__, invited[chunk]))
            letters = map(bytes.replace, map(bodies.__getitem__, keys[chunk]), itertools.repeat(sentinel), numbers)
            handle.write((b"\f" if start else b"") + b"\f".join(letters))
    return len(invited)


def _letter_item(catalogue: Catalogue, site: str, product: ProductResult, category: str, grant: str, reasons):
    entry = catalogue.product(product.product_id)
    fiche = entry.record
    compiled = compile_rule(product.product_id, fiche.rechten)  # type: ignore[union-attr, arg-type]
    explained = {leaf["pad"]: leaf["uitleg"] for c in compiled["categorieen"] for leaf in _leaves(c["voorwaarde"])}
    loket = catalogue.loket(fiche.loket).record if getattr(fiche, "loket", None) else None
    return SimpleNamespace(  # attributes, not a dict: the template reads 'p.titel' without a failed lookup first
        titel=product.title,
        categorie=product.category_names[category],
        toekenning=grant,
        redenen=[explained[r] for r in reasons],
        url=f"{site}/products/{product.product_id}/" if site else f"products/{product.product_id}/",
        loket=getattr(loket, "naam", None),
        telefoon=getattr(loket, "telefoon", None),
    )


# --- reporting -----------------------------------------------------------------------------------------------


def report(outreach: Outreach) -> str:
    h = outreach.households
    lines = [
        f"Peildatum {outreach.day}: {len(h.ids)} huishoudens nagekeken, {h.opted_out} met bezwaar overgeslagen, "
        f"{len(outreach.problems)} ongeldige regels.",
    ]
    for problem in outreach.problems[:50]:
        lines.append(f"  {problem.file}:{problem.row}: {problem.reason}")
    if len(outreach.problems) > 50:
        lines.append(f"  … en nog {len(outreach.problems) - 50} (alle regels staan in ongeldige-regels.csv)")
    lines += ["", "Per categorie (in aanmerking / al bediend / uit te nodigen):"]
    for product in outreach.products:
        for category, count in product.categories.items():
            lines.append(
                f"  {product.product_id} · {product.category_names[category]}: "
                f"{count.eligible} / {count.served} / {count.invited}"
            )
    lines += ["", policy_table(outreach)]
    return "\n".join(lines)


def policy_table(outreach: Outreach) -> str:
    """Per product: eligible vs served, the share reached (Gent: "11 % never collect"), the maybes, everyone served
    (also those the data do not make eligible: a sign of missing data or of a rule that is too strict), and the
    estimated cost of inviting everyone not yet served."""
    header = ["product", "in aanmerking", "daarvan bediend", "bereik", "uit te nodigen", "misschien",
              "bediend in totaal", "geschatte kost per jaar"]
    rows = []
    for p in outreach.products:
        reach = f"{p.served_eligible / p.eligible:.0%}" if p.eligible else "–"
        cost = f"€ {p.cost:,.2f}".replace(",", " ") if p.cost is not None else "geen bedrag in de fiche"
        rows.append([p.product_id, str(p.eligible), str(p.served_eligible), reach, str(p.to_invite), str(p.maybe),
                     str(p.served_total), cost])
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    fmt = lambda r: "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))  # noqa: E731
    return "\n".join(["Beleidsoverzicht (in aanmerking tegenover al bediend):", fmt(header), fmt(["-" * w for w in widths]), *map(fmt, rows)])

