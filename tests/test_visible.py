"""Issue 20: a site that feels alive. Meeting pages that answer where, how to sign up and how to
join; "Abonneren" only where a calendar has meetings; readable search results; the map of the
provinces and the timeline (keyboard, text alternative, drawn from content); a share image per
page (one each, all different, the same bytes on a rebuild); monograms; the accessibility
statement; print.

Built from the real content plus tests/fixtures/agenda (meetings of every kind) and
tests/fixtures/visible (a meeting with a full address, coordinates, mail and phone)."""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import struct
import subprocess
import sys
from collections import Counter
from pathlib import Path

import icalendar
import pytest
from conftest import AGENDA, BUILD_DATE, FIXTURES, PROJECT, copy_project, serve

from scripts.content.loader import load_content
from scripts.render import monogram, share_image

VISIBLE = FIXTURES / "visible"
SITE_URL = "https://www.radicalevernieuwing.nl/"
LATER = "2028-01-01"  # every fixture meeting is past then


@pytest.fixture(scope="module")
def site(site_for) -> Path:
    return site_for(AGENDA, VISIBLE)


@pytest.fixture(scope="module")
def later(site_for) -> Path:
    return site_for(AGENDA, VISIBLE, build_date=LATER)


@pytest.fixture(scope="module")
def url(site):
    address, server = serve(site)
    yield address
    server.shutdown()


def read(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def article(markup: str) -> str:
    return markup[markup.index("<article"):markup.index("</article>")]


def text(markup: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article(markup))))


def hrefs(markup: str, cls: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(rf'<a href="([^"]*)" class="[^"]*\b{cls}\b', article(markup))]


# --- meeting pages ----------------------------------------------------------------------------

def test_full_address_gives_map_and_geo_links_and_sign_up_by_mail(site):
    markup = read(site, "bijeenkomsten/werkplaats-met-adres")
    assert "<strong>Wijkcentrum De Leeuw</strong><br>Oudegracht 100<br>3511 AW Utrecht" in markup
    assert hrefs(markup, "rv-waar__kaart") == [
        "https://www.openstreetmap.org/?mlat=52.0894&mlon=5.1203#map=17/52.0894/5.1203"]
    assert hrefs(markup, "rv-waar__geo") == ["geo:52.0894,5.1203"]
    # A plain mailto: (the site writes no mailto with a query); the subject to use is on the page.
    assert hrefs(markup, "rv-aanmelden__mail") == ["mailto:radicalevernieuwing@loc.nl"]
    assert "zet in het onderwerp: Aanmelden: Werkplaats zeggenschap in de wijk" in text(markup)
    assert 'class="md-button md-button--primary rv-aanmelden__knop rv-aanmelden__mail"' in markup  # the one action
    assert 'href="tel:0301234567"' in markup and "Er zijn dertig plaatsen." in text(markup)
    assert not re.search(r"<(img|iframe|script)[^>]+openstreetmap", markup)  # a link only, nothing loads


@pytest.mark.parametrize("slug, sign_up, join, where", [
    # a venue without address, online after sign-up, sign-up by link
    ("hybride-ontmoeting", "https://www.example.org/aanmelden/ontmoeting", None, "nog niet bij"),
    # online only, a public link: a join button, no place
    ("online-openbaar", None, "https://meet.example.org/kennissessie-wzd", None),
    # online only, link after sign-up by mail
    ("online-na-aanmelding", "mailto:rvjeugdzorg@loc.nl", None, None),
    # a street address without coordinates: a map search
    ("kampvuurgesprek-december", "https://www.example.org/aanmelden/kampvuur", None, "Voorbeeldstraat 1"),
])
def test_every_meeting_kind_shows_place_sign_up_and_join_as_its_data_allows(site, slug, sign_up, join, where):
    markup = read(site, f"bijeenkomsten/{slug}")
    body = text(markup)
    buttons = hrefs(markup, "rv-aanmelden__knop")
    if sign_up:
        assert "Aanmelden" in body and any(b.startswith(sign_up) for b in buttons), buttons
    else:
        assert buttons == []
    if join:
        assert hrefs(markup, "rv-online__knop") == [join] and "Online meedoen" in body
    elif "online" in slug or "hybride" in slug:
        assert "Online meedoen" in body and "na aanmelding" in body  # the data's own words
    if where:
        assert "Waar is het?" in body and where in body
        assert hrefs(markup, "rv-waar__kaart")[0].startswith("https://www.openstreetmap.org/search?query=")
    else:
        assert "Waar is het?" not in body


def test_cancelled_meeting_offers_no_sign_up_and_no_route(site):
    body = text(read(site, "bijeenkomsten/geannuleerd-december"))
    assert "Deze bijeenkomst gaat niet door" in body and "Meld je aan" not in body
    assert "Waar is het?" not in body and "adres en route" not in body  # no way to a place it is not at


def test_the_tense_and_the_offers_follow_the_build_date(site, later):
    before, after = read(site, "bijeenkomsten/kampvuurgesprek-december"), read(later, "bijeenkomsten/kampvuurgesprek-december")
    assert "Waar is het?" in text(before) and 'id="zet-in-je-agenda"' in before and "Meld je aan" in text(before)
    assert "Waar was het?" in text(after) and "Waar is het?" not in text(after)
    assert "Deze bijeenkomst was op" in text(after)
    assert 'id="zet-in-je-agenda"' not in after and ".ics" not in article(after)  # no calendar download
    assert "Meld je aan" not in text(after) and "Online meedoen" not in text(read(later, "bijeenkomsten/online-openbaar"))


def test_a_past_meeting_links_its_report_as_the_next_step(site):
    markup = read(site, "bijeenkomsten/22-05-inspiratiebijeenkomst-bussum")
    assert hrefs(markup, "rv-verslag") == ["../../actueel/inspiratiebijeenkomst-beweging-radicale-vernieuwing-verpleeghuiszorg/"]
    assert 'id="zet-in-je-agenda"' not in markup and ".ics" not in article(markup)


@pytest.mark.browser
@pytest.mark.parametrize("width, geo_shown", [(390, True), (1280, False)])
def test_geo_link_is_for_phones_and_the_buttons_show(browser, url, width, geo_shown):
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 500)
    try:
        page = context.new_page()
        page.goto(url + "/bijeenkomsten/werkplaats-met-adres/")
        sign_up = page.get_by_role("link", name="Meld je aan per e-mail")
        sign_up.wait_for(state="visible")
        box = sign_up.bounding_box()
        assert box and box["height"] >= 40  # a button, not a line of text
        assert page.get_by_role("link", name="Bekijk de plek op de kaart (OpenStreetMap)").is_visible()
        assert page.get_by_role("link", name="Open in je kaarten-app").is_visible() is geo_shown
    finally:
        context.close()


# --- subscribing ------------------------------------------------------------------------------

def feed_pages(site: Path):
    """(page, its calendar feed) for every movement, theme and organisation page."""
    for folder in ("bewegingen", "themas", "deelnemers"):
        for index in sorted((site / folder).glob("*/index.html")):
            markup = index.read_text(encoding="utf-8")
            found = re.search(r'<link rel="alternate" type="text/calendar" [^>]*href="([^"]+)"', markup)
            if found:
                yield index, markup, (index.parent / found.group(1)).resolve()


def test_no_subscribe_block_where_the_calendar_is_empty(site):
    empty = full = 0
    for index, markup, feed in feed_pages(site):
        events = icalendar.Calendar.from_ical(feed.read_bytes()).walk("VEVENT")
        where = index.relative_to(site).as_posix()
        if events:
            full += 1
            assert 'class="rv-abonneren rv-abonneren--kort"' in markup, where
            assert markup.count("webcal://") == 1 and "tot een dag" not in markup, where  # compact
        else:
            empty += 1
            assert "rv-abonneren" not in markup.replace("rv-abonneren-leeg", ""), where
            assert "webcal://" not in markup and "deze agenda is leeg" in markup, where
    assert empty > 10 and full > 5  # both kinds are really there


def test_the_whole_explanation_is_on_the_agenda_and_the_help_page(site):
    for path in ("bijeenkomsten", "abonneren"):
        markup = read(site, path)
        assert "tot een dag" in markup and 'href="webcal://www.radicalevernieuwing.nl/ical/alle.ics"' in markup, path
    assert 'href="../../abonneren/"' in read(site, "themas/zeggenschap")


# --- search -----------------------------------------------------------------------------------

SEARCH_TEXT = """() => { const out = [];
  for (const el of document.querySelectorAll('.md-search-result *, .md-search-result__meta')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length) continue;
    const r = el.getBoundingClientRect(), size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 16 || r.right > innerWidth + 1) out.push([el.tagName, el.className, size, Math.round(r.right)]);
  } return out; }"""


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_search_results_are_readable_on_a_phone_and_a_computer(browser, url, width):
    from browsing import search_for
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 500,
                                  locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(url + "/")
        search_for(page, "zorg")
        meta = page.locator(".md-search-result__meta")
        page.wait_for_function("() => /^\\d+ resultaten$/.test("
                               "document.querySelector('.md-search-result__meta').textContent.trim())")
        assert re.fullmatch(r"\d+ resultaten", meta.inner_text().strip())
        assert page.evaluate(SEARCH_TEXT) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        config = json.loads(page.locator("#__config").text_content() or "{}")["translations"]
        assert (config["search.result.one"], config["search.result.none"]) == ("1 resultaat", "Geen resultaten")
    finally:
        context.close()


# --- the map and the timeline -----------------------------------------------------------------

def content_site(site: Path):
    return load_content(site.parent / "content").site


def test_map_counts_and_timeline_come_from_content(site):
    data = content_site(site)
    home = read(site, "")
    current = [o for o in data.organisations.values() if not o.is_former]
    counts = Counter(o.province for o in current if o.province)
    listed = dict(re.findall(r'<li>(?:<a href="[^"]*">)?([A-Z][\w-]+)(?:</a>)?: (\d+)</li>', home))
    assert len(listed) == 12 and {p: int(n) for p, n in listed.items() if int(n)} == dict(counts)
    for province, number in counts.items():
        assert re.search(rf'aria-label="{province}, [A-Z]{{2}} {number} organisaties?"', home), province
    timeline = home[home.index('<ol class="rv-tijdlijn">'):]
    years = [int(y) for y in re.findall(r'rv-tijdlijn__kop"><strong>(\d{4})</strong>', timeline)]
    first = min(m.started for m in data.movements.values())
    assert years == list(range(first, int(BUILD_DATE[:4]) + 1))
    for movement in data.movements.values():
        entry = timeline[timeline.index(f"<strong>{movement.started}</strong>"):]
        entry = entry[:entry.index("</ul>")]
        assert html.escape(movement.name, quote=False) in entry, movement.slug
    joined = Counter(o.since.year for o in data.organisations.values() if o.since and o.since.year >= first)
    for year, number in joined.items():
        entry = timeline[timeline.index(f"<strong>{year}</strong>"):]
        entry = entry[:entry.index("</ul>")]
        assert f"{number} organisatie" in entry, year


@pytest.mark.browser
def test_map_and_timeline_work_with_the_keyboard_and_have_text(browser, url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(url + "/")
        svg = page.locator("svg.rv-kaart-nl__svg")
        assert svg.get_attribute("aria-labelledby") == "kaart-nl-titel"
        linked = svg.locator("a").count()
        assert linked > 0
        page.get_by_role("link", name="Bekijk wie er meedoet").focus()
        reached, timeline_links = [], 0
        for _ in range(linked + 40):
            page.keyboard.press("Tab")
            where = page.evaluate("""() => { const a = document.activeElement;
                return [a.closest('svg') ? 'kaart' : a.closest('.rv-tijdlijn') ? 'tijdlijn' : 'anders',
                        a.getAttribute('aria-label') || a.textContent.trim(), a.getAttribute('href')]; }""")
            if where[0] == "kaart":
                reached.append(where[1])
                box = page.evaluate("document.activeElement.getBoundingClientRect().height")
                assert box > 0  # the focused square is on screen
            elif where[0] == "tijdlijn":
                timeline_links += 1
                break
        assert len(reached) == linked and all(re.fullmatch(r"[\w-]+, [A-Z]{2} \d+ organisaties?", r) for r in reached)
        assert timeline_links == 1
        # Enter on a square opens that province's list.
        page.get_by_role("link", name=re.compile(r"^Zuid-Holland, ZH \d+")).first.press("Enter")
        page.wait_for_url("**/deelnemers/provincie/zuid-holland/")
        page.go_back()
        # Text alternatives: the list beside the map, and the timeline is text in an ordered list.
        assert page.locator(".rv-kaart-nl__lijst li").count() == 12
        assert page.locator("ol.rv-tijdlijn > li").count() >= 2
        assert page.locator("ol.rv-tijdlijn").inner_text().strip()
    finally:
        context.close()


# --- share images -----------------------------------------------------------------------------

def og_images(site: Path) -> dict[str, str]:
    found = {}
    for page in sorted(site.rglob("*.html")):
        markup = page.read_text(encoding="utf-8")
        match = re.search(r'<meta property="og:image" content="([^"]+)">', markup)
        if match and "/deelkaarten/" in match.group(1):
            found[page.relative_to(site).as_posix()] = match.group(1).removeprefix(SITE_URL)
    return found


def test_one_share_image_per_page_each_different(built_site):
    images = og_images(built_site)
    assert len(images) > 100
    # the hand-written pages too (scripts/pages/hand_written.py); only 404 shares the movement's card
    assert {"index.html", "over/index.html", "meedoen/index.html"} <= set(images)
    assert len(set(images.values())) == len(images)  # one per page
    digests = {}
    for page, image in images.items():
        data = (built_site / image).read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and struct.unpack(">II", data[16:24]) == (1200, 630), page
        digests[page] = hashlib.sha256(data).hexdigest()
    assert len(set(digests.values())) == len(digests)  # every card is different
    files = {p.relative_to(built_site).as_posix() for p in (built_site / "deelkaarten").rglob("*.png")}
    assert files == set(images.values())  # no card without its page


def test_share_images_are_the_same_bytes_on_a_rebuild_without_cache(tmp_path):
    """Two builds in separate cache folders (nothing cached): the same cards, byte for byte."""
    sites = []
    for name in ("een", "twee"):
        project = copy_project(tmp_path / name / "project")
        env = dict(os.environ, BUILD_DATE=BUILD_DATE, NO_MKDOCS_2_WARNING="1",
                   XDG_CACHE_HOME=str(tmp_path / name / "cache"))
        env.pop("SOURCE_DATE_EPOCH", None)
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, env=env,
                                capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr
        assert any((tmp_path / name / "cache").rglob("*.png"))  # drawn, then cached
        sites.append(project / "site" / "deelkaarten")
    first = {p.relative_to(sites[0]): p.read_bytes() for p in sites[0].rglob("*.png")}
    second = {p.relative_to(sites[1]): p.read_bytes() for p in sites[1].rglob("*.png")}
    assert first and first == second


def test_a_cached_card_is_the_card_itself(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    args = ("Een titel die lang genoeg is om over twee regels te lopen op de kaart", "Bijeenkomst",
            "woensdag 3 maart 2027", "Radicale vernieuwing", "radicalevernieuwing.nl")
    drawn = share_image.draw_card(*args)
    assert share_image.card(*args) == drawn  # first: drawn and stored
    share_image._MEMORY.clear()
    assert share_image.card(*args) == drawn  # then: read from disk
    assert share_image.card(*args, use_cache=False) == drawn
    assert share_image.draw_card(args[0] + "!", *args[1:]) != drawn


# --- monograms --------------------------------------------------------------------------------

@pytest.mark.parametrize("name, letters", [("LOC Waardevolle zorg", "LW"), ("Topaz", "To"),
                                           ("'t Zorghuus", "Zo"), ("Stichting de Hoeve", "SH")])
def test_monogram_initials(name, letters):
    assert monogram.initials(name) == letters


def test_organisations_without_a_logo_get_a_monogram(site):
    data = content_site(site)
    for organisation in data.organisations.values():
        markup = read(site, f"deelnemers/{organisation.slug}")
        if organisation.logo:
            assert "rv-monogram" not in markup
        else:
            initials = html.escape(monogram.initials(organisation.name), quote=False)
            assert re.search(rf'<span class="rv-monogram rv-monogram--\d" aria-hidden="true">{re.escape(initials)}</span>',
                             markup), organisation.slug


# --- the accessibility statement --------------------------------------------------------------

def test_statement_claims_only_tests_that_exist_and_is_linked_from_every_footer(site):
    results = json.loads((PROJECT / "scripts" / "pages" / "toegankelijkheid.json").read_text(encoding="utf-8"))
    markup = read(site, "toegankelijkheid")
    body = text(markup)
    assert "Toegankelijkheidsverklaring" in body and "Wat nog niet goed werkt" in body
    assert re.search(r"voor het laatst uitgevoerd op \w+ \d+ \w+ \d{4}|op \d+ \w+ \d{4}", body)
    rows = re.findall(r"<tr><td>(.*?)</td><td>(\d+) van (\d+)", markup)
    assert len(rows) == len(results["tests"]) > 0
    for test in results["tests"]:
        source = (PROJECT / test["bestand"]).read_text(encoding="utf-8")
        assert re.search(rf"^def {test['test']}\(", source, re.MULTILINE), test["test"]  # a real test
    assert json.loads((site / "data" / "toegankelijkheid.json").read_text(encoding="utf-8")) == results
    for page in ("", "bijeenkomsten", "themas/zeggenschap", "deelnemers/topaz"):
        assert re.search(r'<a href="[./]*toegankelijkheid/">Toegankelijkheid</a>', read(site, page)), page


# --- print ------------------------------------------------------------------------------------

@pytest.mark.browser
def test_print_shows_site_and_address_and_no_calendar_blocks(browser, url):
    context = browser.new_context(viewport={"width": 800, "height": 1100})
    try:
        page = context.new_page()
        page.goto(url + "/bijeenkomsten/kampvuurgesprek-december/")
        head = page.locator(".rv-afdruk")
        assert not head.is_visible()  # not on screen
        assert page.locator(".rv-in-agenda").is_visible()
        page.emulate_media(media="print")
        head.wait_for(state="visible")
        assert head.inner_text() == "Radicale vernieuwing · " + SITE_URL + "bijeenkomsten/kampvuurgesprek-december/"
        for hidden in (".rv-in-agenda", "h2#zet-in-je-agenda", ".rv-knoppen"):
            assert not page.locator(hidden).first.is_visible(), hidden
        page.goto(url + "/themas/zeggenschap/")
        assert not page.locator(".rv-abonneren").is_visible()
    finally:
        context.close()

