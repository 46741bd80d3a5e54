# The two commands a person needs: `make serve` and `make test`. Everything else follows.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
BUILD_DATE ?= $(shell date +%F)
export BUILD_DATE
# Only what a person needs: no English end-of-life banner of Material (it honours this variable);
# MkDocs runs quietly (-q: warnings and errors still show) and the lines below say what happens.
export NO_MKDOCS_2_WARNING := 1
# The engine that turns docs/ into site/: mkdocs (MkDocs + Material, the default) or zensical.
# MkDocs gets the generated pages from the hook (overrides/hooks/generate.py), in memory; Zensical runs
# no hooks, so the generator writes them under docs/ first (python -m scripts generate).
ENGINE ?= mkdocs

.PHONY: serve build check test test-diep lint lock bench deelnemer bijeenkomst bericht clean setup browser tools calendar-clients fonts

# Python packages come only from the hashed locks (requirements/runtime.txt and test.txt, written
# by `make lock` from requirements.txt): the installer refuses anything unpinned or with another
# hash. Two steps, so a person who only wants to see the site waits for the runtime alone:
# $(STAMP): the runtime lock and this project itself, editable (`import scripts` works everywhere
#   without sys.path edits): enough for serve, build, check and the scaffolds (and publishing);
# $(TEST_STAMP): the test lock added to the same virtualenv: for test, lint, bench and lock.
# The installer is uv (pinned and hashed in the test lock; pip installs it first): it fetches
# and unpacks in parallel, 10–20 s for the runtime here where pip took 70–120 s, one file at a
# time. --quiet: only errors. UV_LINK_MODE=copy: its cache may be on another file system, where
# it would warn and copy anyway. pip -qq for the same reason (this machine kind's pip
# configuration names local package folders that do not exist: a warning per package).
# --compile-bytecode: the packages compiled once, at install, not by every build: where Python
# writes no bytecode itself (PYTHONDONTWRITEBYTECODE, set on machines like CI's), each build and
# test build compiled ~450 modules from source again (0.3–0.6 s a build).
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
UV_INSTALL := UV_LINK_MODE=copy $(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python
$(STAMP): requirements/runtime.txt pyproject.toml
	@echo "Eenmalig: de Python-pakketten voor de site installeren in $(VENV)/…"
	@rm -rf $(VENV)
	@$(PYTHON) -m venv $(VENV)
	@awk '/^uv==/{p=1} p{print} p&&!/\\$$/{exit}' requirements/test.txt > $(VENV)/uv.txt
	@$(BIN)/pip install -qq --disable-pip-version-check --no-compile --require-hashes --no-deps -r $(VENV)/uv.txt
	@$(UV_INSTALL) --require-hashes -r requirements/runtime.txt
	@$(UV_INSTALL) --no-deps --no-build-isolation --editable .
	@touch $(STAMP)

$(TEST_STAMP): $(STAMP) requirements/test.txt
	@echo "Eenmalig: de pakketten voor de tests en controles installeren in $(VENV)/…"
	@$(UV_INSTALL) --require-hashes -r requirements/runtime.txt -r requirements/test.txt
	@touch $(TEST_STAMP)

setup: $(TEST_STAMP)

# After editing requirements.txt (or merging branches that did): rewrite the hashed locks.
# Needs the package registry; commit requirements/ with the change.
UV_COMPILE := $(BIN)/uv pip compile --quiet --generate-hashes --universal --python-version 3.11.5 \
	--custom-compile-command "make lock"
lock: $(TEST_STAMP)
	{ echo '# Written by `make lock` from requirements.txt (above `# tests`): edit that file.'; \
	  sed '/^# tests$$/,$$d' requirements.txt | grep -v '^#'; } > requirements/runtime.in
	{ echo '# Written by `make lock` from requirements.txt (below `# tests`): edit that file.'; \
	  sed -n '/^# tests$$/,$$p' requirements.txt | grep -v '^#'; } > requirements/test.in
	$(UV_COMPILE) -o requirements/runtime.txt requirements/runtime.in
	$(UV_COMPILE) -c requirements/runtime.txt -o requirements/test.txt requirements/test.in

ifeq ($(ENGINE),zensical)
serve: $(STAMP)
	$(BIN)/python -m scripts generate
	$(BIN)/zensical serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	@echo "De site wordt gebouwd met Zensical (bouwdatum $(BUILD_DATE))…"
	@$(BIN)/python -m scripts generate
	@rm -rf site
	@$(BIN)/zensical build --clean --strict && echo "Klaar: de site staat in de map site/."
else ifeq ($(ENGINE),mkdocs)
serve: $(STAMP)
	@echo "De site wordt gebouwd (bouwdatum $(BUILD_DATE)). Open daarna http://127.0.0.1:8000/ in je browser."
	@echo "Wijzig je iets in content/, dan ververst de pagina vanzelf. Stoppen: Ctrl+C."
	@$(BIN)/mkdocs serve -q --dev-addr 127.0.0.1:8000 --livereload --dirty

build: $(STAMP)
	@echo "De site wordt gebouwd (bouwdatum $(BUILD_DATE))…"
	@$(BIN)/mkdocs build -q --strict --clean && echo "Klaar: de site staat in de map site/."
else
serve build:
	@echo 'ENGINE moet mkdocs of zensical zijn, niet "$(ENGINE)".'; exit 2
endif

check: $(STAMP)
	@$(BIN)/python -m scripts check

# The architecture and the workflows, checked before any test runs (settings in pyproject.toml):
# stages import only downwards and never the engine; types on scripts/; lint; the workflows'
# audit without network. `make test MYPY=true` skips the type check (until every branch's type
# fixes are merged).
MYPY ?= $(BIN)/mypy
lint: $(TEST_STAMP)
	$(BIN)/lint-imports --no-logo
	$(BIN)/ruff check --quiet .
	$(BIN)/zizmor --offline --quiet --min-severity medium .github
	$(MYPY)

# Two workers, a test file at a time (loadfile): a file's module-scoped site is then built once.
# (loadgroup and worksteal hand out single tests, so both workers would build the same sites.)
test: lint browser tools calendar-clients fonts
	$(BIN)/python -m pytest -n 2 --dist loadfile

# The property tests (hypothesis) with every example they ask for: `make test` tries a tenth of
# them (tests/depth.py) to stay quick; CI (.ci/run) runs this too.
PROPERTY_TESTS = $(shell grep -rl --include='*.py' '^from hypothesis' tests)
test-diep: $(TEST_STAMP)
	RV_DIEP=1 $(BIN)/python -m pytest -n 2 --dist loadfile $(PROPERTY_TESTS)

bench: $(TEST_STAMP) node_modules/.lighthouse
	$(BIN)/python -m scripts.tools.bench

deelnemer: $(STAMP)
	@test -n "$(NAAM)" || { echo 'Geef een naam: make deelnemer NAAM="Zorggroep Voorbeeld"'; exit 2; }
	@$(BIN)/python -m scripts deelnemer "$(NAAM)"

bijeenkomst: $(STAMP)
	@test -n "$(TITEL)" || { echo 'Geef een titel: make bijeenkomst TITEL="Kampvuurgesprek over zinvolle dagen"'; exit 2; }
	@$(BIN)/python -m scripts bijeenkomst "$(TITEL)"

bericht: $(STAMP)
	@test -n "$(TITEL)" || { echo 'Geef een titel: make bericht TITEL="Nieuws uit de beweging"'; exit 2; }
	@$(BIN)/python -m scripts bericht "$(TITEL)"

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

# Fixed font sets for tests/test_widths.py: Debian's font packages unpacked into .cache/fonts/
# (nothing installed on the machine), so the page-width test measures with the same fonts on
# every machine. Of fonts-noto-core only Noto Sans and Noto Serif are kept.
FONT_PACKAGES := fonts-dejavu-core fonts-liberation2 fonts-noto-core
FONTS := .cache/fonts/.klaar
fonts: $(FONTS)
$(FONTS):
	@echo "Lettertypen voor de test van de paginabreedte ophalen (Debian-pakketten)…"
	@rm -rf .cache/fonts && mkdir -p .cache/fonts/deb .cache/fonts/dejavu .cache/fonts/liberation .cache/fonts/noto
	@cd .cache/fonts/deb && { apt-get download -qq -o APT::Sandbox::User=root $(FONT_PACKAGES) 2>/dev/null || { \
	  apt-get update -qq && apt-get download -qq -o APT::Sandbox::User=root $(FONT_PACKAGES); }; }
	@for deb in .cache/fonts/deb/*.deb; do dpkg-deb -x "$$deb" .cache/fonts/deb/root; done
	@mv .cache/fonts/deb/root/usr/share/fonts/truetype/dejavu/*.ttf .cache/fonts/dejavu/
	@mv .cache/fonts/deb/root/usr/share/fonts/truetype/liberation2/*.ttf .cache/fonts/liberation/
	@mv .cache/fonts/deb/root/usr/share/fonts/truetype/noto/NotoSans-*.ttf \
	  .cache/fonts/deb/root/usr/share/fonts/truetype/noto/NotoSerif-*.ttf .cache/fonts/noto/
	@rm -rf .cache/fonts/deb
	@touch $@

# --omit=optional: Lighthouse (package.json's optional part) is for make bench alone.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --omit=optional --ignore-scripts --no-audit --no-fund --loglevel=error

# make bench adds it (the same lock, all of it). A stamp of our own: npm gives its files old dates.
node_modules/.lighthouse: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

clean:
	rm -rf site .cache $(addprefix docs/,actueel bijeenkomsten deelnemers themas trefwoord bewegingen handleiding ical feeds data schemas _fragmenten praktijkvoorbeelden praktijk 2021-2)
