"""Rules for the text editors write: Markdown only, no raw HTML, and links only to safe schemes.

Written by hand (a few regular expressions) instead of rendering with python-markdown: rendering every
fiche would cost more than the whole check budget, and we only need to find raw tags and link targets.
Code spans and blocks are blanked first, because text inside them is shown, not interpreted.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from .model import PHONE_PATTERN

ALLOWED_SCHEMES = ("https", "http", "mailto", "tel")
CODE = re.compile(r"```.*?(?:```|\Z)|~~~.*?(?:~~~|\Z)|`[^`\n]*`", re.S)
TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])([^>]*)>")
COMMENT = re.compile(r"<!--|<!\[CDATA\[|<![A-Za-z]|<\?")
INLINE_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*<?([^\s>]+)", re.M)
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^>\s]*)>")
EVENT_HANDLER = re.compile(r"\bon[a-z]+\s*=", re.I)
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
CONTROL = re.compile(r"[\x00-\x20\x7f]+")


@dataclass(frozen=True)
class Problem:
    offset: int
    message: str
    is_error: bool = True


def text_problems(text: str) -> Iterator[Problem]:
    """Raw HTML and unsafe links in a Markdown text, with their character offsets."""
    visible = CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    for match in COMMENT.finditer(visible):
        yield Problem(match.start(), "HTML-commentaar of -declaraties zijn niet toegelaten; verwijder ze")
    for match in TAG.finditer(visible):
        if match.group(1):  # a closing tag: its opening tag is already reported
            continue
        yield Problem(match.start(), _tag_message(match.group(2).lower(), match.group(3)))
    for pattern in (INLINE_LINK, REFERENCE, AUTOLINK):
        for match in pattern.finditer(visible):
            message = link_problem(match.group(1), in_text=True)
            if message:
                yield Problem(match.start(1), message)


def _tag_message(name: str, attributes: str) -> str:
    if name == "script":
        return "een <script> is niet toegelaten in een fiche; verwijder het"
    if EVENT_HANDLER.search(attributes):
        return f"de HTML-tag <{name}> bevat een script (on...=); verwijder de tag en gebruik Markdown"
    return f"HTML (<{name}>) is niet toegelaten; gebruik Markdown, bv. **vet**, *schuin* of [tekst](https://...)"


def link_problem(target: str, in_text: bool = False) -> str | None:
    """Why a link target is unsafe or unusable, or None when it is fine."""
    cleaned = CONTROL.sub("", html.unescape(target))
    scheme_match = SCHEME.match(cleaned)
    if scheme_match is None:
        if in_text and cleaned.startswith("#"):
            return None
        return (
            f"'{target}' is geen volledige link; begin met https://, mailto: of tel:"
            + (" (naar een andere fiche verwijs je met 'verwante_producten')" if in_text else "")
        )
    scheme = scheme_match.group(1).lower()
    if scheme not in ALLOWED_SCHEMES:
        return f"links met '{scheme}:' zijn niet toegelaten; gebruik alleen https://, http://, mailto: of tel:"
    if scheme in ("http", "https") and "." not in (urlsplit(cleaned).hostname or ""):
        return f"'{target}' is geen geldig webadres; schrijf het volledig, bv. https://www.harelbeke.be"
    if scheme == "mailto" and "@" not in cleaned:
        return f"'{target}' is geen geldig e-mailadres"
    if scheme == "tel" and not re.fullmatch(PHONE_PATTERN, cleaned[4:]):
        return f"'{target}' is geen geldig telefoonnummer"
    return None


def is_insecure(url: str) -> bool:
    return url.lower().startswith("http:")
