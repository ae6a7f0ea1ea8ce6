import datetime as dt

from catalogus.base.slug import sort_key
from catalogus.check.pipeline import check
from factories import fiche, loket, make_project


def build(tmp_path, products, loketten=None):
    make_project(tmp_path, products, loketten)
    result = check(tmp_path, dt.date(2026, 11, 26))
    assert result.errors == []
    return result.catalogue


def test_relations_are_made_two_way(tmp_path):
    catalogue = build(
        tmp_path,
        [fiche(), fiche(id="sociale-huurwoning", titel="Sociale huurwoning", verwante_producten=["huurpremie"])],
    )
    assert catalogue.related == {"huurpremie": ("sociale-huurwoning",), "sociale-huurwoning": ("huurpremie",)}


def test_indexes_list_exactly_the_matching_fiches(tmp_path):
    catalogue = build(
        tmp_path,
        [
            fiche(andere_loketten=["onthaal"]),
            fiche(
                id="leefloon",
                titel="Leefloon",
                loket="onthaal",
                doelgroepen=["laag-inkomen"],
                themas=["inkomen-en-financiele-hulp"],
            ),
        ],
        [loket(), loket(id="onthaal", naam="Onthaal OCMW")],
    )
    assert catalogue.by_loket == {"woonloket": ("huurpremie",), "onthaal": ("huurpremie", "leefloon")}
    assert catalogue.by_term["doelgroepen"]["laag-inkomen"] == ("huurpremie", "leefloon")
    assert catalogue.by_term["doelgroepen"]["huurders"] == ("huurpremie",)
    assert [e.id for e in catalogue.loketten] == ["onthaal", "woonloket"]


def test_alphabetical_order_ignores_case_and_accents():
    words = ["Zorgbudget", "één-loket", "Adres", "Ëerste", "attest"]
    assert sorted(words, key=sort_key) == ["Adres", "attest", "één-loket", "Ëerste", "Zorgbudget"]
