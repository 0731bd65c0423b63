# Lagekarte: the two commands of the quickstart, and what they need.
PYTHON ?= python3
PORT ?= 8501

.PHONY: dashboard test install install-test chromium lint

## Start the dashboard on http://localhost:$(PORT) (installs what it needs first).
dashboard: install
	$(PYTHON) -m streamlit run dashboard/app.py --server.port $(PORT)

## Run the whole test suite: lint, unit, page (AppTest) and browser tests.
test: install-test chromium
	$(PYTHON) -m ruff check .
	$(PYTHON) -m pytest

install:
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -e .

install-test:
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -e '.[test]'

# Debian's Chromium drives the browser tests; Playwright never downloads a browser.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

lint:
	$(PYTHON) -m ruff check .
	$(PYTHON) -m ruff format --check .
