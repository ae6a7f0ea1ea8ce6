"""The real catalogue: counts and coverage that must not silently regress.

It runs on a fixed date, so that the suite does not turn red by the calendar whatever a change touches.
Whether fiches became overdue is the scheduled checker workflow's job: it runs `catalogus check` on the
real date every week. CONTENT_TODAY moves forward when the content is reviewed.
"""

import datetime as dt

import pytest
import yaml

from catalogus.check.pipeline import check
from factories import REPO, TOWN

CONTENT_TODAY = dt.date(2026, 12, 1)  # every fiche was reviewed within the year before this day
MIN_FICHES = 120
LOKETTEN = {"informatiedienst", "onthaal-ocmw", "welzijnsdienst", "werkwinkel", "burgerzaken", "woonloket"}


@pytest.fixture(scope="module")
def result():
    return check(REPO, CONTENT_TODAY, town=TOWN)


@pytest.fixture(scope="module")
def catalogue(result):
    assert result.catalogue is not None, "\n".join(f"{f.path}:{f.line}: {f.message}" for f in result.errors)
    return result.catalogue


# Facts of the register (feiten.yml) whose newest value is older than its revision period: the warning is the
# register doing its job. No newer value could be verified on a public page (issue 22's closing note); take a name
# out when its new value is added, and the test fails until you do.
OVERDUE_FACTS = {
    "leefloon_samenwonend", "leefloon_alleenstaand", "leefloon_gezin_ten_laste", "igo_samenwonend", "igo_alleenstaand",
    "vt_inkomensgrens", "vt_inkomensgrens_per_gezinslid", "verwarmingstoelage_inkomensgrens",
    "verwarmingstoelage_inkomensgrens_per_persoon",
}


def _overdue(finding) -> bool:
    return finding.path == "feiten.yml" and "langer dan" in finding.message and finding.field.startswith("feiten.")


def test_content_has_no_errors_and_no_warnings_but_the_overdue_facts(result):
    assert [(f.path, f.line, f.message) for f in result.findings if not _overdue(f)] == []
    assert {f.field.removeprefix("feiten.") for f in result.findings if _overdue(f)} == OVERDUE_FACTS


def test_counts(catalogue):
    assert len(catalogue.products) >= MIN_FICHES
    assert {entry.id for entry in catalogue.loketten} == LOKETTEN


def test_every_vocabulary_value_is_used(catalogue):
    vocab = catalogue.vocabularies
    used = {field: set() for field in ("doelgroepen", "themas", "levensgebeurtenissen", "producttype")}
    for entry in catalogue.products:
        for field in used:
            value = getattr(entry.record, field)
            used[field].update(value if isinstance(value, list) else [value])
    for field, values in used.items():
        assert set(vocab.terms(field)) - values == set(), f"ongebruikt in {field}"


def test_every_fiche_has_keywords_and_a_related_product(catalogue):
    thin = [e.id for e in catalogue.products if len(e.record.sleutelwoorden) < 3]
    alone = [e.id for e in catalogue.products if not e.record.verwante_producten]
    assert thin == [] and alone == []


def test_every_loket_has_products(catalogue):
    assert {key for key, ids in catalogue.by_loket.items() if ids} == LOKETTEN


def test_every_seed_product_has_a_fiche(catalogue):
    mapping = yaml.safe_load((REPO / "tests" / "seed_products.yml").read_text(encoding="utf-8"))
    missing = {name: ids for name, ids in mapping.items() if not set(ids) <= set(catalogue.by_id)}
    assert missing == {}
    assert len(mapping) >= 80
