"""Big batches (loading a catalogue, an outreach run) without the cyclic garbage collector.

Such a batch allocates millions of small lists, tuples and strings that form no cycles; the collector would walk
them again and again (a third of a run). Reference counting still frees everything, and the collector is switched
back on afterwards. Usable as `with without_cycle_collector():` and as a decorator `@without_cycle_collector()`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def without_cycle_collector() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
