# The two commands a person needs: `make serve` and `make test`. Everything else follows.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BUILD_DATE ?= $(shell date +%F)
export BUILD_DATE

.PHONY: serve build check test lint lock bench deelnemer publiceer clean setup browser tools

# Python packages come only from the hashed locks (requirements/runtime.txt and test.txt, written
# by `make lock` from requirements.txt): pip refuses anything unpinned or with another hash.
# Then this project itself, editable, so `import scripts` works everywhere without sys.path edits.
# Publishing installs the runtime alone: LOCKS=requirements/runtime.txt.
LOCKS ?= requirements/runtime.txt requirements/test.txt
$(STAMP): $(LOCKS) pyproject.toml
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes $(addprefix -r ,$(LOCKS))
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --editable .
	touch $(STAMP)

setup: $(STAMP)

# After editing requirements.txt (or merging branches that did): rewrite the hashed locks.
# Needs the package registry; commit requirements/ with the change.
UV_COMPILE := $(BIN)/uv pip compile --quiet --generate-hashes --universal --python-version 3.11.5 \
	--custom-compile-command "make lock"
lock: $(STAMP)
	@test -x $(BIN)/uv || { awk '/^uv==/{p=1} p{print} p&&!/\\$$/{exit}' requirements/test.txt > $(VENV)/uv.txt; \
	  $(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r $(VENV)/uv.txt; }
	{ echo '# Written by `make lock` from requirements.txt (above `# tests`): edit that file.'; \
	  sed '/^# tests$$/,$$d' requirements.txt | grep -v '^#'; } > requirements/runtime.in
	{ echo '# Written by `make lock` from requirements.txt (below `# tests`): edit that file.'; \
	  sed -n '/^# tests$$/,$$p' requirements.txt | grep -v '^#'; } > requirements/test.in
	$(UV_COMPILE) -o requirements/runtime.txt requirements/runtime.in
	$(UV_COMPILE) -c requirements/runtime.txt -o requirements/test.txt requirements/test.in

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(STAMP)
	$(BIN)/mkdocs build --strict --clean

check: $(STAMP)
	$(BIN)/python -m scripts check

# The architecture and the workflows, checked before any test runs (settings in pyproject.toml):
# stages import only downwards and never the engine; types on scripts/; lint; the workflows'
# audit without network. `make test MYPY=true` skips the type check (until every branch's type
# fixes are merged).
MYPY ?= $(BIN)/mypy
lint: $(STAMP)
	$(BIN)/lint-imports --no-logo
	$(BIN)/ruff check --quiet .
	$(BIN)/zizmor --offline --quiet --min-severity medium .github
	$(MYPY)

# Two workers, a test file at a time (loadfile): a file's module-scoped site is then built once.
# (loadgroup and worksteal hand out single tests, so both workers would build the same sites.)
test: lint browser tools
	$(BIN)/python -m pytest -n 2 --dist loadfile

bench: $(STAMP)
	$(BIN)/python -m scripts.tools.bench

# After publishing: record what subscribers' calendars now have, so that the validator asks
# for a raised 'volgnummer' when a meeting's time, place or status changes. Commit the file.
publiceer: $(STAMP)
	$(BIN)/python -m scripts publiceer

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
