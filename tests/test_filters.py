"""Issue 24: find what concerns you. The agenda and the news filtered by movement, theme, place
and time with the filter component the directory uses (_filters.md.j2, filters.js).

The agenda is the real content plus tests/fixtures/agenda/ (meetings after the build date); the
news is tests/newsfixture.py (the real articles plus enough generated ones for several pages).
Every expectation is derived from the content (the model and index the generator uses) or from
the built pages, never a number written here."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, quote, urljoin, urlsplit

import pytest

from conftest import AGENDA, BUILD_DATE, PROJECT, serve
from newsfixture import article_slugs_on, listed_articles, pages_of

from scripts.content.loader import load_content
from scripts.index import build_index

READY = "() => document.querySelector('[data-rv-filter]').dataset.rvState === 'klaar'"
SHOWN_MEETINGS = """() => [...document.querySelectorAll('[data-rv-item]')]
    .filter(e => e.getClientRects().length > 0)
    .map(e => e.querySelector('h3 a').getAttribute('href'))"""
SHOWN_NEWS = """() => [...document.querySelectorAll('article.rv-item--artikel')]
    .filter(e => e.getClientRects().length > 0)
    .map(e => new URL(e.querySelector('h2 a').href).pathname)"""
# Layout shifts that no input of the visitor caused (the CLS rule), from the page's start.
CLS_START = """window.__rvShift = 0;
new PerformanceObserver(list => { for (const e of list.getEntries()) {
  if (!e.hadRecentInput) window.__rvShift += e.value; } })
  .observe({type: 'layout-shift', buffered: true});"""
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"


# --- what the agenda fixture holds, from the generator's own model ----------------------------

@pytest.fixture(scope="module")
def agenda(site_for):
    site = site_for(AGENDA)
    model = load_content(site.parent / "content").site
    return site, model, build_index(model, date.fromisoformat(BUILD_DATE))


@pytest.fixture(scope="module")
def agenda_url(agenda):
    url, server = serve(agenda[0])
    yield url
    server.shutdown()


def meeting_href(slug: str) -> str:
    return f"{slug}/"  # as the agenda page links a meeting


def month_of(occurrence) -> str:
    return occurrence.first_day.strftime("%Y-%m")


def themes_of(model, meeting) -> set[str]:
    found = set()
    for slug in meeting.themes:
        while slug and slug in model.themes and slug not in found:
            found.add(slug)
            slug = model.themes[slug].parent
    return found


class Agenda(HTMLParser):
    """The agenda's items (meeting link, data-* values), its selects' options and the plain
    links that stand for the values without script."""

    def __init__(self):
        super().__init__()
        self.items: list[dict] = []
        self.options: dict[str, list[str]] = defaultdict(list)
        self.links: dict[str, dict[str, str]] = defaultdict(dict)
        self._select = ""
        self._in_item = False
        self._links_field = ""
        self._in_links = False
        self._strong = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article" and "data-rv-item" in a:
            self.items.append(dict(a))
            self._in_item = True
        elif tag == "a" and self._in_item and "href" not in self.items[-1]:
            self.items[-1]["href"] = a["href"]
        elif tag == "select":
            self._select = a["name"]
        elif tag == "option" and self._select and a.get("value"):
            self.options[self._select].append(a["value"])
        elif tag == "nav" and "rv-filter__links-nav" in (a.get("class") or ""):
            self._in_links = True
        elif tag == "strong" and self._in_links:
            self._strong = True
        elif tag == "a" and self._in_links:
            self._href = a["href"]

    def handle_data(self, data):
        if self._strong:
            self._links_field = data.strip(": ").lower()
        elif self._in_links and getattr(self, "_href", None):
            self.links[self._links_field][data] = self._href
            self._href = None

    def handle_endtag(self, tag):
        if tag == "article":
            self._in_item = False
        elif tag == "select":
            self._select = ""
        elif tag == "nav":
            self._in_links = False
        elif tag == "strong":
            self._strong = False


def agenda_page(site: Path, path: str = "bijeenkomsten") -> Agenda:
    parser = Agenda()
    parser.feed((site / path / "index.html").read_text(encoding="utf-8"))
    return parser


# --- the built agenda ---------------------------------------------------------------------------

def test_agenda_items_carry_what_the_filters_need(agenda):
    site, model, index = agenda
    page = agenda_page(site)
    assert [i["href"] for i in page.items] == [meeting_href(o.meeting.slug) for o in index.upcoming]
    for item, occurrence in zip(page.items, index.upcoming, strict=True):
        m = occurrence.meeting
        assert item["data-beweging"] == m.movement
        assert set(item["data-thema"].split()) == themes_of(model, m)
        places = set(item["data-plaats"].split())
        assert ("online" in places) == (m.online is not None)
        assert bool(places - {"online"}) == bool(m.place and m.place.city)
        assert item["data-maand"] == month_of(occurrence)


def test_agenda_offers_only_values_that_meetings_have(agenda):
    """Every value of every filter finds a meeting, and every meeting's values are offered."""
    site, _, _ = agenda
    page = agenda_page(site)
    assert set(page.options) == {"beweging", "thema", "plaats", "maand"}
    for field, values in page.options.items():
        found = {v for item in page.items for v in item[f"data-{field}"].split()}
        assert set(values) == found, field
        assert len(values) == len(set(values)), field
    assert page.options["maand"] == sorted(page.options["maand"])  # months in order of time


def test_without_script_each_value_links_to_a_page_with_the_same_meetings(agenda):
    site, model, index = agenda
    page = agenda_page(site)
    agenda_html = (site / "bijeenkomsten" / "index.html").read_text(encoding="utf-8")
    assert set(page.links) == {"beweging", "thema", "plaats", "maand"}
    for field in ("beweging", "thema", "plaats"):
        assert len(page.links[field]) == len(page.options[field]), field
        for label, href in page.links[field].items():
            value = href.rstrip("/").rsplit("/", 1)[1]
            expected = [i["href"] for i in page.items if value in i[f"data-{field}"].split()]
            target = site / "bijeenkomsten" / href / "index.html"
            listed = re.findall(r'<article class="rv-item rv-item--bijeenkomst"[^>]*>\s*<h3><a href="([^"]+)"',
                                target.read_text(encoding="utf-8"))
            # the value page is one level deeper: ../../<slug>/ is the agenda's <slug>/
            assert [h.removeprefix("../../") for h in listed] == expected, (field, label)
    for label, href in page.links["maand"].items():  # a month: its heading on the same page
        assert href.startswith("#") and f'id="{href[1:]}"' in agenda_html
        assert re.search(rf'<h2[^>]*id="{href[1:]}"[^>]*>{label}<', agenda_html), label


def test_every_agenda_value_page_name_is_kept_from_contributors():
    """A meeting file named like a folder of the agenda's value pages would collide with it."""
    from scripts.content.kinds import KINDS
    meetings = next(k for k in KINDS if k.folder == "bijeenkomsten")
    assert {"beweging", "thema", "plaats"} <= set(meetings.reserved_names)


# --- the agenda in the browser ------------------------------------------------------------------

def expected_meetings(index, **chosen: str) -> list[str]:
    model = index.site
    found = []
    for o in index.upcoming:
        m = o.meeting
        places = ({m.place.city.lower()} if m.place else set()) | ({"online"} if m.online else set())
        if chosen.get("beweging") and m.movement != chosen["beweging"]:
            continue
        if chosen.get("maand") and month_of(o) != chosen["maand"]:
            continue
        if chosen.get("thema") and chosen["thema"] not in themes_of(model, m):
            continue
        if chosen.get("plaats") and chosen["plaats"] not in places:
            continue
        found.append(meeting_href(m.slug))
    return found


def phone(browser, **options):
    return browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL", **options)


@pytest.mark.browser
def test_youth_care_meetings_of_a_month_in_two_actions_on_a_phone(browser, agenda, agenda_url):
    _, _, index = agenda
    youth = [o for o in index.upcoming if o.meeting.movement == "jeugdzorg"]
    assert youth, "the agenda fixture has an upcoming youth-care meeting"
    month = month_of(youth[0])
    expected = expected_meetings(index, beweging="jeugdzorg", maand=month)
    assert 0 < len(expected) < len(index.upcoming)
    context = phone(browser)
    try:
        page = context.new_page()
        page.goto(agenda_url + "/bijeenkomsten/", wait_until="load")
        everything = page.evaluate(SHOWN_MEETINGS)
        assert everything == expected_meetings(index)
        page.select_option("#filter-beweging", "jeugdzorg")  # action 1
        page.select_option("#filter-maand", month)  # action 2
        page.wait_for_url(lambda url: parse_qs(urlsplit(url).query) == {"beweging": ["jeugdzorg"], "maand": [month]},
                          timeout=5_000)
        assert page.evaluate(SHOWN_MEETINGS) == expected
        count = page.locator("[data-rv-count]")
        words = "1 bijeenkomst past" if len(expected) == 1 else f"{len(expected)} bijeenkomsten passen"
        assert count.inner_text() == f"{words} bij je keuze."
        assert count.get_attribute("role") == "status"
        # the month headings without a match are gone with their meetings
        headings = page.locator("h2[data-rv-kop]:visible")
        assert headings.count() == 1 and headings.first.get_attribute("data-rv-kop") == month
        assert page.evaluate("document.documentElement.scrollWidth") <= 390

        # the same address opened fresh shows the same selection
        address = page.url
        fresh = context.new_page()
        fresh.goto(address, wait_until="load")
        fresh.wait_for_function(READY)
        assert fresh.input_value("#filter-beweging") == "jeugdzorg"
        assert fresh.input_value("#filter-maand") == month
        assert fresh.evaluate(SHOWN_MEETINGS) == expected

        # clearing the filters restores the whole list
        fresh.get_by_role("button", name="Alles tonen").click()
        fresh.wait_for_function("() => !location.search")
        assert fresh.evaluate(SHOWN_MEETINGS) == everything
        assert fresh.locator("h2[data-rv-kop]:visible").count() == len({month_of(o) for o in index.upcoming})
        assert fresh.locator("[data-rv-count]").inner_text() == ""
    finally:
        context.close()


@pytest.mark.browser
def test_place_online_and_theme_combine(browser, agenda, agenda_url):
    _, model, index = agenda
    online = expected_meetings(index, plaats="online")
    assert online and len(online) < len(index.upcoming)
    context = phone(browser)
    try:
        page = context.new_page()
        page.goto(agenda_url + "/bijeenkomsten/?plaats=online", wait_until="load")
        page.wait_for_function(READY)
        assert page.evaluate(SHOWN_MEETINGS) == online
        # a theme of an online meeting, combined with 'online'
        theme = sorted(themes_of(model, next(o.meeting for o in index.upcoming if o.meeting.online)))[0]
        page.select_option("#filter-thema", theme)
        page.wait_for_url(lambda url: "thema=" + theme in url and "plaats=online" in url, timeout=5_000)
        assert page.evaluate(SHOWN_MEETINGS) == expected_meetings(index, plaats="online", thema=theme)
        # no match: said, not an empty page without a word
        months = [month_of(o) for o in index.upcoming]
        empty_month = next(m for m in dict.fromkeys(months)
                           if not expected_meetings(index, plaats="online", thema=theme, maand=m))
        page.select_option("#filter-maand", empty_month)
        page.wait_for_function("() => document.querySelector('[data-rv-count]').innerText.startsWith('0 ')")
        assert page.evaluate(SHOWN_MEETINGS) == []
        assert page.locator("[data-rv-empty]").is_visible()
    finally:
        context.close()


@pytest.mark.browser
def test_a_movement_alone_can_be_subscribed_to_a_month_cannot(browser, agenda, agenda_url):
    site, _, index = agenda
    context = phone(browser)
    try:
        page = context.new_page()
        page.goto(agenda_url + "/bijeenkomsten/", wait_until="load")
        subscribe = page.locator("[data-rv-abonneer] a")
        assert not subscribe.is_visible()  # nothing chosen: the agenda's own block below is for all
        page.select_option("#filter-beweging", "jeugdzorg")
        subscribe.wait_for(state="visible")
        href = subscribe.get_attribute("href")
        assert href == "webcal://www.radicalevernieuwing.nl/ical/beweging/jeugdzorg.ics"
        assert (site / "ical" / "beweging" / "jeugdzorg.ics").is_file()
        page.select_option("#filter-maand", month_of(index.upcoming[0]))
        subscribe.wait_for(state="hidden")  # no feed holds one movement's meetings of one month
        page.select_option("#filter-beweging", "")
        page.select_option("#filter-maand", "")
        theme = page.locator("#filter-thema option").nth(1).get_attribute("value")
        page.select_option("#filter-thema", theme)
        subscribe.wait_for(state="visible")
        assert subscribe.get_attribute("href").endswith(f"/ical/thema/{theme}.ics")
        page.select_option("#filter-thema", "")
        page.select_option("#filter-plaats", "online")  # no feed per place
        page.wait_for_url("**plaats=online")
        assert not subscribe.is_visible()
    finally:
        context.close()


def choose_by_keyboard(page, field: str, value: str) -> None:
    """Choose as a keyboard user does: focus the field and move with the arrow key (trusted
    input, which is also what the CLS rule exempts)."""
    select = page.locator(f"#filter-{field}")
    select.focus()
    values = select.evaluate("s => [...s.options].map(o => o.value)")
    for _ in range(values.index(value) - values.index(select.input_value())):
        page.keyboard.press("ArrowDown")
    page.wait_for_function(f"() => new URLSearchParams(location.search).get({json.dumps(field)}) === {json.dumps(value)}")


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_filtering_the_agenda_moves_nothing_and_passes_axe(browser, agenda, agenda_url, width):
    if not AXE.is_file():
        pytest.fail(f"{AXE} ontbreekt: run `npm ci` in {PROJECT}.")
    _, _, index = agenda
    month = month_of(next(o for o in index.upcoming if o.meeting.movement == "jeugdzorg"))
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-NL")
    try:
        page = context.new_page()
        page.add_init_script(CLS_START)
        # a filtered address opened fresh: filtered before the first paint, no jump
        page.goto(agenda_url + f"/bijeenkomsten/?beweging=jeugdzorg&maand={month}", wait_until="load")
        page.wait_for_load_state("networkidle")
        assert page.evaluate(SHOWN_MEETINGS) == expected_meetings(index, beweging="jeugdzorg", maand=month)
        assert page.evaluate("window.__rvShift") < 0.1
        # filters chosen by keyboard, then axe on the form open and applied
        page.goto(agenda_url + "/bijeenkomsten/", wait_until="load")
        page.wait_for_load_state("networkidle")
        choose_by_keyboard(page, "beweging", "jeugdzorg")
        choose_by_keyboard(page, "maand", month)
        assert page.evaluate(SHOWN_MEETINGS) == expected_meetings(index, beweging="jeugdzorg", maand=month)
        page.get_by_role("button", name="Alles tonen").click()
        page.wait_for_function("() => !location.search")
        assert page.evaluate("window.__rvShift") < 0.1
        choose_by_keyboard(page, "beweging", "jeugdzorg")
        # nothing halfway a transition (Material fades its tabs as the page scrolls)
        page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        violations = page.evaluate("""async () => (await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations.map(
            v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))""")
        assert violations == []
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        context.close()


@pytest.mark.browser
def test_no_sideways_scrolling_at_320(browser, agenda_url, site_url):
    context = browser.new_context(viewport={"width": 320, "height": 700}, locale="nl-NL")
    try:
        page = context.new_page()
        for url in (agenda_url + "/bijeenkomsten/", site_url + "/actueel/", site_url + "/deelnemers/"):
            page.goto(url, wait_until="load")
            assert page.locator("form[data-rv-filter]").is_visible(), url
            assert page.evaluate("document.documentElement.scrollWidth") <= 320, url
            widths = page.evaluate("() => [...document.querySelectorAll('[data-rv-filter] select')]"
                                   ".map(s => s.getBoundingClientRect().right)")
            assert widths and max(widths) <= 320, url
    finally:
        context.close()


@pytest.mark.browser
def test_the_agenda_without_script_lists_every_meeting(browser, agenda, agenda_url):
    _, _, index = agenda
    context = browser.new_context(java_script_enabled=False, locale="nl-NL",
                                  viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(agenda_url + "/bijeenkomsten/?beweging=jeugdzorg", wait_until="load")
        assert not page.locator("form[data-rv-filter]").is_visible()  # no controls that do nothing
        assert page.evaluate(SHOWN_MEETINGS) == expected_meetings(index)  # every meeting, by month
        links = page.locator("details.rv-filter__links")
        assert links.is_visible()
        links.locator("summary").click()  # a plain <details>: it opens without script
        links.get_by_role("link", name="Radicale vernieuwing jeugdzorg").click()
        page.wait_for_url("**/bijeenkomsten/beweging/jeugdzorg/")
        shown = [h.removeprefix("../../") for h in page.evaluate(SHOWN_MEETINGS)]
        assert shown == expected_meetings(index, beweging="jeugdzorg")
    finally:
        context.close()


# --- the news ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def news_url(news):
    url, server = serve(news[0])
    yield url
    server.shutdown()


def test_news_data_holds_every_article_in_the_order_of_the_pages(news):
    site, _, articles = news
    data = json.loads((site / "actueel" / "berichten.json").read_text(encoding="utf-8"))
    rows = [dict(zip(data["velden"], row, strict=True)) for row in data["berichten"]]
    assert [r["slug"] for r in rows] == listed_articles(site, "/actueel/")
    assert {r["slug"] for r in rows} == set(articles)
    for row in rows:
        front = articles[row["slug"]]
        assert row["titel"] == front["titel"] and row["samenvatting"] == front["samenvatting"]
        assert row["datum"] == str(front["datum"]) and row["jaar"] == str(front["datum"])[:4]
        assert row["themas"].split() == list(front["themas"])
        assert row["bewegingen"].split() == list(front.get("bewegingen") or [])


def test_each_news_page_offers_the_filters_and_values_that_articles_have(news):
    site, _, articles = news
    data = json.loads((site / "actueel" / "berichten.json").read_text(encoding="utf-8"))
    rows = [dict(zip(data["velden"], row, strict=True)) for row in data["berichten"]]
    for page in pages_of(site, "/actueel/"):
        html = (site / page.strip("/") / "index.html").read_text(encoding="utf-8")
        form = re.search(r'<form class="rv-filter"[^>]*data-rv-bron="([^"]+)".*?</form>', html, re.S)
        assert form, page
        assert (site / urlsplit(urljoin(page, form[1])).path.strip("/")).is_file(), page
        for field in ("beweging", "thema", "jaar"):
            select = re.search(rf'<select id="filter-{field}".*?</select>', form[0], re.S)[0]
            offered = re.findall(r'<option value="([^"]+)"', select)
            found = {v for r in rows for v in r[field].split()}
            assert set(offered) == found, (page, field)
    # each item says its date, movements, themes and summary (items with like titles told apart)
    first = (site / "actueel" / "index.html").read_text(encoding="utf-8")
    slug = next(s for s in article_slugs_on(site, "/actueel/") if articles[s].get("bewegingen"))
    item = re.search(rf'<article class="rv-item rv-item--artikel"[^>]*>\s*<h2><a href="{slug}/">.*?</article>',
                     first, re.S)[0]
    for movement in articles[slug]["bewegingen"]:
        assert f'href="../bewegingen/{movement}/"' in item
    assert articles[slug]["samenvatting"].split()[0] in item and "<time datetime=" in item


@pytest.mark.browser
def test_news_filtered_by_a_theme_is_that_theme_page(browser, news, news_url):
    """The theme with the most articles (more than one page of them): the filter shows exactly
    the theme page's articles, over all its pages, in the same order."""
    site, content, _ = news
    themes = [p.stem for p in (content / "themas").glob("*.md")]
    theme = max(themes, key=lambda t: (len(listed_articles(site, f"/themas/{t}/")), t))
    expected = [f"/actueel/{s}/" for s in listed_articles(site, f"/themas/{theme}/")]
    assert len(expected) > 20
    context = phone(browser)
    try:
        page = context.new_page()
        page.goto(news_url + "/actueel/pagina/2/", wait_until="load")
        page.select_option("#filter-thema", theme)
        page.wait_for_function(READY)
        page.wait_for_url(f"**/actueel/pagina/2/?thema={theme}")
        assert page.locator("[data-rv-count]").inner_text() == f"{len(expected)} berichten passen bij je keuze."
        assert not page.locator(".rv-pager").is_visible()  # the pages of the whole list are not the choice
        more = page.locator("[data-rv-more] button")
        while more.is_visible():
            shown = len(page.evaluate(SHOWN_NEWS))
            more.click()
            page.wait_for_function(f"() => ({SHOWN_NEWS})().length > {shown}")
        assert page.evaluate(SHOWN_NEWS) == expected
        # each result shows its date and themes as the pages do
        first = page.locator("[data-rv-results] article").first
        assert first.locator("time").get_attribute("datetime")
        assert first.locator(f'a[href$="/themas/{theme}/"]').count() or theme not in first.inner_html()
        # a year on top: the address keeps both; fresh it shows the same
        year = page.locator("#filter-jaar option").nth(1).get_attribute("value")
        page.select_option("#filter-jaar", year)
        page.wait_for_url(lambda url: parse_qs(urlsplit(url).query) == {"thema": [theme], "jaar": [year]}, timeout=5_000)
        while more.is_visible():
            more.click()
        both = page.evaluate(SHOWN_NEWS)
        assert both and len(both) < len(expected)
        fresh = context.new_page()
        fresh.goto(page.url, wait_until="load")
        fresh.wait_for_function(READY)
        while fresh.locator("[data-rv-more] button").is_visible():
            fresh.locator("[data-rv-more] button").click()
        assert fresh.evaluate(SHOWN_NEWS) == both
        fresh.get_by_role("button", name="Alles tonen").click()
        fresh.wait_for_function("() => !location.search")
        assert fresh.locator(".rv-pager").is_visible()
        assert [p.removeprefix(news_url) for p in fresh.evaluate(SHOWN_NEWS)] == [
            f"/actueel/{s}/" for s in article_slugs_on(site, "/actueel/pagina/2/")]
    finally:
        context.close()


@pytest.mark.browser
def test_the_news_filtered_passes_axe_and_moves_little(browser, news, news_url):
    if not AXE.is_file():
        pytest.fail(f"{AXE} ontbreekt: run `npm ci` in {PROJECT}.")
    context = phone(browser)
    try:
        page = context.new_page()
        page.add_init_script(CLS_START)
        page.goto(news_url + "/actueel/?thema=zeggenschap", wait_until="load")
        page.wait_for_function(READY)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__rvShift") < 0.1
        # nothing halfway a transition (Material fades its tabs as the page scrolls)
        page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        violations = page.evaluate("""async () => (await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations.map(
            v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))""")
        assert violations == []
    finally:
        context.close()


@pytest.mark.browser
def test_the_news_without_script_lists_every_article_on_its_pages(browser, news, news_url):
    site, _, articles = news
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(news_url + "/actueel/?thema=zeggenschap", wait_until="load")
        assert not page.locator("form[data-rv-filter]").is_visible()
        seen = []
        while True:
            seen += [urlsplit(u).path for u in page.evaluate(SHOWN_NEWS)]
            following = page.locator('.rv-pager a[rel="next"]')
            if not following.count():
                break
            following.click()
            page.wait_for_load_state("load")
        assert seen == [f"/actueel/{s}/" for s in listed_articles(site, "/actueel/")]
        assert len(seen) == len(articles)
        # a theme is a link to its own page with the same articles
        page.goto(news_url + "/actueel/", wait_until="load")
        page.locator("details.rv-filter__links summary").click()
        page.locator("nav.rv-filter__links-nav").get_by_role("link", name="Jeugd", exact=True).click()
        page.wait_for_url("**/themas/jeugd/")
    finally:
        context.close()


# --- the directory: the same component ----------------------------------------------------------

def test_directory_offers_only_backed_values_and_says_what_is_unknown(built_site):
    data = json.loads((built_site / "deelnemers" / "gids.json").read_text(encoding="utf-8"))
    rows = [dict(zip(data["velden"], row, strict=True)) for row in data["deelnemers"]]
    html = (built_site / "deelnemers" / "index.html").read_text(encoding="utf-8")
    form = re.search(r'<form class="rv-filter".*?</form>', html, re.S)[0]
    for field in ("beweging", "provincie", "sector", "rol"):
        select = re.search(rf'<select id="filter-{field}".*?</select>', form, re.S)[0]
        offered = re.findall(r'<option value="([^"]+)"', select)
        assert offered and set(offered) == {v for r in rows for v in str(r[field]).split()}, field
    model = load_content(PROJECT / "content").site
    current = [o for o in model.organisations.values() if not o.is_former]
    unknown_place = sum(not o.place for o in current)
    if unknown_place:
        noun = "organisatie" if unknown_place == 1 else "organisaties"
        assert f"Van {unknown_place} {noun} weten we de plaats nog niet" in html


# --- what comes from the address or the data stays data -------------------------------------

@pytest.mark.browser
def test_an_address_cannot_write_style_rules(browser, agenda, agenda_url):
    """partials/filters-head.html makes a CSS rule from the address before the first paint; it
    takes only known names with plain slugs, so a crafted address cannot add rules of its own
    (here: hide the whole page). Seen with the filter script blocked, as before it runs."""
    _, _, index = agenda
    crafted = 'x"]){}body{display:none}[a="'
    context = phone(browser)
    try:
        page = context.new_page()
        page.route("**/filters.js", lambda route: route.abort())
        page.goto(agenda_url + "/bijeenkomsten/?beweging=" + quote(crafted, safe=""), wait_until="load")
        assert page.locator("h1").is_visible()
        assert page.evaluate(SHOWN_MEETINGS) == expected_meetings(index)
        # and with the script: an unknown value is no choice
        page.unroute("**/filters.js")
        page.goto(agenda_url + "/bijeenkomsten/?beweging=" + quote(crafted, safe=""), wait_until="load")
        page.wait_for_function(READY)
        assert page.input_value("#filter-beweging") == ""
        assert page.evaluate(SHOWN_MEETINGS) == expected_meetings(index)
    finally:
        context.close()


ENTITIES = {"actueel/test/entiteiten.md": (
    '---\ntitel: "Zorg &lt;em&gt;thuis&lt;/em&gt; &amp; samen"\ndatum: 2024-05-01\n'
    'samenvatting: "Tekens die in HTML iets betekenen: &lt;b&gt; &amp; &quot;"\n'
    "themas: [medewerkers]\n---\nTekst.\n")}


@pytest.mark.browser
def test_filter_results_show_the_data_as_text(browser, site_for):
    """The script draws news items from berichten.json with textContent: a title that holds
    characters with a meaning in HTML reads exactly as on the news page, in the results too."""
    site = site_for(files=ENTITIES)
    url, server = serve(site)
    context = phone(browser)
    try:
        page = context.new_page()
        page.goto(url + "/actueel/", wait_until="load")
        static = page.locator('article[data-rv-item] h2 a[href$="entiteiten/"]')
        title = static.inner_text()
        summary = page.locator('article[data-rv-item]:has(a[href$="entiteiten/"]) p:not(.rv-meta)').inner_text()
        assert "&lt;em&gt;" in title
        page.select_option("#filter-thema", "medewerkers")
        page.wait_for_function(READY)
        result = page.locator('[data-rv-results] article:has(a[href$="/entiteiten/"])')
        assert result.locator("h2 a").inner_text() == title
        assert result.locator("p:not(.rv-meta)").inner_text() == summary
        assert result.locator("em, b").count() == 0
    finally:
        context.close()
        server.shutdown()
