# The two commands: `make run` and `make test`. Everything else is a step of those.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint bench browser-deps clean migrate demo kern screenshots wheels

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed browser-deps
	$(PY) manage.py compilemessages --ignore=.venv -v0

# Debian's Chromium for the browser tests (Playwright never downloads a browser here), and
# DejaVu Sans for the training certificates (names in every script).
browser-deps:
	@if [ ! -x /usr/bin/chromium ] || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null) \
	      || echo "Chromium could not be installed: browser tests will be skipped."; \
	  else echo "No /usr/bin/chromium and no root: browser tests will be skipped."; fi; \
	fi

migrate: $(VENV)/.installed
	$(PY) manage.py migrate --noinput -v0

demo: migrate
	$(PY) manage.py load_demo_content

run: install demo
	$(PY) manage.py ensure_admin
	$(PY) manage.py runserver $(HOST):$(PORT)

# TEST_WORKERS=0 runs the suite in one process.
TEST_WORKERS ?= auto
test: install
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .

bench: install
	@for b in bench/bench_*.py; do echo "== $$b"; DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) $$b || exit 1; done

# The KERN UX design system is committed under static/kern/ (no Node at run time);
# this refreshes it from the npm registry at the pinned version.
KERN_VERSION ?= 2.7.2
kern:
	$(PYTHON) scripts/update_kern.py $(KERN_VERSION)

# Full-page PNGs of every page type (de, ar; 390 and 1,280 px) in screenshots/.
screenshots: install
	$(PY) scripts/screenshots.py

# One wheel per plugin (iq-events, iq-trainings, iq-jobfairs, iq-directory) with templates,
# static files and compiled catalogues, in dist/.
wheels: $(VENV)/.installed
	$(PY) scripts/build_wheels.py --dist dist

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 media dist build
