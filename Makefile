# The two commands a person needs: `make serve` and `make test`. Everything else follows.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BUILD_DATE ?= $(shell date +%F)
export BUILD_DATE

.PHONY: serve build check test bench deelnemer clean setup browser tools calendar-clients

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

setup: $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(STAMP)
	$(BIN)/mkdocs build --strict --clean

check: $(STAMP)
	$(BIN)/python -m scripts check

test: $(STAMP) browser tools calendar-clients
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m scripts.tools.bench

deelnemer: $(STAMP)
	@test -n "$(NAAM)" || { echo 'Geef een naam: make deelnemer NAAM="Zorggroep Voorbeeld"'; exit 2; }
	$(BIN)/python -m scripts deelnemer "$(NAAM)"

# Browser tests drive Debian's chromium (Playwright cannot download browsers here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "chromium installeren (Debian-pakket)…"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# The accessibility and HTML checks: axe-core and the Nu Html Checker from the npm registry
# (versions locked in package-lock.json; --ignore-scripts: vnu-jar's install script would
# download a Java of its own), the checker runs on Debian's Java.
tools: node_modules/.package-lock.json
	@command -v java >/dev/null 2>&1 || { \
	  echo "Java installeren (Debian-pakket, voor de HTML-controle)…"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; }

# Real calendar clients for tests/test_calendar_clients.py: libical (Evolution's parser) through
# GObject introspection. Debian's python3-gi is for the system /usr/bin/python3, which the test
# runs in a subprocess. ical.js comes from npm (package.json), vobject from requirements.txt.
calendar-clients:
	@/usr/bin/python3 -c "import gi; gi.require_version('ICalGLib', '3.0')" >/dev/null 2>&1 || { \
	  echo "libical installeren (Debian-pakketten, voor de agenda-tests)…"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gir1.2-ical-3.0 python3-gi >/dev/null; }

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

clean:
	rm -rf site $(addprefix docs/,actueel bijeenkomsten deelnemers themas trefwoord bewegingen handleiding ical feeds data schemas _fragmenten)
