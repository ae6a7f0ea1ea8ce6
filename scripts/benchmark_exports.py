"""Benchmark the open-data exports (catalogus.export) on the real catalogue and on synthetic ones.

For each size it checks the catalogue, then times `write_exports` step by step (JSON, CSV, CPSV-AP, git history,
IPDC, Atom, embed pages, dashboard), with the CPU time beside the wall time (a shared machine inflates the latter).
With --rdflib it also times what the build does not do: reading the CPSV-AP
JSON-LD into rdflib and writing it as Turtle, and a pySHACL run (the tests' cost).

Usage: python scripts/benchmark_exports.py [--sizes 0 1000 5000] [--rdflib]   (0 = the real catalogue)
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from catalogus.check.pipeline import check
from catalogus.opendata import layout
from catalogus.opendata.exports import write_exports

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))

from synthetic import DEMO_TOWN, make_catalogue  # noqa: E402

TODAY = dt.date(2026, 11, 26)


def run(root: Path, label: str, with_rdflib: bool, town: str | None = None) -> None:
    result = check(root, TODAY, town=town)
    assert result.catalogue is not None, "synthetic catalogue did not pass the checker"
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        started, cpu = time.perf_counter(), time.process_time()
        steps = write_exports(result.catalogue, site, TODAY, root, REPO)
        total, cpu = time.perf_counter() - started, time.process_time() - cpu
        fiches = len(result.catalogue.products)
        parts = ", ".join(f"{name} {seconds:.2f}" for name, seconds in steps.items())
        print(f"{label}: {fiches} fiches, exports in {total:.1f} s wall, {cpu:.1f} s CPU ({parts})")
        if with_rdflib:
            from pyshacl import validate
            from rdflib import Graph

            started = time.perf_counter()
            graph = Graph().parse(site / layout.CPSV_AP, format="json-ld")
            parsed = time.perf_counter()
            graph.serialize(format="turtle")
            written = time.perf_counter()
            shapes = Graph().parse(REPO / "tests" / "data" / "cpsv-ap-3.2.0" / "cpsv-ap-SHACL.ttl")
            conforms, _, _ = validate(graph, shacl_graph=shapes, advanced=True)
            print(f"  rdflib: {len(graph)} triples, parse JSON-LD {parsed - started:.1f} s, "
                  f"Turtle {written - parsed:.1f} s, pySHACL {time.perf_counter() - written:.1f} s (conforms: {conforms})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 1000, 5000])
    parser.add_argument("--rdflib", action="store_true")
    args = parser.parse_args()
    for size in args.sizes:
        if size == 0:
            run(REPO, "echte catalogus", args.rdflib, DEMO_TOWN)
            continue
        with tempfile.TemporaryDirectory() as folder:
            run(make_catalogue(Path(folder), size), f"synthetisch {size}", args.rdflib)


if __name__ == "__main__":
    main()
