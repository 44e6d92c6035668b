# Tandem: `make run` serves the demo, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
FLASK := $(BIN)/flask --app wsgi

.PHONY: run test test-only lint install install-dev browser serve-production clean

run: $(VENV)/.installed
	$(FLASK) db upgrade
	$(FLASK) seed-demo
	$(FLASK) run --host 127.0.0.1 --port $(PORT) --with-threads

# The browser journeys spend most of their time waiting on Chromium, so they run beside the
# rest of the suite (each run its own temporary SQLite database); both must pass.
test: $(VENV)/.installed-dev browser
	$(BIN)/ruff check .
	@log=$$(mktemp); $(BIN)/pytest -q -m browser --durations=15 > "$$log" 2>&1 & browser=$$!; \
	$(BIN)/pytest -q -m "not browser" --durations=25; rest=$$?; \
	wait $$browser; journeys=$$?; \
	echo "== The browser journeys"; cat "$$log"; rm -f "$$log"; \
	test $$rest -eq 0 -a $$journeys -eq 0

# The suite alone, for a venv that is already set up (CI's second run on PostgreSQL).
test-only:
	$(BIN)/pytest -q

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

# Browser tests drive Debian's Chromium; never a downloaded browser.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "Installing Debian's chromium for the browser tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-dejavu-core; \
	fi

serve-production: $(VENV)/.installed
	$(FLASK) db upgrade
	$(BIN)/gunicorn -c deploy/gunicorn.conf.py --bind 127.0.0.1:$(PORT) wsgi:app

clean:
	rm -rf $(VENV) .pytest_cache test-results

# Benchmarks, not part of `make test`: live-update latency on the embedded default (SQLite, one
# process) and on the production configuration (gunicorn gevent, 2 workers, PostgreSQL and Redis
# on 127.0.0.1) with 200 and with 5,000 open screens, then the minutes PDF and the handoff page and
# PDF (demo and a generated district in throwaway SQLite databases). See "Benchmarks" in README.md.
.PHONY: bench bench-pages bench-cluster
bench: $(VENV)/.installed
	$(BIN)/python bench/live_latency.py --mode embedded --viewers 30
	$(BIN)/python bench/live_latency.py --mode production --viewers 200 --hold 20
	$(BIN)/python bench/live_latency.py --mode production --viewers 5000 --room 200 --batch 50 --hold 20 --notes 30 --wait 20
	$(BIN)/python bench/minutes_pdf.py
	$(BIN)/python bench/handoff_pdf.py
	$(BIN)/python bench/cycle_pdf.py
	$(BIN)/python bench/lesson_pdf.py
	$(BIN)/python bench/debrief_pdf.py
	$(BIN)/python bench/lesson_live.py --mode embedded --viewers 30
	$(BIN)/python bench/lesson_live.py --mode production --viewers 30

# Two production servers behind Debian's nginx (deploy/nginx.conf) on loopback ports: sign-in
# and CSRF through the proxy, a note posted through one server reaching a screen on the other.
bench-cluster: $(VENV)/.installed
	@command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nginx; }
	$(BIN)/python bench/cluster.py

# Every main page and fragment of every role at one connection, on the demo and on the generated
# district (flask seed-district), gunicorn gevent + PostgreSQL + Redis; `--embedded` for SQLite.
bench-pages: $(VENV)/.installed
	$(BIN)/python bench/pages.py
