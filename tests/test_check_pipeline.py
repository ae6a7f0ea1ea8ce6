import datetime as dt

import pytest

from catalogus.check.pipeline import check
from factories import fiche, line_of, make_project, write

TODAY = dt.date(2026, 11, 26)


def test_valid_project_builds_a_catalogue(tmp_path):
    make_project(
        tmp_path,
        [
            fiche(),
            fiche(id="sociale-huurwoning", titel="Sociale huurwoning", verwante_producten=["huurpremie"]),
        ],
    )
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
    extra = write(
        tmp_path / "elders" / "products" / "nieuw.md", fiche(id="nieuw", titel="Nieuw", verwante_producten=["huurpremie"])
    )
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


@pytest.mark.parametrize(
    ("text", "line", "field", "message"),
    [
        ("uitdrukkingen:\n  te duur: []\n", 2, "uitdrukkingen.te duur", "minstens 1"),
        ("vraagwoorden: [waar, twee woorden]\n", 1, "vraagwoorden.1", "twee woorden"),
        ("uitdrukkingen: [te duur]\n", 1, "uitdrukkingen", ""),
        ("vraagwoorden: []\nonbekend: 1\n", 2, "onbekend", "onbekend veld"),
        ("vraagwoorden: [a\n", 1, "yaml", ""),
    ],
)
def test_the_search_words_are_checked_like_every_settings_file(tmp_path, text, line, field, message):
    """zoekwoorden.yml goes to every visitor: the checker reports its problems in Dutch at their line, so the
    build never meets an invalid one."""
    make_project(tmp_path, [fiche()])
    (tmp_path / "zoekwoorden.yml").write_text(text, encoding="utf-8")
    (finding,) = check(tmp_path, TODAY).errors
    assert (finding.path, finding.field, finding.line) == ("zoekwoorden.yml", field, line), finding
    assert message in finding.message


def test_life_event_steps_and_home_lists_name_existing_fiches(tmp_path):
    make_project(tmp_path, [fiche()])
    vocab = tmp_path / "vocabularies.yml"
    text = vocab.read_text(encoding="utf-8").replace(
        "    label: Verhuizen\n",
        "    label: Verhuizen\n    stappen:\n      - titel: Adres doorgeven\n        fiches: [huurpremie, adreswijzging]\n",
    )
    vocab.write_text(text, encoding="utf-8")
    config = tmp_path / "catalogus.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "meest_gevraagd: [leeflon]\ncontact_loket: geen-loket\n", encoding="utf-8"
    )
    result = check(tmp_path, TODAY)
    messages = {(f.path, f.line, f.message) for f in result.errors}
    assert (
        "vocabularies.yml",
        line_of(vocab, "fiches: [huurpremie"),
        "de fiche 'adreswijzging' in de stap 'Adres doorgeven' bestaat niet; controleer de schrijfwijze of maak die fiche aan",
    ) in messages
    assert (
        "catalogus.yml",
        line_of(config, "meest_gevraagd"),
        "de fiche 'leeflon' bestaat niet; controleer de schrijfwijze",
    ) in messages
    assert any(f.path == "catalogus.yml" and "het loket 'geen-loket' bestaat niet" in f.message for f in result.errors)
    assert result.catalogue is None  # nothing is published with a broken path


def test_a_fiche_tagged_with_a_life_event_but_in_none_of_its_steps_is_a_warning_in_the_fiche(tmp_path):
    make_project(
        tmp_path,
        [
            fiche(levensgebeurtenissen=["verhuizen"]),
            fiche(id="adreswijziging", titel="Adreswijziging", levensgebeurtenissen=["verhuizen"]),
        ],
    )
    vocab = tmp_path / "vocabularies.yml"
    text = vocab.read_text(encoding="utf-8").replace(
        "    label: Verhuizen\n",
        "    label: Verhuizen\n    stappen:\n      - titel: Adres doorgeven\n        fiches: [adreswijziging]\n",
    )
    vocab.write_text(text, encoding="utf-8")
    result = check(tmp_path, TODAY)
    assert not result.errors and result.catalogue is not None
    [finding] = result.warnings
    assert (finding.path, finding.line) == ("content/products/huurpremie.md", line_of(tmp_path / finding.path, "- verhuizen"))
    assert finding.message == (
        "deze fiche hoort bij 'Verhuizen', maar staat in geen enkele stap daarvan, dus de pagina 'Verhuizen' toont ze niet; "
        "zet 'huurpremie' bij een stap in vocabularies.yml of haal 'verhuizen' hier weg"
    )


# --- robust edges (issue 8) and messages about the right file (issue 11) ------------------------------------


def test_an_id_with_spaces_around_it_never_crashes(tmp_path):
    # `id: " huurpremie"` once ended in an IndexError: the cross-check looked the file up by the raw id.
    make_project(tmp_path, [fiche(id=" huurpremie"), fiche(id="tweede", titel="Tweede", verwante_producten=["huurpremie"])])
    (tmp_path / "content" / "products" / " huurpremie.md").rename(tmp_path / "content" / "products" / "huurpremie.md")
    result = check(tmp_path, TODAY)
    assert [f for f in result.findings if f.field == "intern"] == []
    assert result.findings == [] and result.catalogue.related["huurpremie"] == ("tweede",)


def test_odd_ids_are_reported_on_their_own_file(tmp_path):
    odd = ["Huurpremie", "huur premie", "", "huurpremie\u00a0", "../x"]
    make_project(tmp_path, [fiche(id=value, titel=f"Fiche {i}") for i, value in enumerate(odd)])
    for i, path in enumerate(sorted((tmp_path / "content" / "products").iterdir())):
        path.rename(path.with_name(f"f{i}.md"))
    result = check(tmp_path, TODAY)
    assert [f for f in result.findings if f.field == "intern"] == []
    assert len({f.path for f in result.errors}) == len(odd)


def test_a_broken_fiche_is_reported_once_in_its_own_file(tmp_path):
    # The case: a broken poetsdienst.md gave errors in every fiche that links to it, listed first.
    linking = [
        fiche(id=name, titel=name.title(), verwante_producten=["poetsdienst"])
        for name in ("coordinatie-thuiszorg", "klusjesdienst")
    ]
    make_project(tmp_path, [fiche(id="poetsdienst", titel="Poetsdienst", themas=["onbekend"]), *linking])
    result = check(tmp_path, TODAY)
    assert {f.path for f in result.findings} == {"content/products/poetsdienst.md"}
    (own,) = result.errors
    assert own.field == "themas"
    (note,) = result.warnings
    assert note.field == "id" and "naar deze fiche verwijzen ook: coordinatie-thuiszorg, klusjesdienst" in note.message


def test_a_fiche_that_does_not_load_still_counts_as_existing(tmp_path):
    make_project(
        tmp_path,
        [
            fiche(id="poetsdienst", titel="Poetsdienst"),
            fiche(id="tweede", titel="Tweede", verwante_producten=["poetsdienst"]),
        ],
    )
    path = tmp_path / "content" / "products" / "poetsdienst.md"
    path.write_text(path.read_text(encoding="utf-8").replace("titel: Poetsdienst", "titel:Poetsdienst"), encoding="utf-8")
    result = check(tmp_path, TODAY)
    assert {f.path for f in result.findings} == {"content/products/poetsdienst.md"}
    assert result.errors[0].line == line_of(path, "titel:Poetsdienst")


def test_a_loket_given_by_its_name_suggests_its_id(tmp_path):
    make_project(tmp_path, [fiche(loket="Woon loket"), fiche(id="tweede", titel="Tweede", loket="woonloke")])
    messages = sorted(f.message for f in check(tmp_path, TODAY).errors)
    assert messages == [
        "'Woon loket' is geen id van een loket; bedoelde u 'woonloket' (Woonloket)?",
        "het loket 'woonloke' bestaat niet; bedoelde u 'woonloket' (Woonloket)?",
    ]


@pytest.mark.parametrize("content_map", ["inhoud", "content/products"])
def test_a_catalogue_without_fiches_is_an_error(tmp_path, content_map):
    make_project(tmp_path, [fiche()])
    config = tmp_path / "catalogus.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"content_map: {content_map}\n", encoding="utf-8")
    (finding,) = check(tmp_path, TODAY).errors
    assert (finding.path, finding.field, finding.line) == ("catalogus.yml", "content_map", line_of(config, "content_map:"))
    assert f"'{content_map}'" in finding.message and ("bestaat niet" in finding.message or "geen enkele fiche" in finding.message)


def test_empty_content_folder_is_an_error(tmp_path):
    make_project(tmp_path, [])
    (finding,) = check(tmp_path, TODAY).errors
    assert finding.path == "catalogus.yml" and "geen enkele fiche" in finding.message


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("products/x.html", b"<script>alert(1)</script>", "dit bestand hoort niet in de inhoud"),
        ("assets/javascripts/catalogus.js", b"alert(1)", "dit bestand hoort niet in de inhoud"),
        ("products/nep.png", b"<svg onload=alert(1)>", "is geen PNG-afbeelding"),
        ("products/logo.svg", b"<svg/>", "dit bestand hoort niet in de inhoud"),
        ("extra/pagina.md", b"# Hallo", "een Markdown-bestand hoort in products/"),
        ("products/sub/diep.md", b"---\nid: diep\n---\n", "een Markdown-bestand hoort in products/"),
        ("products/Groot.MD", b"---\n", "schrijf de extensie in kleine letters"),
        ("afbeeldingen/groot.png", PNG + b"\x00" * (1024 * 1024), "deze afbeelding is te groot"),
    ],
)
def test_files_the_checker_cannot_vouch_for_are_errors(tmp_path, name, data, message):
    make_project(tmp_path, [fiche()])
    path = tmp_path / "content" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    result = check(tmp_path, TODAY)
    (finding,) = result.errors
    assert (finding.path, finding.line, finding.field) == (f"content/{name}", 1, "bestand")
    assert message in finding.message
    assert result.catalogue is None


def test_readmes_and_real_images_are_allowed(tmp_path):
    make_project(tmp_path, [fiche()])
    (tmp_path / "content" / "README.md").write_text("# Inhoud\n", encoding="utf-8")
    (tmp_path / "content" / "products" / "README.md").write_text("# Fiches\n", encoding="utf-8")
    image = tmp_path / "content" / "afbeeldingen" / "logo.png"
    image.parent.mkdir()
    image.write_bytes(PNG)
    result = check(tmp_path, TODAY)
    assert result.findings == [] and result.files == 2
    assert result.assets == (image.resolve(),)


def test_a_symlink_in_the_content_is_an_error(tmp_path):
    make_project(tmp_path, [fiche()])
    (tmp_path / "content" / "products" / "passwd.md").symlink_to("/etc/passwd")
    (finding,) = check(tmp_path, TODAY).errors
    assert finding.path == "content/products/passwd.md" and "snelkoppeling" in finding.message


# --- settings are checked like fiches ---------------------------------------------------------------------


def _append(path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "field", "message"),
    [
        (
            "dienstverleningsniveaus:\n  '../../x':\n    label: X\n",
            "dienstverleningsniveaus.../../x",
            "'../../x' kan geen id zijn",
        ),
        ('dienstverleningsniveaus:\n  \'a"b\':\n    label: X\n', 'dienstverleningsniveaus.a"b', "kan geen id zijn"),
        (
            "dienstverleningsniveaus:\n  x:\n    label: <b>X</b>\n",
            "dienstverleningsniveaus.x.label",
            "gebruik gewone tekst zonder opmaak",
        ),
        ("dienstverleningsniveaus:\n  x:\n    label: '**X**'\n", "dienstverleningsniveaus.x.label", "'*' is niet toegelaten"),
        (
            "dienstverleningsniveaus:\n  x:\n    label: X\n    uitleg: Zie <script>alert(1)</script>\n",
            "dienstverleningsniveaus.x.uitleg",
            "een <script> is niet toegelaten",
        ),
        (
            "dienstverleningsniveaus:\n  x:\n    label: X\n    uitleg: '[klik](javascript:alert(1))'\n",
            "dienstverleningsniveaus.x.uitleg",
            "links met 'javascript:'",
        ),
        ("producttypes:\n  advies-x:\n    label: X\n", "producttypes.advies-x", "is geen IPDC-code"),
    ],
)
def test_vocabulary_keys_are_slugs_and_labels_plain_text(tmp_path, text, field, message):
    make_project(tmp_path, [fiche()])
    vocab = tmp_path / "vocabularies.yml"
    # Replace the section with the broken one; its last line is where the problem is.
    section = text.split(":", 1)[0]
    lines = vocab.read_text(encoding="utf-8").split("\n")
    start = lines.index(f"{section}:")
    end = next((i for i in range(start + 1, len(lines)) if lines[i] and not lines[i].startswith((" ", "#"))), len(lines))
    vocab.write_text("\n".join(lines[:start] + text.rstrip("\n").split("\n") + lines[end:]), encoding="utf-8")
    errors = check(tmp_path, TODAY).errors
    assert [(f.path, f.field) for f in errors] == [("vocabularies.yml", field)], errors
    assert message in errors[0].message
    assert errors[0].line > start


@pytest.mark.parametrize(
    ("text", "field", "message"),
    [
        ("site_omschrijving: Alles <script>alert(1)</script>\n", "site_omschrijving", "gebruik gewone tekst zonder opmaak: '<'"),
        ("site_naam: '*Sociaal* Huis'\n", "site_naam", "'*' is niet toegelaten"),
        ("site_url: javascript:alert(1)\n", "site_url", "links met 'javascript:'"),
        ("gemeente: &g Harelbeke\n", "yaml", "is een YAML-anker"),
    ],
)
def test_town_settings_are_checked_like_fiches(tmp_path, text, field, message):
    make_project(tmp_path, [fiche()])
    config = tmp_path / "catalogus.yml"
    key = text.split(":", 1)[0]
    lines = [line for line in config.read_text(encoding="utf-8").split("\n") if not line.startswith(f"{key}:")]
    config.write_text("\n".join(lines) + "\n" + text, encoding="utf-8")
    errors = check(tmp_path, TODAY).errors
    assert errors and {(f.path, f.field) for f in errors} == {("catalogus.yml", field)}, errors
    assert any(message in f.message for f in errors)
    assert all(f.line == len(lines) + 1 for f in errors)


def test_synonyms_must_be_unambiguous(tmp_path):
    make_project(tmp_path, [fiche()])
    vocab = tmp_path / "vocabularies.yml"
    vocab.write_text(
        vocab.read_text(encoding="utf-8").replace("synoniemen: [werklozen]", "synoniemen: [senioren]"), encoding="utf-8"
    )
    (finding,) = check(tmp_path, TODAY).errors
    assert finding.path == "vocabularies.yml" and "het synoniem 'senioren' hoort al bij 'senioren'" in finding.message


def test_a_named_file_that_is_not_a_fiche_gets_one_message(tmp_path):
    make_project(tmp_path, [fiche()])
    page = tmp_path / "content" / "products" / "x.html"
    page.write_text("<script>alert(1)</script>", encoding="utf-8")
    (finding,) = check(tmp_path, TODAY, [page]).findings
    assert finding.path == "content/products/x.html" and "hoort niet in de inhoud" in finding.message
