/*
 * Search worker: mkdocs-material's own worker, with the query prepared like the index.
 *
 * Material appends "*" to every query term, and lunr runs no pipeline on a wildcard term. With the Dutch
 * stemmer in the index pipeline (mkdocs.yml) the index holds stems ("leefloon" -> "leeflon"), so a word typed
 * in full ("leefloon*") matched nothing. Here, before lunr parses the query:
 * - everyday phrases become the words the fiches use ("te duur" -> "tegemoetkoming premie korting toelage"),
 *   from zoekwoorden.yml (built into catalogus-zoekwoorden.js next to this file), longest phrase first;
 * - each wildcard term is trimmed and stemmed by the same language pipeline ("leefloon*" -> "leeflon*"); where
 *   the stem is no longer the start of the word (the Dutch stemmer undoubles vowels: "school" -> "schol"), the
 *   word as typed is searched too, so "school" still finds compounds such as "schoolkosten";
 * - stop words and the question and filler words of zoekwoorden.yml are dropped ("eten aan huis",
 *   "waar vraag ik een leefloon aan"): the index has none, so "aan*" only matched unrelated longer words such
 *   as "aanvraag"; a query of nothing but such words is kept as typed;
 * - a term that matches a whole indexed word scores above one that only starts it ("inkom" in "inkomen"
 *   above "inkomensvervangend"), with an extra exact clause next to each wildcard clause.
 * The page passes Material's worker file name as ?material=..., so a Material update needs no change here.
 */
var catalogusSearch = { config: null, pipeline: null, stopWords: null, exactBoost: 3 };
importScripts("catalogus-zoekwoorden.js");
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

function wordOf(lexeme) {
  return isWildcardTerm(lexeme) ? lexeme.str.slice(0, -1).toLowerCase() : null;
}

/* The lexemes with every phrase of zoekwoorden.yml (a run of plain terms) replaced by its words. */
function replacePhrases(lexemes) {
  var phrases = self.catalogusZoekwoorden.uitdrukkingen;
  var result = [];
  for (var i = 0; i < lexemes.length; ) {
    var previous = lexemes[i - 1];
    var free = !previous || previous.type !== lunr.QueryLexer.PRESENCE;
    var found = free && phrases.find(function (phrase) {
      return phrase[0].every(function (word, k) {
        var lexeme = lexemes[i + k];
        return lexeme && wordOf(lexeme) === word;
      });
    });
    if (!found) {
      result.push(lexemes[i]);
      i += 1;
      continue;
    }
    var first = lexemes[i], last = lexemes[i + found[0].length - 1];
    found[1].forEach(function (word) {
      result.push({ type: lunr.QueryLexer.TERM, str: word + "*", start: first.start, end: last.end });
    });
    i += found[0].length;
  }
  return result;
}

(function () {
  var run = lunr.QueryLexer.prototype.run;
  lunr.QueryLexer.prototype.run = function () {
    run.call(this);
    var pipeline = catalogusPipelines();
    if (!pipeline)
      return;
    var lexemes = replacePhrases(this.lexemes);
    var isStopWord = function (lexeme) {
      var word = wordOf(lexeme);
      return word !== null && (catalogusFiller.has(word) || !catalogusSearch.stopWords.runString(word).length);
    };
    var terms = lexemes.filter(function (lexeme) { return lexeme.type === lunr.QueryLexer.TERM; });
    if (terms.some(function (lexeme) { return !isStopWord(lexeme); }))
      lexemes = lexemes.filter(function (lexeme, i) {
        var next = lexemes[i + 1];
        return !isStopWord(lexeme) && !(lexeme.type === lunr.QueryLexer.PRESENCE && next && isStopWord(next));
      });
    var stemmed = [];
    lexemes.forEach(function (lexeme) {
      stemmed.push(lexeme);
      if (!isWildcardTerm(lexeme))
        return;
      var word = lexeme.str.slice(0, -1).toLowerCase();
      var stems = pipeline.runString(word);
      if (!stems.length || !stems[0])
        return;
      lexeme.str = stems[0] + "*";
      var typed = word.replace(/^\P{L}+|\P{L}+$/gu, "");
      if (typed.indexOf(stems[0]) !== 0)
        stemmed.push({ type: lexeme.type, str: typed + "*", start: lexeme.start, end: lexeme.end });
    });
    this.lexemes = stemmed;
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
