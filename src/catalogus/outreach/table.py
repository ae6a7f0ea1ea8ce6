"""A town's CSV file as a Polars frame of text columns, with the line on which each row starts and its width.

Polars reads the file (quotes, cells over several lines, CRLF, ';' or ','); the encoding is settled before it
sees the bytes (UTF-8 with or without BOM, or cp1252, which is Excel's "CSV" on Windows and covers Latin-1). The
one thing Polars does not tell is where a row came from and how many cells it had: `_records` finds that from the
bytes with numpy (a newline or a delimiter outside quotes ends a row or a cell), so every problem names its line.
"""

from __future__ import annotations

import codecs
import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl

ENCODINGS = ("utf-8", "cp1252")  # what --codering names; without it, the bytes decide (read_utf8)
CHUNK = 1 << 24  # bytes decoded at a time when checking that a file is UTF-8: memory stays small
BOM = codecs.BOM_UTF8
ALLOWED_CONTROLS = (9, 10, 13)  # tab, LF, CR: the only control characters a spreadsheet puts in a CSV file


class OutreachError(Exception):
    """A problem with the input files as a whole (a missing column, an unreadable file): nothing is written."""


@dataclass
class Table:
    """A CSV file's data rows as text columns named by position (c0, c1, …; a missing cell is null), its header,
    and per data row the line it starts on and the number of cells it had."""

    path: Path
    header: list[str]
    frame: pl.DataFrame
    lines: np.ndarray
    widths: np.ndarray

    def column(self, name: str) -> str:
        """The frame's name of the header's column `name`."""
        return f"c{self.header.index(name)}"

    def stripped(self, name: str) -> list[str]:
        """The cells of the header's column `name`, without surrounding spaces; a missing cell is ''."""
        return self.frame.get_column(self.column(name)).str.strip_chars().fill_null("").to_list()

    def blank(self) -> np.ndarray:
        """Per row: no cell holds anything but spaces (an empty line, or only delimiters): skipped, not reported."""
        if not self.header:
            return np.zeros(0, bool)
        filled = pl.any_horizontal(pl.col(name).str.strip_chars().str.len_bytes() > 0 for name in self.frame.columns)
        return ~self.frame.select(filled.fill_null(False)).to_series().to_numpy()


def read_utf8(path: Path, encoding: str | None = None) -> bytes:
    """A CSV file's bytes as UTF-8 without a BOM. Without `encoding`, valid UTF-8 is UTF-8, else cp1252 when every
    byte decodes. Either way the text may hold no control characters (a UTF-16 file without a BOM, a binary file
    such as an .xlsx): a clear message, never a guess."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise OutreachError(f"{path}: kan het bestand niet openen ({exc.strerror})") from None
    if encoding is not None and encoding not in ENCODINGS:
        raise OutreachError(f"{path}: onbekende codering '{encoding}'; kies utf-8 of cp1252")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _not_text(path)
    bad_utf8 = _utf8_error(data)
    if encoding == "utf-8" and bad_utf8 is not None:
        raise _wrong_encoding(path, data, bad_utf8, encoding)
    if encoding == "cp1252" or (encoding is None and bad_utf8 is not None):
        try:
            data = data.decode("cp1252").encode("utf-8")
        except UnicodeDecodeError as exc:
            if encoding:
                raise _wrong_encoding(path, data, exc.start, encoding) from None
            raise _not_text(path) from None
    data = data.removeprefix(BOM)
    raw = np.frombuffer(data, np.uint8)
    low = raw[raw < 32]
    after_c2 = raw[np.flatnonzero(raw[:-1] == 0xC2) + 1]  # U+0080–U+009F are C2 80 … C2 9F in UTF-8
    if (~np.isin(low, ALLOWED_CONTROLS)).any() or b"\x7f" in data or ((after_c2 >= 0x80) & (after_c2 <= 0x9F)).any():
        raise _not_text(path)
    return data


def _utf8_error(data: bytes) -> int | None:
    """The offset of the first byte that is not UTF-8, or None; decoded in chunks, so no copy of a large file."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    for start in range(0, len(data), CHUNK):
        try:
            decoder.decode(data[start : start + CHUNK], final=start + CHUNK >= len(data))
        except UnicodeDecodeError as exc:
            return start + exc.start
    return None


def _wrong_encoding(path: Path, data: bytes, offset: int, encoding: str) -> OutreachError:
    line = data.count(b"\n", 0, offset) + 1
    return OutreachError(
        f"{path}: regel {line} is geen geldige {encoding}-tekst; sla het bestand op als CSV in UTF-8 of kies de "
        "juiste codering met --codering"
    )


def _not_text(path: Path) -> OutreachError:
    return OutreachError(
        f"{path}: dit is geen tekstbestand in UTF-8 of cp1252 (misschien UTF-16 of een binair bestand, bv. een .xlsx); "
        "sla het op als 'CSV UTF-8 (door komma's gescheiden)' en probeer opnieuw"
    )


def read_table(path: Path, limit: int | None = None, encoding: str | None = None) -> Table:
    """A whole CSV file (';' or ',', whichever the first 4 kB holds more of), every cell as text."""
    data = read_utf8(path, encoding)
    sample = data[:4096]
    delimiter = ";" if sample.count(b";") > sample.count(b",") else ","
    lines, widths = _records(data, ord(delimiter))
    if not len(lines):
        raise OutreachError(f"{path}: het bestand is leeg; de eerste regel moet de kolomnamen bevatten")
    if limit and len(lines) - 1 > limit:
        raise OutreachError(f"{path}: meer dan {limit} regels; splits het bestand")
    width = int(widths[0])
    try:
        frame = pl.read_csv(
            io.BytesIO(data),
            has_header=False,
            new_columns=[f"c{i}" for i in range(width)],
            separator=delimiter,
            infer_schema=False,
            truncate_ragged_lines=True,
            raise_if_empty=False,
        )
    except pl.exceptions.PolarsError as exc:
        raise OutreachError(f"{path}: kan het bestand niet lezen als CSV ({exc})") from None
    if frame.height != len(lines):  # only with a quote inside a cell that does not start with one
        raise OutreachError(
            f"{path}: de aanhalingstekens (\") kloppen niet: zet een cel met een aanhalingsteken, een "
            f"'{delimiter}' of een nieuwe regel helemaal tussen aanhalingstekens en verdubbel de aanhalingstekens erin"
        )
    header = [(cell or "").strip() for cell in frame.row(0)]
    return Table(path, header, frame.slice(1), lines[1:], widths[1:])


def _records(data: bytes, delimiter: int) -> tuple[np.ndarray, np.ndarray]:
    """Per row of the file (the header included): the line it starts on, and how many cells it has. A newline or a
    delimiter counts only outside quotes (an even number of quotes before it; an escaped quote "" adds two)."""
    raw = np.frombuffer(data, np.uint8)
    newlines = np.flatnonzero(raw == 10)
    separators = np.flatnonzero(raw == delimiter)
    ends = newlines
    if b'"' in data:
        quotes = np.flatnonzero(raw == 34)
        ends = newlines[np.searchsorted(quotes, newlines) % 2 == 0]
        separators = separators[np.searchsorted(quotes, separators) % 2 == 0]
    if len(raw) and (not len(ends) or ends[-1] != len(raw) - 1):
        ends = np.append(ends, len(raw))  # the last row without a newline after it
    starts = np.concatenate(([0], ends[:-1] + 1)).astype(np.int64)
    widths = np.searchsorted(separators, ends) - np.searchsorted(separators, starts) + 1
    lines = np.searchsorted(newlines, starts) + 1
    return lines, widths
