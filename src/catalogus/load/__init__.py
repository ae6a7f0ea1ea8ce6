"""Load: content files into Sources with line numbers, never trusting them (bounded YAML, encodings), the
inventory of the content folder, a fiche's local layer, draft markers and placeholders, and what git knows.
"""
