"""Issue 12 points 1 and 2: reading comfort and no developer chrome, on every page kind, at a
phone's width (390 px) and a desktop's (1280 px), in a real browser.

- every visible text is at least 16 px (computed font size of the element that holds it);
- the page does not shift while it loads (cumulative layout shift measured in the page with a
  PerformanceObserver, as Chrome reports it to Lighthouse) stays below 0.1;
- no "Bron van deze site", no "Bewerk deze pagina", no previous/next footer links; one quiet
  footer line "Zie je een fout? Stel een verbetering voor";
- buttons and links in a row do not touch (tap targets apart).

The page is loaded once for these checks and test_accessibility.py's axe check together
(tests/pageload.py)."""

from __future__ import annotations

import pytest

from browsing import MEETING_SLUG
from pageload import MIN_PX, measure_page
from pagekinds import PATTERNS, REQUIRED, page_kinds

pytestmark = pytest.mark.browser

WIDTHS = {"telefoon": 390, "desktop": 1280}
MAX_CLS = 0.1


@pytest.fixture(scope="module")
def kinds(built_site) -> dict[str, str]:
    return page_kinds(built_site)


def check(result: dict, what: str) -> None:
    assert not result["small"], f"text below {MIN_PX}px on {what}:\n" + "\n".join(result["small"][:15])
    cls = sum(s["value"] for s in result["shifts"])
    assert cls < MAX_CLS, f"layout shift {cls:.3f} on {what}: {result['shifts']}"
    for chrome in ("Bron van deze site", "Bewerk deze pagina", "Made with", "Material for MkDocs"):
        assert chrome not in result["text"], f"'{chrome}' on {what}"
    assert "md-footer__link" not in result["html"], f"previous/next links in the footer of {what}"
    assert "Zie je een fout? Stel een verbetering voor" in result["text"], what
    assert not result["touching"], f"tap targets touch on {what}: {result['touching']}"


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("kind", PATTERNS)
def test_reading_comfort_on_every_page_kind(browser, shared_dir, built_site, site_url, kinds, kind, width):
    if kind not in kinds:
        if kind in REQUIRED:
            pytest.fail(f"no page of kind {kind!r} in the built site")
        pytest.skip(f"the site has no page of kind {kind!r}")
    # The same page load as test_accessibility.py's axe check (tests/pageload.py).
    measured = measure_page(browser, shared_dir, built_site, site_url, kinds[kind], width)
    check(measured, f"{kinds[kind]} ({kind}, {width}px)")


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("path", ["/", "/bijeenkomsten/", f"/bijeenkomsten/{MEETING_SLUG}/"],
                         ids=["home", "agenda", "bijeenkomst"])
def test_reading_comfort_with_an_upcoming_meeting(browser, shared_dir, journey_site, journey_url, path, width):
    measured = measure_page(browser, shared_dir, journey_site, journey_url, path, width)
    check(measured, f"{path} with an upcoming meeting ({width}px)")
