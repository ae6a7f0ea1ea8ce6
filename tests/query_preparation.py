"""The query preparation of catalogus-zoekvraag.js, step for step in Python, for the offline model of the search.

tests/search_prep_vectors.json holds cases that both must answer alike (test_search_offline.py and
tests/js/zoekvraag.test.js); the steps are explained in the JavaScript file.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

TYPO_BOOST = 0.5
MAX_CORRECTIONS = 3
MAX_WORD = 40  # catalogus-zoekvraag.js: a longer word is looked up as typed
NON_LETTERS = re.compile(r"^[\W\d_]+|[\W\d_]+$")


@dataclass
class QueryData:
    stem: Callable[[str], str]
    stop_word: Callable[[str], bool]
    tokens: list[str]  # sorted
    filler: set[str] = field(default_factory=set)
    phrases: list[tuple[list[str], list[str]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._known = set(self.tokens)

    def known(self, token: str) -> bool:
        return token in self._known

    def starts(self, prefix: str) -> bool:
        at = bisect.bisect_left(self.tokens, prefix)
        return at < len(self.tokens) and self.tokens[at].startswith(prefix)


def allowed_edits(word: str) -> int:
    return 2 if len(word) >= 9 else 1 if len(word) >= 5 else 0


def distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance, or limit + 1 once it must exceed limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i]
        best = i
        for k in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[k - 1] else 1
            value = min(previous[k] + 1, current[k - 1] + 1, previous[k - 1] + cost)
            if before is not None and i > 1 and k > 1 and a[i - 1] == b[k - 2] and a[i - 2] == b[k - 1]:
                value = min(value, before[k - 2] + 1)
            current.append(value)
            best = min(best, value)
        if best > limit:
            return limit + 1
        before, previous = previous, current
    return previous[len(b)]


def _replace_phrases(words: list[str], phrases: list[tuple[list[str], list[str]]]) -> list[str]:
    result, i = [], 0
    while i < len(words):
        found = next((p for p in phrases if words[i : i + len(p[0])] == p[0]), None)
        if found:
            result += found[1]
            i += len(found[0])
        else:
            result.append(words[i])
            i += 1
    return result


def _known_part(part: str, data: QueryData) -> str | None:
    candidates = [part]
    if part[-1:] in ("s", "e") and len(part) > 3:
        candidates.append(part[:-1])
    for candidate in candidates:
        stem = data.stem(candidate) or candidate
        if data.known(stem):
            return stem
        if data.known(candidate):
            return candidate
    return None


def _compound(word: str, data: QueryData, depth: int = 0) -> list[str] | None:
    for cut in range(len(word) - 4, 2, -1):
        left = _known_part(word[:cut], data)
        if not left:
            continue
        right = data.stem(word[cut:]) or word[cut:]
        if data.starts(right):
            return [left, right]
        rest = _compound(word[cut:], data, depth + 1) if depth < 2 else None
        if rest and len(rest) > 1:
            return [left, *rest]
    return None


def _first_part(word: str, data: QueryData) -> str | None:
    for end in range(len(word) - 3, 3, -1):
        first = _known_part(word[:end], data)
        if first:
            return first
    return None


def _corrections(stem: str, word: str, data: QueryData) -> list[str]:
    limit = allowed_edits(word)
    if not limit:
        return []
    found = sorted(
        (d, token) for token in data.tokens
        if (d := min(distance(stem, token, limit), distance(word, token, limit) if word != stem else limit + 1)) <= limit
    )
    return [token for d, token in found if d == found[0][0]][:MAX_CORRECTIONS] if found else []


def prepare(words: list[str], data: QueryData) -> list[tuple[str, float]]:
    replaced = _replace_phrases(words, data.phrases)
    meaningful = [w for w in replaced if w not in data.filler and not data.stop_word(w)]
    clauses: dict[str, float] = {}

    def add(term: str, boost: float) -> None:
        if term:
            clauses.setdefault(term, boost)

    for word in meaningful or replaced:
        stem = data.stem(word)
        if not stem:
            add(word, 1)
            continue
        typed = NON_LETTERS.sub("", word)
        add(stem, 1)
        if not typed.startswith(stem):
            add(typed, 1)
        if data.starts(stem) or (typed and data.starts(typed)) or len(typed) > MAX_WORD:
            continue
        parts = _compound(typed, data)
        if parts:
            for part in parts:
                add(part, 1)
            continue
        corrected = _corrections(stem, typed, data)
        for token in corrected:
            add(token, TYPO_BOOST)
        if not corrected:
            add(_first_part(typed, data) or "", 1)
    return list(clauses.items())
