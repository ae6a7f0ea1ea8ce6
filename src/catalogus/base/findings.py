"""Findings: what the checker tells an editor. Collected for every file, then reported together."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["fout", "waarschuwing"]


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    column: int
    level: Level
    field: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.level == "fout"


def error(path: str, line: int, field: str, message: str, column: int = 0) -> Finding:
    return Finding(path, line, column, "fout", field, message)


def warning(path: str, line: int, field: str, message: str, column: int = 0) -> Finding:
    return Finding(path, line, column, "waarschuwing", field, message)
