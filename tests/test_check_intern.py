"""The checker on content/intern/<fiche-id>.md: the staff edition's texts, each problem in Dutch at its line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from catalogus.check.pipeline import check
from factories import fiche, line_of, make_project

TODAY = dt.date(2026, 11, 26)
GOOD = """---
team: Onthaal OCMW – team thuiszorg
doorverwijzen:
  - Bij een acute nood eerst de maatschappelijk werker van dienst.
laatst_nagekeken: 2026-10-01
---

Aanvragen komen binnen via het onthaal; het team plant het eerste huisbezoek.
"""


def project(root: Path, **texts: str) -> Path:
    make_project(root, [fiche(), fiche(id="poetsdienst", titel="Poetsdienst")])
    for name, text in texts.items():
        path = root / "content" / "intern" / f"{name}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def shown(result) -> list[str]:
    return [f"{f.path}:{f.line}: {f.level}: {f.field}: {f.message}" for f in result.findings]


def test_a_good_text_passes_and_is_kept_only_when_asked(tmp_path):
    root = project(tmp_path, poetsdienst=GOOD)
    (root / "content" / "intern" / "README.md").write_text("# Interne teksten\n", encoding="utf-8")
    public = check(root, TODAY)
    assert public.findings == [], shown(public)
    assert public.internal == {}  # the public build never holds them
    staff = check(root, TODAY, internal=True)
    text = staff.internal["poetsdienst"]
    assert text.record.team == "Onthaal OCMW – team thuiszorg"
    assert text.body.startswith("Aanvragen komen binnen")
    assert staff.files == public.files == 4  # two fiches, a loket, one internal text


def test_a_text_for_a_fiche_that_does_not_exist(tmp_path):
    root = project(tmp_path, poetsdiens=GOOD)
    result = check(root, TODAY, internal=True)
    assert shown(result) == [
        "content/intern/poetsdiens.md:1: fout: bestand: er is geen fiche 'poetsdiens': een interne tekst heet zoals de "
        "fiche waar hij bij hoort (content/intern/<id van de fiche>.md); bedoelde u 'poetsdienst' (Poetsdienst)?"
    ]
    assert result.catalogue is None and result.internal == {}


def test_personal_data_is_refused_at_its_line(tmp_path):
    text = GOOD.replace("team: Onthaal", "team: Dossier 85.07.30-033.28 bij Onthaal") + (
        "\nTerugbetalen op BE71 0961 2345 6769.\nBel 056 73 33 11 of mail thuiszorg@harelbeke.example.\n"
    )
    root = project(tmp_path, poetsdienst=text)
    path = root / "content" / "intern" / "poetsdienst.md"
    result = check(root, TODAY)
    assert [(f.line, f.field, f.message.split(";")[0]) for f in result.findings] == [
        (2, "team", "hier staat wat op een rijksregisternummer lijkt ('85.07.30-033.28')"),
        (line_of(path, "BE71"), "tekst", "hier staat wat op een rekeningnummer (IBAN) lijkt ('BE71 0961 2345 6769')"),
    ]  # a phone number, a functional mailbox and dates are not personal data
    assert all("persoonsgegevens horen nooit in de catalogus" in f.message for f in result.findings)


def test_a_number_that_fails_its_check_digits_is_not_flagged(tmp_path):
    root = project(tmp_path, poetsdienst=GOOD + "\nReferentie 85.07.30-033.29 en BE71 0961 2345 6768.\n")
    assert check(root, TODAY).findings == []


def test_model_text_and_date_rules(tmp_path):
    text = """---
team: x
kleur: rood
laatst_nagekeken: 2026-10-01
---
<b>dringend</b>
"""
    root = project(tmp_path, poetsdienst=text, huurpremie=GOOD.replace("2026-10-01", "2027-01-05"))
    messages = shown(check(root, TODAY))
    assert messages == [
        (
            "content/intern/huurpremie.md:5: fout: laatst_nagekeken: datum ligt in de toekomst (2027-01-05); "
            "vul de datum van het nazicht in"
        ),
        (
            "content/intern/poetsdienst.md:3: fout: kleur: onbekend veld 'kleur'; "
            "toegelaten velden hier: team, doorverwijzen, laatst_nagekeken"
        ),
        "content/intern/poetsdienst.md:6: fout: tekst: HTML (<b>) is niet toegelaten; gebruik Markdown, bv. **vet**, *schuin* of [tekst](https://...)",
    ]


def test_an_empty_text_and_a_missing_date(tmp_path):
    root = project(tmp_path, poetsdienst="---\nlaatst_nagekeken: 2026-10-01\n---\n", huurpremie="---\nteam: x\n---\nTekst.\n")
    messages = shown(check(root, TODAY))
    assert messages[0].startswith("content/intern/huurpremie.md:2: fout: laatst_nagekeken:")
    assert messages[1].startswith("content/intern/poetsdienst.md:1: fout: bestand: deze interne tekst is leeg")
    assert len(messages) == 2


def test_a_named_internal_file_is_checked_as_one(tmp_path):
    root = project(tmp_path, poetsdienst=GOOD.replace("team: Onthaal", "kleur: rood\nteam: Onthaal"))
    result = check(root, TODAY, [root / "content" / "intern" / "poetsdienst.md"])
    assert [(f.path, f.field) for f in result.findings] == [("content/intern/poetsdienst.md", "kleur")]
    folder = check(root, TODAY, [root / "content" / "intern"])
    assert [(f.path, f.field) for f in folder.findings] == [("content/intern/poetsdienst.md", "kleur")]


def test_other_files_in_the_folder_are_refused(tmp_path):
    root = project(tmp_path, poetsdienst=GOOD)
    (root / "content" / "intern" / "notities.txt").write_text("x", encoding="utf-8")
    result = check(root, TODAY)
    assert [(f.path, f.field) for f in result.findings] == [("content/intern/notities.txt", "bestand")]
    assert "interne teksten (.md in intern/)" in result.findings[0].message
