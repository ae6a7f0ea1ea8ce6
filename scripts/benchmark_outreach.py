"""Benchmark `catalogus proactief`: time and peak memory for generated households, uniform and highly varied.

Usage: python scripts/benchmark_outreach.py [sizes]   (default: 100000,1000000,5000000; letters for the first)
Each run is its own process, so its peak memory (maximum resident set) is its own; the content check that the
command runs first is timed apart and its memory given as the baseline. Also runs the person-level path (household
composition and status lists) for the first size. Goal: 100,000 varied households in ≤ 3 s and ≤ 300 MB.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import DEMO_TOWN
from synthetic_households import STATUS_CODES, write_households, write_registers

REPO = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 26)
GOAL = (100_000, 3.0, 300)  # households (varied), seconds, MB


def one(kind: str, folder: Path, letters_too: bool) -> None:
    """In a child process: check the content, then read, evaluate and write; print the times as JSON. Without
    `letters_too` the settings letters need are left empty, so only the invitations are written (letters for a
    million varied households would be tens of gigabytes of HTML)."""
    from catalogus.check.pipeline import check
    from catalogus.outreach import batch, letters

    started = time.perf_counter()
    catalogue = check(REPO, TODAY, town=DEMO_TOWN).catalogue
    assert catalogue is not None
    config = catalogue.config
    settings = {"rechtsgrond": "Voorbeeld: besluit van de raad", "bezwaar": "Voorbeeld"} if letters_too else {}
    proactief = config.proactief.model_copy(update={"statussen": STATUS_CODES, **settings})
    catalogue = dataclasses.replace(catalogue, config=config.model_copy(update={"proactief": proactief}))
    checked = time.perf_counter() - started
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    files = {path.stem: path for path in folder.glob("*.csv")}
    if kind == "registers":
        inputs = batch.Inputs(gezinnen=files["gezinnen"], statussen=(files["statussen"],))
    else:
        inputs = batch.Inputs(huishoudens=files["huishoudens"], bediend=files["bediend"], bezwaar=files["bezwaar"])
    started, cpu = time.perf_counter(), time.process_time()
    run = batch.run(catalogue, inputs, TODAY)
    evaluated = time.perf_counter() - started
    letters.write(run, catalogue, folder / "uit", None)
    total, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(json.dumps({
        "checked": checked, "evaluated": evaluated, "total": total, "cpu": cpu, "baseline_mb": baseline,
        "households": len(run.households.ids), "letters": run.letters, "problems": len(run.problems),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


def measure(kind: str, folder: Path, letters_too: bool) -> dict:
    command = [sys.executable, __file__, "--one", kind, str(folder), *(["--brieven"] if letters_too else [])]
    done = subprocess.run(command, capture_output=True, text=True,
                          check=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(sizes: list[int]) -> int:
    print(f"Belasting van de machine bij de start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'soort':<12}{'huishoudens':>12}{'inlezen+evalueren':>19}{'met brieven':>13}{'processor':>11}"
          f"{'piekgeheugen':>14}{'basis':>8}{'brieven':>10}")
    met = True
    with tempfile.TemporaryDirectory() as tmp:
        plan = [(kind, size) for size in sizes for kind in ("uniform", "gevarieerd")] + [("registers", sizes[0])]
        for kind, size in plan:
            folder = Path(tmp) / f"{kind}-{size}"
            # generated in a process of its own: a child inherits its parent's peak memory as its own
            subprocess.run([sys.executable, __file__, "--make", kind, str(size), str(folder)], check=True)
            result = measure("registers" if kind == "registers" else "households", folder, size == sizes[0])
            print(f"{kind:<12}{result['households']:>12,}{result['evaluated']:>17.2f} s{result['total']:>11.2f} s"
                  f"{result['cpu']:>9.2f} s{result['peak_mb']:>11.0f} MB{result['baseline_mb']:>5.0f} MB"
                  f"{result['letters']:>10,}".replace(",", "."))
            if (kind, size) == ("gevarieerd", GOAL[0]):
                met = min(result["total"], result["cpu"]) <= GOAL[1] and result["peak_mb"] <= GOAL[2]
            shutil.rmtree(folder)  # the next, larger files need the room
    print(f"Doel: {GOAL[0]:,} gevarieerde huishoudens in ≤ {GOAL[1]:.0f} s en ≤ {GOAL[2]} MB ".replace(",", ".")
          + ("gehaald." if met else "NIET gehaald."))
    print("(basis = geheugen na de controle van de inhoud, vóór het inlezen; de controle zelf valt buiten de tijd;"
          f" brieven alleen bij {sizes[0]:_} huishoudens, daarboven alleen de uitnodigingen)".replace("_", "."))
    return 0 if met else 1


if __name__ == "__main__":
    if sys.argv[1:2] == ["--make"]:
        kind, size, folder = sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
        if kind == "registers":
            write_registers(folder, size)
        else:
            write_households(folder, size, varied=kind == "gevarieerd")
    elif sys.argv[1:2] == ["--one"]:
        one(sys.argv[2], Path(sys.argv[3]), "--brieven" in sys.argv)
    else:
        raise SystemExit(main([int(n) for n in (sys.argv[1] if len(sys.argv) > 1 else "100000,1000000,5000000").split(",")]))
