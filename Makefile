# Two commands for a fresh machine (see README):
#   make serve   install, check and build the site (of GEMEENTE), then serve it on http://127.0.0.1:8000
#   make test    install (Python packages, Chromium, Java) and run the linter, the type checker and every test
VENV   ?= .venv
PYTHON ?= python3
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: serve build check test lint benchmark schema browser-deps

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

# The town to build and serve in a region's repository (a folder under gemeenten/): make serve GEMEENTE=zwevegem
GEMEENTE ?= harelbeke

serve: $(STAMP)
	$(BIN)/catalogus --gemeente $(GEMEENTE) serve

build: $(STAMP)
	$(BIN)/catalogus --gemeente $(GEMEENTE) build

check: $(STAMP)
	$(BIN)/catalogus check

schema: $(STAMP)
	$(BIN)/catalogus schema

# Debian packages the tests need: Chromium (browser tests), a Java runtime (the HTML validator) and Node.js
# (the browser's rule evaluator is tested with node's own test runner).
browser-deps:
	@command -v chromium >/dev/null && command -v java >/dev/null && command -v node >/dev/null || \
	  { apt-get update -qq && apt-get install -y -qq chromium default-jre-headless nodejs; }

# Linter (with import order) and type checker, configured in pyproject.toml: zero findings, or the tests stop here.
lint: $(STAMP)
	$(BIN)/ruff check src tests scripts hooks
	$(BIN)/mypy

test: $(STAMP) browser-deps lint
	node --test tests/js/
	$(BIN)/python -m pytest

benchmark: $(STAMP)
	$(BIN)/python scripts/benchmark_check.py
	$(BIN)/python scripts/benchmark_site.py
	$(BIN)/python scripts/benchmark_exports.py
	$(BIN)/python scripts/benchmark_outreach.py
