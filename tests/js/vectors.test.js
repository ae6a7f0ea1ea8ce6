// The shared test vectors (tests/rules_vectors.json) against the browser evaluator; pytest runs the same
// file against the Python evaluator (tests/test_rules_vectors.py). Run with `node --test tests/js/`.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const fs = require("node:fs");
const {evaluate, AnswerError} = require("../../overrides/assets/javascripts/rechten-evaluate.js");

const vectors = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "rules_vectors.json"), "utf8"));

for (const c of vectors.gevallen) {
  test(c.naam, () => {
    const rule = vectors.regels[c.regel];
    if (c.fout) {
      assert.throws(() => evaluate(rule, c.antwoorden, c.peildatum), AnswerError);
      if (c.code !== undefined) {
        assert.throws(() => evaluate(rule, c.antwoorden, c.peildatum), (error) => error.code === c.code);
      }
      return;
    }
    const result = evaluate(rule, c.antwoorden, c.peildatum);
    for (const [key, expected] of Object.entries(c.verwacht)) {
      if (key === "beslissend") {
        for (const [id, paths] of Object.entries(expected)) {
          assert.deepEqual(result.categorieen.find((cat) => cat.id === id).beslissend, paths);
        }
      } else {
        assert.deepEqual(result[key], expected, key);
      }
    }
  });
}
