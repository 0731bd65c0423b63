# Lagekarte: the two commands of the quickstart, and what they need.
#
# Both create and use a project virtual environment in .venv, so they work with any
# Python >= 3.11, Debian's own /usr/bin/python3 included (which refuses `pip install`
# outside a virtual environment). PYTHON is the interpreter that creates .venv.
PYTHON ?= python3
PORT ?= 8501
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip install --quiet --disable-pip-version-check
# The project's own files: stray files and .venv in the checkout are not linted.
LINT_PATHS := dashboard tests benchmarks geodata
# The tests run in one process per core (pytest-xdist); the tests sharing a module's
# servers or inputs, and those reading one language's print images, stay in one process,
# which makes them once (tests/conftest.py).
PYTEST_PARALLEL := -n auto --dist loadgroup

.PHONY: dashboard test venv install install-test chromium lint clean-venv

## Serve the dashboard on http://127.0.0.1:$(PORT) (installs what it needs first).
dashboard: install
	$(PY) -m dashboard serve --port $(PORT)

## Run the whole test suite: lint, unit, page (AppTest) and browser tests.
test: install-test chromium
	$(PY) -m ruff check $(LINT_PATHS)
	$(PY) -m ruff format --check $(LINT_PATHS)
	$(VENV)/bin/lint-imports
	$(PY) -m pytest $(PYTEST_PARALLEL)

venv: $(PY)

$(PY):
	$(PYTHON) -m venv $(VENV)

# A stamp per set of dependencies: installed again only when pyproject.toml changes.
install: $(VENV)/.installed-app
install-test: $(VENV)/.installed-test

$(VENV)/.installed-app: pyproject.toml | $(PY)
	$(PIP) -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PIP) -e '.[test]'
	touch $@ $(VENV)/.installed-app

# Debian's Chromium: its headless shell drives the browser tests, the full browser the
# benchmarks; Playwright never downloads a browser.
chromium:
	@command -v chromium >/dev/null 2>&1 && command -v chromium-headless-shell >/dev/null 2>&1 || { \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq chromium chromium-headless-shell; }

lint: install-test
	$(PY) -m ruff check $(LINT_PATHS)
	$(PY) -m ruff format --check $(LINT_PATHS)
	$(VENV)/bin/lint-imports

clean-venv:
	rm -rf $(VENV)
