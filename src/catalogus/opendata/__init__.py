"""Open data written from the checked Catalogue: JSON (with its schema), CSV, CPSV-AP, IPDC/LPDC and an Atom feed.
"""
