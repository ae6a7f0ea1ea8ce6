import json

from catalogus.base.findings import error, warning
from catalogus.check import report
from catalogus.check.pipeline import CheckResult

RESULT = CheckResult(
    findings=[
        error("content/products/a.md", 7, "laatst_nagekeken", "datum ligt in de toekomst (2027-01-01)", 19),
        warning("content/products/a.md", 9, "url", "gebruik https, ook voor: dit, dat"),
        error("content/products/b.md", 2, "yaml", "regel 1\nregel 2: 100%"),
    ],
    files=3,
)


def test_human_groups_per_file_with_location_level_field_and_message():
    text = report.human(RESULT)
    assert "content/products/a.md (2)" in text
    assert "content/products/a.md:7:19: fout: laatst_nagekeken: datum ligt in de toekomst (2027-01-01)" in text
    assert "content/products/a.md:9: waarschuwing: url:" in text
    assert text.splitlines()[-2] == "3 bestanden nagekeken: 2 fouten, 1 waarschuwing."


def test_github_annotations_escape_their_properties_and_message():
    lines = report.github(RESULT).splitlines()
    assert lines[0] == (
        "::error file=content/products/a.md,line=7,col=19,title=laatst_nagekeken::datum ligt in de toekomst (2027-01-01)"
    )
    assert lines[1].startswith("::warning file=content/products/a.md,line=9,title=url::")
    assert lines[2].endswith("::regel 1%0Aregel 2: 100%25")


def test_json_is_machine_readable():
    payload = json.loads(report.as_json(RESULT))
    assert payload["fouten"] == 2 and payload["waarschuwingen"] == 1
    assert payload["meldingen"][0] == {
        "bestand": "content/products/a.md",
        "regel": 7,
        "kolom": 19,
        "niveau": "fout",
        "veld": "laatst_nagekeken",
        "melding": "datum ligt in de toekomst (2027-01-01)",
    }
