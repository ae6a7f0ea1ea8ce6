"""Plain text for labels and names the site shows as they are (vocabulary labels, the town's names).

No Markdown and no HTML: these values land in titles, navigation, attributes and meta tags, where
markup is either shown literally or, worse, interpreted. Text fields of fiches are Markdown; these are not.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, StringConstraints

MARKUP = re.compile(r"[<>`*_\[\]{}|\\#]|&[#A-Za-z0-9]+;")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _plain(value: str) -> str:
    if CONTROL.search(value):
        raise ValueError("gebruik gewone tekst op één regel, zonder tabs of regeleinden")
    found = MARKUP.search(value)
    if found:
        raise ValueError(
            f"gebruik gewone tekst zonder opmaak: '{found.group()}' is niet toegelaten (geen HTML of Markdown hier)"
        )
    return value


PlainText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), AfterValidator(_plain)
]
OptionalPlainText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=300), AfterValidator(_plain)]
