"""The register of facts that change (feiten.yml): filled in before validation, shown as valid on --today, refused
when typed (catalogus.load.facts, catalogus.model.facts)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from catalogus.base.translations import load
from catalogus.check.pipeline import check
from catalogus.cli import main
from catalogus.site.context import SiteContext
from catalogus.site.rechten import rights_view
from factories import REPO, fiche, make_project

BEFORE, AFTER = dt.date(2026, 5, 20), dt.date(2026, 6, 10)  # around the register's change on 2026-06-01
REGISTER = """\
feiten:
  leefloon_alleenstaand:
    omschrijving: Leefloon voor een alleenstaande
    eenheid: euro
    per: maand
    herzien_elke: 12
    waarden:
      - vanaf: 2024-05-01
        waarde: 1288.46
        bron: {titel: Bedrag leefloon (index 1 mei 2024), url: "https://centenvoorstudenten.be/info/leefloon/bedrag-leefloon/"}
      - vanaf: 2026-06-01
        waarde: 1350.12
        bron: {titel: Nieuwe bedragen leefloon 2026, url: "https://example.org/leefloon-2026"}
  grens_basis:
    omschrijving: Inkomensgrens
    eenheid: euro
    per: jaar
    waarden:
      - {vanaf: 2025-01-01, waarde: 25630.67, bron: {titel: Grens 2025}}
      - {vanaf: 2026-01-01, waarde: 26000.50, bron: {titel: Grens 2026}}
  grens_per_persoon:
    omschrijving: Verhoging per gezinslid
    eenheid: euro
    per: jaar
    waarden:
      - {vanaf: 2025-01-01, waarde: 4744.94, bron: {titel: Grens 2025}}
  pensioenleeftijd:
    omschrijving: Wettelijke pensioenleeftijd
    eenheid: jaar
    waarden:
      - {vanaf: 2025-01-01, waarde: 66, bron: {titel: Pensioenhervorming}}
"""
RULES = {
    "ongeveer": False, "jaar": 2026, "bron": {"titel": "Wet"},
    "grenzen": {"inkomen": {"feit": "grens_basis", "feit_per_persoon": "grens_per_persoon",
                            "per_persoon_vraag": "andere_gezinsleden"}},
    "categorieen": [{"id": "laag", "naam": "Laag inkomen", "toekenning": "aanvraag", "voorwaarde": {
        "vraag": "bruto_belastbaar_gezinsinkomen", "hoogstens": "inkomen", "uitleg": "Uw inkomen is laag."}}],
}


def project(tmp_path: Path, body: str = "U krijgt hoogstens $leefloon_alleenstaand.", **fields) -> Path:
    product = fiche(
        id="leefloon", titel="Leefloon", laatst_nagekeken="2026-05-01",
        ontvangt={"bedragen": [{"omschrijving": "Alleenstaand", "feit": "leefloon_alleenstaand", "per": "maand"}]}, **fields,
    )
    make_project(tmp_path, [product])
    path = tmp_path / "content" / "products" / "leefloon.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Tekst over dit product.", body), encoding="utf-8")
    (tmp_path / "feiten.yml").write_text(REGISTER, encoding="utf-8")
    return tmp_path


def messages(root: Path, today: dt.date = AFTER) -> list[tuple[str, int, str, str]]:
    return [(f.path, f.line, f.field, f.message) for f in check(root, today).findings]


def test_an_amount_and_a_text_get_the_value_in_force_with_its_date_and_source(tmp_path):
    root = project(tmp_path)
    for today, value, since in ((BEFORE, "1288.46", dt.date(2024, 5, 1)), (AFTER, "1350.12", dt.date(2026, 6, 1))):
        result = check(root, today)
        assert result.errors == [], result.errors
        entry = result.catalogue.by_id["leefloon"]
        (amount,) = entry.record.ontvangt.bedragen
        assert (amount.amount, amount.sinds, amount.per, amount.feit) == (Decimal(value), since, "maand", "leefloon_alleenstaand")
        assert amount.bron is not None and amount.bron.titel
        assert entry.facts == ("leefloon_alleenstaand",)
    body = check(root, AFTER).catalogue.by_id["leefloon"].body
    assert body == "U krijgt hoogstens €\xa01.350,12 per maand."  # Babel writes a no-break space


def test_a_rule_limit_gets_the_whole_history_of_both_facts(tmp_path):
    root = project(tmp_path, rechten=RULES)
    result = check(root, AFTER)
    assert result.errors == [], result.errors
    limit = result.catalogue.by_id["leefloon"].record.rechten.grenzen["inkomen"]
    assert [(w.vanaf, w.bedrag, w.per_persoon) for w in limit.waarden] == [
        (dt.date(2025, 1, 1), Decimal("25630.67"), Decimal("4744.94")),
        (dt.date(2026, 1, 1), Decimal("26000.50"), Decimal("4744.94")),
    ]
    assert limit.omschrijving == "Inkomensgrens"


@pytest.mark.parametrize(
    ("body", "amount", "message"),
    [
        ("Dat is € 1.288,46 per maand.", None, "'€ 1.288,46' staat in feiten.yml als 'leefloon_alleenstaand'"),
        ("De grens is 25.630,67 euro.", None, "schrijf $grens_basis in plaats van het getal"),
        ("Gewoon tekst.", {"omschrijving": "Getypt", "bedrag": 1288.46, "per": "maand"},
         "schrijf 'feit: leefloon_alleenstaand' in plaats van 'bedrag'"),
    ],
)
def test_a_number_the_register_holds_is_refused_when_typed(tmp_path, body, amount, message):
    """Also an old value: a typed copy is what goes stale."""
    root = project(tmp_path, body=body)
    if amount:
        path = root / "content" / "products" / "leefloon.md"
        typed = f"bedrag: {amount['bedrag']}\n    per: maand"
        text = path.read_text(encoding="utf-8").replace("feit: leefloon_alleenstaand", typed)
        path.write_text(text.replace("ontvangt:\n", "ontvangt:\n  bron: {titel: x}\n"), encoding="utf-8")
    found = [m for m in messages(root) if message in m[3]]
    assert found and found[0][0] == "content/products/leefloon.md", messages(root)


def test_a_typed_limit_is_refused(tmp_path):
    rules = {**RULES, "grenzen": {"inkomen": {"omschrijving": "Grens", "waarden": [{"vanaf": "2025-01-01", "bedrag": 25630.67}]}}}
    root = project(tmp_path, rechten=rules)
    assert any("schrijf 'feit: grens_basis' in plaats van 'waarden'" in m[3] for m in messages(root)), messages(root)


@pytest.mark.parametrize(
    ("replace", "field", "message"),
    [
        ("feit: leefloon_alleenstaand", "ontvangt.bedragen.0.feit",
         "'leefloon_alleenstand' is geen feit uit feiten.yml; bedoelt u leefloon_alleenstaand?"),
        ("feit: pensioenleeftijd", "ontvangt.bedragen.0.feit",
         "het feit 'pensioenleeftijd' is geen bedrag in euro maar in 'jaar'"),
    ],
)
def test_a_wrong_fact_is_an_error_at_its_line(tmp_path, replace, field, message):
    root = project(tmp_path)
    path = root / "content" / "products" / "leefloon.md"
    text = path.read_text(encoding="utf-8")
    wrong = "feit: leefloon_alleenstand" if "alleenstaand" in replace else replace
    path.write_text(text.replace("feit: leefloon_alleenstaand", wrong), encoding="utf-8")
    line = next(n for n, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if wrong in row)
    found = [(p, n, f, m[: len(message)]) for p, n, f, m in messages(root)]
    assert ("content/products/leefloon.md", line, field, message) in found


def test_a_fact_with_no_value_yet_is_an_error(tmp_path):
    root = project(tmp_path)
    assert any("heeft nog geen waarde op 2023-01-01" in m[3] for m in messages(root, dt.date(2023, 1, 1)))


def test_an_unknown_text_placeholder_names_the_facts(tmp_path):
    root = project(tmp_path, body="U krijgt $leefloon_samen.")
    assert any("'$leefloon_samen' is geen bekende invulplaats" in m[3] for m in messages(root))


def test_a_stale_fact_is_a_warning_at_its_name_in_the_register(tmp_path):
    root = project(tmp_path)
    late = [(f.path, f.line, f.level) for f in check(root, dt.date(2027, 6, 2)).findings if f.field.startswith("feiten.")]
    assert late == [("feiten.yml", 2, "waarschuwing")]
    assert not [f for f in check(root, AFTER).findings if f.path == "feiten.yml"]


def test_the_site_and_the_exports_show_the_value_in_force_on_the_build_date(tmp_path):
    (tmp_path / "project").mkdir()
    root = project(tmp_path / "project")
    shown = {}
    for today in (BEFORE, AFTER):
        site = tmp_path / f"site-{today}"
        assert main(["--root", str(root), "build", "--today", today.isoformat(), "--site-dir", str(site)]) == 0
        page = (site / "products" / "leefloon" / "index.html").read_text(encoding="utf-8")
        data = json.loads((site / "data" / "catalogus.json").read_text(encoding="utf-8"))
        (record,) = [f for f in data["fiches"] if f["id"] == "leefloon"]
        shown[today] = (page, record["ontvangt"]["bedragen"][0]["bedrag"])
    before, after = shown[BEFORE], shown[AFTER]
    assert "€\xa01.288,46 per maand" in before[0] and "1.350,12" not in before[0] and before[1] == 1288.46
    assert "€\xa01.350,12 per maand" in after[0] and "1.288,46" not in after[0] and after[1] == 1350.12
    assert "Waar komen de bedragen vandaan?" in after[0] and "https://example.org/leefloon-2026" in after[0]
    assert "1 juni 2026" in after[0]


def test_a_limit_from_the_register_reads_in_plain_words_with_each_dated_value(tmp_path):
    root = project(tmp_path, rechten=RULES)
    site = SiteContext(check(root, AFTER).catalogue, load(REPO, "nl"))
    (category,) = rights_view(site.catalogue.product("leefloon"), site).categorieen
    assert category.voorwaarde.text.endswith(
        "niet hoger dan €\u00a026.000,50 per jaar plus €\u00a04.744,94 × het aantal andere gezinsleden (vanaf 1 januari 2026); "
        "€\u00a025.630,67 per jaar plus €\u00a04.744,94 × het aantal andere gezinsleden (vanaf 1 januari 2025)."
    )
