"""Bounded loading: no single file can make the checker slow, and each bound gives a clear Dutch error.

These are the explicit "< 1 s" bounds of issue 8: the alias bomb, a 3,000-deep nested list and a 1 MB line
are each checked (the whole `catalogus check` of a project holding that file) in under a second.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from catalogus.check.pipeline import check
from catalogus.load.sources import MAX_DEPTH, MAX_FILE_BYTES, MAX_LINE_CHARS, MAX_NODES, MAX_SCALAR_CHARS, load_source
from factories import fiche, make_project

TODAY = dt.date(2026, 11, 26)
INVALID = Path(__file__).resolve().parent / "fixtures" / "invalid" / "products"
BOUND_SECONDS = 1.0


def _alias_bomb() -> str:
    # The case: 9 nested levels of 9 aliases, 362 bytes; expanded, 9**9 = 387 million strings.
    return (INVALID / "yaml-alias-bomb.md").read_text(encoding="utf-8").replace("yaml-alias-bomb", "huurpremie")


def _deep_list() -> str:
    return "---\nid: huurpremie\nthemas: [\n" + "  [\n" * 2999 + "  ]\n" * 3000 + "---\n\nDiep.\n"


def _megabyte_line() -> str:
    return "---\nid: huurpremie\ntitel: " + "x" * 1_000_000 + "\n---\n\nLang.\n"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (_alias_bomb(), 3, "'&a' is een YAML-anker, dat is niet toegelaten"),
        (_deep_list(), 2 + MAX_DEPTH, f"te diep genest (meer dan {MAX_DEPTH} niveaus"),
        (
            _megabyte_line(),
            3,
            "het bestand is te groot (meer dan 256 kB, een fiche is meestal 2 à 6 kB); "
            f"regel 3 is al meer dan {MAX_LINE_CHARS} tekens lang",
        ),
    ],
    ids=["alias-bomb", "3000-deep-list", "1-MB-line"],
)
def test_hostile_file_is_reported_within_a_second(tmp_path, text, line, message):
    make_project(tmp_path, [fiche()])
    path = tmp_path / "content" / "products" / "huurpremie.md"
    path.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    result = check(tmp_path, TODAY)
    elapsed = time.perf_counter() - start
    print(f"{message[:30]}: {elapsed:.3f} s")
    assert elapsed < BOUND_SECONDS, f"{elapsed:.2f} s"
    first = result.errors[0]
    assert (first.path, first.line) == ("content/products/huurpremie.md", line)
    assert message in first.message
    assert result.catalogue is None


def _load(tmp_path: Path, text: str):
    path = tmp_path / "products" / "x.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return load_source(path, "x.md")


def test_too_big_a_file_is_not_read_further(tmp_path):
    body = ("Een gewone regel tekst.\n" * (MAX_FILE_BYTES // 20))
    (finding,) = _load(tmp_path, "---\nid: x\n---\n" + body).findings
    assert finding.line == 1 and "het bestand is te groot (meer dan 256 kB" in finding.message


def test_long_line_in_a_small_file_is_named(tmp_path):
    (finding,) = _load(tmp_path, "---\nid: x\ntitel: " + "x" * (MAX_LINE_CHARS + 1) + "\n---\n").findings
    assert finding.line == 3 and (
        f"deze regel is te lang ({MAX_LINE_CHARS + 8} tekens, hoogstens {MAX_LINE_CHARS})" in finding.message
    )


def test_long_scalar_over_many_lines_is_refused(tmp_path):
    lines = "\n".join("  " + "woord " * 100 for _ in range(MAX_SCALAR_CHARS // 600 + 2))
    (finding,) = _load(tmp_path, f"---\nid: x\ntitel: |\n{lines}\n---\n").findings
    assert finding.line == 3 and "deze waarde is te lang" in finding.message


def test_too_many_values_are_refused(tmp_path):
    items = "\n".join(f"  - w{i}" for i in range(MAX_NODES + 1))
    (finding,) = _load(tmp_path, f"---\nid: x\nsleutelwoorden:\n{items}\n---\n").findings
    assert "te veel waarden" in finding.message


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("titel: !!str Poetsdienst", "de aanduiding '!!str' is niet toegelaten"),
        ("titel: !poets Poetsdienst", "de aanduiding '!poets' is niet toegelaten"),
        ('titel: ! "Poetsdienst"', "de aanduiding '!' is niet toegelaten"),
        ("titel: &t Poetsdienst", "'&t' is een YAML-anker"),
    ],
)
def test_tags_and_anchors_are_refused_at_their_line(tmp_path, line, message):
    source = _load(tmp_path, f"---\nid: x\n{line}\n---\n")
    assert [(f.line, message in f.message) for f in source.findings] == [(3, True)]
    assert source.data is None


def test_a_plain_fiche_is_far_below_every_bound(tmp_path):
    source = _load(tmp_path, "---\nid: x\ntitel: Poetsdienst\nkostprijs:\n  bedragen:\n    - bedrag: 1\n---\nTekst.\n")
    assert source.findings == [] and source.data["kostprijs"]["bedragen"][0]["bedrag"] == 1
    assert MAX_LINE_CHARS > 344 and MAX_DEPTH >= 4  # the longest real line, the deepest real nesting
