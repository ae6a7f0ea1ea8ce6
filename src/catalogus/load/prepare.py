"""One loaded content file made ready for validation, in one order of named steps.

The checker and every tool that reads single fiches (reminders, CODEOWNERS) call `prepare`, so a fiche is
never read one way for the check and another way for its owner. The steps change the Source in place (its
data, lines and findings), always in this order:

1. `local_layer.merge`: the fields of the town's local file (content/lokaal/<id>.yml) replace the fiche's, with the
   local file's lines, so a finding about them points there;
2. `drafts.mark`: values still 'IN TE VULLEN' are reported and replaced by stand-ins the model can hold;
   before filling in, so a local name still to fill in is reported once, in catalogus.yml;
3. `facts.fill`: an amount or a rule's limit with `feit:` gets the register's value (feiten.yml), and a number typed
   that the register holds is refused;
4. `placeholders.fill`: $gemeente, $organisatie, the town's local names and the register's facts become words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from catalogus.load import drafts, facts, local_layer, placeholders
from catalogus.load.sources import Source
from catalogus.model.config import TownConfig


@dataclass(frozen=True)
class Layer:
    """A fiche's local file and the fiche fields it replaced (findings about those fields move to it)."""

    source: Source
    fields: tuple[str, ...]


def prepare(
    source: Source,
    local: Source | None,
    config: TownConfig,
    today: dt.date | None,
    shared: bool = False,
    register: facts.Facts | None = None,
) -> Layer | None:
    """Run the steps on `source`; `local` is its local file, if any. With `today` None the draft markers are
    left as they are, so a value still to fill in fails validation instead of getting a stand-in: a tool that
    only reads owners and review dates must not take a stand-in review date for a real one. Without `register`
    (such a tool) the facts are left as written."""
    layer = Layer(local, local_layer.merge(local, source, shared)) if local is not None else None
    if today is not None:
        drafts.mark(source)
    if register is not None:
        facts.fill(source, register)
    placeholders.fill(source, config, register.texts if register else {})
    return layer
