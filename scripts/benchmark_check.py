"""Benchmark the checker on synthetic catalogues of growing size; prints seconds per 1,000 fiches.

Usage: python scripts/benchmark_check.py [sizes...]   (default: 1000 10000)
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from catalogus.check.pipeline import check
from synthetic import make_catalogue


def main(sizes: list[int]) -> None:
    print(f"{'fiches':>8} {'seconden':>9} {'s per 1000':>11} {'fouten':>7}")
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = make_catalogue(Path(tmp), size)
            start = time.perf_counter()
            result = check(root, dt.date(2026, 11, 26))
            elapsed = time.perf_counter() - start
            print(f"{size:>8} {elapsed:>9.2f} {elapsed / size * 1000:>11.3f} {len(result.errors):>7}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000])
