"""The malformed-input corpus: every broken file yields its expected finding at the right line, nothing crashes.

Table-driven, after publiccode-parser's testdata: one file per problem in tests/fixtures/invalid/{products,loketten},
named <field>-<problem>.md, and one entry per file in tests/fixtures/invalid/expectations.yml; a broken register of
facts in tests/fixtures/invalid/feiten/<field>-<problem>.yml is checked as the catalogue's feiten.yml. A file without an
entry or an entry without a file fails the run. Files in tests/fixtures/valid-encodings/ (BOM, CRLF) must pass.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from catalogus.base.findings import Finding
from catalogus.check.pipeline import check
from catalogus.model.facts import FACTS_FILE
from factories import CLI

TODAY = dt.date(2026, 11, 26)
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CATALOGUE = FIXTURES / "catalogue"
INVALID = FIXTURES / "invalid"
VALID_ENCODINGS = FIXTURES / "valid-encodings"
LEVELS = {"fout", "waarschuwing"}
EXPECTATION_KEYS = {"line", "level", "field", "message"}


def _corpus() -> list[str]:
    files = [*INVALID.rglob("*.md"), *(INVALID / "feiten").glob("*.yml")]
    return sorted(p.relative_to(INVALID).as_posix() for p in files)


def _expectations() -> dict[str, list[dict]]:
    with open(INVALID / "expectations.yml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


CORPUS = _corpus()
FICHE_CORPUS = [name for name in CORPUS if not name.startswith("feiten/")]  # the CLI checks these in one run
EXPECTATIONS = _expectations()


def _run(path: Path, tmp_path: Path):
    if path.parent.name != "feiten":
        return check(CATALOGUE, TODAY, [path])
    project = shutil.copytree(CATALOGUE, tmp_path / "catalogue")  # the broken register as the catalogue's own
    shutil.copy(path, project / FACTS_FILE)
    return check(project, TODAY)


def _show(findings: list[Finding]) -> str:
    return "\n".join(f"  {f.line}: {f.level}: {f.field}: {f.message}" for f in findings) or "  (geen meldingen)"


def test_every_fixture_has_an_expectation():
    missing = sorted(set(CORPUS) - set(EXPECTATIONS))
    assert not missing, f"fixtures zonder verwachting in expectations.yml: {missing}"


def test_every_expectation_has_a_fixture():
    orphans = sorted(set(EXPECTATIONS) - set(CORPUS))
    assert not orphans, f"verwachtingen zonder fixture: {orphans}"


def test_corpus_is_large_enough_and_well_named():
    assert len(CORPUS) >= 40
    for name in CORPUS:
        folder, _, file_name = name.partition("/")
        assert folder in ("products", "loketten", "feiten"), name
        assert "_" not in file_name and file_name == file_name.lower(), f"{name}: gebruik <veld>-<probleem>.md"


@pytest.mark.parametrize("name", sorted(EXPECTATIONS))
def test_expectation_is_well_formed(name):
    entries = EXPECTATIONS[name]
    assert isinstance(entries, list) and entries, f"{name}: geef minstens één verwachte melding"
    for entry in entries:
        assert set(entry) == EXPECTATION_KEYS, f"{name}: {entry}"
        assert isinstance(entry["line"], int) and entry["line"] >= 1, f"{name}: {entry}"
        assert entry["level"] in LEVELS, f"{name}: {entry}"
        assert isinstance(entry["field"], str) and isinstance(entry["message"], str) and entry["message"]


def _matches(finding: Finding, entry: dict) -> bool:
    return (
        finding.line == entry["line"]
        and finding.level == entry["level"]
        and finding.field == entry["field"]
        and entry["message"] in finding.message
    )


@pytest.mark.parametrize("name", CORPUS)
def test_malformed_file_gives_its_expected_findings(name, tmp_path):
    path = INVALID / name
    result = _run(path, tmp_path)
    findings = result.findings
    shown = _show(findings)

    assert findings, f"{name}: geen enkele melding"
    reported = FACTS_FILE if name.startswith("feiten/") else name
    assert all(f.path.endswith(reported) for f in findings), f"{name}: meldingen over andere bestanden:\n{shown}"
    assert not [f for f in findings if f.field == "intern"], f"{name}: de checker crashte:\n{shown}"

    # Each expected finding is matched by its own finding (two identical expectations need two findings).
    unmatched = list(findings)
    for entry in EXPECTATIONS.get(name, []):
        hit = next((f for f in unmatched if _matches(f, entry)), None)
        assert hit is not None, f"{name}: verwacht {entry}, gekregen:\n{shown}"
        unmatched.remove(hit)

    unexpected_errors = [f for f in unmatched if f.is_error]
    assert not unexpected_errors, f"{name}: onverwachte fouten:\n{_show(unexpected_errors)}"
    if any(e["level"] == "fout" for e in EXPECTATIONS.get(name, [])):
        assert result.catalogue is None, f"{name}: met fouten mag er geen catalogus gebouwd worden"


@pytest.mark.parametrize("path", sorted(VALID_ENCODINGS.rglob("*.md")), ids=lambda p: p.name)
def test_accepted_encodings_pass(path):
    """UTF-8 with a BOM and CRLF line ends are what Windows editors save; the site reads them fine."""
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") or b"\r\n" in raw, f"{path.name} test geen BOM of CRLF"
    result = _run(path, Path())
    assert result.findings == [], _show(result.findings)
    assert result.catalogue is not None
    ids = {entry.id for entry in (*result.catalogue.products, *result.catalogue.loketten)}
    assert path.stem in ids


def test_fixture_catalogue_is_clean():
    result = check(CATALOGUE, TODAY)
    assert result.findings == [], _show(result.findings)
    assert result.files >= 4


# --- the command line over the whole corpus ------------------------------------------------------------------


def _cli(fmt: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [*CLI, "--root", str(CATALOGUE), "check", "--today", TODAY.isoformat(),
         "--format", fmt, str(INVALID)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize("fmt", ["mens", "github", "json"])
def test_cli_reports_the_whole_corpus(fmt):
    run = _cli(fmt)
    output = run.stdout + run.stderr
    assert run.returncode == 1, output
    assert "Traceback" not in output
    assert "interne fout" not in output and "onverwachte fout" not in output
    for name in FICHE_CORPUS:
        assert f"invalid/{name}" in run.stdout, f"{name} ontbreekt in de uitvoer ({fmt})"

    if fmt == "github":
        *annotations, summary = run.stdout.rstrip("\n").split("\n")
        assert annotations
        for line in annotations:
            assert line.startswith(("::error file=", "::warning file=")), line
            assert ",line=" in line
        assert "bestanden nagekeken" in summary
    elif fmt == "json":
        payload = json.loads(run.stdout)
        reported = {m["bestand"].split("invalid/", 1)[-1] for m in payload["meldingen"]}
        assert reported == set(FICHE_CORPUS)
        assert payload["fouten"] == sum(m["niveau"] == "fout" for m in payload["meldingen"]) > 0
        assert all(m["veld"] != "intern" for m in payload["meldingen"])
    else:
        assert "fout:" in run.stdout and "Los de fouten op" in run.stdout
