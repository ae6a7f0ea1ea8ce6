"""The benchmark's catalogue, made from the real fiches, passes the checker: a benchmark of a catalogue that the
build refuses measures nothing (scripts/benchmark_site.py, scripts/synthetic.py)."""

from __future__ import annotations

import datetime as dt
import sys

from catalogus.check.pipeline import check
from factories import REPO, SHARED

sys.path.insert(0, str(REPO / "scripts"))

from benchmark_site import TODAY, write_catalogue


def test_the_synthetic_catalogue_of_every_real_fiche_passes_the_checker(tmp_path):
    count = len(list(SHARED.glob("*.md")))  # each real fiche the base of one synthetic fiche
    write_catalogue(tmp_path, count)
    result = check(tmp_path, dt.date.fromisoformat(TODAY))
    assert [(f.path, f.line, f.message) for f in result.errors] == []
    assert result.catalogue is not None and len(result.catalogue.products) == count
