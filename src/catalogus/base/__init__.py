"""Building blocks that know nothing of the catalogue: findings, safe Markdown, plain text, field types,
spelling (slug, sort order), UI strings, exit codes, batches without the cycle collector. Imports nothing of ours.
"""
