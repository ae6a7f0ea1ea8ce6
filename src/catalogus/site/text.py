"""Editors' Markdown as HTML for the templates, and the plain text the search index gets.

Every piece of editor text on the site (fiche body, text fields, list items, vocabulary `uitleg`, settings such
as `site_omschrijving`) goes through this one renderer, which is catalogus.base.markup: the parse the checker uses,
with raw HTML off and unsafe links dropped. A glossary or any other rule about words in a text hooks in there.
"""

from __future__ import annotations

import re
from html import unescape

from markupsafe import Markup

from catalogus.base import markup

TAG = re.compile(r"<[^>]+>")
SPACE = re.compile(r"\s+")


class TextRenderer:
    def block(self, text: str, top_heading: int = markup.TOP_TEXT_HEADING) -> Markup:
        """One or more paragraphs (or lists) of HTML; the text's highest heading becomes `top_heading`."""
        return Markup(markup.render_block(text, top_heading))

    def inline(self, text: str) -> Markup:
        """A phrase inside an existing element (a list item, a table cell): no wrapping paragraph."""
        return Markup(markup.render_inline(text))

    def plain(self, text: str) -> str:
        """The words of a text without its markup, for meta tags and other plain-text places."""
        return plain_text(markup.render_inline(text))


def plain_text(html: str) -> str:
    """Rendered HTML back to words, for the search index and meta tags."""
    return SPACE.sub(" ", unescape(TAG.sub(" ", html))).strip()


def first_words(text: str, count: int) -> str:
    words = text.split(" ")
    return text if len(words) <= count else " ".join(words[:count]) + " …"
