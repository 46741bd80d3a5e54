"""Helpers for the browser tests: the meeting of the journey site, and using the site search.

The journey site (the `journey_site` fixture of conftest.py) is the real content plus
tests/fixtures/journeys/: one meeting after the build date (2026-11-23), so that the agenda, a
meeting's "Zet in je agenda" block and the calendar file can be used. The fixture folder holds
only the extra files; they are laid over a fresh copy of content/, so the fixture never drifts
from the real content."""

from __future__ import annotations


from conftest import PROJECT

JOURNEYS = PROJECT / "tests" / "fixtures" / "journeys"
MEETING_TITLE = "Kampvuurgesprek over zinvolle dagen"
MEETING_SLUG = "2026-12-10-kampvuurgesprek-zinvolle-dagen"
MEETING_UID = "2026-12-10-kampvuurgesprek-zinvolle-dagen@radicalevernieuwing.nl"


def search_for(page, words: str):
    """Type into Material's search as a person would; returns the result links' locator.

    Material reads the query on key presses (a programmatic fill is missed) and only once its
    search worker has loaded the index, which it shows by replacing "initialising" with the
    "type to start searching" text; so wait for that first."""
    button = page.locator('.md-header button[data-rv-knop="__search"]')
    if button.is_visible():  # phones: the search field opens from the magnifier button
        button.click()
    else:
        page.locator(".md-search__input").click()
    wait_for_search_index(page)
    page.keyboard.type(words)
    results = page.locator(".md-search-result__item a.md-search-result__link")
    results.first.wait_for(state="visible", timeout=15_000)
    return results


def wait_for_search_index(page):
    page.wait_for_function(
        "() => (document.querySelector('.md-search-result__meta') || {}).innerText"
        " === 'Typ om te beginnen met zoeken'", timeout=15_000)
