"""A region's shared catalogue and its towns: what a town publishes (adopted, offered, finished), what it is
told about the rest, and that a shared fiche stays town-neutral."""

from __future__ import annotations

import datetime as dt

import yaml

from catalogus.check.pipeline import check
from factories import fiche, git, instance_values, line_of, make_region, shared_fiche, write, write_local

TODAY = dt.date(2026, 11, 26)
SHARED = ("huurpremie", "huursubsidie", "woonzorgcentrum")


def region(tmp_path, **instances):
    """Two towns on three shared fiches; 'noord' adopted what `instances` says (default: all three)."""
    shared = [
        fiche(id="huurpremie", verwante_producten=["huursubsidie", "woonzorgcentrum"]),
        fiche(id="huursubsidie", titel="Huursubsidie"),
        fiche(id="woonzorgcentrum", titel="Woonzorgcentrum"),
    ]
    noord = instances or {key: instance_values() for key in SHARED}
    return make_region(tmp_path, shared, {"noord": noord, "zuid": {key: instance_values() for key in SHARED}})


def messages(result):
    return [f"{f.path}:{f.line}: {f.level}: {f.message}" for f in result.findings]


def test_every_town_of_the_region_checks_clean(tmp_path):
    root = region(tmp_path)
    for town in ("noord", "zuid"):
        result = check(root, TODAY, town=town)
        assert messages(result) == [] and result.catalogue is not None
        assert {e.id for e in result.catalogue.products} == set(SHARED)
        assert result.catalogue.config.gemeente == town.capitalize()


def test_a_shared_fiche_names_no_loket_owner_or_review_date(tmp_path):
    root = region(tmp_path)
    path = tmp_path / "gedeeld" / "products" / "huursubsidie.md"
    write(path, fiche(id="huursubsidie", titel="Huursubsidie", loket="woonloket"))
    errors = [f for f in check(root, TODAY, town="noord").errors if f.path == "gedeeld/products/huursubsidie.md"]
    assert {f.field for f in errors} == {"loket", "eigenaar", "laatst_nagekeken"}
    loket_error = next(f for f in errors if f.field == "loket")
    assert loket_error.line == line_of(path, "loket:") and "gemeenten/noord" in loket_error.message


def test_a_fiche_not_adopted_is_not_published_and_is_listed_once(tmp_path):
    root = region(tmp_path, huurpremie=instance_values(), huursubsidie=instance_values())
    result = check(root, TODAY, town="noord")
    assert {e.id for e in result.catalogue.products} == {"huurpremie", "huursubsidie"}
    [note] = [f for f in result.findings if f.path == "gemeenten/noord/catalogus.yml"]
    assert note.level == "waarschuwing" and "1 gedeelde fiches zijn nog niet overgenomen" in note.message
    assert "woonzorgcentrum" in note.message and "catalogus overnemen" in note.message
    assert not result.errors  # huurpremie's reference to it is dropped, not an error
    assert result.catalogue.related["huurpremie"] == ("huursubsidie",)


def test_a_fiche_not_offered_vanishes_with_every_reference_to_it(tmp_path):
    root = region(tmp_path)
    vocab = yaml.safe_load((root / "vocabularies.yml").read_text(encoding="utf-8"))
    event = next(iter(vocab["levensgebeurtenissen"]))
    vocab["levensgebeurtenissen"][event]["stappen"] = [{"titel": "Wonen", "fiches": ["huurpremie", "woonzorgcentrum"]}]
    (root / "vocabularies.yml").write_text(yaml.safe_dump(vocab, allow_unicode=True, sort_keys=False), encoding="utf-8")
    reason = {"aangeboden": False, "reden": "Zie het OCMW van de buurgemeente."}
    write_local(root / "gemeenten" / "noord", "woonzorgcentrum", reason, root)
    noord = check(root, TODAY, town="noord")
    assert noord.errors == []
    catalogue = noord.catalogue
    assert "woonzorgcentrum" not in catalogue.by_id
    assert "woonzorgcentrum" not in catalogue.related["huurpremie"]
    assert all("woonzorgcentrum" not in step.fiches for step in catalogue.vocabularies.levensgebeurtenissen[event].stappen)
    zuid = check(root, TODAY, town="zuid")  # the other town still offers it
    assert "woonzorgcentrum" in zuid.catalogue.by_id and "woonzorgcentrum" in zuid.catalogue.related["huurpremie"]


def test_a_most_asked_fiche_the_town_does_not_publish_is_an_error_in_its_settings(tmp_path):
    root = region(tmp_path, huurpremie=instance_values())
    config = root / "gemeenten" / "noord" / "catalogus.yml"
    config.write_text(config.read_text(encoding="utf-8") + "meest_gevraagd: [huurpremie, huursubsidie]\n", encoding="utf-8")
    [error] = check(root, TODAY, town="noord").errors
    assert (error.path, error.field) == ("gemeenten/noord/catalogus.yml", "meest_gevraagd.1")
    assert "is bij u nieuw" in error.message


def test_an_unfinished_instance_is_never_public_and_a_draft_says_it_was_not_reviewed(tmp_path):
    root = region(tmp_path)
    local = write_local(root / "gemeenten" / "noord", "huursubsidie", instance_values(laatst_nagekeken="IN TE VULLEN"), root)
    result = check(root, TODAY, town="noord")
    assert result.errors == [] and "huursubsidie" not in result.catalogue.by_id
    [note] = [f for f in result.findings if f.path == "gemeenten/noord/content/lokaal/huursubsidie.yml"]
    assert note.level == "waarschuwing" and "in voorbereiding" in note.message and "laatst_nagekeken" in note.message
    assert note.line == line_of(local, "laatst_nagekeken")
    concept = check(root, TODAY, town="noord", concept=True)
    assert concept.catalogue.by_id["huursubsidie"].record.laatst_nagekeken == dt.date.min  # "nog niet nagekeken"


def test_a_changed_shared_fiche_is_flagged_with_what_changed(tmp_path):
    root = region(tmp_path)
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "start")
    path = root / "gedeeld" / "products" / "huursubsidie.md"
    changed = shared_fiche(id="huursubsidie", titel="Huursubsidie", sleutelwoorden=["huurtoelage", "huurhulp"])
    write(path, changed, "Nieuwe tekst.")
    result = check(root, TODAY, town="noord")
    [flag] = [f for f in result.findings if f.path == "gemeenten/noord/content/lokaal/huursubsidie.yml"]
    assert flag.level == "waarschuwing" and flag.field == "gedeelde_versie" and flag.message.startswith("herzien nodig")
    assert '+ "huurhulp"' in flag.message and '- "premie huur"' in flag.message and '+ "Nieuwe tekst."' in flag.message
    assert result.catalogue.needs_review == {"huursubsidie"}
    assert "Nieuwe tekst." in result.catalogue.by_id["huursubsidie"].body  # the new shared text is published at once


def test_a_town_value_that_breaks_a_shared_fiche_is_reported_where_the_town_wrote_it(tmp_path):
    root = region(tmp_path)
    write(root / "gedeeld" / "products" / "huursubsidie.md", shared_fiche(id="huursubsidie", titel="Huursubsidie in $gemeente"))
    config = root / "gemeenten" / "noord" / "catalogus.yml"
    long_name = "gemeente: " + "Noord" * 20
    config.write_text(config.read_text(encoding="utf-8").replace("gemeente: Noord", long_name), encoding="utf-8")
    errors = check(root, TODAY, town="noord").errors
    assert errors and all(f.path == "gemeenten/noord/catalogus.yml" for f in errors)
    assert any("gedeeld/products/huursubsidie.md, titel" in f.message and f.line == line_of(config, "gemeente:") for f in errors)


def test_an_own_fiche_cannot_take_the_id_of_a_shared_one(tmp_path):
    root = region(tmp_path)
    write(root / "gemeenten" / "noord" / "content" / "products" / "huursubsidie.md", fiche(id="huursubsidie"))
    [error] = check(root, TODAY, town="noord").errors
    assert error.path == "gemeenten/noord/content/products/huursubsidie.md" and "er is ook een gedeelde fiche" in error.message


def test_a_loket_without_any_opening_hours_is_an_error(tmp_path):
    root = region(tmp_path)
    path = root / "gemeenten" / "noord" / "content" / "loketten" / "woonloket.md"
    data = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
    write(path, {**data, "openingsuren": {"maandag": [], "dinsdag": []}})
    [error] = check(root, TODAY, town="noord").errors
    assert error.field.startswith("openingsuren") and "als gesloten" in error.message
    write(path, {**data, "openingsuren": {"uitzonderingen": "Enkel op afspraak: bel ons."}})
    assert check(root, TODAY, town="noord").errors == []


def test_a_recorded_version_is_never_given_to_git_unless_it_is_a_version(tmp_path):
    """gedeelde_versie comes from a town's file: a value that git could read as an option is refused at its line
    and never reaches git."""
    root = region(tmp_path)
    git(root, "init", "-q")
    target = tmp_path / "overschreven"
    local = write_local(root / "gemeenten" / "noord", "huursubsidie", instance_values(gedeelde_versie=f"--output={target}"), root)
    result = check(root, TODAY, town="noord")
    [error] = [f for f in result.errors if f.path == "gemeenten/noord/content/lokaal/huursubsidie.yml"]
    assert error.field == "gedeelde_versie" and error.line == line_of(local, "gedeelde_versie")
    [flag] = [f for f in result.warnings if f.path == error.path]
    assert "is geen versie die 'catalogus nagekeken' schrijft" in flag.message
    assert not target.exists()
