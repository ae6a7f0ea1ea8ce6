"""How editors' words become ids and how names sort: one spelling rule for the checker, the editor and the site."""

from __future__ import annotations

import re
import unicodedata


def _folded(text: str) -> str:
    """Lower case without accents: 'Één' -> 'een'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def sort_key(text: str) -> str:
    """Alphabetical order as a Dutch reader expects it: accents and case do not count."""
    return _folded(text)


def slug(text: str) -> str:
    """What an editor typed, as an id: 'Onthaal OCMW' -> 'onthaal-ocmw', '65-Plussers' -> '65-plussers'."""
    return re.sub(r"[^a-z0-9]+", "-", _folded(text)).strip("-")
