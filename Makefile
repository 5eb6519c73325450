# Every target works on a fresh machine with only Python 3.10+: it makes .venv when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

AXE := tests/browser/node_modules/axe-core/axe.min.js

.PHONY: site serve test lint bench clean browser-deps

$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

site: $(BIN)/.installed
	$(BIN)/mkdocs build --strict --site-dir site

serve: $(BIN)/.installed
	$(BIN)/mkdocs serve --livereload

# axe-core for the browser tests, from tests/browser/package-lock.json (skipped without npm;
# the browser tests then skip, or fail when CI=true).
browser-deps:
	@if [ ! -f $(AXE) ] && command -v npm >/dev/null; then \
	  cd tests/browser && npm ci --no-audit --no-fund --loglevel=error; fi

test: $(BIN)/.installed browser-deps
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/mypy

SIZES ?= 200,1000
REPEAT ?= 3
bench: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python benchmarks/run.py --sizes $(SIZES) --repeat $(REPEAT) $(ARGS)

clean:
	rm -rf site .cache $(VENV) tests/browser/node_modules tests/artifacts
