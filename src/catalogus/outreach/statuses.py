"""The files a town really receives, turned into households' answers on the reference date.

After a council decision, a town's OCMW learns which residents have which social status (leefloon, income
guarantee, verhoogde tegemoetkoming, …) per person, by national register number, with a start and an end date
(through the Kruispuntbank van de Sociale Zekerheid); who lives with whom comes from the population register. Two
files, then: the household composition (one row per person: national register number, household) and one or more
status lists (national register number, status, begin, einde). Which status code answers which yes/no question of
vragen.yml is the town's configuration (catalogus.yml, proactief.statussen). A household answers 'ja' when one of its
members has such a status on the reference date (begin ≤ peildatum ≤ einde; no einde: still running), 'nee'
otherwise: the list covers every person in the composition. `andere_gezinsleden` is the number of members minus one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import polars as pl

from catalogus.model.config import Proactief
from catalogus.outreach.households import DATE, RowProblem, household_keys
from catalogus.outreach.table import OutreachError, Table, read_table
from catalogus.rules.questions import questions

STATUS, BEGIN, END = "status", "begin", "einde"
OTHER_MEMBERS = "andere_gezinsleden"
NATIONAL = r"^[0-9]{11}$"


@dataclass
class Composition:
    """The households of the composition file, in the order of their first member, and who lives where."""

    ids: list[str]
    keys: list[str]
    lines: list[int]  # per household, the line of its first member
    sizes: list[int]
    household_of: dict[str, str]  # per person (national register number, 11 digits), the key of its household
    source: str
    problems: list[RowProblem] = field(default_factory=list)


def _person_keys(table: Table, column: str) -> tuple[list[str], dict[int, str]]:
    """Per row the national register number as its 11 digits, and why the bad ones are bad (never the number)."""
    texts = table.stripped(column)
    keys, bad = household_keys(texts)
    for index in pl.Series(keys, dtype=pl.String).str.contains(NATIONAL).not_().arg_true().to_list():
        if index not in bad:
            bad[index] = "geen rijksregisternummer (11 cijfers)" if texts[index] else "het rijksregisternummer ontbreekt"
        keys[index] = ""
    return keys, bad


def _require(table: Table, *names: str) -> None:
    missing = [name for name in names if name not in table.header]
    if missing:
        raise OutreachError(f"{table.path}: de kolom '{missing[0]}' ontbreekt")


def read_composition(path: Path, mapping: Proactief, encoding: str | None) -> Composition:
    """The household composition: every person once, in one household; a bad row is reported by its line."""
    table = read_table(path, encoding=encoding)
    _require(table, mapping.persoon_kolom, mapping.id_kolom)
    persons, bad = _person_keys(table, mapping.persoon_kolom)
    ids = table.stripped(mapping.id_kolom)
    households, bad_households = household_keys(ids)
    blank, width = table.blank(), len(table.header)
    problems: list[RowProblem] = []
    seen: dict[str, int] = {}
    odd = (
        (np.array(persons, object) == "") | (np.array(households, object) == "") | (table.widths != width)
        | pl.Series(persons, dtype=pl.String).is_duplicated().to_numpy()
    ) & ~blank if persons else np.zeros(0, bool)
    good = ~odd & ~blank
    for index in np.flatnonzero(odd).tolist():
        line, person = int(table.lines[index]), persons[index]
        if table.widths[index] != width:
            reason = f"{table.widths[index]} kolommen in plaats van {width}"
        elif index in bad or index in bad_households:
            reason = bad.get(index) or bad_households[index]
        elif not households[index]:
            reason = "het nummer van het huishouden ontbreekt"
        elif person in seen:
            reason = f"deze persoon staat er al eerder in (regel {seen[person]}); een persoon hoort bij één huishouden"
        else:
            seen[person] = line
            good[index] = True  # the first of a repeated person counts
            continue
        problems.append(RowProblem(path.name, line, reason))
    rows = pl.DataFrame(
        {"id": ids, "key": households, "person": persons, "line": table.lines},
        schema={"id": pl.String, "key": pl.String, "person": pl.String, "line": pl.Int64},
    ).filter(pl.Series(good))
    grouped = rows.group_by("key", maintain_order=True).agg(pl.col("id").first(), pl.col("line").first(), pl.len())
    return Composition(
        ids=grouped.get_column("id").to_list(),
        keys=grouped.get_column("key").to_list(),
        lines=grouped.get_column("line").to_list(),
        sizes=grouped.get_column("len").to_list(),
        household_of=dict(zip(rows.get_column("person").to_list(), rows.get_column("key").to_list(), strict=True)),
        source=path.name,
        problems=problems,
    )


def status_answers(
    paths: Sequence[Path], composition: Composition, mapping: Proactief, day: dt.date, encoding: str | None
) -> tuple[pl.DataFrame, list[RowProblem], dict[str, list[int]]]:
    """Per household of the composition (in its order) the answer of every question the statuses map to, and
    `andere_gezinsleden`; the bad rows of the status lists; per list, the lines of persons in no household."""
    wrong = sorted(q for q in set(mapping.statussen.values()) if q not in questions() or questions()[q].soort != "ja_nee")
    if wrong:
        raise OutreachError(f"catalogus.yml: proactief.statussen: '{wrong[0]}' is geen ja/nee-vraag uit vragen.yml")
    problems: list[RowProblem] = []
    unmatched: dict[str, list[int]] = {}
    running: list[pl.DataFrame] = []
    for path in paths:
        table = read_table(path, encoding=encoding)
        _require(table, mapping.persoon_kolom, STATUS, BEGIN)
        frame, rows_problems, lines = _statuses(table, mapping, composition.household_of, day)
        running.append(frame)
        problems += rows_problems
        unmatched[path.name] = lines
    households = pl.DataFrame({"key": composition.keys, "size": composition.sizes}, schema={"key": pl.String, "size": pl.Int64})
    found = pl.concat(running) if running else pl.DataFrame(schema={"key": pl.String, "question": pl.String})
    columns = [
        pl.col("key").is_in(found.filter(pl.col("question") == question).get_column("key").implode()).alias(question)
        for question in sorted(set(mapping.statussen.values()))
    ]
    if OTHER_MEMBERS in questions():
        columns.append(((pl.col("size") - 1) * 100).alias(OTHER_MEMBERS))  # numbers are in hundredths
    return households.select(columns), problems, unmatched


def _statuses(
    table: Table, mapping: Proactief, household_of: dict[str, str], day: dt.date
) -> tuple[pl.DataFrame, list[RowProblem], list[int]]:
    """The (household key, question) of every status in force on `day`, the bad rows, the unmatched lines."""
    persons, bad = _person_keys(table, mapping.persoon_kolom)
    text = {name: pl.col(table.column(name)).str.strip_chars() for name in (STATUS, BEGIN)}
    end = pl.col(table.column(END)).str.strip_chars() if END in table.header else pl.lit(None, pl.String)

    def date(cell: pl.Expr) -> pl.Expr:
        return pl.when(cell.str.contains(DATE.pattern)).then(cell.str.to_date("%Y-%m-%d", strict=False))

    cells = table.frame.select(
        text[STATUS].replace_strict(mapping.statussen, default=None, return_dtype=pl.String).alias("question"),
        text[STATUS].alias("status"),
        date(text[BEGIN]).alias("begin"),
        (text[BEGIN].fill_null("") != "").alias("has_begin"),
        date(end).alias("end"),
        (end.fill_null("") != "").alias("has_end"),
    ).with_columns(
        key=pl.Series(persons, dtype=pl.String).replace_strict(household_of, default=None, return_dtype=pl.String),
        line=pl.Series(table.lines),
        width=pl.Series(table.widths),
        blank=pl.Series(table.blank()),
    )
    width = len(table.header)
    reason = (
        pl.when(pl.col("width") != width).then(pl.format("{} kolommen in plaats van " + str(width), pl.col("width")))
        .when(pl.col("question").is_null()).then(
            pl.format("statuscode '{}' staat niet in catalogus.yml (proactief.statussen)", pl.col("status").fill_null(""))
        )
        .when(pl.col("begin").is_null()).then(pl.lit("de begindatum ontbreekt of is geen datum JJJJ-MM-DD"))
        .when(pl.col("has_end") & pl.col("end").is_null()).then(pl.lit("de einddatum is geen datum JJJJ-MM-DD"))
        .when(pl.col("end") < pl.col("begin")).then(pl.lit("de einddatum ligt voor de begindatum"))
    )
    person_bad = pl.Series([index in bad for index in range(len(persons))], dtype=pl.Boolean)
    checked = cells.with_columns(reason=reason, person_bad=person_bad)
    problems = [
        RowProblem(table.path.name, line, bad.get(index) or why)
        for index, line, why in checked.with_row_index("index").filter(
            ~pl.col("blank") & (pl.col("reason").is_not_null() | pl.col("person_bad"))
        ).select("index", "line", "reason").iter_rows()
    ]
    usable = checked.filter(~pl.col("blank") & pl.col("reason").is_null() & ~pl.col("person_bad"))
    unmatched = usable.filter(pl.col("key").is_null()).get_column("line").to_list()
    in_force = usable.filter(
        pl.col("key").is_not_null() & (pl.col("begin") <= day) & (pl.col("end").is_null() | (day <= pl.col("end")))
    )
    return in_force.select("key", "question"), problems, unmatched


def merged(composition: Composition, answers: pl.DataFrame, file_answers: pl.DataFrame | None,
           file_keys: Sequence[str]) -> pl.DataFrame:
    """The composition's answers with those of a households file joined in by household key (each question from
    one source only: the caller checks)."""
    if file_answers is None:
        return answers
    joined = pl.DataFrame({"key": composition.keys}).join(
        file_answers.with_columns(key=pl.Series(list(file_keys), dtype=pl.String)), on="key", how="left",
        maintain_order="left",
    )
    return pl.concat([answers, joined.drop("key")], how="horizontal")

