"""Shared test helpers: copy the project to a temporary folder, build it for real with MkDocs,
serve the result on localhost and drive Debian's Chromium through Playwright.

A site is expensive (a whole MkDocs build), so each distinct site is built once per test run and
shared, across xdist workers too: `site_for(*overlays, build_date=…)` returns the site built from
the real content plus those overlay folders, keyed by a hash of everything that goes in. Shared
sites are read-only for the tests that use them."""

from __future__ import annotations

import fcntl
import functools
import hashlib
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping
from contextlib import contextmanager
from pathlib import Path

import pytest

from scripts.assembly.writer import GENERATED_DIRS

PROJECT = Path(__file__).resolve().parent.parent
BUILD_DATE = "2026-11-23"  # fixed, so that tests do not depend on the clock
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
GENERATED = GENERATED_DIRS  # the generator's folders under docs/, named once (scripts/assembly/writer.py)
FIXTURES = PROJECT / "tests" / "fixtures"
JOURNEYS = FIXTURES / "journeys"  # the real content plus one meeting after BUILD_DATE
AGENDA = FIXTURES / "agenda"  # the real content plus meetings of every kind after BUILD_DATE


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


# --- sites built once per test run ------------------------------------------------------------

@pytest.fixture(scope="session")
def shared_dir(tmp_path_factory) -> Path:
    """A folder all xdist workers of this run share (each worker has its own basetemp below it);
    without xdist simply this run's basetemp, so nothing outlives the run."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextmanager
def _exclusive(lock: Path):
    with open(lock, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # the other worker waits here instead of building twice
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def build_once(shared: Path, key: str, make: Callable[[Path], Path]) -> Path:
    """`make(folder)` run once per `key` in this test run, whichever worker asks first; the others
    wait and get the same result. A failed `make` is tried again by the next caller."""
    folder = shared / f"once-{key}"
    done = folder / ".done"
    with _exclusive(shared / f"once-{key}.lock"):
        if not done.is_file():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            result = make(folder)
            done.write_text(str(result.relative_to(folder)), encoding="utf-8")
    return folder / done.read_text(encoding="utf-8")


def _digest(overlays: tuple[Path, ...], files: Mapping[str, str | bytes | None], build_date: str, strict: bool) -> str:
    """A hash of every input of a site: the overlay files (names and bytes), the edited files,
    the build date. The real content and the code do not change during a run."""
    sha = hashlib.sha256(repr((build_date, strict, sorted(files.items()))).encode())
    for overlay in overlays:
        sha.update(str(overlay.resolve()).encode())
        for file in sorted(overlay.rglob("*")):
            if file.is_file():
                sha.update(str(file.relative_to(overlay)).encode() + b"\0" + file.read_bytes() + b"\0")
    return sha.hexdigest()[:16]


@pytest.fixture(scope="session")
def site_for(shared_dir) -> Callable[..., Path]:
    """`site_for(*overlays, build_date=BUILD_DATE, files={}, strict=True)`: the site built from
    the real content plus each overlay folder (as `content_with` lays them) and then `files`
    (content-relative path → new text or bytes, or None to delete), once per distinct input in the whole
    run. Returns the site folder; the content it was built from is `site.parent / "content"`.
    Read-only: a test that changes files builds its own site with `build`."""
    def site_for(*overlays: Path, build_date: str = BUILD_DATE, files: Mapping[str, str | bytes | None] | None = None,
                 strict: bool = True) -> Path:
        edits = dict(files or {})

        def make(folder: Path) -> Path:
            content = content_with(folder / "content", *overlays)
            for relative, text in edits.items():
                target = content / relative
                if text is None:
                    target.unlink()
                elif isinstance(text, bytes):  # a logo, a download
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(text)
                else:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_text(text, encoding="utf-8")
            return build(copy_project(folder / "project", content=content), build_date, strict)

        return build_once(shared_dir, "site-" + _digest(overlays, edits, build_date, strict), make)
    return site_for


@pytest.fixture(scope="session")
def generated_pages(tmp_path_factory) -> dict[str, str]:
    """Every page the hook hands to MkDocs (path under docs/ → Markdown) for the real content
    plus meetings of every kind, as the generator makes them in memory (no engine)."""
    from datetime import date

    from scripts.assembly.generate import render_site
    from scripts.assembly.links import FRAGMENTS
    from scripts.render.context import Settings

    content = content_with(tmp_path_factory.mktemp("generated") / "content", AGENDA)
    settings = Settings(build_date=date.fromisoformat(BUILD_DATE), site_url="https://www.radicalevernieuwing.nl/")
    problems, out = render_site(content, settings)
    assert out is not None, problems.report()
    return {path: data.decode("utf-8") for path, data in out.files.items()
            if path.endswith(".md") and not path.startswith(FRAGMENTS)}


@pytest.fixture(scope="session")
def built_site(site_for) -> Path:
    """The real content, built once per test run at the fixed build date."""
    return site_for()


@pytest.fixture(scope="session")
def journey_site(site_for) -> Path:
    """The real content plus tests/fixtures/journeys/: one meeting after BUILD_DATE (tests/browsing.py)."""
    return site_for(JOURNEYS)


@pytest.fixture(scope="session")
def journey_url(journey_site):
    """The journey site served on localhost, once per worker. (A test module that defines its own
    `journey_url` still uses its own.)"""
    url, server = serve(journey_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def agenda_site(site_for) -> Path:
    """The real content plus tests/fixtures/agenda/ at BUILD_DATE: the agenda and iCal tests' site."""
    return site_for(AGENDA)


@pytest.fixture(scope="session")
def news(shared_dir):
    """The news site (tests/newsfixture.py), built once per test run and shared by the news and
    feed tests: (site folder, content folder, articles by slug)."""
    from newsfixture import content_articles, make_news_content

    def make(root: Path) -> Path:
        content = make_news_content(root / "content")
        return build(copy_project(root / "project", content=content))
    site = build_once(shared_dir, "news", make)
    content = site.parent.parent / "content"
    return site, content, content_articles(content)


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


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
