// Evaluates a batch of cases from stdin with the browser evaluator, for the agreement test in
// tests/test_rules_agreement.py: [{regel, antwoorden, peildatum}] -> [{resultaat} | {fout: message, code}].
"use strict";
const {evaluate, AnswerError} = require("../../overrides/assets/javascripts/rechten-evaluate.js");

const chunks = [];
process.stdin.on("data", (chunk) => chunks.push(chunk));
process.stdin.on("end", () => {
  const cases = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const out = cases.map(({regel, antwoorden, peildatum}) => {
    try {
      return {resultaat: evaluate(regel, antwoorden, peildatum)};
    } catch (error) {
      if (error instanceof AnswerError) return {fout: error.message, code: error.code};
      throw error;
    }
  });
  process.stdout.write(JSON.stringify(out));
});
