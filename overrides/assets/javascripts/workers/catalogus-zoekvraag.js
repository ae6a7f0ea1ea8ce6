/*
 * Query preparation: what a citizen typed, as the terms to look up in the index. One pure function, the same steps
 * as the offline model of the tests (tests/material_search.py); tests/search_prep_vectors.json holds cases both run.
 *
 * prepare(words, data) takes the query's words (lower case, as typed) and returns clauses {term, boost}, each to be
 * looked up as a prefix of the index's (stemmed) tokens:
 * 1. everyday phrases become the words the fiches use ("te duur" -> "tegemoetkoming premie …"), longest first;
 * 2. stop words and question or filler words are dropped, unless nothing else is left;
 * 3. each word is stemmed as the index is; where the stem no longer starts the word, the word as typed is looked up
 *    too ("school" -> "schol", "school");
 * 4. a word that starts no token of the index is
 *    - a compound when it splits into a known word and a word that starts a token (or is itself such a compound),
 *      the first of 3 letters or more, the rest of 4, with an optional linking s or e ("huurachterstand" -> "huur", "achterstand"):
 *      the parts are looked up;
 *    - else a typo: the index's tokens within one edit (words of 5 letters or more) or two (9 or more) of its stem
 *      (insertion, deletion, substitution or two neighbours swapped) are looked up, with a lower boost, the closest
 *      ones only. A word the index knows is never corrected, so an exact match is never pushed down;
 *    - else, its longest known first part of 4 letters or more ("schuldenberg" -> "schuld").
 * data: {stem(word) -> stem or "", stopWord(word) -> bool, filler: Set, phrases: [[words], [terms]],
 *        known(token) -> bool, starts(prefix) -> bool, tokens: [index tokens]}.
 */
(function (root) {
  var TYPO_BOOST = 0.5;
  var MAX_CORRECTIONS = 3;
  var MAX_WORD = 40;  // a longer "word" (a pasted text) is looked up as typed: splitting it would take seconds

  function allowedEdits(word) {
    return word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0;
  }

  /* The optimal string alignment distance of a and b, or limit + 1 as soon as it must exceed limit. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit)
      return limit + 1;
    var before = null, previous = [], current;
    for (var j = 0; j <= b.length; j++)
      previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      current = [i];
      var best = i;
      for (var k = 1; k <= b.length; k++) {
        var cost = a[i - 1] === b[k - 1] ? 0 : 1;
        var value = Math.min(previous[k] + 1, current[k - 1] + 1, previous[k - 1] + cost);
        if (before && i > 1 && k > 1 && a[i - 1] === b[k - 2] && a[i - 2] === b[k - 1])
          value = Math.min(value, before[k - 2] + 1);
        current.push(value);
        best = Math.min(best, value);
      }
      if (best > limit)
        return limit + 1;
      before = previous;
      previous = current;
    }
    return previous[b.length];
  }

  function replacePhrases(words, phrases) {
    var result = [];
    for (var i = 0; i < words.length; ) {
      var found = phrases.find(function (phrase) {
        return phrase[0].every(function (word, k) { return words[i + k] === word; });
      });
      if (found) {
        result.push.apply(result, found[1]);
        i += found[0].length;
      } else {
        result.push(words[i]);
        i += 1;
      }
    }
    return result;
  }

  function lettersOnly(word) {
    return word.replace(/^\P{L}+|\P{L}+$/gu, "");
  }

  /* A known first part of a compound (stemmed), also after dropping a linking s or e, or null. */
  function knownPart(part, data) {
    var candidates = [part];
    if (/[se]$/.test(part) && part.length > 3)
      candidates.push(part.slice(0, -1));  // a linking s or e: "arbeidsbemiddeling", "schuldenberg"
    for (var n = 0; n < candidates.length; n++) {
      var stem = data.stem(candidates[n]) || candidates[n];
      if (data.known(stem))
        return stem;
      if (data.known(candidates[n]))
        return candidates[n];
    }
    return null;
  }

  /* The parts of a compound, stemmed, or null: a known first part and a rest that starts a token or is itself a
   * compound ("schoolboekenkosten"), the longest first part first. */
  function compound(word, data, depth) {
    for (var cut = word.length - 4; cut >= 3; cut--) {
      var left = knownPart(word.slice(0, cut), data);
      if (!left)
        continue;
      var right = data.stem(word.slice(cut)) || word.slice(cut);
      if (data.starts(right))
        return [left, right];
      var rest = depth < 2 ? compound(word.slice(cut), data, depth + 1) : null;
      if (rest && rest.length > 1)
        return [left].concat(rest);
    }
    return null;
  }

  /* The longest known first part of 4 letters or more: in Dutch it names what a compound is about. */
  function firstPart(word, data) {
    for (var end = word.length - 3; end >= 4; end--) {
      var first = knownPart(word.slice(0, end), data);
      if (first)
        return first;
    }
    return null;
  }

  function corrections(stem, word, data) {
    var limit = allowedEdits(word);
    if (!limit)
      return [];
    var found = [];
    data.tokens.forEach(function (token) {
      /* the typed word too: a typo can change the stem's ending ("adopite" stems to "adopit", far from "adoptie") */
      var d = Math.min(distance(stem, token, limit), word === stem ? limit + 1 : distance(word, token, limit));
      if (d <= limit)
        found.push([d, token]);
    });
    found.sort(function (a, b) { return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0); });
    var closest = found.length ? found[0][0] : 0;
    return found.filter(function (f) { return f[0] === closest; }).slice(0, MAX_CORRECTIONS)
      .map(function (f) { return f[1]; });
  }

  function prepare(words, data) {
    var replaced = replacePhrases(words, data.phrases);
    var meaningful = replaced.filter(function (w) { return !data.filler.has(w) && !data.stopWord(w); });
    var clauses = [];
    var add = function (term, boost) {
      if (term && !clauses.some(function (c) { return c.term === term; }))
        clauses.push({ term: term, boost: boost });
    };
    (meaningful.length ? meaningful : replaced).forEach(function (word) {
      var stem = data.stem(word);
      if (!stem) {
        add(word, 1);
        return;
      }
      var typed = lettersOnly(word);
      add(stem, 1);
      if (typed.indexOf(stem) !== 0)
        add(typed, 1);
      if (data.starts(stem) || (typed && data.starts(typed)) || typed.length > MAX_WORD)
        return;
      var parts = compound(typed, data, 0);
      if (parts) {
        parts.forEach(function (part) { add(part, 1); });
        return;
      }
      var corrected = corrections(stem, typed, data);
      corrected.forEach(function (token) { add(token, TYPO_BOOST); });
      if (!corrected.length)
        add(firstPart(typed, data), 1);
    });
    return clauses;
  }

  var api = { prepare: prepare, distance: distance, TYPO_BOOST: TYPO_BOOST };
  root.catalogusZoekvraag = api;
  if (typeof module !== "undefined" && module.exports)
    module.exports = api;
})(typeof self !== "undefined" ? self : this);
