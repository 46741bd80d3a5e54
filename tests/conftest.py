"""Shared test helpers: copy the project to a temporary folder, build it for real with MkDocs,
serve the result on localhost and drive Debian's Chromium through Playwright."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
BUILD_DATE = "2026-11-23"  # fixed, so that tests do not depend on the clock
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
GENERATED = ("actueel", "bijeenkomsten", "deelnemers", "themas", "trefwoord", "bewegingen",
             "handleiding", "ical", "feeds", "data", "schemas", "_fragmenten",
             "praktijkvoorbeelden", "praktijk", "2021-2")


def copy_project(target: Path, content: Path | None = None) -> Path:
    """A clean copy of the project (without generated files) in `target`.

    `content` replaces content/ when given (fixture content for a test)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(PROJECT / "mkdocs.yml", target / "mkdocs.yml")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("scripts", "overrides"):
        shutil.copytree(PROJECT / folder, target / folder, ignore=ignore)
    shutil.copytree(PROJECT / "docs", target / "docs",
                    ignore=lambda d, names: [n for n in names if Path(d) == PROJECT / "docs" and n in GENERATED])
    shutil.copytree(content or PROJECT / "content", target / "content", ignore=ignore)
    return target


def content_with(target: Path, *overlays: Path) -> Path:
    """The real content/ plus the files of each overlay folder (test fixtures hold only what
    they add, so they never drift from the real content). A `_gepubliceerd.json` in an
    overlay is merged into the real one."""
    shutil.copytree(PROJECT / "content", target)
    published = Path("bijeenkomsten") / "_gepubliceerd.json"
    for overlay in overlays:
        state = json.loads((target / published).read_text(encoding="utf-8"))
        shutil.copytree(overlay, target, dirs_exist_ok=True)
        if (overlay / published).is_file():
            state.update(json.loads((overlay / published).read_text(encoding="utf-8")))
            (target / published).write_text(json.dumps(dict(sorted(state.items())), ensure_ascii=False,
                                                       indent=2) + "\n", encoding="utf-8")
    return target


def run_mkdocs(project: Path, *args: str, build_date: str = BUILD_DATE) -> subprocess.CompletedProcess:
    env = dict(os.environ, BUILD_DATE=build_date, NO_MKDOCS_2_WARNING="1")
    env.pop("SOURCE_DATE_EPOCH", None)
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=project, env=env,
                          capture_output=True, text=True, timeout=600)


def build(project: Path, build_date: str = BUILD_DATE, strict: bool = True) -> Path:
    """Build the project with MkDocs; fail the test with MkDocs' output if it fails."""
    args = ["build", "--clean"] + (["--strict"] if strict else [])
    result = run_mkdocs(project, *args, build_date=build_date)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def run_check(content: Path) -> subprocess.CompletedProcess:
    """`python -m scripts check` on a content folder, as `make check` runs it."""
    return subprocess.run([sys.executable, "-m", "scripts", "--content", str(content), "check"],
                          cwd=PROJECT, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real content, built once per test session at the fixed build date."""
    project = copy_project(tmp_path_factory.mktemp("real") / "project")
    return build(project)


@pytest.fixture(scope="session")
def news(tmp_path_factory):
    """The news site (tests/newsfixture.py), built once per test process and shared by the
    news and feed tests: (site folder, content folder, articles by slug)."""
    from newsfixture import content_articles, make_news_content
    root = tmp_path_factory.mktemp("news")
    content = make_news_content(root / "content")
    site = build(copy_project(root / "project", content=content))
    return site, content, content_articles(content)


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return PROJECT / "tests" / "fixtures"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".ics": "text/calendar", ".xml": "application/xml", ".json": "application/json"}

    def log_message(self, *args):
        pass


def serve(directory: Path):
    """Serve a built site on 127.0.0.1 (random port); returns (base_url, server)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


@pytest.fixture(scope="session")
def site_url(built_site):
    """Base URL of the real site, served on localhost."""
    url, server = serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (no browser download)."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium ontbreekt op {CHROMIUM}: installeer het Debian-pakket 'chromium'.")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
    page = context.new_page()
    yield page
    context.close()
