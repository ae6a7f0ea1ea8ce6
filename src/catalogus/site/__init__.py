"""The citizen site: page data for mkdocs-material, rendered from the checked Catalogue.

The mkdocs hook (hooks/catalogus_hook.py) only forwards mkdocs events to `plugin`; everything that decides
what a page says lives here, so the render layer can be swapped without touching the content logic.
"""
