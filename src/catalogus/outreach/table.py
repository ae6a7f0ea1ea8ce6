"""A CSV file read as columns, fast enough for 100,000 households in a few seconds (scripts/benchmark_outreach.py).

No Python code runs per household and per question: a file without quotes is cut into columns with numpy, and a
column is its distinct cells and, per row, the number of its cell among them (even one Python pass over each
column's cells costs more than evaluating the rules). A file with quotes goes through the csv module.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

PACKED_CELL = 64  # bytes; a file with a longer cell is split as text
ENCODINGS = ("utf-8", "cp1252")  # what --codering names; without it, read_text tells them apart
# Characters no spreadsheet puts in a CSV file: C0 controls but tab, LF and CR, and C1 controls. A UTF-16 file
# without a BOM is valid UTF-8 full of NULs, a binary file has them too; a Latin-1 file read as cp1252 has none.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

Column = tuple[list[str], np.ndarray]  # a column's distinct cells, and per row the place of its cell among them


class OutreachError(Exception):
    """A problem with the input files as a whole (a missing column, an unreadable file): nothing is written."""


@dataclass
class Table:
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


def read_text(path: Path, encoding: str | None = None) -> str:
    """A CSV file as text: UTF-8 (with or without a BOM) or cp1252 (Excel's "CSV" on Windows, also Latin-1).

    Without `encoding` the bytes decide: valid UTF-8 is UTF-8, else cp1252 when every byte decodes. Either way the
    text may hold no control characters (a UTF-16 file without a BOM, a binary file): a clear message, no guess."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise OutreachError(f"{path}: kan het bestand niet openen ({exc.strerror})") from None
    if encoding is not None and encoding not in ENCODINGS:
        raise OutreachError(f"{path}: onbekende codering '{encoding}'; kies utf-8 of cp1252")
    text = None
    for name in (encoding,) if encoding else ENCODINGS:
        try:
            text = data.decode("utf-8-sig" if name == "utf-8" else name)
            break
        except UnicodeDecodeError as exc:
            if encoding:
                line = data.count(b"\n", 0, exc.start) + 1
                raise OutreachError(
                    f"{path}: regel {line} is geen geldige {encoding}-tekst; sla het bestand op als CSV in UTF-8 "
                    "of kies de juiste codering met --codering"
                ) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or text is None or CONTROL.search(text):
        raise OutreachError(
            f"{path}: dit is geen tekstbestand in UTF-8 of cp1252 (misschien UTF-16 of een binair bestand, bv. een "
            ".xlsx); sla het op als 'CSV UTF-8 (door komma's gescheiden)' en probeer opnieuw"
        )
    return text


def read_table(path: Path, limit: int | None = None, encoding: str | None = None) -> Table:
    """Read a whole CSV file (';' or ',', as the first 4 kB suggest; BOM and CRLF allowed; encoding: read_text).

    A file without a quote, a lone carriage return or a NUL is exactly its lines split on the delimiter: split so,
    ten times faster than the csv module, and cut into columns without a Python object per cell. A file with quotes
    goes through the csv module (quoted cells, cells over several lines, each row keeping the line it starts on)."""
    text = read_text(path, encoding)
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    unix = text.replace("\r\n", "\n") if "\r" in text else text
    plain = '"' not in unix and "\r" not in unix and "\x00" not in unix
    header: list[str] | None
    lines: list[str] = []  # the data rows of a plain file, as text
    rows: list[list[str]] = []  # the data rows of a file with quotes, as cells
    starts: Sequence[int]
    if plain:
        lines = unix.split("\n")
        if lines[-1] == "":
            lines.pop()  # the newline after the last row ends it; it starts no row
        header, lines = (lines[0].split(delimiter), lines[1:]) if lines else (None, [])
        starts = range(2, len(lines) + 2)
    else:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        header, begins = next(reader, None), []
        previous = reader.line_num
        for row in itertools.islice(reader, limit + 1 if limit else None):
            rows.append(row)
            begins.append(previous + 1)
            previous = reader.line_num
        starts = begins
    if header is None:
        raise OutreachError(f"{path}: het bestand is leeg; de eerste regel moet de kolomnamen bevatten")
    if limit and len(starts) > limit:
        raise OutreachError(f"{path}: meer dan {limit} regels; splits het bestand")
    header = [h.strip() for h in header]
    width = len(header)
    if plain and all(map((width - 1).__eq__, map(str.count, lines, itertools.repeat(delimiter)))):
        return Table(header, _split_columns(lines, delimiter, width), None, starts)
    if plain:
        rows = [line.split(delimiter) for line in lines]
    uniform = all(map(width.__eq__, map(len, rows)))
    shaped = rows if uniform else [row if len(row) == width else [""] * width for row in rows]
    columns = list(map(_distinct, zip(*shaped, strict=True))) if rows else [([], np.zeros(0, np.int64))] * width
    return Table(header, columns, None if uniform else rows, starts)


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
        texts = delimiter.join(body).split(delimiter)
        return [_distinct(texts[column::width]) for column in range(width)]
    padded = np.concatenate((raw, np.zeros(PACKED_CELL, np.uint8)))
    columns: list[Column] = []
    for column in range(width):
        first, size = starts[column::width], sizes[column::width]
        span = np.arange(max(int(size.max()), 1))
        packed = padded[first[:, None] + span] * (span < size[:, None])  # the cell's bytes, then zeros
        distinct, cells = np.unique(packed.view(f"S{span.size}").ravel(), return_inverse=True)
        columns.append(([text.decode("utf-8") for text in distinct.tolist()], cells))
    return columns
