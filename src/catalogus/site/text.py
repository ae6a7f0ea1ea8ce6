"""Editors' Markdown as HTML for the templates, and the plain text the search index gets.

Most fiche values are one plain sentence: those are only escaped, because running python-markdown on each
of a fiche's twenty-odd values would cost more than the rest of the page. Anything that looks like
Markdown goes through one reused Markdown instance. The checker already refused raw HTML and unsafe links.
"""

from __future__ import annotations

import re
from html import unescape

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup, escape

# A character or line start that could mean Markdown; text without any of them renders as itself.
MARKDOWN_HINT = re.compile(r"[*_`\[\]<>\\#|~!]|^\s*(?:[-+]|\d+[.)])\s|\n\s*\n|\n {4}", re.M)
PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.S)
TAG = re.compile(r"<[^>]+>")
SPACE = re.compile(r"\s+")
HEADING = {f"h{level}" for level in range(1, 7)}
TOP_TEXT_HEADING = 3


class _ShiftHeadings(Treeprocessor):
    """A fiche text sits inside one of the page's h2 sections: its highest heading becomes h3, the rest follow."""

    def run(self, root):
        headings = [element for element in root.iter() if element.tag in HEADING]
        if headings:
            shift = TOP_TEXT_HEADING - min(int(element.tag[1]) for element in headings)
            for element in headings:
                element.tag = f"h{min(6, int(element.tag[1]) + shift)}"


class _ShiftHeadingsExtension(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(_ShiftHeadings(md), "shift_headings", 5)


class TextRenderer:
    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=["sane_lists", _ShiftHeadingsExtension()])

    def block(self, text: str) -> Markup:
        """One or more paragraphs (or lists) of HTML."""
        if not MARKDOWN_HINT.search(text):
            return Markup("<p>") + escape(text) + Markup("</p>")
        self._md.reset()
        return Markup(self._md.convert(text))

    def inline(self, text: str) -> Markup:
        """A phrase inside an existing element (a list item, a table cell): no wrapping paragraph."""
        if not MARKDOWN_HINT.search(text):
            return escape(text)
        html = self.block(text)
        match = PARAGRAPH.match(html)
        return Markup(match.group(1)) if match and "<p>" not in match.group(1) else html


def plain_text(html: str) -> str:
    """Rendered HTML back to words, for the search index and meta tags."""
    return SPACE.sub(" ", unescape(TAG.sub(" ", html))).strip()


def first_words(text: str, count: int) -> str:
    words = text.split(" ")
    return text if len(words) <= count else " ".join(words[:count]) + " …"
