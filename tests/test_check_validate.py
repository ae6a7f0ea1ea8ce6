import datetime as dt

import pytest

from catalogus.check.pipeline import check
from catalogus.model.review import add_months
from factories import fiche, line_of, make_project

TODAY = dt.date(2026, 11, 26)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2025, 11, 30), 12, dt.date(2026, 11, 30)),
        (dt.date(2025, 12, 15), 3, dt.date(2026, 3, 15)),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("reviewed", "interval", "level"),
    [
        ("2025-11-26", None, None),  # due today: fine
        ("2025-11-25", None, "waarschuwing"),  # one day overdue
        ("2025-09-27", None, "waarschuwing"),  # 60 days overdue: still inside the margin
        ("2025-09-26", None, "fout"),  # 61 days overdue
        ("2026-06-01", 3, "fout"),  # own interval of 3 months, long overdue
        ("2026-11-27", None, "fout"),  # in the future
    ],
)
def test_review_dates(tmp_path, reviewed, interval, level):
    extra = {"nakijken_elke_maanden": interval} if interval else {}
    make_project(tmp_path, [fiche(laatst_nagekeken=reviewed, **extra)])
    findings = check(tmp_path, TODAY).findings
    assert [f.level for f in findings] == ([level] if level else [])
    line = line_of(tmp_path / "content" / "products" / "huurpremie.md", "laatst_nagekeken:")
    assert all(f.field == "laatst_nagekeken" and f.line == line for f in findings)


def test_yaml_boolean_trap_is_explained(tmp_path):
    make_project(tmp_path, [fiche(sleutelwoorden=["huur", "premie"])])
    path = tmp_path / "content" / "products" / "huurpremie.md"
    path.write_text(path.read_text().replace("- premie", "- on"))
    (finding,) = check(tmp_path, TODAY).errors
    assert finding.field == "sleutelwoorden.1"
    assert "gelezen als een ja/nee-waarde" in finding.message and '"on"' in finding.message


def test_unknown_key_suggests_the_right_one(tmp_path):
    make_project(tmp_path, [fiche(voorwaarde=["U huurt een woning."])])
    (finding,) = check(tmp_path, TODAY).errors
    assert finding.message == "onbekend veld 'voorwaarde': bedoelde u 'voorwaarden'?"
    assert finding.line == line_of(tmp_path / "content" / "products" / "huurpremie.md", "voorwaarde:")


def test_every_independent_problem_of_a_file_is_reported_in_one_run(tmp_path):
    """A model error (a missing title) does not hide the vocabulary and review-date errors of the same file."""
    data = fiche(doelgroepen=["huurders", "huisdieren"], laatst_nagekeken="2027-01-05")
    del data["titel"]
    make_project(tmp_path, [data])
    path = tmp_path / "content" / "products" / "huurpremie.md"
    found = {(f.field, f.line) for f in check(tmp_path, TODAY).errors}
    assert found == {
        ("titel", 2),  # missing: reported at the start of the front-matter
        ("doelgroepen", line_of(path, "- huisdieren")),
        ("laatst_nagekeken", line_of(path, "laatst_nagekeken:")),
    }
