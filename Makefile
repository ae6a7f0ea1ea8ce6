# Two commands for a fresh machine (see README):
#   make serve   install, check and build the site, then serve it on http://127.0.0.1:8000
#   make test    install (Python packages and Chromium) and run every test
VENV   ?= .venv
PYTHON ?= python3
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: serve build check test benchmark schema chromium

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/catalogus serve

build: $(STAMP)
	$(BIN)/catalogus build

check: $(STAMP)
	$(BIN)/catalogus check

schema: $(STAMP)
	$(BIN)/catalogus schema

chromium:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }

test: $(STAMP) chromium
	$(BIN)/python -m pytest

benchmark: $(STAMP)
	$(BIN)/python scripts/benchmark_check.py
	$(BIN)/python scripts/benchmark_site.py
