/* The staff form's input rules: what an editor types, read the way a Flemish office writes it, and never guessed.
 *
 * Small pure functions, no page needed: the form (redactie.js) uses them, `node --test tests/js/` checks them, and
 * tests/test_site_editor_rules.py compares them with Python in Chromium where Python has the same rule (the
 * calendar, the model's amounts, the checker's link rule). Each parse function returns {value} (value undefined:
 * the field is empty) or {error: code, ...details}; the form turns the code into a message of the translation
 * file, next to the field. A value is never changed silently: what the form stores is shown back next to it.
 *
 * Loaded as a plain script it is window.redactieInvoer; in Node it is a CommonJS module. */
(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.redactieInvoer = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // Every kind of space a text editor or a web page may give: non-breaking, narrow, figure, thin, ideographic.
  const SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
  // Invisible characters Word and web pages leave behind: zero-width space, word joiner, BOM, soft hyphen.
  // (Not U+200D, the zero-width joiner, which holds emoji sequences together.)
  const INVISIBLE = /[\u200b\u2060\ufeff\u00ad]/g;

  /* ---------- amounts: 12,50 · 1.250 · € 12,50 · 1.250,75 ---------- */

  const MAX_WHOLE_DIGITS = 7;  // the model's amounts: at most 9 digits, 2 of them after the comma

  // An amount in euro as a Flemish office writes it: a comma before the cents, a dot (or a space) between each
  // group of three digits, with or without € or 'euro'. A dot before one or two digits (12.50) is the English
  // way and is refused with the Dutch way to write it, never read as 1250 or as 12.5 behind the editor's back.
  function parseAmount(text) {
    let t = String(text === undefined || text === null ? "" : text).replace(SPACE, " ").replace(INVISIBLE, "").trim();
    if (t === "") return { value: undefined };
    t = t.replace(/^(?:€|eur(?:o)?\b)\s*/i, "").replace(/\s*(?:€|eur(?:o|'s|os)?)$/i, "").trim();
    t = t.replace(/,\s*[-\u2013\u2014]$/, ",00");  // € 12,- : twelve euro
    if (/^[-\u2212\u2013]\s*[\d.,]/.test(t)) return { error: "bedrag_negatief" };
    t = t.replace(/^\+/, "").replace(/\s+/g, " ");
    if (!/\d/.test(t) || !/^[\d., ]+$/.test(t)) return { error: "bedrag_vorm" };
    if (/^\d+\.\d{1,2}$/.test(t)) return { error: "bedrag_punt", voorstel: formatAmount(Number(t)) };
    const m = /^(\d{1,3}(?:\.\d{3})+|\d{1,3}(?: \d{3})+|\d*)(?:,(\d*))?$/.exec(t);
    if (!m || (m[1] === "" && !m[2])) return { error: "bedrag_vorm" };
    const whole = m[1].replace(/[. ]/g, "").replace(/^0+(?=\d)/, "") || "0";
    const cents = m[2] || "";
    if (cents.length > 2) return { error: "bedrag_decimalen" };
    if (whole.length > MAX_WHOLE_DIGITS) return { error: "bedrag_groot" };
    return { value: Number(whole + "." + (cents || "0")) };
  }

  // 1250.75 -> "1.250,75": how the form shows an amount (in the field and next to it).
  function formatAmount(value) {
    const [whole, cents] = Number(value).toFixed(2).split(".");
    return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".") + "," + cents;
  }

  /* ---------- whole numbers (months between reviews) ---------- */

  function parseWhole(text) {
    const t = String(text === undefined || text === null ? "" : text).replace(SPACE, " ").trim();
    if (t === "") return { value: undefined };
    if (!/^\d{1,9}$/.test(t)) return { error: "getal_geheel" };
    return { value: Number(t) };
  }

  /* ---------- dates: 15/03/2026 · 1/3/2026 · 2026-03-15 ---------- */

  const FIRST_YEAR = 2000;
  const LAST_YEAR = 2100;

  // A date as day/month/year (slashes, dashes or dots, the same between all three; a day and month of one or two
  // digits), or as ISO year-month-day, to ISO. The year has four digits between 2000 and 2100: '1/3/26' or a year
  // 0026 is refused, never stored.
  function parseDate(text) {
    const t = String(text === undefined || text === null ? "" : text).replace(SPACE, " ").replace(INVISIBLE, "").trim();
    if (t === "") return { value: undefined };
    let day, month, year;
    let m = /^(\d+)-(\d{1,2})-(\d{1,2})$/.exec(t);
    if (m && m[1].length >= 3) [year, month, day] = [m[1], m[2], m[3]];
    else if ((m = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d+)$/.exec(t))) [day, month, year] = [m[1], m[3], m[4]];
    else return { error: "datum_vorm" };
    if (year.length !== 4 || Number(year) < FIRST_YEAR || Number(year) > LAST_YEAR) return { error: "datum_jaar" };
    const [y, mo, d] = [Number(year), Number(month), Number(day)];
    const last = mo >= 1 && mo <= 12 ? new Date(Date.UTC(y, mo, 0)).getUTCDate() : 0;  // day 0: the month's last day
    if (d < 1 || d > last) return { error: "datum_bestaat_niet" };
    return { value: year + "-" + String(mo).padStart(2, "0") + "-" + String(d).padStart(2, "0") };
  }

  // "2026-03-01" -> "01/03/2026": how the form shows a date in its field. Anything else is shown as it is.
  function formatDate(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
    return m ? m[3] + "/" + m[2] + "/" + m[1] : String(iso);
  }

  /* ---------- web addresses: www.example.be -> https://www.example.be ---------- */

  const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
  const PHONE = /^(\+?[0-9][0-9 ./-]{5,20}|1[0-9]{2,3})$/;  // as the checker's catalogus.base.markup.PHONE_PATTERN
  // A host name: labels of letters, digits and hyphens, separated by dots, ending in a top-level domain of letters.
  const HOST = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}\.?(?::\d{1,5})?$/u;

  // A link as the checker accepts it (https://, http://, mailto:, tel:), or a bare web address ('www.example.be',
  // 'example.be/pagina'), completed with https:// ({value, aangevuld: true}). Anything else is refused: text, an
  // e-mail address without mailto:, another scheme, a space inside.
  function parseWebAddress(text) {
    const t = String(text === undefined || text === null ? "" : text).replace(INVISIBLE, "").trim();
    if (t === "") return { value: undefined };
    const scheme = SCHEME.exec(t);
    const port = scheme && scheme[1].includes(".") && /^\d+(?:[/?#]|$)/.test(t.slice(scheme[0].length));
    if (scheme && !port) {  // 'example.be:8080' is a host and a port, not a scheme
      const name = scheme[1].toLowerCase();
      if (name === "tel") return PHONE.test(t.slice(4)) ? { value: t } : { error: "url_tel" };
      if (/\s/.test(t)) return { error: "url_spatie" };
      if (name === "https" || name === "http") {
        const host = /^[a-z]+:\/\/(?:[^/?#@]*@)?([^/?#]*)/i.exec(t);
        return host && HOST.test(host[1]) ? { value: t } : { error: "url_vorm" };
      }
      if (name === "mailto") return /^mailto:[^@\s]+@[^@\s]+\.[^@\s]+$/i.test(t) ? { value: t } : { error: "url_mail" };
      return { error: "url_schema" };
    }
    if (/\s/.test(t)) return { error: "url_spatie" };
    const bare = t.replace(/^\/\//, "");
    const host = bare.split(/[/?#]/)[0];
    if (/^[^@/]+@[^@/]+\.[^@/]+$/.test(bare)) return { error: "url_mail", voorstel: "mailto:" + bare };
    if (!HOST.test(host)) return { error: "url_vorm" };
    return { value: "https://" + bare, aangevuld: true };
  }

  /* ---------- pasted text (Word, web pages) ---------- */

  // A list item as Word and web pages paste it: a bullet character (•, ·, ▪, –, Word's Symbol-font bullets…),
  // 'o' or '§' followed by a tab (Word's second and third level), a dash or star followed by a space or a tab, or
  // a number with a dot or bracket followed by a tab. Group 1: a number, if it was a numbered item.
  const BULLET = new RegExp(
    "^[ \\t]*(?:[\\u2022\\u00b7\\u25aa\\u25ab\\u25a0\\u25a1\\u25e6\\u25cf\\u25cb\\u25c6\\u25c7\\u25ba\\u25b8\\u2023" +
    "\\u2043\\u2219\\u27a2\\u27a4\\u2192\\u2713\\u2714\\uf0b7\\uf0a7\\uf076\\uf0d8\\uf0fc\\uf0e0](?:[ \\t]+|(?=\\S))" +
    "|[o\\u00a7]\\t[ \\t]*|[-*\\u2013\\u2014\\u2012][ \\t]+|(\\d{1,3})[.)]\\t[ \\t]*)");

  // Text pasted into a text area, made into what the site shows well: list items become Markdown items ('- ';
  // numbered '1. '), or, in a list field where each line is an item (`list`), lines without their bullets; all
  // kinds of spaces become plain spaces, invisible characters go, tabs become spaces, and lines lose the spaces
  // around them (four leading spaces would make a code block). `paragraphs`: the text came from a word processor
  // or a web page, where each line is a paragraph: paragraphs get the empty line Markdown needs between them.
  // Curly quotes, dashes inside a line and every other character stay as they are.
  function cleanPasted(text, options) {
    const { list = false, paragraphs = false } = options || {};
    const lines = String(text).replace(/\r\n?|[\u2028\u2029\u000b\u000c\u0085]/g, "\n").replace(SPACE, " ")
      .replace(INVISIBLE, "").split("\n");
    const out = [];
    let previous = null;  // null: no line yet or an empty line; else whether the last line was a list item
    for (const raw of lines) {
      const m = BULLET.exec(raw);
      const rest = (m ? raw.slice(m[0].length) : raw).replace(/\t/g, " ").trim();
      if (rest === "") {
        if (!list && previous !== null) out.push("");
        previous = null;
        continue;
      }
      const item = Boolean(m);
      const line = list ? rest : item ? (m[1] ? m[1] + ". " : "- ") + rest : rest;
      if (!list && paragraphs && previous !== null && !(item && previous)) out.push("");
      out.push(line);
      previous = item;
    }
    return out.join("\n").replace(/\n{3,}/g, "\n\n").trim();
  }

  return { parseAmount, formatAmount, parseWhole, parseDate, formatDate, parseWebAddress, cleanPasted };
});
