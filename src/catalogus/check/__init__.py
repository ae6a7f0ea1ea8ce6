"""The checker: every loaded file validated against the model, the vocabularies and each other, each problem a
Dutch finding at its line; the one gate that CI, the build and the editors run.
"""
