"""axe-core (from npm, injected into the page) finds no WCAG 2.1 A/AA violation on any page kind,
at desktop and at phone width.

axe-core comes from node_modules/ (`npm ci`); the rule set is WCAG 2.0 and 2.1, levels A and AA:
contrast, link styling, landmarks, form labels, alt texts, the language attribute and more.
"""

from __future__ import annotations

import json

import pytest

from browsing import MEETING_SLUG, search_for
from pageload import AXE_TAGS, RUN_AXE, measure_page
from pageload import axe_source as read_axe
from pagekinds import PATTERNS, REQUIRED, page_kinds

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": 1280, "telefoon": 390}


@pytest.fixture(scope="module")
def axe_source() -> str:
    return read_axe()


@pytest.fixture(scope="module")
def kinds(built_site) -> dict[str, str]:
    return page_kinds(built_site)


def test_every_page_kind_is_there(kinds):
    missing = [kind for kind in REQUIRED if kind not in kinds]
    assert not missing, f"page kinds missing from the built site: {missing}"


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}  [{v['helpUrl']}]")
        for node in v["nodes"][:5]:
            lines.append(f"    at {node['target']}\n      {node['html']}")
            lines.append("      " + node["summary"].replace("\n", "\n      "))
        if len(v["nodes"]) > 5:
            lines.append(f"    … and {len(v['nodes']) - 5} more elements")
    return "\n".join(lines)


def check(browser, url: str, width: int, axe_source: str, what: str, prepare=None):
    """Open `url` at `width`, bring it into a state, and run axe on what shows."""
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(url, wait_until="load")
        # Material rewraps tables and mounts components after load; axe must see the final DOM.
        page.wait_for_load_state("networkidle")
        if prepare:
            prepare(page)
        page.add_script_tag(content=axe_source)
        violations = page.evaluate(RUN_AXE, AXE_TAGS)
    finally:
        context.close()
    assert_no_violations(violations, what, width)


def assert_no_violations(violations: list[dict], what: str, width: int) -> None:
    assert not violations, (
        f"axe found {len(violations)} WCAG violation(s) on {what} ({width}px):\n"
        + describe(violations) + "\n\nraw: " + json.dumps([v["id"] for v in violations]))


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("kind", PATTERNS)
def test_no_wcag_violations(browser, shared_dir, built_site, site_url, kinds, kind, width):
    if kind not in kinds:
        if kind in REQUIRED:
            pytest.fail(f"no page of kind {kind!r} in the built site")
        pytest.skip(f"the site has no page of kind {kind!r} (yet)")
    # The same page load as test_reading.py's measurements (tests/pageload.py).
    measured = measure_page(browser, shared_dir, built_site, site_url, kinds[kind], width)
    assert_no_violations(measured["violations"], f"{kinds[kind]} ({kind})", width)


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("path", ["/", "/bijeenkomsten/", f"/bijeenkomsten/{MEETING_SLUG}/"],
                         ids=["home", "agenda", "bijeenkomst"])
def test_no_wcag_violations_with_an_upcoming_meeting(browser, shared_dir, journey_site, journey_url, path, width):
    """The real content has no upcoming meeting: the agenda list, the home page's upcoming
    meetings and the "Zet in je agenda" block are checked on tests/fixtures/journeys/."""
    measured = measure_page(browser, shared_dir, journey_site, journey_url, path, width)
    assert_no_violations(measured["violations"], f"{path} with an upcoming meeting", width)


def open_search(page):
    search_for(page, "zorg")


def open_menu(page):
    page.locator('.md-header button[data-rv-knop="__drawer"]').click()
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")


def filter_directory(page):
    page.locator("#filter-beweging").select_option(index=1)
    page.locator("[data-rv-count]").wait_for(state="visible")


@pytest.mark.parametrize("state, path, width, prepare", [
    ("search results", "/", 1280, open_search),
    ("search results", "/", 390, open_search),
    ("open menu", "/", 390, open_menu),
    ("filtered directory", "/deelnemers/", 1280, filter_directory),
], ids=["search-desktop", "search-phone", "menu-phone", "directory-filtered"])
def test_no_wcag_violations_in_open_states(browser, site_url, axe_source, state, path, width, prepare):
    check(browser, site_url + path, width, axe_source, f"{path} with {state}", prepare)
