# Two commands for a new user: `make serve` and `make test`. Everything else is set up by them.
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
HOST ?= 127.0.0.1
CHROMIUM ?= /usr/bin/chromium
FIREFOX ?= /usr/bin/firefox-esr
export FIREFOX

.PHONY: setup build publish serve test test-fast lint lint-js chromium firefox libreoffice poppler bench bench-engine bench-start review audit clean

# Where vulture looks for dead code; tools/vulture_whitelist.py says why each name it
# would report stays.
DEAD_CODE = assessment hooks tools

## setup: the virtual environment with the pinned Python packages, and `npm ci`
setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

node_modules/.installed: package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	touch $@

## build: the static site in site/
build: setup
	$(PY) -m mkdocs build --strict

## publish: the build to deploy: like `build`, but it refuses to run without SITE_URL, the
## address the site is published at (link previews, canonical links, the sitemap and the
## poster's QR code need it). `make build` and `make serve` work without one.
publish: setup
	@case "$$SITE_URL" in \
	  http://*|https://*) ;; \
	  "") echo "make publish needs SITE_URL, the address the site is published at, e.g. SITE_URL=https://example.org/referrers/ make publish" >&2; exit 1;; \
	  *) echo "SITE_URL must start with https:// (or http://): '$$SITE_URL'" >&2; exit 1;; \
	esac
	$(PY) -m mkdocs build --strict

## serve: build, then serve site/ at http://$(HOST):$(PORT)/
serve: build
	$(PY) -m tools.serve --host $(HOST) --port $(PORT) site

# $(call debian_package,CHECK,PACKAGE,PURPOSE,NAME,HINT): unless the shell test CHECK holds,
# install Debian's PACKAGE for PURPOSE (as root, with apt-get), or say that NAME is missing and
# how to install it (HINT: what else may be set, or nothing). .ci/run installs the same
# packages on a bare machine before `make test`.
define debian_package
@if $(1); then \
  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
    echo "Installing Debian's $(2) for $(3)..."; \
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null; \
  else \
    echo "$(4) is missing: run 'sudo apt-get install $(2)'$(5), then 'make test' again." >&2; \
    exit 1; \
  fi; \
fi
endef

## chromium: Debian's Chromium for the browser tests (installed when run as root)
chromium:
	$(call debian_package,[ ! -x $(CHROMIUM) ],chromium,the browser tests,Chromium, (or set CHROMIUM=/path/to/chromium))

## firefox: Debian's Firefox ESR for the Firefox smoke test (tests/test_browser_firefox.py,
## driven by puppeteer-core, which never downloads a browser); installed when run as root
firefox:
	$(call debian_package,[ ! -x $(FIREFOX) ],firefox-esr,the Firefox smoke test,Firefox ESR, (or set FIREFOX=/path/to/firefox))

## libreoffice: Debian's LibreOffice Writer, with which the tests read the Word documents back
## (converted to PDF); installed when run as root
libreoffice:
	$(call debian_package,! command -v soffice >/dev/null,libreoffice-writer-nogui,the Word document tests,LibreOffice,)

## poppler: Debian's poppler-utils (pdftoppm), with which the tests read the poster's PDF back
## as a picture to decode its QR code; installed when run as root
poppler:
	$(call debian_package,! command -v pdftoppm >/dev/null,poppler-utils,the poster tests,pdftoppm,)

# pytest-xdist's workers for `make test` (one per core: `auto`); TEST_WORKERS=0 runs in one
# process. Tests that share a crawl or a module's fixture stay on one worker (tests/conftest.py).
TEST_WORKERS ?= auto

## test: everything above, then the whole suite, real-browser and Word-document tests included
test: setup chromium firefox libreoffice poppler lint-js
	$(PY) -m ruff check .
	$(PY) -m mypy
	$(PY) -m vulture $(DEAD_CODE)
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup

## test-fast: the engine, rules, command line, words and document tests, in well under a minute
## (no browser, no site build, no Pyodide under Node, no LibreOffice: tests/tiers.py)
test-fast: setup
	$(PY) -m pytest -q --fast

## bench: the self-assessment's start-up, result and weight in headless Chromium, cold, warm and
## on an emulated 10 Mbit/s link, beside a bare loadPyodide() page (bench-results/bench.md)
bench: build chromium
	$(PY) -m tools.bench

## bench-engine: median time of one evaluation in CPython and in Pyodide (under Node)
bench-engine: setup
	$(PY) -m tools.bench_engine

## bench-start: where the CPU goes in a plain start after the download (CPython's start, the
## package's unpacking and import, reading and checking the rules and profiles), in Node
bench-start: build
	node tools/plain_start.mjs site 5

## review: pages and sources by the age of their last check, oldest first
review: setup
	$(PY) -m tools.review

## audit: Lighthouse 12.2.3 (npm dev dependency) in Debian's Chromium over the key pages of a
## build made for the address it is served at: accessibility, best-practice and SEO scores
## (audit-results/audit.md)
AUDIT_PORT ?= 8765
audit: setup chromium
	SITE_URL=http://127.0.0.1:$(AUDIT_PORT)/ $(PY) -m mkdocs build --strict -q -d .cache/audit-site
	$(PY) -m tools.audit .cache/audit-site --port $(AUDIT_PORT)

lint: setup lint-js
	$(PY) -m ruff check .
	$(PY) -m mypy
	$(PY) -m vulture $(DEAD_CODE)

## lint-js: ESLint over our JavaScript (eslint.config.mjs; installed by `npm ci`)
lint-js: node_modules/.installed
	npx --no-install eslint --max-warnings=0 .

clean:
	rm -rf site .pytest_cache .cache/audit-site audit-results
