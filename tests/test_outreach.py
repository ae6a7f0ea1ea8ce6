"""`catalogus proactief` on generated households: counts checked against an independent computation, opt-outs
left out, every invalid row reported by its line, and no output inside the repository or the site."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import json
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from catalogus.check.pipeline import check
from catalogus.cli import main
from catalogus.outreach import batch as outreach
from catalogus.outreach import command
from catalogus.outreach import households as household_file
from catalogus.outreach.columns import evaluate_product
from catalogus.rules.compiled import compile_rule
from catalogus.rules.evaluate import evaluate
from catalogus.rules.questions import questions
from factories import TOWN, with_letters

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
from synthetic_households import INVALID_EVERY, write_households  # noqa: E402

TODAY = dt.date(2026, 11, 26)


@pytest.fixture(scope="module")
def catalogue():
    result = check(REPO, TODAY, town=TOWN)
    assert not result.errors
    return result.catalogue


@pytest.fixture(scope="module")
def products(catalogue):
    return [e.id for e in catalogue.products if e.record.rechten is not None]


def generated(paths: dict[str, Path]) -> outreach.Inputs:
    return outreach.Inputs(huishoudens=paths["huishoudens"], bediend=paths["bediend"], bezwaar=paths["bezwaar"])


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def typed(question: str, text: str):
    """An independent reading of one cell (the generator writes plain ja/nee, choices and dotted decimals)."""
    if text == "":
        return None
    kind = questions()[question].soort
    if kind == "ja_nee":
        return {"ja": True, "nee": False}[text]
    if kind == "getal":
        number = float(text)
        return int(number) if number.is_integer() else number
    return text


def test_counts_match_evaluating_every_household_one_by_one(tmp_path, catalogue, products):
    paths = write_households(tmp_path, 3000, seed=5, products=products)
    run = outreach.run(catalogue, generated(paths), TODAY)
    opted_out = {r["huishouden"] for r in rows(paths["bezwaar"])}
    served = Counter((r["huishouden"], r["product"]) for r in rows(paths["bediend"]))
    households = [r for r in rows(paths["huishoudens"]) if r["kadastraal_inkomen"] != "veel"]
    kept = [r for r in households if r["huishouden"] not in opted_out]
    assert run.households.opted_out == len(households) - len(kept) > 0
    by_product = {p.product_id: p for p in run.products}
    for product_id in products:
        rule = compile_rule(product_id, catalogue.product(product_id).record.rechten)
        expected = Counter()
        for row in kept:
            answers = {q: typed(q, row[q]) for q in questions()}
            result = evaluate(rule, answers, TODAY.isoformat())
            is_served = (row["huishouden"], product_id) in served
            expected[result["uitkomst"]] += 1
            if result["uitkomst"] == "ja":
                expected["cat:" + result["categorie"]] += 1
                expected["served" if is_served else "invited"] += 1
        got = by_product[product_id]
        assert got.eligible == expected["ja"], product_id
        assert got.maybe == expected["onbekend"], product_id
        assert got.served_eligible == expected["served"], product_id
        assert got.to_invite == len(got.invitations) == expected["invited"], product_id
        assert {k: c.eligible for k, c in got.categories.items() if c.eligible} == {
            k.removeprefix("cat:"): v for k, v in expected.items() if k.startswith("cat:")
        }, product_id
    assert sum(p.eligible for p in run.products) > 0 and sum(p.maybe for p in run.products) > 0


def test_100000_households_garbage_bags_match_the_seed_rule_by_hand(tmp_path, catalogue):
    """Gent's categories computed without the evaluator: A = verhoogde tegemoetkoming; B = income < 13,000
    and KI < 750 (both known); A first; an unknown answer is never a yes or a no."""
    product = "gratis-huisvuilzakken"
    paths = write_households(tmp_path, 100_000, seed=13, products=[product])
    run = outreach.run(catalogue, generated(paths), TODAY, [product])
    opted_out = {r["huishouden"] for r in rows(paths["bezwaar"])}
    served = {r["huishouden"] for r in rows(paths["bediend"]) if r["product"] == product}
    counts = Counter()
    invalid = 0
    for row in rows(paths["huishoudens"]):
        if row["kadastraal_inkomen"] == "veel":
            invalid += 1
            continue
        if row["huishouden"] in opted_out:
            continue
        vt, income, ki = row["verhoogde_tegemoetkoming"], row["netto_belastbaar_gezinsinkomen"], row["kadastraal_inkomen"]
        low_income = None if income == "" else float(income) < 13000
        low_ki = None if ki == "" else float(ki) < 750
        b = False if low_income is False or low_ki is False else (None if None in (low_income, low_ki) else True)
        if vt == "ja":
            category = "a"
        elif b:
            category = "b"
        else:
            counts["onbekend" if (vt == "" or b is None) else "nee"] += 1
            continue
        counts[category] += 1
        counts[(category, row["huishouden"] in served)] += 1
    result = run.products[0]
    assert len(run.problems) == invalid == 100_000 // INVALID_EVERY
    assert {k: c.eligible for k, c in result.categories.items()} == {"a": counts["a"], "b": counts["b"]}
    assert {k: c.served for k, c in result.categories.items()} == {"a": counts[("a", True)], "b": counts[("b", True)]}
    assert result.to_invite == counts[("a", False)] + counts[("b", False)]
    assert result.maybe == counts["onbekend"]
    invited = {run.households.ids[i] for i, *_ in result.invitations}
    assert not invited & opted_out and not invited & served


def test_every_invalid_row_is_reported_with_its_line(tmp_path, catalogue):
    names = ["huishouden", "verhoogde_tegemoetkoming", "netto_belastbaar_gezinsinkomen", "kadastraal_inkomen"]
    lines = [
        ";".join(names),
        "H1;nee;12000;500",
        "H2;misschien;12000;500",
        "H1;ja;;",
        ";ja;;",
        "H3;nee;12.000,50;0",
        "H4;nee;12000",
        "",
        "H5;nee;12000,5;0",
        "H6;JA;;",
        '"H7, over\ntwee regels";nee;;',
        "H8;misschien;;",
    ]
    households = tmp_path / "h.csv"
    households.write_text("\n".join(lines) + "\n", encoding="utf-8")
    served = tmp_path / "s.csv"
    served.write_text("huishouden;product\nH5;gratis-huisvuilzakken\nH6;bestaat-niet\n", encoding="utf-8")
    run = outreach.run(catalogue, outreach.Inputs(households, bediend=served), TODAY, ["gratis-huisvuilzakken"])
    reported = {(p.file, p.row): p.reason for p in run.problems}
    assert set(reported) == {
        ("h.csv", 3), ("h.csv", 4), ("h.csv", 5), ("h.csv", 6), ("h.csv", 7), ("h.csv", 13), ("s.csv", 3)
    }
    assert "kolom 'verhoogde_tegemoetkoming': verwacht ja of nee" in reported[("h.csv", 3)]
    assert "staat er al eerder in" in reported[("h.csv", 4)]
    assert "ontbreekt" in reported[("h.csv", 5)]
    assert "'12.000,50' is geen getal" in reported[("h.csv", 6)]
    assert "3 kolommen in plaats van 4" in reported[("h.csv", 7)]
    assert "'bestaat-niet' is geen product" in reported[("s.csv", 3)]
    assert run.households.ids == ["H1", "H5", "H6", "H7, over\ntwee regels"]
    product = run.products[0]
    assert (product.eligible, product.served_eligible, product.to_invite) == (3, 1, 2)  # H1 (b), H5 (b, served), H6 (a)


def test_output_inside_the_repository_or_the_site_is_refused(tmp_path, capsys):
    households = write_households(tmp_path / "in", 50)["huishoudens"]
    for target in (REPO / "uitvoer", REPO / "site" / "proactief", REPO / "content" / "x"):
        code = main(["--root", str(REPO), "--gemeente", TOWN, "proactief", "--huishoudens", str(households), "--uit", str(target),
                     "--today", TODAY.isoformat()])
        assert code == 2
        assert "nooit in git of op de publieke site" in capsys.readouterr().err
        assert not target.exists()


def test_the_command_writes_invitations_and_letters_outside_the_repository(tmp_path, capsys, monkeypatch):
    checked = command.check  # the demo town names no council decision: letters need one (factories.LETTERS)
    monkeypatch.setattr(command, "check", lambda *a, **k: replace(r := checked(*a, **k), catalogue=with_letters(r.catalogue)))
    paths = write_households(tmp_path / "in", 400, seed=3)
    target = tmp_path / "uit"
    code = main(["--root", str(REPO), "--gemeente", TOWN, "proactief", "--huishoudens", str(paths["huishoudens"]), "--bediend",
                 str(paths["bediend"]), "--bezwaar", str(paths["bezwaar"]), "--uit", str(target),
                 "--today", TODAY.isoformat()])
    out = capsys.readouterr().out
    assert code == 0  # 400 rows: none of them is one of the broken rows (every 997th)
    assert "Beleidsoverzicht" in out and "gratis-huisvuilzakken" in out and "bereik" in out
    with (target / "uitnodigingen.csv").open(encoding="utf-8", newline="") as handle:
        invitations = list(csv.reader(handle, delimiter=";"))
    assert invitations[0] == ["huishouden", "product", "categorie", "toekenning", "redenen"]
    html = "".join(path.read_text(encoding="utf-8") for path in sorted(target.glob("brieven-*.html")))
    letters = html.split('<section class="brief">')[1:]
    assert len(letters) == len({row[0] for row in invitations[1:]})
    first = letters[0]
    assert "«NAAM»" in first and "recht van bezwaar" in first and "Ons kenmerk: huishouden H" in first
    household = rows(paths["huishoudens"])[0]
    assert household["netto_belastbaar_gezinsinkomen"] not in html  # no answers in the letters


def test_amounts_on_a_threshold_that_counts_persons(tmp_path, catalogue):
    """One cent below, on and above the verwarmingstoelage limit (bedrag + per_persoon × persons ten laste), for
    0 to 3 persons: the batch groups amounts by their place among the thresholds, the evaluator must agree."""
    product = "verwarmingstoelage"
    rule = compile_rule(product, catalogue.product(product).record.rechten)
    (limit,) = [g for g in rule["grenzen"].values() if g["per"] == "personen_ten_laste"]
    current = [v for v in limit["waarden"] if v["vanaf"] <= TODAY.isoformat()][-1]
    names = ["huishouden", "verwarming", "bruto_belastbaar_gezinsinkomen", "personen_ten_laste"]
    lines = [";".join(names)]
    for persons in range(4):
        edge = current["bedrag"] + current["per_persoon"] * persons
        for cents in (edge - 1, edge, edge + 1):
            lines.append(f"H{persons}-{cents};huisbrandolie;{cents // 100}.{cents % 100:02d};{persons}")
    households = tmp_path / "h.csv"
    households.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = outreach.run(catalogue, outreach.Inputs(households), TODAY, [product])
    expected = Counter()
    with households.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            answers = {q: typed(q, row[q]) for q in names[1:]}
            expected[evaluate(rule, answers, TODAY.isoformat())["uitkomst"]] += 1
    assert expected["ja"] == 8 and expected["onbekend"] == 4  # on the limit is ja (hoogstens); above it, onbekend
    assert (run.products[0].eligible, run.products[0].maybe) == (expected["ja"], expected["onbekend"])


@pytest.mark.parametrize("newline, bom, other", [("\r\n", False, "Hé"), ("\n", True, "H" + "é" * 40)])
@pytest.mark.parametrize("uniform", [False, True])
def test_a_file_without_quotes_reads_as_the_csv_module_reads_it(tmp_path, catalogue, newline, bom, other, uniform):
    """Such a file is split on its delimiter without the csv module (cut from its bytes when every row has the
    header's width and no cell is long); one quote sends it through the csv module."""
    lines = ["huishouden;verhoogde_tegemoetkoming;kadastraal_inkomen", "H1;ja;500", "", "H2;nee", ";nee;1",
             "H1;nee;2", "H3;misschien;3", "H4; nee ;", "H5;nee;4;5"]
    if uniform:
        lines = [line for line in lines if line.count(";") == 2]
    results = []
    for name, last in (("plain.csv", f"{other};ja;"), ("quoted.csv", f'"{other}";ja;')):
        path = tmp_path / name
        path.write_text(("\ufeff" if bom else "") + newline.join([*lines, last]) + newline, encoding="utf-8")
        run = outreach.run(catalogue, outreach.Inputs(path), TODAY, ["gratis-huisvuilzakken"])
        results.append(([(p.row, p.reason) for p in run.problems], run.households.ids, run.products[0].eligible))
    assert results[0] == results[1]
    assert [row for row, _ in results[0][0]] == ([3, 4, 5] if uniform else [4, 5, 6, 7, 9])
    assert results[0][1] == ["H1", "H4", other]


@pytest.mark.parametrize(
    "op, on_the_day", [("hoogstens", "ja"), ("kleiner_dan", "onbekend"), ("minstens", "ja"), ("groter_dan", "onbekend")]
)
def test_dates_on_and_around_a_threshold(tmp_path, catalogue, monkeypatch, op, on_the_day):
    """No question in vragen.yml is a date yet, but the format allows one: the batch must place a date among a
    rule's thresholds as the evaluator compares it (the shared vectors' date rule, a day before, on and after)."""
    from catalogus.rules.questions import Question

    vectors = json.loads((REPO / "tests" / "rules_vectors.json").read_text(encoding="utf-8"))
    rule = vectors["regels"]["keuze_en_datum"]
    (date_leaf,) = [leaf for leaf in rule["categorieen"][0]["voorwaarde"]["alle"] if leaf["vraag"] == "startdatum"]
    date_leaf["op"] = op
    asked = {**questions(), "startdatum": Question(label="Startdatum", kort="start", soort="datum")}
    monkeypatch.setattr(household_file, "questions", lambda: asked)
    lines = ["huishouden;woonsituatie;startdatum"]
    for number, (situation, day) in enumerate(itertools.product(
        ["alleenstaand", "samenwonend", ""], ["2024-02-29", "2024-03-01", "2024-03-02", "2031-01-01", ""]
    )):
        lines.append(f"H{number};{situation};{day}")
    path = tmp_path / "h.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    households = household_file.read_households(path, catalogue.config.proactief, set())
    assert not households.problems and len(households.ids) == 15
    codes, decided, failed = evaluate_product(rule, households, TODAY.isoformat())
    assert not failed
    with path.open(encoding="utf-8", newline="") as handle:
        expected = [
            evaluate(rule, {q: row[q] or None for q in ("woonsituatie", "startdatum")}, TODAY.isoformat())["uitkomst"]
            for row in csv.DictReader(handle, delimiter=";")
        ]
    assert [decided[code][0] for code in codes] == expected
    assert expected[1] == on_the_day  # alleenstaand, on the very day of the threshold
