# burgerbaan: `make demo` runs the app with demo data, `make test` runs every check.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/burgerbaan
# Settings for commands that need no secrets of their own.
CHECK_ENV := SECRET_KEY=make-check-not-secret DEBUG=0

.PHONY: demo test test-pg lint install system-deps browser-deps messages bench load audit clean

$(VENV)/.installed: pyproject.toml
	@python=$$(bin/find-python) || { echo "Python 3.12 or newer is needed (see .python-version); install it with pyenv or your package manager."; exit 1; }; \
	  test -x $(PY) || $$python -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

install: system-deps $(VENV)/.installed messages

system-deps:
	@bin/system-deps

# Chromium for the browser tests, and axe-core (pinned in package-lock.json) for their accessibility checks.
browser-deps:
	@bin/system-deps browser
	@test -f node_modules/axe-core/axe.min.js || { command -v npm >/dev/null || { echo "npm is needed for the accessibility tests; install it with: sudo apt-get install -y npm"; exit 1; }; \
	  npm ci --no-audit --no-fund --silent; }

messages: $(VENV)/.installed
	@$(CHECK_ENV) $(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0

demo: install
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py seed_demo
	@echo "Burgerbaan runs at http://127.0.0.1:$(PORT)/  (demo password: burgerbaan-demo)"
	@# The background worker (yearly statements as ZIP) stops with the server.
	DEBUG=1 $(PY) manage.py db_worker & worker=$$!; trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
	  DEBUG=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

test: install browser-deps lint
	$(CHECK_ENV) $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest

# The same suite on PostgreSQL (CI runs both).
test-pg: install browser-deps
	DATABASE_URL=$(PG_URL) $(VENV)/bin/pytest

# Figures for the reports, exports, statements and payments on PostgreSQL (see README).
bench: install
	$(PY) bench/bench.py

# 50 users of all roles on gunicorn with the bench's data for five minutes: p95 per page.
load: install
	$(PY) bench/load.py

# Known vulnerabilities in the installed packages (CI runs it): "clean", "NOT AUDITED" when
# no vulnerability data is reachable (CI goes on), or the findings and a failure.
audit: $(VENV)/.installed
	$(PY) bin/audit

clean:
	rm -rf $(VENV) staticfiles
