"""The exit codes of every command, as the README states them: scripts and CI read these numbers."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    CONTENT = 1  # problems in the content or in the input files: the report says which
    USAGE = 2  # wrong use of the command, or an internal error
