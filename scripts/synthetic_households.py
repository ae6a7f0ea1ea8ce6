"""Synthetic households for the outreach benchmark and tests: random but plausible answers, never real people.

`write_households(folder, n)` writes huishoudens.csv (one column per question of vragen.yml, some cells empty,
a few invalid rows on purpose), bediend.csv (households already served, per product) and bezwaar.csv (opt-outs).
With `varied`, every amount, age and count is drawn from a wide range, so almost no two households are alike.
`write_registers(folder, n)` writes what a town receives instead: gezinnen.csv (persons with valid national register
numbers, per household) and statussen.csv (social statuses per person, with start and end dates).
Columns are drawn with numpy and written with Polars: millions of rows in seconds.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl

from catalogus.rules.questions import questions

INVALID_EVERY = 997  # one row in about a thousand is broken on purpose; the batch must report each one

# Rough shares, for a realistic mix of yes, no and maybe; not statistics about any town.
YES_SHARE = {"verhoogde_tegemoetkoming": 0.18, "private_huur": 0.25, "zorgbehoevende_thuis": 0.6}
COUNTS = {
    "leeftijd": [*range(18, 66)] * 4 + [*range(66, 96)],
    "zorgbehoevende_leeftijd": list(range(1, 100)),
    "zorgbehoevende_punten": [0, 3, 6, 9, 12, 15],
    "invaliditeit_benen": [0] * 60 + [30, 50, 66],
    "punten_zelfredzaamheid": [0] * 60 + [6, 12, 15],
    "punten_verplaatsing": [0] * 60 + [1, 2, 3],
    "aantal_kinderen": [0] * 4 + [1] * 3 + [2] * 3 + [3, 4],
    "jaren_op_wachtlijst": [0] * 10 + [1, 2, 3, 4, 5, 6],
}
SPARSE = {"zorgbehoevende_leeftijd", "zorgbehoevende_punten", "zorgbehoevende_thuis"}  # most have no one to care for
STATUS_CODES = {"LL": "leefloon", "IGO": "igo", "VT": "verhoogde_tegemoetkoming"}  # example codes (see docs)


def _column(rng: np.random.Generator, question_id: str, count: int, varied: bool) -> np.ndarray:
    question = questions()[question_id]
    if question.soort == "ja_nee":
        values = np.where(rng.random(count) < (0.5 if varied else YES_SHARE.get(question_id, 0.04)), "ja", "nee")
    elif question.soort == "keuze":
        values = rng.choice(list(question.keuzes), count)
    elif question.soort == "datum":
        days = rng.integers(0, 6000, count).astype("timedelta64[D]") + np.datetime64("2010-01-01")
        values = days.astype(str)
    elif question.geheel:
        pool = np.arange(0, 111) if varied else np.array(COUNTS.get(question_id, [0, 0, 0, 1, 1, 2, 3, 4]))
        values = rng.choice(pool, count).astype(str)
    else:
        low, high = (0, 100_000_000) if varied else (
            (50_000, 400_000) if "maand" in (question.eenheid or "") else (900_000, 8_000_000)
        )
        cents = rng.integers(low, high, count)
        values = _amounts(cents)
        if question_id == "kadastraal_inkomen" and not varied:
            values = rng.choice(np.array(["0", "0", "0", "300", "749", "750", "1200"]), count)
    empty = rng.random(count) < (0.7 if question_id in SPARSE and not varied else 0.08)
    return np.where(empty, "", values)


def _amounts(cents: np.ndarray) -> np.ndarray:
    """Amounts with two decimals and a point, as text."""
    return pl.Series(cents).cast(pl.String).str.pad_start(3, "0").str.replace(r"(\d\d)$", ".$1").to_numpy()


def write_households(
    folder: Path, count: int, seed: int = 13, products: list[str] | None = None, varied: bool = False
) -> dict[str, Path]:
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = {name: folder / f"{name}.csv" for name in ("huishoudens", "bediend", "bezwaar")}
    numbers = np.arange(1, count + 1)
    ids = pl.Series("huishouden", numbers).cast(pl.String).str.pad_start(7, "0").str.replace("^", "H")
    columns = {q: _column(rng, q, count, varied) for q in questions()}
    columns["kadastraal_inkomen"][numbers % INVALID_EVERY == 0] = "veel"
    _without_empty(pl.DataFrame({"huishouden": ids, **columns})).write_csv(paths["huishoudens"])
    served = numbers[::3] - 1
    pl.DataFrame({
        "huishouden": pl.concat([ids.gather(served.tolist()) for _ in products or ["gratis-huisvuilzakken"]]),
        "product": np.repeat(products or ["gratis-huisvuilzakken"], len(served)),
    }).filter(pl.Series(rng.random(len(served) * len(products or [0])) < 0.5)).write_csv(paths["bediend"])
    pl.DataFrame({"huishouden": ids.gather((numbers[6::101] - 1).tolist())}).write_csv(paths["bezwaar"])
    return paths


def _without_empty(frame: pl.DataFrame) -> pl.DataFrame:
    """Empty cells written as nothing (;;), as a spreadsheet writes them, not as quotes ("")."""
    return frame.with_columns(pl.when(pl.col(pl.String) != "").then(pl.col(pl.String)).name.keep())


def national_numbers(serials: np.ndarray, rng: np.random.Generator) -> pl.Series:
    """Valid national register numbers (born 1930–1999), 11 digits, one per serial (unique per birth date)."""
    born = rng.integers(0, 25_000, len(serials)).astype("timedelta64[D]") + np.datetime64("1930-01-01")
    text = pl.Series(born.astype("datetime64[D]")).dt.strftime("%y%m%d")
    base = text + pl.Series(serials % 998 + 1).cast(pl.String).str.pad_start(3, "0")
    check = 97 - base.cast(pl.Int64) % 97
    return base + check.cast(pl.String).str.pad_start(2, "0")


def write_registers(folder: Path, count: int, seed: int = 17, day: str = "2026-11-26") -> dict[str, Path]:
    """Households of 1 to 5 persons, and for about one person in five a status from STATUS_CODES: some ended
    before `day`, some start after it, some without an end date."""
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = {name: folder / f"{name}.csv" for name in ("gezinnen", "statussen")}
    sizes = rng.choice([1, 1, 2, 2, 2, 3, 4, 5], count)
    households = np.repeat(np.arange(1, count + 1), sizes)
    persons = national_numbers(np.arange(len(households)), rng)
    frame = pl.DataFrame({"rijksregisternummer": persons, "huishouden": households}).unique(
        "rijksregisternummer", keep="first", maintain_order=True
    )
    household_ids = pl.col("huishouden").cast(pl.String).str.pad_start(7, "0").str.replace("^", "H")
    frame.with_columns(household_ids).write_csv(paths["gezinnen"], separator=";")
    chosen = frame.sample(fraction=0.2, seed=seed)
    start = rng.integers(-3000, 200, chosen.height).astype("timedelta64[D]") + np.datetime64(day)
    length = rng.integers(30, 3000, chosen.height).astype("timedelta64[D]")
    end = np.where(rng.random(chosen.height) < 0.4, "", (start + length).astype(str))
    statuses = pl.DataFrame({
        "rijksregisternummer": chosen.get_column("rijksregisternummer"),
        "status": rng.choice(list(STATUS_CODES), chosen.height),
        "begin": start.astype(str),
        "einde": end,
    })
    _without_empty(statuses).write_csv(paths["statussen"], separator=";")
    return paths
