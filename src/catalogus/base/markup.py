"""Editors' Markdown: one parse for the checker and the renderer, so what the checker accepts is what is shown.

markdown-it-py (CommonMark) with raw HTML switched off: a tag an editor types is text, escaped on output. Two
rules of our own run inside that same parse. Text shaped like an HTML tag or comment becomes a `raw_html`
token, rendered as escaped text. Every link, autolink and image whose target is not on the allow-list (http,
https, mailto, tel, or a link inside the site) is neutralised to its text; images are always shown as their
alt text (a picture from elsewhere is a third-party request). Each of those steps also leaves a Problem in the
parse, and the checker reports exactly those problems (plus editorial ones: a relative link, an unclosed code
block). The renderer is safe on its own; the checker only explains, in Dutch, what the renderer would drop.

Most values are one plain sentence: `is_plain` tells both sides that such a text has no syntax at all, so it
is escaped without parsing. A property test holds the two paths to the same output.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import mdurl
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

ALLOWED_SCHEMES = ("https", "http", "mailto", "tel")
# A full number (012 34 56 78, +32 12 34 56 78) or a Belgian short number (1765, 1712, 112).
PHONE_PATTERN = r"^(\+?[0-9][0-9 ./-]{5,20}|1[0-9]{2,3})$"
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
CONTROL = re.compile(r"[\x00-\x20\x7f]+")
# What a browser (or an editor) would take for a tag: namespaced names (<x:y>) included. `[^<>]*` keeps the
# scan linear: a run of unclosed '<a' cannot make one attempt rescan the text after the next '<'.
TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:._-]*)(?=[\s/>])([^<>]*)>")
DECLARATION = re.compile(r"<!--|<!\[CDATA\[|<![A-Za-z]|<\?")
EVENT_HANDLER = re.compile(r"\bon[a-z]+\s*=", re.I)
# A character or a start that can mean Markdown (or an entity); a text without any is one plain paragraph.
MARKUP_CHARACTER = re.compile(r"[\\`*_\[\]<>#|~!&=\n\r\t\x00]")
MARKUP_START = re.compile(r"[-+]|\d{1,9}[.)]")
TOP_TEXT_HEADING = 3  # a text usually sits inside one of the page's h2 sections
CACHE_SIZE = 65536


@dataclass(frozen=True)
class Problem:
    line: int  # 0-based line within the text
    message: str
    is_error: bool = True


@dataclass(frozen=True)
class Parsed:
    """One text through the parser: the HTML the site shows and what the checker says about it."""

    block: str
    inline: str
    problems: tuple[Problem, ...]


# --- link targets ----------------------------------------------------------------------------------------------


def _scheme(target: str) -> tuple[str, str | None]:
    """The target as a browser reads its scheme (entities and %-escapes decoded, controls and spaces gone)."""
    cleaned = CONTROL.sub("", mdurl.decode(html.unescape(target)))
    match = SCHEME.match(cleaned)
    return cleaned, match.group(1).lower() if match else None


def is_safe_target(target: str) -> bool:
    """What the renderer lets through: an allowed scheme, or no scheme at all (a link inside the site)."""
    scheme = _scheme(target)[1]
    return scheme is None or scheme in ALLOWED_SCHEMES


def link_problem(target: str, in_text: bool = False) -> str | None:
    """Why a link target is unsafe or unusable, or None when it is fine. Stricter than `is_safe_target`."""
    cleaned, scheme = _scheme(target)
    if scheme is None:
        if in_text and cleaned.startswith("#"):
            return None
        return (
            f"'{target}' is geen volledige link; begin met https://, mailto: of tel:"
            + (" (naar een andere fiche verwijst u met 'verwante_producten')" if in_text else "")
        )
    if scheme not in ALLOWED_SCHEMES:
        return f"links met '{scheme}:' zijn niet toegelaten; gebruik alleen https://, http://, mailto: of tel:"
    if scheme in ("http", "https") and "." not in (_hostname(cleaned) or ""):
        return f"'{target}' is geen geldig webadres; schrijf het volledig, bv. https://www.gemeente.be"
    if scheme == "mailto" and "@" not in cleaned:
        return f"'{target}' is geen geldig e-mailadres"
    if scheme == "tel" and not re.fullmatch(PHONE_PATTERN, cleaned[4:]):
        return f"'{target}' is geen geldig telefoonnummer"
    return None


def _hostname(url: str) -> str | None:
    return mdurl.parse(url, slashes_denote_host=True).hostname


def is_insecure(url: str) -> bool:
    return url.lower().startswith("http:")


# --- the parser ------------------------------------------------------------------------------------------------


def is_plain(text: str) -> bool:
    """True when the text has nothing Markdown could interpret: it is shown as it is, escaped."""
    return (
        bool(text)
        and not text[0].isspace()
        and not text[-1].isspace()
        and not MARKUP_START.match(text)
        and not MARKUP_CHARACTER.search(text)
    )


def _tag_message(name: str, attributes: str) -> str:
    if name == "script":
        return "een <script> is niet toegelaten in een fiche; verwijder het"
    if EVENT_HANDLER.search(attributes):
        return f"de HTML-tag <{name}> bevat een script (on...=); verwijder de tag en gebruik Markdown"
    return f"HTML (<{name}>) is niet toegelaten; gebruik Markdown, bv. **vet**, *schuin* of [tekst](https://...)"


def _raw_html(state: StateInline, silent: bool) -> bool:
    """Text shaped like a tag or a comment: one token, shown as text, that the checker reports."""
    src, pos = state.src, state.pos
    if src[pos] != "<" or pos + 1 >= state.posMax:
        return False
    match = TAG.match(src, pos, state.posMax)
    if match:
        message = None if match.group(1) else _tag_message(match.group(2).lower(), match.group(3))
        end = match.end()
    elif DECLARATION.match(src, pos, state.posMax):
        message = "HTML-commentaar of -declaraties zijn niet toegelaten; verwijder ze"
        end = pos + 2
    else:
        return False
    if not silent:
        token = state.push("raw_html", "", 0)
        token.content = src[pos:end]
        token.meta = {"problem": message}  # a closing tag: its opening tag is already reported
    state.pos = end
    return True


def _neutralise(state: StateCore) -> None:
    """Drop every link the allow-list refuses (its text stays), turn images into their alt text, and note
    each problem with its line; shift headings so a text's highest heading is one below its page's section
    (an h3, or an h2 for a text that is the whole page)."""
    problems: list[Problem] = state.env.setdefault("problems", [])
    lines = state.src.split("\n")
    for reference in state.env.get("references", {}).values():
        message = link_problem(reference["href"], in_text=True)
        if message:
            problems.append(Problem(reference["map"][0], message))
    referenced = {reference["href"] for reference in state.env.get("references", {}).values()}
    headings = [t for t in state.tokens if t.type in ("heading_open", "heading_close")]
    if headings:
        shift = state.env.get("top_heading", TOP_TEXT_HEADING) - min(int(t.tag[1]) for t in headings)
        for token in headings:
            token.tag = f"h{min(6, int(token.tag[1]) + shift)}"
    for block in state.tokens:
        if block.type == "fence" and block.map is not None and not _closed(block, lines):
            problems.append(Problem(block.map[0], _unclosed_fence(block.markup)))
        if block.type != "inline" or not block.children:
            continue
        block.children = list(_safe_children(block, lines, problems, referenced))


def _safe_children(block: Token, lines: list[str], problems: list[Problem], referenced: set[str]) -> Iterator[Token]:
    dropped: list[int] = []  # nesting of link_open tokens: 1 = dropped, 0 = kept
    for token in block.children or ():
        if token.type == "raw_html":
            if token.meta["problem"]:
                problems.append(Problem(_line_of(block, lines, token.content), token.meta["problem"]))
        elif token.type == "link_open":
            href = str(token.attrGet("href") or "")
            message = link_problem(href, in_text=True)
            if message and href not in referenced:
                problems.append(Problem(_line_of(block, lines, mdurl.decode(href)), message))
            dropped.append(0 if is_safe_target(href) else 1)
            if dropped[-1]:
                continue
        elif token.type == "link_close":
            if dropped.pop():
                continue
        elif token.type == "image":
            src = str(token.attrGet("src") or "")
            problems.append(Problem(_line_of(block, lines, mdurl.decode(src)), _image_message(src)))
            text = Token("text", "", 0)
            text.content = token.content
            yield text
            continue
        yield token


def _line_of(block: Token, lines: list[str], needle: str) -> int:
    """The line inside a block where `needle` first appears, or the block's first line."""
    start, end = block.map or (0, 1)
    first = needle.split("\n", 1)[0].lower()
    for number in range(start, min(end, len(lines))):
        if first and first in lines[number].lower():
            return number
    return start


def _closed(fence: Token, lines: list[str]) -> bool:
    start, end = fence.map or (0, 0)
    if end - start < 2 or end > len(lines):
        return end - start >= 2
    last = lines[end - 1].lstrip(" >")
    return last.startswith(fence.markup) and not last[len(fence.markup) :].strip(fence.markup[0] + " \t")


def _unclosed_fence(markup: str) -> str:
    return (
        f"het codeblok dat hier begint met {markup} wordt niet gesloten, zodat alles erna als code getoond wordt; "
        f"zet {markup} op een eigen regel na de code, of verwijder het"
    )


def _image_message(src: str) -> str:
    return (
        f"afbeeldingen ({src}) worden niet getoond in een fiche (ze zouden bij een andere site opgevraagd worden); "
        "verwijder de afbeelding of maak er een gewone link van: [tekst](https://...)"
    )


def _text_only(tokens: list[Token], idx: int, *_: object) -> str:
    return escapeHtml(tokens[idx].content)


class _AllLinks(MarkdownIt):
    """Every target reaches the token stream, so the checker sees it; `_neutralise` applies the allow-list."""

    def validateLink(self, url: str) -> bool:
        return True


def _parser() -> MarkdownIt:
    md = _AllLinks("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.inline.ruler.after("autolink", "raw_html", _raw_html)
    md.core.ruler.after("inline", "neutralise", _neutralise)
    md.add_render_rule("raw_html", lambda self, tokens, idx, options, env: _text_only(tokens, idx))
    return md


MARKDOWN = _parser()


def parse(text: str, top_heading: int = TOP_TEXT_HEADING) -> Parsed:
    """The HTML and the problems of one text."""
    if is_plain(text):
        escaped = escapeHtml(text)
        return Parsed(f"<p>{escaped}</p>", escaped, ())
    return _parse_markdown(text, top_heading)


@lru_cache(maxsize=CACHE_SIZE)
def _parse_markdown(text: str, top_heading: int) -> Parsed:
    """Cached: the build renders what the checker just parsed (a catalogue has a few Markdown texts per fiche)."""
    env: dict = {"top_heading": top_heading}
    tokens = MARKDOWN.parse(text, env)
    block = MARKDOWN.renderer.render(tokens, MARKDOWN.options, env).rstrip("\n")
    if len(tokens) == 3 and tokens[0].type == "paragraph_open" and tokens[1].children is not None:
        renderer = MARKDOWN.renderer
        assert isinstance(renderer, RendererHTML)  # the default renderer; MarkdownIt types it as a protocol without renderInline
        inline = renderer.renderInline(tokens[1].children, MARKDOWN.options, env)
    else:
        inline = block
    problems = tuple(sorted(set(env.get("problems", ())), key=lambda p: p.line))
    return Parsed(block, inline, problems)


# Bullets a word processor pastes: Markdown does not know them, so the site would show them as a character.
WORD_BULLETS = frozenset("•·▪◦●‣■□➢➤✓✔")


def text_problems(text: str) -> tuple[Problem, ...]:
    """Raw HTML, unsafe or incomplete links, images, unclosed code blocks and pasted bullets in a Markdown text."""
    bullets = tuple(
        Problem(number, f"deze regel begint met een opsommingsteken uit een tekstverwerker ('{line.lstrip()[0]}'); "
                        "schrijf '- ' (een minteken en een spatie) aan het begin van elk punt van een lijst")
        for number, line in enumerate(text.split("\n"))
        if line.lstrip()[:1] in WORD_BULLETS and line.strip()
    )
    return tuple(sorted(parse(text).problems + bullets, key=lambda p: p.line))


def render_block(text: str, top_heading: int = TOP_TEXT_HEADING) -> str:
    """One or more paragraphs (or lists) of HTML."""
    return parse(text, top_heading).block


def render_inline(text: str) -> str:
    """A phrase inside an existing element (a list item, a table cell): no wrapping paragraph."""
    return parse(text).inline

