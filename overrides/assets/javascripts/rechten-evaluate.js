/* The browser evaluator of compiled rules: strong Kleene three-valued logic (ja / nee / onbekend).
   The same algorithm as src/catalogus/rules/evaluate.py, line by line; tests/rules_vectors.json and a property
   test keep the two in agreement. Semantics: src/catalogus/rules/README.md. Runs in the browser (global
   CatalogusRechten) and in node (require), with no dependencies and no network. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.CatalogusRechten = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";
  const YES = "ja", NO = "nee", UNKNOWN = "onbekend";
  const MAX_ANSWER = 1000000000; // an answer lies in [-MAX_ANSWER, MAX_ANSWER]: hundredths stay far below 2**53
  const MAX_EXACT = Number.MAX_SAFE_INTEGER; // a grens with per_persoon beyond this is not exact here: refused
  const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/; // the whole text: no surrounding whitespace (no newline either)
  const TOO_LARGE = "te groot; een getal ligt tussen -1.000.000.000 en 1.000.000.000";

  // `code` says which error (the wizard shows wizard.fout_<code>): keuze, getal, decimalen, te_groot, geheel, datum.
  class AnswerError extends Error {
    constructor(message, code) {
      super(message);
      this.name = "AnswerError";
      this.code = code || "getal";
    }
  }

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function evaluate(rule, answers, peildatum) {
    const inForce = inWindow(rule, peildatum);
    const categories = [];
    for (const category of rule.categorieen) {
      const entry = {id: category.id, toekenning: category.toekenning};
      if (inForce && inWindow(category, peildatum)) {
        const node = evalNode(category.voorwaarde, answers, rule.grenzen, peildatum);
        // The condition holds, but the service also weighs what no question asks (dienst_kijkt_ook_naar):
        // never a plain ja, and asking more cannot help (no open questions).
        const reserved = node.uitkomst === YES && Boolean(category.ook);
        Object.assign(entry, {geldig: true, uitkomst: reserved ? UNKNOWN : node.uitkomst, spoor: node.spoor});
        Object.assign(entry, {beslissend: node.beslissend, open_vragen: node.open, voorbehoud: reserved});
      } else {
        Object.assign(entry, {geldig: false, uitkomst: NO, spoor: [], beslissend: [], open_vragen: [], voorbehoud: false});
      }
      categories.push(entry);
    }
    const winner = categories.find((c) => c.uitkomst === YES);
    let outcome, openQuestions;
    if (winner !== undefined) {
      outcome = YES;
      openQuestions = [];
    } else {
      const unknown = categories.filter((c) => c.uitkomst === UNKNOWN);
      outcome = unknown.length ? UNKNOWN : NO;
      openQuestions = union(unknown.map((c) => c.open_vragen));
    }
    return {
      product: rule.product,
      uitkomst: outcome,
      categorie: winner ? winner.id : null,
      toekenning: winner ? winner.toekenning : null,
      categorieen: categories,
      open_vragen: openQuestions,
      voorbehoud: winner ? [] : categories.filter((c) => c.voorbehoud).map((c) => c.id),
    };
  }

  function inWindow(item, day) {
    const start = item.geldig_vanaf, end = item.geldig_tot;
    return (start == null || start <= day) && (end == null || day <= end);
  }

  function union(lists) {
    const seen = [];
    for (const items of lists) for (const item of items) if (!seen.includes(item)) seen.push(item);
    return seen;
  }

  function evalNode(node, answers, limits, day) {
    if (has(node, "vraag")) return leaf(node, answers, limits, day);
    if (has(node, "niet")) {
      const child = evalNode(node.niet, answers, limits, day);
      const outcome = child.uitkomst === YES ? NO : child.uitkomst === NO ? YES : UNKNOWN;
      return combined(node, outcome, [child], [child]);
    }
    const kind = has(node, "alle") ? "alle" : "een_van";
    const children = node[kind].map((child) => evalNode(child, answers, limits, day));
    const outcomes = children.map((child) => child.uitkomst);
    const [strong, weak] = kind === "alle" ? [NO, YES] : [YES, NO];
    let outcome, deciding;
    if (outcomes.includes(strong)) {
      outcome = strong;
      deciding = children.filter((c) => c.uitkomst === strong);
    } else if (outcomes.includes(UNKNOWN)) {
      outcome = UNKNOWN;
      deciding = children.filter((c) => c.uitkomst === UNKNOWN);
    } else {
      outcome = weak;
      deciding = children;
    }
    return combined(node, outcome, children, deciding);
  }

  function combined(node, outcome, children, deciding) {
    const trace = [{pad: node.pad, uitkomst: outcome}];
    for (const child of children) trace.push(...child.spoor);
    return {
      uitkomst: outcome,
      spoor: trace,
      beslissend: deciding.flatMap((child) => child.beslissend),
      open: outcome === UNKNOWN ? union(deciding.map((child) => child.open)) : [],
    };
  }

  function missing(value) {
    return value === undefined || value === null || value === "";
  }

  function answerOf(answers, question) {
    return has(answers, question) ? answers[question] : undefined;
  }

  function leaf(node, answers, limits, day) {
    const question = node.vraag, kind = node.soort;
    const raw = answerOf(answers, question);
    const value = missing(raw) ? null : typed(question, kind, raw);
    let [threshold, openQuestions] = thresholdOf(node, answers, limits, day);
    const noLimitInForce = threshold === null && openQuestions.length === 0;
    if (value === null && !noLimitInForce) openQuestions = [question, ...openQuestions];
    let outcome;
    if (value === null || threshold === null) outcome = UNKNOWN;
    else outcome = compare(node.op, value, threshold) ? YES : NO;
    const entry = {
      pad: node.pad,
      vraag: question,
      waarde: missing(raw) ? null : raw,
      grens: threshold,
      uitkomst: outcome,
    };
    return {uitkomst: outcome, spoor: [entry], beslissend: [node.pad], open: openQuestions};
  }

  function thresholdOf(node, answers, limits, day) {
    const operand = node.waarde;
    if (operand === null || typeof operand !== "object" || Array.isArray(operand)) return [operand, []];
    const limit = limits[operand.grens];
    const inForce = limit.waarden.filter((v) => v.vanaf <= day);
    if (!inForce.length) return [null, []];
    const current = inForce[inForce.length - 1];
    if (limit.per == null) return [current.bedrag, []];
    const raw = answerOf(answers, limit.per);
    if (missing(raw)) return [null, [limit.per]];
    const count = countOf(limit.per, raw);
    const extra = current.per_persoon * count;
    const total = current.bedrag + extra;
    // Rounding is monotone: a result beyond MAX_EXACT here is beyond it exactly too, as Python checks it.
    if (Math.abs(extra) > MAX_EXACT || Math.abs(total) > MAX_EXACT) {
      throw new AnswerError(limit.per + ": te groot voor de grens (bedrag per persoon × aantal)", "te_groot");
    }
    return [total, []];
  }

  function typed(question, kind, value) {
    if (kind === "ja_nee") {
      if (typeof value !== "boolean") throw new AnswerError(question + ": verwacht ja of nee", "keuze");
      return value;
    }
    if (kind === "getal") return hundredths(question, value);
    if (typeof value !== "string" || (kind === "datum" && !DATE.test(value))) {
      if (kind === "datum") throw new AnswerError(question + ": verwacht een datum JJJJ-MM-DD", "datum");
      throw new AnswerError(question + ": verwacht een keuze", "keuze");
    }
    return value;
  }

  // A number in exact whole hundredths; the same steps as _answer_hundredths in evaluate.py. Beyond ±MAX_ANSWER
  // (Infinity too): too large. Otherwise accepted when it is the double nearest to k/100 with
  // k = floor(x × 100 + 0.5): k / 100 === x, both correctly rounded, so both languages decide alike on every double.
  function hundredths(question, value) {
    if (typeof value !== "number" || Number.isNaN(value)) throw new AnswerError(question + ": verwacht een getal", "getal");
    if (Math.abs(value) > MAX_ANSWER) throw new AnswerError(question + ": " + TOO_LARGE, "te_groot");
    const whole = Math.floor(value * 100 + 0.5);
    if (whole / 100 !== value) throw new AnswerError(question + ": hoogstens 2 cijfers na de komma", "decimalen");
    return whole === 0 ? 0 : whole; // no -0: JSON and Python know only 0
  }

  function countOf(question, value) {
    const scaled = hundredths(question, value);
    if (scaled < 0 || scaled % 100 !== 0) {
      throw new AnswerError(question + ": verwacht een geheel aantal, 0 of meer", "geheel");
    }
    return scaled / 100;
  }

  function compare(op, value, threshold) {
    if (op === "is") return value === threshold;
    if (op === "is_een_van") return threshold.includes(value);
    if (op === "kleiner_dan") return value < threshold;
    if (op === "hoogstens") return value <= threshold;
    if (op === "groter_dan") return value > threshold;
    return value >= threshold;
  }

  return {evaluate, AnswerError, YES, NO, UNKNOWN};
});
