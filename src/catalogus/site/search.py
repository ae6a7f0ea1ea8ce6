"""Search shaping: what the browser's search index gets for each page.

The stock plugin makes one entry per heading section of the rendered page, and the browser rebuilds the whole
index on every page load. A fiche's sections are rendered by the template instead, and its indexed Markdown is
one short passage without headings: the samenvatting and the first words of the text. So each fiche is one
entry, its own sections never crowd other fiches out of the top results, and phones parse little. The title
and the sleutelwoorden (front-matter `tags`) carry the weight; the field boosts are in mkdocs.yml. Browse pages
are left out, so a list of fiches never outranks the fiche itself.
"""

from __future__ import annotations

from markupsafe import escape

from .text import first_words, plain_text

EXCERPT_WORDS = 25
EXCLUDED = {"exclude": True}


def indexed_markdown(summary: str, body_html: str) -> str:
    """Raw HTML paragraphs of escaped text: mkdocs' Markdown passes them through untouched, so nothing is parsed twice."""
    excerpt = first_words(plain_text(body_html), EXCERPT_WORDS) if body_html else ""
    paragraphs = [summary, excerpt] if excerpt else [summary]
    return "\n\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
