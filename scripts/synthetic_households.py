"""Synthetic households for the outreach benchmark and tests: random but plausible answers, never real people.

`write_households(folder, n)` writes huishoudens.csv (one column per question of vragen.yml, some cells empty,
a few invalid rows on purpose), bediend.csv (households already served, per product) and bezwaar.csv (opt-outs).
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

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


def _value(rng: random.Random, question_id: str) -> str:
    question = questions()[question_id]
    if rng.random() < (0.7 if question_id in SPARSE else 0.08):
        return ""
    if question.soort == "ja_nee":
        return "ja" if rng.random() < YES_SHARE.get(question_id, 0.04) else "nee"
    if question.soort == "keuze":
        return rng.choice(list(question.keuzes))
    if question.soort == "datum":
        return f"20{rng.randint(10, 26)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
    if question.geheel:
        return str(rng.choice(COUNTS.get(question_id, [0, 0, 0, 1, 1, 2, 3, 4])))
    if "maand" in (question.eenheid or ""):
        return f"{rng.randint(50000, 400000) / 100:.2f}"
    if question_id == "kadastraal_inkomen":
        return str(rng.choice([0, 0, 0, 300, 749, 750, 1200]))
    return f"{rng.randint(900000, 8000000) / 100:.2f}"


def write_households(folder: Path, count: int, seed: int = 13, products: list[str] | None = None) -> dict[str, Path]:
    rng = random.Random(seed)
    names = list(questions())
    folder.mkdir(parents=True, exist_ok=True)
    paths = {name: folder / f"{name}.csv" for name in ("huishoudens", "bediend", "bezwaar")}
    with paths["huishoudens"].open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["huishouden", *names])
        for number in range(1, count + 1):
            row = [f"H{number:07d}", *(_value(rng, q) for q in names)]
            if number % INVALID_EVERY == 0:
                row[1 + names.index("kadastraal_inkomen")] = "veel"
            writer.writerow(row)
    with paths["bediend"].open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["huishouden", "product"])
        for number in range(1, count + 1, 3):
            for product in products or ["gratis-huisvuilzakken"]:
                if rng.random() < 0.5:
                    writer.writerow([f"H{number:07d}", product])
    with paths["bezwaar"].open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["huishouden"])
        for number in range(7, count + 1, 101):
            writer.writerow([f"H{number:07d}"])
    return paths
