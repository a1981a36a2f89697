# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
WORKSPACE ?= demo

.PHONY: run test lint install dev browser messages bench models clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.dev-installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
dev: $(VENV)/.dev-installed

## The radar on the built-in scenario, with its dashboard (Ctrl-C to stop).
run: $(VENV)/.installed
	@test -f $(WORKSPACE)/ascua.yaml || $(BIN)/ascua init $(WORKSPACE)
	$(BIN)/ascua run --workspace $(WORKSPACE)

## Lint, type-check and the whole test suite.
test: lint browser
	$(BIN)/pytest

## Debian's Chromium for the browser tests (Playwright drives it; no browser is downloaded).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian's chromium for the browser tests"; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null 2>&1 || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null; }; \
	  else \
	    echo "Chromium is missing: install Debian's chromium package (the browser tests are skipped without it)"; \
	  fi; }

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

## Refresh the translation catalogues from the code and templates.
messages: $(VENV)/.dev-installed
	$(BIN)/pybabel extract -F babel.cfg -k _ -k gettext -k N_ -o /tmp/ascua.pot --no-location --omit-header --sort-output .
	$(BIN)/pybabel update -i /tmp/ascua.pot -d src/ascua/locales -D ascua --no-fuzzy-matching --omit-header

## Retrain every shipped model from ../shared/data (or ASCUA_DATA) and write docs/models-evaluation.md.
## A first run embeds ~130,000 texts and words and takes about 2.5 hours on one core; later runs reuse .cache/models (about an hour).
models: $(VENV)/.dev-installed
	$(BIN)/python -m ascua.nlp.train --skip-deep-test "tweeteval sentiment test"

## Speed and memory measurements (not part of the test suite).
bench: $(VENV)/.dev-installed
	$(BIN)/python benchmarks/import_speed.py
	$(BIN)/python benchmarks/query_speed.py
	$(BIN)/python benchmarks/analysis_speed.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
