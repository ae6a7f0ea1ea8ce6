"""Search shaping: what the browser's search index gets for each page, and the citizen words the query side uses.

The stock plugin makes one entry per heading section of the rendered page, and the browser builds the whole
index when the search is first used on a page (catalogus-zoekstart.js). Each page here is one entry without headings,
so a fiche's own sections never crowd other fiches out of the top results, and phones parse little:
- a fiche: its title and sleutelwoorden (front-matter `tags`) carry the weight (field boosts in mkdocs.yml); the
  text holds what citizens recognise their situation in: the samenvatting, voor wie, the voorwaarden and the
  first words of the text, cut to a word budget (the payload stays under 1 KB);
- a loket and a life event: one entry each: the loket's name and what it is for; the life event's name, its
  explanation and the titles of its fiches, so "verhuizen" also leads to the fiches of that life event;
- other browse pages are left out, so a list of fiches never outranks the fiche itself.

`zoekwoorden.yml` holds the query-side language: question and filler words dropped from a query ("ik heb",
"mijn moeder") and everyday phrases read as the words fiches use ("te duur"). It is shipped to the search
worker as a small script (WORDS_SCRIPT) and read by the offline model of the tests from the built site.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from markupsafe import escape

from catalogus.model.search_words import WORDS_FILE, SearchWords
from catalogus.site.browse import LOKETTEN, term_products
from catalogus.site.context import SiteContext
from catalogus.site.text import first_words, plain_text

TEXT_WORDS = 90  # a fiche's indexed text, all passages together
EXCERPT_WORDS = 25  # of those, at most this many from the free text
TERM_WORDS = 40
TERM_BOOST = 2  # a life event's name is its whole title: short, everyday words that many fiches also use
EXCLUDED = {"exclude": True}
INDEXED_SECTIONS = (LOKETTEN, "levensgebeurtenissen")
SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:!?])")  # left where plain_text removed a closing tag
WORDS_SCRIPT = "assets/javascripts/workers/catalogus-zoekwoorden.js"
WORDS_VARIABLE = "catalogusZoekwoorden"

# A product that no longer exists stays findable by its name (its page says what replaced it), but ranks
# below every active fiche for the same words.
STOPPED_BOOST = 0.2


def load_words(project: Path) -> SearchWords:
    """The search words the checker accepted (the build only runs after a clean check); a missing file means none."""
    path = project / WORDS_FILE
    if not path.exists():
        return SearchWords()
    return SearchWords.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")) or {})


def words_script(words: SearchWords) -> str:
    """The worker's copy of the search words: phrases as word lists, longest first, so the longest match wins."""
    phrases = sorted(((phrase.split(), terms) for phrase, terms in words.uitdrukkingen.items()), key=lambda p: -len(p[0]))
    data = {"vraagwoorden": sorted(set(words.vraagwoorden)), "uitdrukkingen": [[p, t] for p, t in phrases]}
    return f"self.{WORDS_VARIABLE} = {json.dumps(data, ensure_ascii=False, separators=(',', ':'))};\n"


def read_words_script(text: str) -> dict[str, Any]:
    """The data of a built WORDS_SCRIPT (for the offline model of the search)."""
    match = re.fullmatch(rf"self\.{WORDS_VARIABLE} = (.*);\s*", text, re.S)
    if not match:
        raise ValueError(f"{WORDS_SCRIPT}: onverwachte inhoud")
    return json.loads(match.group(1))


def fiche_markdown(summary: str, for_whom_html: str | None, conditions_html: Iterable[str], body_html: str | None) -> str:
    """A fiche's indexed text from its rendered parts (so no Markdown mark-up reaches the result list)."""
    excerpt = first_words(plain_text(body_html), EXCERPT_WORDS) if body_html else ""
    return indexed_markdown([summary, for_whom_html or "", *conditions_html, excerpt], TEXT_WORDS)


def term_search(site: SiteContext, name: str, key: str) -> tuple[str | None, float | None]:
    """The indexed Markdown and search boost of a browse page: loketten and life events get one entry, others none."""
    if name not in INDEXED_SECTIONS:
        return None, None
    if name == LOKETTEN:
        passages = [site.catalogue.loket(key).record.beschrijving]
    else:
        term = site.catalogue.vocabularies.terms(name)[key]
        titles = [site.catalogue.by_id[i].record.titel for i in term_products(site, name, key)]
        passages = [term.uitleg or "", ", ".join(titles)]
    return indexed_markdown(passages, TERM_WORDS), TERM_BOOST


def indexed_markdown(passages: Iterable[str], budget: int) -> str:
    """Raw HTML paragraphs of escaped text (mkdocs' Markdown passes them through untouched, so nothing is parsed
    twice), within `budget` words."""
    paragraphs = []
    for passage in passages:
        words = SPACE_BEFORE_PUNCTUATION.sub(r"\1", plain_text(passage)).split()
        if not words or budget <= 0:
            continue
        paragraphs.append(first_words(" ".join(words), budget))
        budget -= len(words)
    return "\n\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)

