/*
 * Search worker: mkdocs-material's own worker, with the query prepared like the index.
 *
 * Material appends "*" to every query term, and lunr runs no pipeline on a wildcard term. With the Dutch
 * stemmer in the index pipeline (mkdocs.yml) the index holds stems ("leefloon" -> "leeflon"), so a word typed
 * in full ("leefloon*") matched nothing. The words of the query therefore go through catalogus-zoekvraag.js
 * first (phrases, filler words, stemming, compounds, typos: see there, tested on its own), and what it returns
 * is handed to lunr as wildcard terms; this file only connects it to lunr:
 * - the index the query runs on gives the words it knows (its tokens), read once per index;
 * - after lunr's lexer, the plain wildcard terms are replaced by the prepared terms (a term after a + or -,
 *   from a quoted phrase, is left as typed);
 * - a term that matches a whole indexed word scores above one that only starts it ("inkom" in "inkomen"
 *   above "inkomensvervangend"), with an extra exact clause next to each wildcard clause.
 * The page passes Material's worker file name as ?material=..., so a Material update needs no change here.
 */
var catalogusSearch = { config: null, pipeline: null, stopWords: null, exactBoost: 3 };
importScripts("catalogus-zoekwoorden.js", "catalogus-zoekvraag.js");
var catalogusFiller = new Set(self.catalogusZoekwoorden.vraagwoorden);

addEventListener("message", function (event) {
  if (event.data && event.data.data && event.data.data.config)
    catalogusSearch.config = event.data.data.config;
});

(function () {
  var material = new URL(self.location.href).searchParams.get("material");
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(material || ""))
    throw new Error("catalogus-search: unexpected worker name " + material);
  importScripts(material);
})();

/* The index pipeline of the configured language, and its stop word filter alone. */
function catalogusPipelines() {
  var config = catalogusSearch.config;
  if (!catalogusSearch.pipeline && config && config.lang.length === 1) {
    var language = config.lang[0] === "en" ? lunr : lunr[config.lang[0]];
    if (!language)
      return null;
    var pipeline = new lunr.Pipeline();
    ["trimmer", "stopWordFilter", "stemmer"].forEach(function (name) {
      if (config.pipeline.indexOf(name) !== -1 && language[name])
        pipeline.add(language[name]);
    });
    var stopWords = new lunr.Pipeline();
    if (config.pipeline.indexOf("stopWordFilter") !== -1 && language.stopWordFilter)
      stopWords.add(language.stopWordFilter);
    catalogusSearch.pipeline = pipeline;
    catalogusSearch.stopWords = stopWords;
  }
  return catalogusSearch.pipeline;
}

function isWildcardTerm(lexeme) {
  return lexeme.type === lunr.QueryLexer.TERM && /^[^*]+\*$/.test(lexeme.str);
}

/* What catalogus-zoekvraag.js needs of the index and the language: read once per index. */
function catalogusData(index) {
  var pipeline = catalogusPipelines();
  if (!pipeline || !index)
    return null;
  if (catalogusSearch.data && catalogusSearch.data.index === index)
    return catalogusSearch.data;
  var tokens = Object.keys(index.invertedIndex).sort();
  var known = new Set(tokens);
  catalogusSearch.data = {
    index: index,
    tokens: tokens,
    known: function (token) { return known.has(token); },
    starts: function (prefix) {
      var low = 0, high = tokens.length;
      while (low < high) {
        var middle = (low + high) >> 1;
        if (tokens[middle] < prefix) low = middle + 1; else high = middle;
      }
      return low < tokens.length && tokens[low].indexOf(prefix) === 0;
    },
    stem: function (word) { return pipeline.runString(word)[0] || ""; },
    stopWord: function (word) { return !catalogusSearch.stopWords.runString(word).length; },
    filler: catalogusFiller,
    phrases: self.catalogusZoekwoorden.uitdrukkingen
  };
  return catalogusSearch.data;
}

(function () {
  var search = lunr.Index.prototype.search;
  lunr.Index.prototype.search = function (queryString) {
    catalogusSearch.index = this;  // the lexer below needs the words this index knows
    return search.call(this, queryString);
  };

  var run = lunr.QueryLexer.prototype.run;
  lunr.QueryLexer.prototype.run = function () {
    run.call(this);
    var data = catalogusData(catalogusSearch.index);
    if (!data)
      return;
    var kept = [], words = [];
    this.lexemes.forEach(function (lexeme, i, lexemes) {
      var previous = lexemes[i - 1];
      if (isWildcardTerm(lexeme) && !(previous && previous.type === lunr.QueryLexer.PRESENCE))
        words.push(lexeme.str.slice(0, -1).toLowerCase());
      else
        kept.push(lexeme);
    });
    var end = this.str.length;
    self.catalogusZoekvraag.prepare(words, data).forEach(function (clause) {
      // lunr reads a boost as a whole number: every boost is doubled, so a typo's 0.5 is 1 and the rest 2
      kept.push({ type: lunr.QueryLexer.TERM, str: clause.term + "*", start: 0, end: end });
      kept.push({ type: lunr.QueryLexer.BOOST, str: String(clause.boost * 2), start: 0, end: end });
    });
    this.lexemes = kept;
  };

  var parse = lunr.QueryParser.prototype.parse;
  lunr.QueryParser.prototype.parse = function () {
    var query = parse.call(this);
    query.clauses.slice().forEach(function (clause) {
      if (clause.usePipeline || clause.presence === lunr.Query.presence.PROHIBITED || !/^[^*]+\*$/.test(clause.term))
        return;
      query.clause({
        fields: clause.fields,
        term: clause.term.slice(0, -1),
        boost: (clause.boost || 1) * catalogusSearch.exactBoost,
        usePipeline: false,
        presence: lunr.Query.presence.OPTIONAL
      });
    });
    return query;
  };
})();
