# The two commands a person needs: `make serve` and `make test`. Everything else follows.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BUILD_DATE ?= $(shell date +%F)
export BUILD_DATE

.PHONY: serve build check test bench deelnemer clean setup browser tools

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

test: $(STAMP) browser tools
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

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

clean:
	rm -rf site $(addprefix docs/,actueel bijeenkomsten deelnemers themas trefwoord bewegingen handleiding ical feeds data schemas _fragmenten)
