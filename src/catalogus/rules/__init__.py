"""Eligibility rules: machine-readable conditions in a fiche, evaluated the same way in Python and in the browser.

`questions` loads the shared questions, `model` validates a fiche's `rechten` block, `compiled` turns it into the
JSON both evaluators read, `evaluate` is the Python evaluator (evaluate.js in the site is the other), `describe`
writes the conditions in plain Dutch, `outreach` is the batch behind `catalogus proactief`. Semantics: README.md.
"""
