"""The files a town really receives: a household composition and per-person status lists with start and end dates,
turned into households' answers on the reference date; checked against an independent count."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from stdnum.be import nn

from catalogus.check.pipeline import check
from catalogus.outreach import batch
from catalogus.outreach.table import OutreachError
from factories import TOWN

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
from synthetic_households import STATUS_CODES, write_registers  # noqa: E402

TODAY = dt.date(2026, 11, 26)
PRODUCT = "gratis-huisvuilzakken"  # category A: someone in the household has the verhoogde tegemoetkoming


@pytest.fixture(scope="module")
def catalogue():
    result = check(REPO, TODAY, town=TOWN)
    assert not result.errors and result.catalogue is not None
    config = result.catalogue.config
    proactief = config.proactief.model_copy(update={"statussen": STATUS_CODES})
    return dataclasses.replace(result.catalogue, config=config.model_copy(update={"proactief": proactief}))


def national(serial: int) -> str:
    base = f"850730{serial:03d}"
    return f"{base}{97 - int(base) % 97:02d}"


def write(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def answers(run) -> dict[str, dict]:
    return {household: run.households.answers(i, ["leefloon", "igo", "verhoogde_tegemoetkoming", "andere_gezinsleden"])
            for i, household in enumerate(run.households.ids)}


def test_a_status_counts_when_the_reference_date_lies_within_its_period(tmp_path, catalogue):
    people = [national(n) for n in range(1, 9)]
    composition = write(tmp_path / "gezinnen.csv", [
        "rijksregisternummer;huishouden",
        f"{people[0]};A", f"{people[1]};A", f"{people[2]};B", f"{people[3]};C", f"{people[4]};D",
        f"{people[5]};E", f"{people[6]};F", "85073000000;G", f"{people[6]};G",
    ])
    statuses = write(tmp_path / "statussen.csv", [
        "rijksregisternummer;status;begin;einde",
        f"{people[1]};VT;2026-11-26;",  # begins on the day: counts (A)
        f"{people[2]};VT;2020-01-01;2026-11-26",  # ends on the day: counts (B)
        f"{people[3]};VT;2020-01-01;2026-11-25",  # ended the day before (C)
        f"{people[4]};VT;2026-11-27;",  # begins the day after (D)
        f"{people[5]};LL;2026-01-01;2026-12-31",  # another status (E)
        f"{people[5]};XX;2026-01-01;",  # a code the town did not map: reported
        f"{national(99)};VT;2020-01-01;",  # a person in no household: unmatched
        f"{people[6]};VT;2026-13-01;",  # no date
        f"{people[6]};VT;2026-01-01;2025-01-01",  # ends before it begins
    ])
    run = batch.run(catalogue, batch.Inputs(gezinnen=composition, statussen=(statuses,)), TODAY, [PRODUCT])
    got = answers(run)
    assert run.households.ids == ["A", "B", "C", "D", "E", "F"]
    assert {h for h, a in got.items() if a["verhoogde_tegemoetkoming"]} == {"A", "B"}
    assert {h for h, a in got.items() if a["leefloon"]} == {"E"}
    assert got["A"]["andere_gezinsleden"] == 1 and got["B"]["andere_gezinsleden"] == 0
    reported = {(p.file, p.row): p.reason for p in run.problems}
    assert set(reported) == {("gezinnen.csv", 9), ("gezinnen.csv", 10), ("statussen.csv", 7), ("statussen.csv", 9),
                             ("statussen.csv", 10)}
    assert "controlecijfers" in reported["gezinnen.csv", 9] and "al eerder" in reported["gezinnen.csv", 10]
    assert "'XX' staat niet in catalogus.yml" in reported["statussen.csv", 7]
    assert "voor de begindatum" in reported["statussen.csv", 10]
    assert run.unmatched["statussen.csv"] == [8]
    assert not any(person in reason for person in people for reason in reported.values())  # no id in a message
    product = run.products[0]
    assert (product.eligible, product.categories["a"].eligible) == (2, 2)


def test_generated_registers_give_the_households_an_independent_count_gives(tmp_path, catalogue):
    paths = write_registers(tmp_path, 2000, seed=3, day=TODAY.isoformat())
    run = batch.run(catalogue, batch.Inputs(gezinnen=paths["gezinnen"], statussen=(paths["statussen"],)), TODAY)
    with paths["gezinnen"].open(encoding="utf-8", newline="") as handle:
        household_of = {row["rijksregisternummer"]: row["huishouden"] for row in csv.DictReader(handle, delimiter=";")}
    expected: dict[str, set[str]] = defaultdict(set)
    with paths["statussen"].open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            assert nn.is_valid(row["rijksregisternummer"])
            begin = dt.date.fromisoformat(row["begin"])
            end = dt.date.fromisoformat(row["einde"]) if row["einde"] else None
            if begin <= TODAY and (end is None or TODAY <= end):
                expected[STATUS_CODES[row["status"]]].add(household_of[row["rijksregisternummer"]])
    got = answers(run)
    assert not run.problems and len(got) == len(set(household_of.values()))
    for question in STATUS_CODES.values():
        assert {h for h, a in got.items() if a[question]} == expected[question], question
        assert all(a[question] is False for h, a in got.items() if h not in expected[question])
    bags = next(p for p in run.products if p.product_id == PRODUCT)
    assert bags.categories["a"].eligible == len(expected["verhoogde_tegemoetkoming"]) > 0


def test_an_objection_by_one_member_written_with_dots_excludes_the_household(tmp_path, catalogue):
    composition = write(tmp_path / "g.csv", ["rijksregisternummer;huishouden",
                                             f"{national(1)};A", f"{national(2)};A", f"{national(3)};B"])
    statuses = write(tmp_path / "s.csv", ["rijksregisternummer;status;begin;einde",
                                          f"{national(1)};VT;2020-01-01;", f"{national(3)};VT;2020-01-01;"])
    opt_out = write(tmp_path / "o.csv", ["huishouden", nn.format(national(2)), national(50)])
    run = batch.run(catalogue, batch.Inputs(gezinnen=composition, statussen=(statuses,), bezwaar=opt_out), TODAY, [PRODUCT])
    assert run.households.ids == ["B"] and run.households.opted_out == 1
    assert {run.households.ids[i] for i, _ in run.products[0].invitations} == {"B"}
    assert run.unmatched["o.csv"] == [3]


def test_a_households_file_adds_the_other_answers_by_household(tmp_path, catalogue):
    composition = write(tmp_path / "g.csv", ["rijksregisternummer;huishouden", f"{national(1)};a", f"{national(2)};B"])
    statuses = write(tmp_path / "s.csv", ["rijksregisternummer;status;begin;einde"])
    households = write(tmp_path / "h.csv", ["huishouden;netto_belastbaar_gezinsinkomen;kadastraal_inkomen",
                                            "A;12000;0", "B;40000;0", "Z;1;0"])
    run = batch.run(catalogue, batch.Inputs(huishoudens=households, gezinnen=composition, statussen=(statuses,)),
                    TODAY, [PRODUCT])
    assert run.households.ids == ["a", "B"] and run.unmatched["h.csv"] == [4]
    assert [p.categories["b"].eligible for p in run.products] == [1]  # A: income below the limit, no VT
    both = write(tmp_path / "h2.csv", ["huishouden;verhoogde_tegemoetkoming", "A;ja"])
    with pytest.raises(OutreachError, match="uit één bron"):
        batch.run(catalogue, batch.Inputs(huishoudens=both, gezinnen=composition, statussen=(statuses,)), TODAY)


def test_statuses_without_a_composition_or_no_households_at_all_are_refused(tmp_path, catalogue):
    statuses = write(tmp_path / "s.csv", ["rijksregisternummer;status;begin;einde"])
    with pytest.raises(OutreachError, match="gezinssamenstelling"):
        batch.run(catalogue, batch.Inputs(statussen=(statuses,)), TODAY)
    with pytest.raises(OutreachError, match="--huishoudens"):
        batch.run(catalogue, batch.Inputs(), TODAY)
