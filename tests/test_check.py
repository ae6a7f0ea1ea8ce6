import datetime as dt

from catalogus.check import check
from factories import fiche, line_of, make_project, write

TODAY = dt.date(2026, 11, 26)


def test_valid_project_builds_a_catalogue(tmp_path):
    make_project(tmp_path, [fiche(), fiche(id="sociale-huurwoning", titel="Sociale huurwoning", verwante_producten=["huurpremie"])])
    result = check(tmp_path, TODAY)
    assert result.findings == []
    assert result.files == 3
    assert [e.id for e in result.catalogue.products] == ["huurpremie", "sociale-huurwoning"]


def test_every_problem_is_reported_in_one_run(tmp_path):
    make_project(
        tmp_path,
        [
            fiche(loket="bestaat-niet"),
            fiche(id="tweede", titel="Tweede", verwante_producten=["ontbreekt"], themas=["wonen"]),
        ],
    )
    result = check(tmp_path, TODAY)
    messages = [(f.path.split("/")[-1], f.field) for f in result.errors]
    assert ("huurpremie.md", "loket") in messages
    assert ("tweede.md", "themas") in messages
    assert result.catalogue is None


def test_references_are_checked_across_files(tmp_path):
    make_project(tmp_path, [fiche(verwante_producten=["ontbreekt", "huurpremie"])])
    errors = check(tmp_path, TODAY).errors
    path = tmp_path / "content" / "products" / "huurpremie.md"
    assert [(e.field, e.line) for e in errors] == [
        ("verwante_producten.0", line_of(path, "- ontbreekt")),
        ("verwante_producten.1", line_of(path, "- huurpremie")),
    ]
    assert "bestaat niet" in errors[0].message and "zichzelf" in errors[1].message


def test_duplicate_ids_are_reported_on_both_files(tmp_path):
    make_project(tmp_path, [fiche()])
    write(tmp_path / "content" / "products" / "kopie.md", fiche())
    paths = sorted(f.path for f in check(tmp_path, TODAY).errors if "meer dan eens" in f.message)
    assert paths == ["content/products/huurpremie.md", "content/products/kopie.md"]


def test_paths_limit_the_report_but_not_the_references(tmp_path):
    make_project(tmp_path, [fiche(), fiche(id="kapot", titel="Kapot", themas=["onbekend"])])
    extra = write(tmp_path / "elders" / "products" / "nieuw.md", fiche(id="nieuw", titel="Nieuw", verwante_producten=["huurpremie"]))
    result = check(tmp_path, TODAY, [extra])
    assert result.findings == []
    assert result.files == 4


def test_missing_config_is_a_finding_not_a_crash(tmp_path):
    result = check(tmp_path, TODAY)
    assert {f.path for f in result.errors} == {"catalogus.yml", "vocabularies.yml"}


def test_settings_errors_have_lines_and_dutch_messages(tmp_path):
    make_project(tmp_path, [fiche()])
    config = tmp_path / "catalogus.yml"
    config.write_text(config.read_text(encoding="utf-8") + "nakijken_elke: 3\n", encoding="utf-8")
    (finding,) = check(tmp_path, TODAY).errors
    assert (finding.path, finding.field) == ("catalogus.yml", "nakijken_elke")
    assert finding.line == len(config.read_text(encoding="utf-8").splitlines())
    assert finding.message.startswith("onbekend veld 'nakijken_elke'")


def test_life_event_steps_and_home_lists_name_existing_fiches(tmp_path):
    make_project(tmp_path, [fiche()])
    vocab = tmp_path / "vocabularies.yml"
    text = vocab.read_text(encoding="utf-8").replace(
        "    label: Verhuizen\n",
        "    label: Verhuizen\n    stappen:\n      - titel: Adres doorgeven\n        fiches: [huurpremie, adreswijzging]\n",
    )
    vocab.write_text(text, encoding="utf-8")
    config = tmp_path / "catalogus.yml"
    config.write_text(config.read_text(encoding="utf-8") + "meest_gevraagd: [leeflon]\ncontact_loket: geen-loket\n", encoding="utf-8")
    result = check(tmp_path, TODAY)
    messages = {(f.path, f.line, f.message) for f in result.errors}
    assert (
        "vocabularies.yml",
        line_of(vocab, "fiches: [huurpremie"),
        "de fiche 'adreswijzging' in de stap 'Adres doorgeven' bestaat niet; controleer de schrijfwijze of maak die fiche aan",
    ) in messages
    assert ("catalogus.yml", line_of(config, "meest_gevraagd"), "de fiche 'leeflon' bestaat niet; controleer de schrijfwijze") in messages
    assert any(f.path == "catalogus.yml" and "het loket 'geen-loket' bestaat niet" in f.message for f in result.errors)
    assert result.catalogue is None  # nothing is published with a broken path
