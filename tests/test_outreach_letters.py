"""The letters of `catalogus proactief`: one printable A4 letter per invited household that says which product, why,
what it gives, how and where to apply, the legal basis of the product and of the processing, and how to object;
nothing from the settings or a fiche becomes markup; no letters at all without the legal basis or the way to object;
and a mail-merge file that Excel and Word read as text."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from catalogus.check.pipeline import check
from catalogus.cli import main
from catalogus.outreach import batch as outreach
from catalogus.outreach import letters
from factories import LETTERS, fiche, loket, make_project

TODAY = dt.date(2026, 12, 7)
TITLE = "Huurpremie"
REASON = "Iemand in uw gezin heeft recht op de verhoogde tegemoetkoming."
STEP = "Kom naar het woonloket met uw huurcontract."
LAW = "Besluit van de Vlaamse Regering van 2 februari 2024 (huurpremie)"
PHONE = loket()["telefoon"]
AMOUNT = "Alleenstaand: ongeveer €\u00a01.288,46 per maand."  # Babel's Belgian notation, with a non-breaking space


def product(**overrides) -> dict:
    """A real fiche with one rule: verhoogde tegemoetkoming = ja invites the household."""
    rule = {
        "ongeveer": False, "jaar": 2026, "bron": {"titel": "Reglement", "url": "https://www.vlaanderen.be"},
        "categorieen": [{
            "id": "a", "naam": "Categorie A", "toekenning": "uitnodiging",
            "voorwaarde": {"vraag": "verhoogde_tegemoetkoming", "is": True, "uitleg": REASON},
        }],
    }
    return fiche(**{
        "rechten": rule,
        "stappen": [STEP, "Wij kijken uw inkomen na & beslissen binnen 30 dagen."],
        "regelgeving": [{"titel": LAW}],
        "ontvangt": {
            "bedragen": [{"omschrijving": "Alleenstaand", "bedrag": 1288.46, "per": "maand", "ongeveer": True}],
            "toelichting": "Het bedrag hangt af van uw inkomen.",
            "bron": {"titel": "Vlaanderen", "url": "https://www.vlaanderen.be"},
        },
        **overrides,
    })


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "project").mkdir()
    return make_project(tmp_path / "project", [product()])


@pytest.fixture
def catalogue(project: Path):
    result = check(project, TODAY)
    assert not result.errors, result.errors
    return result.catalogue


def households(folder: Path, answers: dict[str, str]) -> Path:
    path = folder / "huishoudens.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([("huishouden", "verhoogde_tegemoetkoming"), *answers.items()])
    return path


def batch(catalogue, path: Path):
    return outreach.run(catalogue, outreach.Inputs(huishoudens=path), TODAY)


def letter_files(target: Path) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(target.glob("brieven-*.html"))]


def merge_rows(target: Path) -> list[dict[str, str]]:
    with (target / letters.MERGE_FILE).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def test_a_letter_says_what_why_how_where_and_on_what_grounds(tmp_path, catalogue):
    run = batch(catalogue, households(tmp_path, {"H2": "ja", "H1": "ja", "H3": "nee"}))
    assert letters.write(run, catalogue, tmp_path / "uit", None) is None and run.letters == 2
    (html,) = letter_files(tmp_path / "uit")
    assert html.startswith("<!DOCTYPE html>") and html.count("<style>") == 1
    assert "@page { size: A4;" in html and ".brief { break-after: page; page-break-after: always; }" in html
    first, second = html.split('<section class="brief">')[1:]
    assert "huishouden H1<" in first and "huishouden H2<" in second  # in the order of the ids
    for text in (TITLE, REASON, STEP, LAW, PHONE, AMOUNT, "7 december 2026",
                 "Woonloket", "Marktplein 1", "«NAAM»", "«ADRES»", "recht van bezwaar", "U kunt altijd zelf een aanvraag doen",
                 "https://sociaalhuis.harelbeke.example/products/huurpremie/", *LETTERS.values()):
        assert text in first, text
    assert "beslissen binnen 30 dagen" in first and "&amp; beslissen" in first  # plain text, escaped once
    assert "<script" not in html and " src=" not in html and "href=" not in html and "url(" not in html


def test_nothing_from_the_settings_a_fiche_or_an_id_becomes_markup(tmp_path, catalogue):
    """The settings refuse '<' (plain text) and a fiche refuses tags; the template escapes all the same."""
    settings = catalogue.config.proactief.model_copy(update={"rechtsgrond": "<script>alert(1)</script>", "bezwaar": "a & b"})
    catalogue = dataclasses.replace(catalogue, config=catalogue.config.model_copy(update={"proactief": settings}))
    run = batch(catalogue, households(tmp_path, {'<b id="x">H&1</b>': "ja"}))
    letters.write(run, catalogue, tmp_path / "uit", None)
    (html,) = letter_files(tmp_path / "uit")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "a &amp; b" in html
    assert "huishouden &lt;b id=&#34;x&#34;&gt;H&amp;1&lt;/b&gt;" in html and "<b id" not in html


@pytest.mark.parametrize("missing", ["rechtsgrond", "bezwaar"])
def test_no_letters_without_the_legal_basis_or_the_way_to_object(tmp_path, project, capsys, missing):
    config = project / "catalogus.yml"
    config.write_text("".join(line for line in config.read_text(encoding="utf-8").splitlines(True)
                              if not line.startswith(f"  {missing}:")), encoding="utf-8")
    target = tmp_path / "uit"
    target.mkdir()
    (target / "brieven-007.html").write_text("een brief van een vorige keer", encoding="utf-8")
    code = main(["--root", str(project), "proactief", "--huishoudens", str(households(tmp_path, {"H1": "ja"})),
                 "--uit", str(target), "--today", TODAY.isoformat()])
    captured = capsys.readouterr()
    assert code == 0 and "0 brieven" in captured.out
    assert f"geen brieven gemaakt: vul in catalogus.yml proactief.{missing} (" in captured.err
    assert sorted(p.name for p in target.iterdir()) == [
        "niet-gevonden.csv", "ongeldige-regels.csv", "uitnodigingen.csv", "verantwoording.md"]
    assert f"Brieven: geen: geen brieven gemaakt: vul in catalogus.yml proactief.{missing}" in (
        target / "verantwoording.md").read_text(encoding="utf-8")
    assert "H1;huurpremie;a;uitnodiging" in (target / "uitnodigingen.csv").read_text(encoding="utf-8")


def test_the_mail_merge_file_has_one_row_per_household_with_the_letters_texts(tmp_path):
    second = product(id="tweede-premie", titel="Tweede premie", stappen=["Bel ons."], regelgeving=[], ontvangt=None)
    (tmp_path / "two").mkdir()
    project = make_project(tmp_path / "two", [product(), second])
    catalogue = check(project, TODAY).catalogue
    run = batch(catalogue, households(tmp_path, {"H1": "ja", "Zoë": "ja", "H3": "nee"}))
    letters.write(run, catalogue, tmp_path / "uit", None)
    assert (tmp_path / "uit" / letters.MERGE_FILE).read_bytes().startswith("\ufeffhuishouden;".encode())
    rows = merge_rows(tmp_path / "uit")
    fields = ["titel", "waarom", "ontvangt", "aanvragen", "loket", "telefoon", "regelgeving", "url"]
    assert list(rows[0]) == ["huishouden", "datum", "organisatie", "rechtsgrond", "bezwaar", "aantal_producten",
                             *(f"product_{n}_{field}" for n in (1, 2) for field in fields)]
    assert [row["huishouden"] for row in rows] == ["H1", "Zoë"]
    row = rows[0]
    assert row["datum"] == "7 december 2026" and row["organisatie"] == catalogue.config.organisatie
    assert row["rechtsgrond"] == LETTERS["rechtsgrond"] and row["bezwaar"] == LETTERS["bezwaar"]
    assert row["aantal_producten"] == "2"
    by_title = {row[f"product_{n}_titel"]: n for n in (1, 2)}
    first, other = (
        {field: row[f"product_{by_title[title]}_{field}"] for field in fields} for title in (TITLE, "Tweede premie")
    )
    assert first == {
        "titel": TITLE,
        "waarom": REASON,
        "ontvangt": f"{AMOUNT} Het bedrag hangt af van uw inkomen.",
        "aanvragen": f"1. {STEP} 2. Wij kijken uw inkomen na & beslissen binnen 30 dagen.",
        "loket": "Woonloket, Marktplein 1, 8530 Harelbeke. Open: maandag: 09:00–12:00; donderdag: 09:00–12:00 en 14:00–18:00.",
        "telefoon": PHONE,
        "regelgeving": LAW,
        "url": "https://sociaalhuis.harelbeke.example/products/huurpremie/",
    }
    assert other["ontvangt"] == other["regelgeving"] == "" and other["aanvragen"] == "1. Bel ons."


def test_a_cell_that_starts_like_a_formula_is_text_in_excel(tmp_path, catalogue):
    settings = catalogue.config.proactief.model_copy(update={"rechtsgrond": "+32 reglement", "bezwaar": "-"})
    catalogue = dataclasses.replace(catalogue, config=catalogue.config.model_copy(update={"proactief": settings}))
    run = batch(catalogue, households(tmp_path, {"=HYPERLINK(\"http://x\")": "ja", "@SOM": "ja", "H;1": "ja"}))
    letters.write(run, catalogue, tmp_path / "uit", None)
    rows = merge_rows(tmp_path / "uit")
    assert [row["huishouden"] for row in rows] == ["'=HYPERLINK(\"http://x\")", "'@SOM", "H;1"]
    assert rows[0]["rechtsgrond"] == "'+32 reglement" and rows[0]["bezwaar"] == "'-"
    with (tmp_path / "uit" / "uitnodigingen.csv").open(encoding="utf-8", newline="") as handle:
        invited = [row["huishouden"] for row in csv.DictReader(handle, delimiter=";")]
    assert invited == ["'=HYPERLINK(\"http://x\")", "'@SOM", "H;1"]


def test_many_letters_are_split_over_files_a_browser_can_print(tmp_path, catalogue, monkeypatch):
    monkeypatch.setattr(letters, "LETTERS_PER_FILE", 2)
    run = batch(catalogue, households(tmp_path, {f"H{n}": "ja" for n in range(5)}))
    letters.write(run, catalogue, tmp_path / "uit", None)
    files = letter_files(tmp_path / "uit")
    assert [html.count('<section class="brief">') for html in files] == [2, 2, 1]
    assert all(html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>") for html in files)
    assert "huishouden H4<" in files[2] and run.letters == 5


def test_a_towns_own_template_is_used_and_escaped(tmp_path, project, capsys):
    own = tmp_path / "eigen.html.j2"
    own.write_text(
        "<html><body><h1>{{ organisatie }}</h1>{% block brief %}<div class=\"eigen\">{{ huishouden }}: "
        "{% for p in producten %}{% block product scoped %}{{ p.titel }} ({{ p.loket.telefoon }}) {% endblock %}"
        "{% endfor %}{{ bezwaar }}</div>{% endblock %}</body></html>",
        encoding="utf-8",
    )
    target = tmp_path / "uit"
    code = main(["--root", str(project), "proactief", "--huishoudens", str(households(tmp_path, {"H1": "ja", "H<2>": "ja"})),
                 "--uit", str(target), "--today", TODAY.isoformat(), "--sjabloon", str(own)])
    assert code == 0 and "2 brieven" in capsys.readouterr().out
    (html,) = letter_files(target)
    assert html == (
        "<html><body><h1>Sociaal Huis Harelbeke</h1>"
        f'<div class="eigen">H1: {TITLE} ({PHONE}) {LETTERS["bezwaar"]}</div>'
        f'<div class="eigen">H&lt;2&gt;: {TITLE} ({PHONE}) {LETTERS["bezwaar"]}</div>'
        "</body></html>"
    )


PRODUCTS = "{% for p in producten %}{% block product scoped %}{{ p.titel }}{% endblock %}{% endfor %}"


@pytest.mark.parametrize("text, message", [
    ("<p>{{ huishouden }}</p>", "heeft geen {% block brief %}"),
    ("{% block brief %}{{ huishouden }}{% for p in producten %}{{ p.titel }}{% endfor %}{% endblock %}",
     "heeft geen {% block product %}"),
    ("{% block brief %}" + PRODUCTS + "{% endblock %}", "zet {{ huishouden }} niet in de brief"),
    ("{% block brief %}{{ huishouden }}{{ producten[0].titel }}" + PRODUCTS + "{% endblock %}",
     "gebruik de gegevens van een product in het blok product"),
    ("{% block brief %}{{ huishouden }}{% endblok %}", "regel 1"),
    ("{% block brief %}{{ huishouden }}{{ naam }}" + PRODUCTS + "{% endblock %}", "'naam' is undefined"),
])
def test_a_template_that_cannot_work_writes_no_letters_and_says_why(tmp_path, project, capsys, text, message):
    own = tmp_path / "eigen.html.j2"
    own.write_text(text, encoding="utf-8")
    target = tmp_path / "uit"
    code = main(["--root", str(project), "proactief", "--huishoudens", str(households(tmp_path, {"H1": "ja"})),
                 "--uit", str(target), "--today", TODAY.isoformat(), "--sjabloon", str(own)])
    err = capsys.readouterr().err
    assert code == 0 and f"het briefsjabloon {own} werkt niet" in err and message in err and "Traceback" not in err
    assert not letter_files(target) and not (target / letters.MERGE_FILE).exists()
