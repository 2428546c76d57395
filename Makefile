# Two commands for a new user: `make serve` and `make test`. Everything else is set up by them.
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
HOST ?= 127.0.0.1
CHROMIUM ?= /usr/bin/chromium

.PHONY: setup build serve test test-fast lint lint-js chromium libreoffice bench bench-engine review clean

## setup: the virtual environment with the pinned Python packages, and `npm ci`
setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## build: the static site in site/
build: setup
	$(PY) -m mkdocs build --strict

## serve: build, then serve site/ at http://$(HOST):$(PORT)/
serve: build
	$(PY) -m tools.serve --host $(HOST) --port $(PORT) site

## chromium: Debian's Chromium for the browser tests (installed when run as root)
chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's chromium for the browser tests..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "Chromium is missing: run 'sudo apt-get install chromium' (or set CHROMIUM=/path/to/chromium), then 'make test' again." >&2; \
	    exit 1; \
	  fi; \
	fi

## libreoffice: Debian's LibreOffice Writer, with which the tests read the Word documents back
## (converted to PDF); installed when run as root
libreoffice:
	@if ! command -v soffice >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's libreoffice-writer-nogui for the Word document tests..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui >/dev/null; \
	  else \
	    echo "LibreOffice is missing: run 'sudo apt-get install libreoffice-writer-nogui', then 'make test' again." >&2; \
	    exit 1; \
	  fi; \
	fi

# pytest-xdist's workers for `make test` (one per core: `auto`); TEST_WORKERS=0 runs in one
# process. Tests that share a crawl or a module's fixture stay on one worker (tests/conftest.py).
TEST_WORKERS ?= auto

## test: everything above, then the whole suite, real-browser and Word-document tests included
test: setup chromium libreoffice lint-js
	$(PY) -m ruff check .
	$(PY) -m mypy
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup

## test-fast: the engine, rules, command line, words and document tests, in well under a minute
## (no Chromium, no site build, no Pyodide under Node, no LibreOffice: tests/tiers.py)
test-fast: setup
	$(PY) -m pytest -q --fast

## bench: the self-assessment's start-up, result and weight in headless Chromium, cold, warm and
## on an emulated 10 Mbit/s link, beside a bare loadPyodide() page (bench-results/bench.md)
bench: build chromium
	$(PY) -m tools.bench

## bench-engine: median time of one evaluation in CPython and in Pyodide (under Node)
bench-engine: setup
	$(PY) -m tools.bench_engine

## review: pages and sources by the age of their last check, oldest first
review: setup
	$(PY) -m tools.review

lint: setup lint-js
	$(PY) -m ruff check .
	$(PY) -m mypy

## lint-js: ESLint over our JavaScript (eslint.config.mjs; installed by `npm ci`)
lint-js: node_modules/.installed
	npx --no-install eslint --max-warnings=0 .

clean:
	rm -rf site .pytest_cache
