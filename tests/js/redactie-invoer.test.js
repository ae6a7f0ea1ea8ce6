// The staff form's input rules (src/catalogus/site/editor/redactie-invoer.js): what an editor types, read the Dutch
// way or refused with a code the form turns into a message; never a silently different value. The same functions
// run in Chromium against Python in tests/test_site_editor_rules.py. Run with `node --test tests/js/`.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const {
  parseAmount, formatAmount, parseWhole, parseDate, formatDate, parseWebAddress, cleanPasted,
} = require("../../src/catalogus/site/editor/redactie-invoer.js");

function cases(name, parse, table) {
  for (const [input, expected] of table) {
    test(`${name}(${JSON.stringify(input)})`, () => assert.deepEqual(parse(input), expected));
  }
}

cases("parseAmount", parseAmount, [
  ["12,50", { value: 12.5 }],
  ["1.250", { value: 1250 }],
  ["€ 12,50", { value: 12.5 }],
  ["1.250,75", { value: 1250.75 }],
  ["€12", { value: 12 }],
  ["12,50 €", { value: 12.5 }],
  ["12 euro", { value: 12 }],
  ["EUR 3,5", { value: 3.5 }],
  ["€ 12,-", { value: 12 }],
  ["1 250,75", { value: 1250.75 }],
  ["1\u00a0250,75", { value: 1250.75 }],  // a non-breaking space between thousands, as Word writes it
  ["0,5", { value: 0.5 }],
  [",5", { value: 0.5 }],
  ["0", { value: 0 }],
  ["007", { value: 7 }],
  ["9.999.999,99", { value: 9999999.99 }],
  ["  12,50  ", { value: 12.5 }],
  ["", { value: undefined }],
  ["   ", { value: undefined }],
  // English habits and typing slips: refused, with what to write instead where the form can tell.
  ["12.50", { error: "bedrag_punt", voorstel: "12,50" }],
  ["9.5", { error: "bedrag_punt", voorstel: "9,50" }],
  ["1,250", { error: "bedrag_decimalen" }],
  ["12,505", { error: "bedrag_decimalen" }],
  ["1,250.75", { error: "bedrag_vorm" }],
  ["1.25.0", { error: "bedrag_vorm" }],
  ["12 50", { error: "bedrag_vorm" }],
  ["12,5O", { error: "bedrag_vorm" }],
  ["gratis", { error: "bedrag_vorm" }],
  ["€", { error: "bedrag_vorm" }],
  [",", { error: "bedrag_vorm" }],
  ["12,50 per uur", { error: "bedrag_vorm" }],
  ["-5", { error: "bedrag_negatief" }],
  ["− 2,50", { error: "bedrag_negatief" }],
  ["10.000.000", { error: "bedrag_groot" }],
  ["12345678,00", { error: "bedrag_groot" }],
]);

test("formatAmount writes the Dutch way, with two decimals", () => {
  assert.equal(formatAmount(12.5), "12,50");
  assert.equal(formatAmount(1250), "1.250,00");
  assert.equal(formatAmount(1250.75), "1.250,75");
  assert.equal(formatAmount(9999999.99), "9.999.999,99");
  assert.equal(formatAmount(0), "0,00");
});

test("every amount written by formatAmount reads back as itself", () => {
  for (let cents = 0; cents < 2000000; cents += 997) {
    const value = cents / 100;
    assert.deepEqual(parseAmount(formatAmount(value)), { value }, formatAmount(value));
  }
});

cases("parseWhole", parseWhole, [
  ["12", { value: 12 }],
  [" 6 ", { value: 6 }],
  ["", { value: undefined }],
  ["12,5", { error: "getal_geheel" }],
  ["twaalf", { error: "getal_geheel" }],
  ["-3", { error: "getal_geheel" }],
]);

cases("parseDate", parseDate, [
  ["1/3/2026", { value: "2026-03-01" }],
  ["01/03/2026", { value: "2026-03-01" }],
  ["15/03/2026", { value: "2026-03-15" }],
  ["1-3-2026", { value: "2026-03-01" }],
  ["1.3.2026", { value: "2026-03-01" }],
  ["1 / 3 / 2026", { value: "2026-03-01" }],
  ["2026-03-15", { value: "2026-03-15" }],
  ["2026-3-5", { value: "2026-03-05" }],
  ["29/2/2024", { value: "2024-02-29" }],
  ["1/1/2000", { value: "2000-01-01" }],
  ["31/12/2100", { value: "2100-12-31" }],
  ["", { value: undefined }],
  // The year 0026 is never stored: a short or out-of-range year is refused.
  ["1/3/26", { error: "datum_jaar" }],
  ["1/3/0026", { error: "datum_jaar" }],
  ["0026-03-01", { error: "datum_jaar" }],
  ["31/12/1999", { error: "datum_jaar" }],
  ["1/1/2101", { error: "datum_jaar" }],
  ["1/3/20260", { error: "datum_jaar" }],
  ["31/4/2026", { error: "datum_bestaat_niet" }],
  ["29/2/2025", { error: "datum_bestaat_niet" }],
  ["0/3/2026", { error: "datum_bestaat_niet" }],
  ["1/13/2026", { error: "datum_bestaat_niet" }],
  ["2026-02-30", { error: "datum_bestaat_niet" }],
  ["1/3-2026", { error: "datum_vorm" }],
  ["3/2026", { error: "datum_vorm" }],
  ["1 maart 2026", { error: "datum_vorm" }],
  ["morgen", { error: "datum_vorm" }],
]);

test("formatDate shows an ISO date as dd/mm/jjjj, and reads back", () => {
  assert.equal(formatDate("2026-03-01"), "01/03/2026");
  assert.equal(formatDate("niet-iso"), "niet-iso");
  assert.deepEqual(parseDate(formatDate("2026-10-01")), { value: "2026-10-01" });
});

cases("parseWebAddress", parseWebAddress, [
  ["www.example.be", { value: "https://www.example.be", aangevuld: true }],
  ["example.be/pagina?x=1#a", { value: "https://example.be/pagina?x=1#a", aangevuld: true }],
  ["www.harelbeke.be:8080/a", { value: "https://www.harelbeke.be:8080/a", aangevuld: true }],
  ["//www.example.be", { value: "https://www.example.be", aangevuld: true }],
  ["https://www.example.be/pagina", { value: "https://www.example.be/pagina" }],
  ["HTTPS://WWW.EXAMPLE.BE", { value: "HTTPS://WWW.EXAMPLE.BE" }],
  ["http://www.example.be", { value: "http://www.example.be" }],
  ["mailto:info@harelbeke.be", { value: "mailto:info@harelbeke.be" }],
  ["tel:056 73 33 11", { value: "tel:056 73 33 11" }],
  ["tel:1765", { value: "tel:1765" }],
  ["  www.example.be  ", { value: "https://www.example.be", aangevuld: true }],
  ["", { value: undefined }],
  ["harelbeke", { error: "url_vorm" }],
  ["zie website", { error: "url_spatie" }],
  ["https://www.example.be/a b", { error: "url_spatie" }],
  ["https://localhost/x", { error: "url_vorm" }],
  ["https://", { error: "url_vorm" }],
  ["www..be", { error: "url_vorm" }],
  ["www.example.1", { error: "url_vorm" }],
  ["info@harelbeke.be", { error: "url_mail", voorstel: "mailto:info@harelbeke.be" }],
  ["mailto:harelbeke", { error: "url_mail" }],
  ["tel:bel ons", { error: "url_tel" }],
  ["javascript:alert(1)", { error: "url_schema" }],
  ["ftp://ftp.example.be", { error: "url_schema" }],
  ["file:///C:/brief.docx", { error: "url_schema" }],
]);

// Text as Word puts it on the clipboard: a tab after each bullet, CRLF line ends, non-breaking spaces.
const WORD = "Wat u meebrengt:\r\n•\tUw identiteitskaart\r\n·\tHet aanslagbiljet\r\no\tvan vorig jaar\r\n" +
  "▪\tEen klever van het ziekenfonds\r\n–\tUw bankkaart\r\n\uf0b7\tUw huurcontract\r\n" +
  "Dat is “alles”\u00a0voor de aanvraag.";

test("cleanPasted makes Word's bullets Markdown list items and keeps curly quotes", () => {
  assert.equal(cleanPasted(WORD), [
    "Wat u meebrengt:", "- Uw identiteitskaart", "- Het aanslagbiljet", "- van vorig jaar",
    "- Een klever van het ziekenfonds", "- Uw bankkaart", "- Uw huurcontract", "Dat is “alles” voor de aanvraag.",
  ].join("\n"));
});

test("cleanPasted gives paragraphs from a word processor the empty line Markdown needs", () => {
  assert.equal(cleanPasted("Eerste alinea.\r\nTweede alinea.\r\n•\tpunt een\r\n•\tpunt twee\r\nSlot.", { paragraphs: true }),
    "Eerste alinea.\n\nTweede alinea.\n\n- punt een\n- punt twee\n\nSlot.");
});

test("cleanPasted in a list field: each line an item, without its bullet", () => {
  assert.equal(cleanPasted("•\tU woont in de gemeente.\r\n\r\n•\tU bent 65 jaar of ouder.\r\n", { list: true }),
    "U woont in de gemeente.\nU bent 65 jaar of ouder.");
  assert.equal(cleanPasted("1.\tBel het onthaal.\r\n2.\tKom langs.", { list: true }), "Bel het onthaal.\nKom langs.");
});

test("cleanPasted keeps numbered items numbered, and leaves ordinary text alone", () => {
  assert.equal(cleanPasted("1.\tBel het onthaal.\r\n2)\tKom langs."), "1. Bel het onthaal.\n2. Kom langs.");
  for (const text of ["- al Markdown\n- tweede", "-5 graden buiten", "*nadruk* in een zin", "o ja, dat klopt",
    "§ 2 van het decreet", "2026 was een goed jaar", "Zo'n “mooie” dag – echt", "👨‍👩‍👧 gezin"]) {
    assert.equal(cleanPasted(text), text);
  }
});

test("cleanPasted removes invisible characters and makes every space a plain space", () => {
  assert.equal(cleanPasted("zero\u200bwidth\u00adsoft\ufeff"), "zerowidthsoft");
  assert.equal(cleanPasted("a\u00a0b\u202fc\u2007d\u3000e"), "a b c d e");
  assert.equal(cleanPasted("kolom\tkolom"), "kolom kolom");
  assert.equal(cleanPasted("    ingesprongen"), "ingesprongen");  // four spaces would make a code block
});
