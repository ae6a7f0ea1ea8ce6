// The query preparation of the search worker on the shared cases of tests/search_prep_vectors.json (pytest runs
// the same cases through tests/query_preparation.py).
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const fs = require("node:fs");

const zoekvraag = require(path.join(__dirname, "../../overrides/assets/javascripts/workers/catalogus-zoekvraag.js"));
const vectors = JSON.parse(fs.readFileSync(path.join(__dirname, "../search_prep_vectors.json"), "utf8"));

function data() {
  const tokens = [...vectors.tokens].sort();
  return {
    tokens,
    known: (token) => tokens.includes(token),
    starts: (prefix) => tokens.some((token) => token.startsWith(prefix)),
    stem: (word) => (word in vectors.stam ? vectors.stam[word] : word),
    stopWord: (word) => vectors.stopwoorden.includes(word),
    filler: new Set(vectors.vulwoorden),
    phrases: vectors.uitdrukkingen,
  };
}

for (const cases of vectors.gevallen) {
  test(cases.waarom, () => {
    const got = zoekvraag.prepare(cases.woorden, data()).map((c) => [c.term, c.boost]);
    assert.deepStrictEqual(got, cases.verwacht);
  });
}

test("the distance counts a swap of neighbours as one edit and stops above the limit", () => {
  assert.strictEqual(zoekvraag.distance("huurpermie", "huurpremie", 2), 1);
  assert.strictEqual(zoekvraag.distance("abc", "xyz", 1), 2);
});
