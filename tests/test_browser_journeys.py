"""What visitors do, in a real Chromium: find a meeting and put it in their calendar, filter the
directory, search in Dutch, read on a phone, and do all of it with the keyboard only.

The meeting journey needs a meeting after the build date (2026-11-23); the real content has
none, so it runs on the real content plus tests/fixtures/journeys/ (one future meeting).
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest

from browsing import (MEETING_SLUG, MEETING_TITLE, MEETING_UID, search_for,
                      wait_for_search_index)

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport=DESKTOP, locale="nl-NL", timezone_id="Europe/Amsterdam")
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser):
    # No is_mobile: mobile emulation zooms out to fit a too-wide page, and then innerWidth grows
    # with the page, so the sideways-scrolling check would never fail.
    context = browser.new_context(viewport=PHONE, locale="nl-NL", timezone_id="Europe/Amsterdam")
    yield context.new_page()
    context.close()


# ---------------------------------------------------------------- home → agenda → meeting → calendar

def test_from_home_to_a_meeting_in_my_calendar(desktop, journey_url):
    page = desktop
    page.goto(journey_url + "/")
    page.locator(".md-tabs").get_by_role("link", name="Agenda").click()
    page.wait_for_url("**/bijeenkomsten/")
    page.locator(".md-content").get_by_role("link", name=MEETING_TITLE, exact=True).first.click()
    page.wait_for_url(f"**/bijeenkomsten/{MEETING_SLUG}/")
    assert MEETING_TITLE in page.locator("h1").inner_text()

    # The "Zet in je agenda" block (agenda feature, issue 3).
    block = page.locator("#zet-in-je-agenda")
    assert block.is_visible(), "the meeting page has no 'Zet in je agenda' section"
    google = page.get_by_role("link", name="Google Agenda").get_attribute("href")
    query = parse_qs(urlsplit(google).query)
    assert google.startswith("https://calendar.google.com/")
    assert query["text"] == [MEETING_TITLE] and query["ctz"] == ["Europe/Amsterdam"]
    assert query["dates"] == ["20261210T123000Z/20261210T150000Z"]  # 13:30–16:00 in Amsterdam
    outlook = page.get_by_role("link", name="Outlook.com").get_attribute("href")
    assert outlook.startswith("https://outlook.live.com/")

    # The calendar file: downloaded as a visitor's browser would, and read by a real parser.
    ics_link = page.get_by_role("link", name="agendabestand (.ics)")
    ics_url = page.evaluate("(a) => a.href", ics_link.element_handle())
    assert ics_url.startswith(journey_url + "/")
    response = page.request.get(ics_url)
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.body())
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == MEETING_UID
    assert str(event["SUMMARY"]) == MEETING_TITLE

    subscribe = page.get_by_role("link", name="Abonneer je op deze bijeenkomst").get_attribute("href")
    assert subscribe.startswith("webcal://") and subscribe.endswith(f"/{MEETING_SLUG}.ics")


# ---------------------------------------------------------------- the directory filters

READY = "() => document.querySelector('[data-rv-filter]').dataset.rvState === 'klaar'"


def visibility(page) -> list[dict]:
    """Every organisation in the directory with its data-* values and whether it shows (on the
    page's own list or among the filter's results, which the script fills from gids.json)."""
    page.wait_for_function(READY)  # the directory's data is read on the first choice
    found = page.evaluate("""() => [...document.querySelectorAll('[data-rv-org]')].map(li => ({
        slug: li.dataset.rvOrg, beweging: (li.dataset.beweging || '').split(' '),
        provincie: (li.dataset.provincie || '').split(' '), sector: (li.dataset.sector || '').split(' '),
        rol: (li.dataset.rol || '').split(' '), shown: li.getClientRects().length > 0}))""")
    by_slug: dict[str, dict] = {}
    for item in found:
        known = by_slug.setdefault(item["slug"], item)
        known["shown"] = known["shown"] or item["shown"]
    return list(by_slug.values())


def assert_filtered(page, chosen: dict[str, str]):
    items = visibility(page)
    wrong = [i["slug"] for i in items
             if i["shown"] != all(value in i[name] for name, value in chosen.items() if value)]
    assert not wrong, f"filter {chosen}: these organisations show (or hide) wrongly: {wrong}"
    shown = sum(i["shown"] for i in items)
    if any(chosen.values()):
        count = page.locator("[data-rv-count]")
        assert count.is_visible() and str(shown) in count.inner_text()
    return shown, len(items)


def test_directory_filter_by_click(desktop, site_url):
    page = desktop
    page.goto(site_url + "/deelnemers/")
    form = page.locator("[data-rv-filter]")
    assert form.is_visible(), "the filter form stays hidden (is filters.js loaded?)"
    total = len(visibility(page))
    page.locator("#filter-beweging").select_option("langdurige-ggz")
    page.wait_for_url("**/deelnemers/?beweging=langdurige-ggz")
    shown, _ = assert_filtered(page, {"beweging": "langdurige-ggz"})
    assert 0 < shown < total

    page.locator("#filter-rol").select_option("deelnemer")
    page.wait_for_url(lambda url: parse_qs(urlsplit(url).query)
                      == {"beweging": ["langdurige-ggz"], "rol": ["deelnemer"]}, timeout=5_000)
    assert_filtered(page, {"beweging": "langdurige-ggz", "rol": "deelnemer"})

    page.get_by_role("button", name="Alles tonen").click()
    page.wait_for_function("() => !location.search")
    assert all(i["shown"] for i in visibility(page))


def test_directory_filter_by_address(desktop, site_url):
    page = desktop
    page.goto(site_url + "/deelnemers/?beweging=zorgonderwijs&rol=deelnemer")
    assert page.locator("#filter-beweging").input_value() == "zorgonderwijs"
    assert page.locator("#filter-rol").input_value() == "deelnemer"
    shown, total = assert_filtered(page, {"beweging": "zorgonderwijs", "rol": "deelnemer"})
    assert 0 < shown < total

    # An unknown value in the address is ignored, not a blank page.
    page.goto(site_url + "/deelnemers/?provincie=atlantis")
    assert page.locator("#filter-provincie").input_value() == ""
    assert all(i["shown"] for i in visibility(page))


# ---------------------------------------------------------------- search

@pytest.mark.parametrize("word, expected", [
    ("zorgonderwijs", "zorgonderwijs"),
    # A plural: Dutch word forms (assets/javascripts/zoeken.js) find the keyword page.
    ("ervaringsdeskundigen", "ervaringsdeskundig"),
])
def test_search_for_a_dutch_word(desktop, site_url, word, expected):
    page = desktop
    page.goto(site_url + "/")
    results = search_for(page, word)
    # Material searches after every key press: wait for the results of the whole word.
    hit = results.filter(has=page.locator(f"xpath=self::*[contains(@href, '{expected}')]")).first
    try:
        hit.wait_for(state="visible", timeout=15_000)
    except Exception:
        hrefs = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
        pytest.fail(f"searching {word!r} finds no page with {expected!r} in its address: {hrefs}")
    # Results can still be redrawn for the last key press while we click (the locator then picks
    # the fresh hit), so the journey ends on a page whose address holds the expected word.
    hit.click()
    page.wait_for_url(lambda url: expected in url)


# ---------------------------------------------------------------- phones
# No sideways scrolling on any page kind, with any fonts: tests/test_widths.py.


# ---------------------------------------------------------------- keyboard only

FOCUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e), r = e.getBoundingClientRect();
  const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  return {tag: e.tagName.toLowerCase(), id: e.id, cls: e.className, role: e.getAttribute('role'),
          label: e.getAttribute('aria-label'), href: e.getAttribute('href'),
          text: (e.innerText || e.value || '').trim().slice(0, 40),
          focusVisible: e.matches(':focus-visible'),
          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
          shadow: s.boxShadow !== 'none',
          onScreen: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
                    && r.left < innerWidth && r.top < innerHeight,
          uncovered: !!hit && (hit === e || e.contains(hit) || hit.contains(e)),
          opacity: s.opacity};
}"""


def tab(page) -> dict:
    page.keyboard.press("Tab")
    settle(page)
    return page.evaluate(FOCUS)


def settle(page):
    """Wait until Material's focus and slide transitions have finished."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')",
                           timeout=5_000)


def assert_visibly_focused(focus: dict | None, what: str):
    assert focus, f"{what}: focus went nowhere"
    assert focus["focusVisible"] and (focus["outline"] or focus["shadow"]), \
        f"{what}: no visible focus indicator: {focus}"
    assert focus["onScreen"] and focus["uncovered"] and float(focus["opacity"]) > 0.9, \
        f"{what}: the focused element is not visible: {focus}"


def tab_until(page, predicate, what: str, limit: int = 80) -> dict:
    """Tab forward until `predicate(focus)`; every stop on the way must be visibly focused."""
    for _ in range(limit):
        focus = tab(page)
        assert_visibly_focused(focus, f"on the way to {what}")
        if predicate(focus):
            return focus
    pytest.fail(f"{what} was not reached with {limit} presses of Tab")


def test_keyboard_skip_link_menu_and_search(desktop, site_url):
    page = desktop
    page.goto(site_url + "/")
    page.wait_for_load_state("networkidle")

    skip = tab(page)
    assert "md-skip" in skip["cls"], f"the first Tab does not reach the skip link: {skip}"
    assert_visibly_focused(skip, "the skip link")
    page.keyboard.press("Enter")
    # page.url follows the browser's navigation events, which may arrive after the key press
    # returns (seen in CI under load): wait for the fragment rather than read it once.
    page.wait_for_url(lambda url: urlsplit(url).fragment == skip["href"].lstrip("#"), timeout=5_000)
    assert page.locator(skip["href"]).is_visible()

    page.goto(site_url + "/")
    page.wait_for_load_state("networkidle")
    tab_until(page, lambda f: "md-search__input" in f["cls"], "the search field")
    wait_for_search_index(page)
    page.keyboard.type("zorgonderwijs")
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=15_000)
    page.keyboard.press("Escape")

    tabs = page.locator(".md-tabs__link")
    names = [t.inner_text().strip() for t in tabs.all()]
    assert len(names) >= 6, names
    reached = []
    for name in names:
        focus = tab_until(page, lambda f: "md-tabs__link" in f["cls"], f"the menu item {name}")
        reached.append(focus["text"])
    assert reached == names
    target = page.evaluate("document.activeElement.href")  # the last menu item
    page.keyboard.press("Enter")
    page.wait_for_url(target)


def test_keyboard_directory_filters(desktop, site_url):
    page = desktop
    page.goto(site_url + "/deelnemers/")
    page.wait_for_load_state("networkidle")
    for name in ("beweging", "provincie", "sector", "rol"):
        tab_until(page, lambda f, n=name: f["id"] == f"filter-{n}", f"the filter {name}")
    tab_until(page, lambda f: f["tag"] == "button" and "Alles tonen" in f["text"], "the reset button")

    # Choose with the keyboard alone: focus the movement filter again and press the arrow key.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.id") == "filter-beweging"
    page.keyboard.press("ArrowDown")
    value = page.locator("#filter-beweging").input_value()
    assert value, "the arrow key did not choose a movement"
    page.wait_for_url(f"**/deelnemers/?beweging={value}")
    assert_filtered(page, {"beweging": value})


def test_keyboard_menu_and_search_on_a_phone(phone, site_url):
    """Below 1220 px the menu is a drawer behind a button (assets/javascripts/toetsenbord.js)."""
    page = phone
    page.goto(site_url + "/")
    page.wait_for_load_state("networkidle")
    menu = tab_until(page, lambda f: f["label"] == "Menu", "the menu button", limit=5)
    assert menu["tag"] == "button"  # a real button, not a label with a role
    page.keyboard.press("Enter")
    settle(page)  # the drawer slides in
    assert page.evaluate("document.getElementById('__drawer').checked")
    inside = page.evaluate(FOCUS)
    assert_visibly_focused(inside, "the first link in the opened menu")
    assert page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null")
    tab_until(page, lambda f: f["text"] == "Agenda", "the menu item Agenda", limit=30)
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Menu"

    # Closed, the drawer's links are out of the Tab order: the next stops are all on screen.
    search = tab_until(page, lambda f: f["label"] == "Zoeken", "the search button", limit=5)
    assert search["tag"] == "button"
    page.keyboard.press("Enter")
    page.locator(".md-search__input").wait_for(state="visible")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    wait_for_search_index(page)
    page.keyboard.type("zorgonderwijs")
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=15_000)
