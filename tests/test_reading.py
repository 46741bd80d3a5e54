"""Issue 12 points 1 and 2: reading comfort and no developer chrome, on every page kind, at a
phone's width (390 px) and a desktop's (1280 px), in a real browser.

- every visible text is at least 16 px (computed font size of the element that holds it);
- the page does not shift while it loads (cumulative layout shift measured in the page with a
  PerformanceObserver, as Chrome reports it to Lighthouse) stays below 0.1;
- no "Bron van deze site", no "Bewerk deze pagina", no previous/next footer links; one quiet
  footer line "Zie je een fout? Stel een verbetering voor";
- buttons and links in a row do not touch (tap targets apart)."""

from __future__ import annotations

import pytest

from browsing import MEETING_SLUG
from pagekinds import PATTERNS, REQUIRED, page_kinds

pytestmark = pytest.mark.browser

WIDTHS = {"telefoon": 390, "desktop": 1280}
MIN_PX = 16
MAX_CLS = 0.1

# Before any page script: record every layout shift from the first paint on.
OBSERVE_SHIFTS = """
window.__rvShifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__rvShifts.push({value: entry.value,
      sources: (entry.sources || []).map(s => s.node ? (s.node.className || s.node.nodeName) + '' : '?')});
  }
}).observe({type: 'layout-shift', buffered: true});
"""

SMALL_TEXT = """(minimum) => {
  const small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    const el = node.parentElement;
    if (!el || !el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) continue;
    if (box.right < 0 || box.bottom < 0 || box.left > document.documentElement.scrollWidth) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < minimum) small.push(`${size}px <${el.tagName.toLowerCase()} class="${el.className}">` +
                                   ` ${node.textContent.trim().slice(0, 40)}`);
  }
  return [...new Set(small)];
}"""

TOUCHING = """() => {
  const targets = [...document.querySelectorAll('.md-typeset .md-button, .rv-deur, .rv-pager a')]
    .filter(el => el.checkVisibility()).map(el => [el, el.getBoundingClientRect()]);
  const touching = [];
  for (let i = 0; i < targets.length; i++)
    for (let j = i + 1; j < targets.length; j++) {
      const [a, r] = targets[i], [b, s] = targets[j];
      const apart = Math.max(s.left - r.right, r.left - s.right, s.top - r.bottom, r.top - s.bottom);
      if (apart < 4) touching.push(`${a.textContent.trim()} / ${b.textContent.trim()}`);
    }
  return touching;
}"""


@pytest.fixture(scope="module")
def kinds(built_site) -> dict[str, str]:
    return page_kinds(built_site)


def measure(browser, url: str, width: int) -> dict:
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-NL")
    try:
        context.add_init_script(OBSERVE_SHIFTS)
        page = context.new_page()
        page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)  # late shifts (scripts that show parts after load) count too
        return {
            "small": page.evaluate(SMALL_TEXT, MIN_PX),
            "shifts": page.evaluate("() => window.__rvShifts"),
            "text": page.locator("body").inner_text(),
            "html": page.content(),
            "touching": page.evaluate(TOUCHING),
        }
    finally:
        context.close()


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
def test_reading_comfort_on_every_page_kind(browser, site_url, kinds, kind, width):
    if kind not in kinds:
        if kind in REQUIRED:
            pytest.fail(f"no page of kind {kind!r} in the built site")
        pytest.skip(f"the site has no page of kind {kind!r}")
    check(measure(browser, site_url + kinds[kind], width), f"{kinds[kind]} ({kind}, {width}px)")


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("path", ["/", "/bijeenkomsten/", f"/bijeenkomsten/{MEETING_SLUG}/"],
                         ids=["home", "agenda", "bijeenkomst"])
def test_reading_comfort_with_an_upcoming_meeting(browser, journey_url, path, width):
    check(measure(browser, journey_url + path, width), f"{path} with an upcoming meeting ({width}px)")
