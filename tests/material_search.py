"""mkdocs-material's search ranking, redone in Python with `lunr`, to test search quality offline in a second.

Mirrors the browser worker (material/templates/assets/javascripts/integrations/search/): fields, boosts, separator
and pipeline come from the site's search_index.json; text is lowercased and split on the separator; the Dutch
pipeline (trimmer, stop words, Snowball stemmer) keeps only the steps the config names; every query term gets a
trailing `*`, so, as in the browser, query terms are not stemmed but matched as prefixes of indexed (stemmed)
tokens; pages (not their sections) and results matching more of the query terms get material's post-query boost;
results are grouped per page, in the order of their best hit.

With `our_worker` it models our own worker (overrides/assets/javascripts/workers/catalogus-search.js): the query's
words are prepared as catalogus-zoekvraag.js prepares them (query_preparation.py: phrases, filler and stop words,
stemming, compounds and typos against the index's own tokens), each prepared term is looked up as a prefix with
twice its boost, and beside each wildcard clause an exact clause with EXACT_BOOST, so a whole word scores above
words that only start with it. test_search_browser.py checks that this model and the browser agree.

lunr's own Dutch support downloads nltk's stop word list at run time; we take the list from the `stop-words`
package instead, so this runs offline.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from lunr.builder import Builder
from lunr.pipeline import Pipeline
from lunr.query_parser import QueryParser
from lunr.stop_word_filter import generate_stop_word_filter
from nltk.stem.snowball import SnowballStemmer
from stop_words import get_stop_words

from catalogus.site.search import WORDS_SCRIPT, read_words_script
from query_preparation import QueryData, prepare

MARKUP = re.compile(r"<[^>]*>")
ENTITY = re.compile(r"&[a-z]+;|&#\d+;")
EXACT_BOOST = 3  # catalogusSearch.exactBoost in catalogus-search.js
QUERY_SYNTAX = re.compile(r'["*:^~+]')
NON_LETTERS = re.compile(r"^[\W\d_]+|[\W\d_]+$")  # lunr.nl's trimmer keeps letters only, at both ends


def _trimmer(token, i=None, tokens=None):
    return token.update(lambda text, metadata=None: NON_LETTERS.sub("", text))


_stem = SnowballStemmer("dutch").stem


def _stemmer(token, i=None, tokens=None):
    return token.update(lambda text, metadata=None: _stem(text))


_stop_word_filter = generate_stop_word_filter(get_stop_words("nl"), language="nl-material")
STOP_WORDS = Pipeline()
STOP_WORDS.add(_stop_word_filter)
OUR_WORKER = "assets/javascripts/workers/catalogus-search.js"
PIPELINE = {"trimmer": _trimmer, "stopWordFilter": _stop_word_filter, "stemmer": _stemmer}
Pipeline.register_function(_trimmer, "trimmer-nl-material")
Pipeline.register_function(_stemmer, "stemmer-nl-material")


class MaterialSearch:
    """Search over a built site's search/search_index.json the way mkdocs-material's worker does."""

    def __init__(self, search_index: dict, our_worker: bool = False, words: dict | None = None):
        config = search_index["config"]
        if config["lang"] != ["nl"]:
            raise ValueError(f"only a Dutch index is modelled, not {config['lang']}")
        self.separator = re.compile(config["separator"])
        self.docs = search_index["docs"]
        self.query_pipeline = None
        self.tokens: list[str] = []
        self.exact_boost = EXACT_BOOST if our_worker else None
        words = words or {}
        self.filler = set(words.get("vraagwoorden", ()))
        self.phrases = [(list(phrase), list(terms)) for phrase, terms in words.get("uitdrukkingen", ())]
        self.parent: dict[str, str] = {}
        articles: set[str] = set()
        for doc in self.docs:  # material: the first entry of a path is the page, later ones its sections
            path = doc["location"].split("#")[0]
            if path in articles:
                self.parent[doc["location"]] = path
            else:
                articles.add(path)
        builder = Builder()
        builder.pipeline.reset()
        builder.search_pipeline.reset()
        for name in ("trimmer", "stopWordFilter", "stemmer"):
            if name in config["pipeline"]:
                builder.pipeline.add(PIPELINE[name])
        if "stemmer" in config["pipeline"]:
            builder.search_pipeline.add(_stemmer)
        builder.b(0)
        builder.ref("location")
        for field, spec in config["fields"].items():
            builder.field(field, boost=spec.get("boost", 1), extractor=self._extractor(field))
        for doc in self.docs:
            builder.add(doc, {"boost": doc["boost"]} if "boost" in doc else None)
        self.index = builder.build()
        if our_worker:
            self.query_pipeline = builder.pipeline
            self.tokens = sorted(self.index.inverted_index)

    @classmethod
    def for_site(cls, site: Path) -> MaterialSearch:
        """The search of a built site: its index, and our worker if the site ships it."""
        index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
        if not (site / OUR_WORKER).is_file():
            return cls(index)
        return cls(index, our_worker=True, words=read_words_script((site / WORDS_SCRIPT).read_text(encoding="utf-8")))

    def _words(self, value: str | Iterable[str] | None) -> list[str]:
        texts = [value] if isinstance(value, str) else list(value or [])
        words = []
        for text in texts:
            plain = ENTITY.sub(" ", MARKUP.sub(" ", text))
            words += [w for w in self.separator.split(plain) if w]
        return words

    def _extractor(self, field: str):
        # A list makes lunr's tokenizer keep each item as one token: we split on material's separator ourselves.
        return lambda doc: self._words(doc.get(field))

    def _terms(self, text: str) -> list[tuple[str, float]]:
        """Split like material's query transform (characters lunr reads as query syntax are dropped), then, with our
        worker, prepared as catalogus-zoekvraag.js prepares them (query_preparation.py)."""
        words = [w.lower() for w in self.separator.split(QUERY_SYNTAX.sub(" ", text).strip()) if w]
        if self.query_pipeline is None:
            return [(w, 1.0) for w in dict.fromkeys(words)]
        pipeline = self.query_pipeline
        data = QueryData(
            stem=lambda word: (pipeline.run_string(word) or [""])[0],
            stop_word=lambda word: not STOP_WORDS.run_string(word),
            tokens=self.tokens,
            filler=self.filler,
            phrases=self.phrases,
        )
        return prepare(words, data)

    def search(self, text: str) -> list[str]:
        """Page locations in the order the browser lists them."""
        clauses = self._terms(text)
        if not clauses:
            return []
        terms = [term for term, _ in clauses]
        scored = []
        query = self.index.create_query()
        QueryParser(" ".join(f"{term}*^{int(boost * 2)}" for term, boost in clauses), query).parse()
        if self.exact_boost:
            for clause in list(query.clauses):
                exact = clause.term[:-1]
                query.clause(term=exact, fields=clause.fields, boost=clause.boost * self.exact_boost, use_pipeline=False)
        for hit in self.index.query(query):
            matched = {t for t in terms if any(token.startswith(t) for token in hit["match_data"].metadata)}
            boost = (hit["ref"] not in self.parent) + len(matched) / len(terms)
            scored.append((hit["score"] * (1 + boost**2), hit["ref"]))
        pages: dict[str, None] = {}
        for _, ref in sorted(scored, key=lambda item: -item[0]):
            pages.setdefault(self.parent.get(ref, ref), None)
        return list(pages)
