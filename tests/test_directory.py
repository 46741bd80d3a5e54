"""Issue 4: the directory of organisations (/deelnemers/), the organisation pages, and the
way in and out of the directory: one file added shows up everywhere, removed it is gone.

The directory fixture is the real content plus the made-up organisations in
tests/fixtures/directory/ (several provinces, movements, sectors and roles, one former
participant), built for real with MkDocs."""

from __future__ import annotations

import json
import re
import shutil
import struct
import zlib
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest

from conftest import PROJECT, build, copy_project, serve

from scripts.content.loader import load_content  # noqa: E402

FIXTURE = PROJECT / "tests" / "fixtures" / "directory"


def png(width: int, height: int) -> bytes:
    """A small, valid PNG (one colour)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\x0b\x55\x63" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def directory_files() -> dict[str, str | bytes]:
    """What the directory's site adds to the real content and the fixture organisations: a logo
    for one of them."""
    page = (FIXTURE / "deelnemers" / "testzorg-utrecht.md").read_text(encoding="utf-8")
    return {"deelnemers/logos/testzorg-utrecht.png": png(120, 40),
            "deelnemers/testzorg-utrecht.md": page.replace(
                "rol: deelnemer\n", "rol: deelnemer\nlogo: logos/testzorg-utrecht.png\n"
                "logo_tekst: Testzorg Utrecht, in blauwe letters\n")}


@pytest.fixture(scope="module")
def directory_site(site_for):
    site = site_for(FIXTURE, files=directory_files())
    return site, load_content(site.parent / "content").site


@pytest.fixture(scope="module")
def directory_url(directory_site):
    url, server = serve(directory_site[0])
    yield url
    server.shutdown()


def article_of(html: str) -> str:
    """The page's own content (it holds <article> items of its own)."""
    return html.split('<article class="md-content__inner', 1)[1].rsplit("</article>", 1)[0]


class Items(HTMLParser):
    """The organisations in the directory: data-rv-org → its data-* attributes."""

    def __init__(self):
        super().__init__()
        self.items: dict[str, dict] = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "data-rv-org" in attributes:
            self.items[attributes["data-rv-org"]] = attributes


def directory_items(site: Path) -> dict[str, dict]:
    parser = Items()
    parser.feed((site / "deelnemers" / "index.html").read_text(encoding="utf-8"))
    return parser.items


# --- the static page ---------------------------------------------------------------------------

def test_directory_lists_every_organisation_once_with_filter_data(directory_site):
    site, model = directory_site
    items = directory_items(site)
    assert set(items) == set(model.organisations)
    for slug, o in model.organisations.items():
        data = items[slug]
        assert data["data-beweging"].split() == list(o.movements)
        assert data["data-rol"] == o.role
        assert data["data-sector"].split() == list(o.sectors)
        assert (data["data-provincie"] != "") == bool(o.province)


def test_directory_counts_and_sections(directory_site):
    site, model = directory_site
    html = article_of((site / "deelnemers" / "index.html").read_text(encoding="utf-8"))
    current = [o for o in model.organisations.values() if not o.is_former]
    former = [o for o in model.organisations.values() if o.is_former]
    taking_part = [o for o in current if o.role in ("deelnemer", "kernteam")]
    # one set of numbers (scripts/index.py): taking part, partners and supporters, former
    assert f"{len(taking_part)} organisaties doen mee" in html
    assert f"{len(former)} organisaties deden eerder mee" in html
    assert f"Oud-deelnemers ({len(former)})" in html
    # former participants in their own section, with their years
    old = html.split('id="oud-deelnemers', 1)[1]
    assert "Oude Stichting Zeist</a> · Zeist, Utrecht · Ouderenzorg · 2019 tot december 2023" in old
    assert all(f'data-rv-org="{o.slug}"' in old for o in former)
    assert not any(f'data-rv-org="{o.slug}"' in old for o in current)


def test_a_movement_page_counts_its_organisations_one_way(directory_site):
    """The movement's fact box counts those taking part and the partners and supporters apart;
    the sentence above its list counts them together, and says so ("horen bij", not "doen mee"),
    so the page never gives two numbers for 'doen mee'."""
    site, _ = directory_site
    checked = 0
    for page in sorted((site / "bewegingen").glob("*/index.html")):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"\d+ organisaties? (?:doen|doet) mee", html), page
        together = re.search(r"(\d+) organisaties? (?:horen|hoort) bij deze beweging", html)
        if together is None:
            continue  # a movement without organisations
        taking_part = re.search(r"Doen mee:</strong> (\d+)", html)
        supporting = re.search(r"Partners en ondersteuners:</strong> (\d+)", html)
        assert int(together[1]) == sum(int(m[1]) for m in (taking_part, supporting) if m), page
        checked += 1
    assert checked >= 2


def test_a_to_z_index_links_to_every_letter_group(directory_site):
    site, model = directory_site
    html = article_of((site / "deelnemers" / "index.html").read_text(encoding="utf-8"))
    nav = html.split('<nav class="rv-az"', 1)[1].split("</nav>", 1)[0]
    anchors = re.findall(r'href="#(letter-[a-z0-9-]+)"', nav)
    assert "letter-t" in anchors and "letter-m" in anchors
    for anchor in anchors:
        assert f'<h3 id="{anchor}">' in html
    # every current organisation sits under the letter of its name
    t_group = html.split('<h3 id="letter-t">', 1)[1].split("</ul>", 1)[0]
    assert 'data-rv-org="testzorg-utrecht"' in t_group


def test_province_overview_counts_and_pages(directory_site):
    site, model = directory_site
    html = article_of((site / "deelnemers" / "index.html").read_text(encoding="utf-8"))
    table = html.split('id="per-provincie"', 1)[1].split("</table>", 1)[0]
    current = [o for o in model.organisations.values() if not o.is_former]
    utrecht = sorted(o.slug for o in current if o.province == "Utrecht")
    assert re.search(r'<a href="provincie/utrecht/">Utrecht</a></td>\s*<td[^>]*>%d</td>' % len(utrecht), table)
    # only provinces that data backs: no row of zeros (issue 12: a directory that tells the truth)
    assert "Drenthe" not in table and not re.search(r"<td[^>]*>0</td>", table)
    unknown = sum(not o.province for o in current)
    assert f"van {unknown} ook de provincie niet" in html
    page = article_of((site / "deelnemers" / "provincie" / "utrecht" / "index.html").read_text(encoding="utf-8"))
    parser = Items()
    parser.feed(page)
    former_utrecht = {o.slug for o in model.organisations.values() if o.is_former and o.province == "Utrecht"}
    assert set(parser.items) == set(utrecht) | former_utrecht
    assert 'href="../../?provincie=utrecht"' in page  # the same view, filtered, in the directory
    assert not (site / "deelnemers" / "provincie" / "drenthe").exists()


def grown(number: int) -> dict[str, str]:
    """`number` made-up organisations more (content-relative path → text): names from A to Z,
    three provinces, two movements, one in 25 a former participant."""
    files = {}
    for n in range(number):
        province = ("Utrecht", "Limburg", "Friesland")[n % 3]
        movement = ("zorg", "langdurige-ggz")[n % 2]
        until = "tot: 2023\n" if n % 25 == 0 else ""
        files[f"deelnemers/groei-{n:04d}.md"] = (
            f"---\nnaam: {chr(65 + n % 26)}-zorg {n:04d}\nplaats: Plaats {n}\nprovincie: {province}\n"
            f"sector: [ouderenzorg]\nbewegingen: [{movement}]\nrol: deelnemer\nsinds: 2019\n{until}---\n\n"
            "Verzonnen.\n")
    return files


def list_items(markdown: str) -> list[str]:
    return re.findall(r'<li data-rv-org="([^"]+)"', markdown)


def test_no_list_of_organisations_grows_with_the_movement(tmp_path):
    """At 30 times the organisations every page stays small: the directory, the province,
    movement and theme lists are on pages of LIST_SIZE, and movement and theme pages show a few.
    Together the pages still hold every organisation, and the filters' data has all of them."""
    from datetime import date
    from scripts.assembly.generate import render_site
    from scripts.render.context import Settings
    from scripts.pages.organisations import LIST_SIZE
    from scripts.pages.themes import ORGANISATIONS_SHOWN
    content = tmp_path / "content"
    shutil.copytree(PROJECT / "content", content)
    for relative, text in grown(1700).items():
        (content / relative).write_text(text, encoding="utf-8")
    problems, out = render_site(content, Settings(build_date=date(2026, 11, 23)))
    assert not problems, problems.report()
    model = load_content(content).site
    current = {o.slug for o in model.organisations.values() if not o.is_former}
    former = {o.slug for o in model.organisations.values() if o.is_former}
    pages = {path: data.decode("utf-8") for path, data in out.files.items() if path.endswith(".md")}

    directory = [p for p in pages if p == "deelnemers/index.md" or p.startswith("deelnemers/pagina/")]
    assert len(directory) == -(-len(current) // LIST_SIZE)
    listed = [slug for path in directory for slug in list_items(pages[path].split("## Oud-deelnemers")[0])]
    assert sorted(listed) == sorted(current)  # each current organisation once, on one of the pages
    lists = [p for p in pages if p.startswith(("deelnemers/provincie/", "deelnemers/beweging/",
                                              "deelnemers/thema/", "deelnemers/oud"))]
    for path in directory + lists:
        assert len(list_items(pages[path])) <= LIST_SIZE + 10, path  # + the 10 newest former ones on page 1
        assert len(out.files[path]) < 40_000, (path, len(out.files[path]))
    utrecht = [p for p in lists if p.startswith("deelnemers/provincie/utrecht")]
    assert {s for p in utrecht for s in list_items(pages[p])} == {
        o.slug for o in model.organisations.values() if o.province == "Utrecht"}
    old = [p for p in lists if p == "deelnemers/oud.md" or p.startswith("deelnemers/oud/pagina/")]
    assert {s for p in old for s in list_items(pages[p])} == former
    for slug in ("zorg", "langdurige-ggz"):
        movement = pages[f"bewegingen/{slug}.md"]
        assert len(re.findall(r'href="[./]*deelnemers/[^"/]+/"', movement)) <= ORGANISATIONS_SHOWN
        assert len(out.files[f"bewegingen/{slug}.md"]) < 40_000
        members = {o.slug for o in model.organisations.values() if slug in o.movements}
        every = [p for p in lists if p == f"deelnemers/beweging/{slug}.md" or
                 p.startswith(f"deelnemers/beweging/{slug}/pagina/")]
        assert {s for p in every for s in list_items(pages[p])} == members
        assert f"Alle {len(members & current)} organisaties van deze beweging" in movement

    data = json.loads(out.files["deelnemers/gids.json"])
    rows = [dict(zip(data["velden"], row, strict=True)) for row in data["deelnemers"]]
    assert {r["slug"] for r in rows} == current | former and len(rows) == len(current | former)
    assert {r["slug"] for r in rows if r["oud"]} == former
    example = next(r for r in rows if r["slug"] == "groei-0001")
    assert example == {"slug": "groei-0001", "naam": "B-zorg 0001", "details": "Plaats 1, Limburg · Ouderenzorg",
                       "beweging": "langdurige-ggz", "provincie": "limburg", "sector": "ouderenzorg",
                       "rol": "deelnemer", "oud": 0}


# --- an organisation page -------------------------------------------------------------------

def test_organisation_page_shows_everything_about_it(directory_site):
    site, _ = directory_site
    html = (site / "deelnemers" / "testzorg-utrecht" / "index.html").read_text(encoding="utf-8")
    body = article_of(html)
    assert "<h1 id=\"testzorg-utrecht\">Testzorg Utrecht" in body
    assert re.search(r'<img alt="Testzorg Utrecht, in blauwe letters" class="rv-logo" '
                     r'src="\.\./logos/testzorg-utrecht\.png"', body)
    assert (site / "deelnemers" / "logos" / "testzorg-utrecht.png").is_file()
    assert 'Utrecht, <a href="../provincie/utrecht/">Utrecht</a>' in body
    assert '<a href="https://www.example.org/testzorg-utrecht">' in body
    assert '<a href="../../bewegingen/zorg/">Radicale vernieuwing zorg</a>' in body
    assert "sinds maart 2025" in body
    assert "Rol:</strong> Deelnemer" in body
    assert "Een verzonnen organisatie voor de tests" in body
    # the footer's one quiet line leads to the source file on the repository host
    assert re.search(r'href="[^"]+/edit/main/content/deelnemers/testzorg-utrecht\.md"[^>]*>Stel een verbetering voor', html)
    assert "Bewerk deze pagina" not in html


def test_organisation_page_has_organization_json_ld(directory_site):
    site, _ = directory_site
    html = (site / "deelnemers" / "testzorg-utrecht" / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    data = [json.loads(b) for b in blocks]
    org = next(d for d in data if d.get("@type") == "Organization")
    assert org["@context"] == "https://schema.org"
    assert org["name"] == "Testzorg Utrecht"
    assert org["url"] == "https://www.example.org/testzorg-utrecht"
    assert org["address"] == {"@type": "PostalAddress", "addressCountry": "NL",
                              "addressLocality": "Utrecht", "addressRegion": "Utrecht"}
    assert org["logo"]["url"].endswith("/deelnemers/logos/testzorg-utrecht.png")
    assert [m["name"] for m in org["memberOf"]] == ["Radicale vernieuwing zorg"]


def test_organisation_page_has_meetings_news_and_themes(built_site):
    """On the real content: an organisation that organises meetings and is in the news."""
    model = load_content(PROJECT / "content").site
    organisers = {o for m in model.meetings.values() for o in m.organisers}
    mentioned = {o for a in model.articles.values() for o in a.organisations}
    both = sorted(organisers & mentioned)
    assert both, "the real content has an organisation with meetings and news"
    slug = both[0]
    body = article_of((built_site / "deelnemers" / slug / "index.html").read_text(encoding="utf-8"))
    assert re.search(r'id="(volgende|eerdere)-bijeenkomsten"', body)
    assert 'id="in-het-nieuws"' in body
    meeting = next(m for m in model.meetings.values() if slug in m.organisers)
    assert f"/bijeenkomsten/{meeting.slug}/" in body.replace("../../", "/")
    article = next(a for a in model.articles.values() if slug in a.organisations)
    assert f"/actueel/{article.slug}/" in body.replace("../../", "/")
    assert "Thema's:</strong>" in body


def test_former_participant_page_keeps_its_history(directory_site):
    site, _ = directory_site
    body = article_of((site / "deelnemers" / "oude-stichting-zeist" / "index.html").read_text(encoding="utf-8"))
    assert "deed mee van 2019 tot december 2023" in body
    assert "(oud-deelnemer)" in body


# --- joining and leaving: one file ------------------------------------------------------------

NEW = """---
naam: Zorggroep Nieuw Lid
plaats: Deventer
provincie: Overijssel
sector: [thuiszorg]
bewegingen: [zorg]
rol: deelnemer
sinds: 2026-10
beschrijving: Een nieuwe, verzonnen deelnemer.
---

Wij zijn net begonnen.
"""


def _where_it_appears(site: Path, slug: str, name: str) -> dict[str, bool]:
    directory = (site / "deelnemers" / "index.html").read_text(encoding="utf-8")
    data = json.loads((site / "data" / "deelnemers.json").read_text(encoding="utf-8"))
    feed = feedparser.parse((site / "feeds" / "nieuwe-deelnemers.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    page = site / "deelnemers" / slug / "index.html"
    return {
        "directory": f'data-rv-org="{slug}"' in directory and f'href="{slug}/">{name}</a>' in directory,
        "page": page.is_file() and f">{name}<" in page.read_text(encoding="utf-8"),
        "json": any(o["id"] == slug and o["naam"] == name for o in data["deelnemers"]),
        "feed": any(e.title == name and e.link.endswith(f"/deelnemers/{slug}/") for e in feed.entries),
    }


@pytest.mark.slow
def test_one_file_joins_and_leaves_everything(tmp_path):
    project = copy_project(tmp_path / "project")
    source = project / "content" / "deelnemers" / "zorggroep-nieuw-lid.md"
    source.write_text(NEW, encoding="utf-8")
    site = build(project)
    assert _where_it_appears(site, "zorggroep-nieuw-lid", "Zorggroep Nieuw Lid") == {
        "directory": True, "page": True, "json": True, "feed": True}
    feed = feedparser.parse((site / "feeds" / "nieuwe-deelnemers.xml").read_bytes())
    assert feed.entries[0].title == "Zorggroep Nieuw Lid"  # newest first
    assert feed.entries[0].published.startswith("2026-10-01")

    source.unlink()
    site = build(project)
    assert _where_it_appears(site, "zorggroep-nieuw-lid", "Zorggroep Nieuw Lid") == {
        "directory": False, "page": False, "json": False, "feed": False}


def test_feed_of_new_organisations_is_newest_first(directory_site):
    site, model = directory_site
    feed = feedparser.parse((site / "feeds" / "nieuwe-deelnemers.xml").read_bytes())
    assert not feed.bozo
    assert feed.feed.title == "Nieuw in de beweging"
    joined = [o for o in model.organisations.values() if o.since]
    assert len(feed.entries) == len(joined)
    dates = [e.published_parsed for e in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert feed.entries[0].title == "GGZ Stichtse Vecht"  # sinds 2025-09-15: the newest
    html = (site / "deelnemers" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<link rel="alternate" type="application/atom\+xml" title="Nieuw in de beweging" '
                     r'href="[./]*feeds/nieuwe-deelnemers\.xml">', html)


# --- in the browser ---------------------------------------------------------------------------

VISIBLE = """() => Array.from(document.querySelectorAll('[data-rv-org]'))
    .filter(e => e.offsetParent !== null).map(e => e.dataset.rvOrg).sort()"""


READY = "() => document.querySelector('[data-rv-filter]').dataset.rvState === 'klaar'"


def choose(page, field: str, value: str) -> None:
    """Choose in a filter and wait until the list shows the choice (on the first choice the
    script reads the directory's data)."""
    page.select_option(f"#filter-{field}", value)
    page.wait_for_function(READY)


def _expected(model, province: str = "", movement: str = "") -> list[str]:
    return sorted(o.slug for o in model.organisations.values()
                  if (not province or o.province == province) and (not movement or movement in o.movements))


@pytest.mark.browser
def test_filters_show_exactly_the_matching_organisations(directory_site, directory_url, page):
    _, model = directory_site
    page.goto(directory_url + "/deelnemers/", wait_until="load")
    assert page.locator("form[data-rv-filter]").is_visible()
    assert page.evaluate(VISIBLE) == sorted(model.organisations)

    choose(page, "provincie", "utrecht")
    utrecht = _expected(model, "Utrecht")
    assert page.evaluate(VISIBLE) == utrecht
    choose(page, "beweging", "zorg")
    both = _expected(model, "Utrecht", "zorg")
    assert page.evaluate(VISIBLE) == both
    assert 0 < len(both) < len(utrecht)
    assert page.locator("[data-rv-count]").inner_text() == f"{len(both)} organisaties passen bij je keuze."
    # page.url follows the browser's events, which may come after the script's replaceState
    page.wait_for_url(lambda url: "provincie=utrecht" in url and "beweging=zorg" in url, timeout=5_000)

    choose(page, "provincie", "limburg")  # combined: Limburg and zorg
    assert page.evaluate(VISIBLE) == _expected(model, "Limburg", "zorg")
    choose(page, "rol", "kernteam")  # no organisation matches all three
    assert page.evaluate(VISIBLE) == []
    assert page.locator("[data-rv-empty]").is_visible()
    page.click("form[data-rv-filter] button[type=reset]")
    # The form's reset event fires before the fields are cleared; the list redraws right after.
    page.wait_for_function(f"() => ({VISIBLE})().length === {len(model.organisations)}")
    assert page.evaluate(VISIBLE) == sorted(model.organisations)
    page.wait_for_url(lambda url: "?" not in url, timeout=5_000)


@pytest.mark.browser
def test_a_filtered_address_restores_the_filter(directory_site, directory_url, page):
    _, model = directory_site
    page.goto(directory_url + "/deelnemers/?provincie=utrecht&beweging=zorg", wait_until="load")
    page.wait_for_function(READY)
    assert page.input_value("#filter-provincie") == "utrecht"
    assert page.input_value("#filter-beweging") == "zorg"
    assert page.evaluate(VISIBLE) == _expected(model, "Utrecht", "zorg")
    # sector and role from the address too; an unknown value is ignored, not an empty list
    page.goto(directory_url + "/deelnemers/?sector=ggz&rol=partner&provincie=nergens", wait_until="load")
    page.wait_for_function(READY)
    assert page.input_value("#filter-provincie") == ""
    expected = sorted(o.slug for o in model.organisations.values() if "ggz" in o.sectors and o.role == "partner")
    assert expected and page.evaluate(VISIBLE) == expected


@pytest.mark.browser
def test_directory_works_without_javascript(directory_site, directory_url, browser):
    _, model = directory_site
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(directory_url + "/deelnemers/?provincie=utrecht", wait_until="load")
        assert not page.locator("form[data-rv-filter]").is_visible()  # no controls that do nothing
        assert page.evaluate(VISIBLE) == sorted(model.organisations)  # the whole list
        page.click("text=Amersfoortse Zorgkring")
        page.wait_for_url("**/deelnemers/amersfoortse-zorgkring/")
        assert page.locator("h1").inner_text().startswith("Amersfoortse Zorgkring")
        page.goto(directory_url + "/deelnemers/", wait_until="load")
        page.click(".rv-az >> text=T")
        page.wait_for_url(lambda url: url.endswith("#letter-t"), timeout=5_000)
        page.click("#per-provincie ~ table >> text=Limburg")
        page.wait_for_url("**/deelnemers/provincie/limburg/")
        assert sorted(page.evaluate(VISIBLE)) == _expected(model, "Limburg")
    finally:
        context.close()


# --- a directory on several pages --------------------------------------------------------------

GROWN = 150  # made-up organisations more than the real ones: the directory has four pages


@pytest.fixture(scope="module")
def grown_site(site_for):
    site = site_for(files=grown(GROWN))
    return site, load_content(site.parent / "content").site


@pytest.fixture(scope="module")
def grown_url(grown_site):
    url, server = serve(grown_site[0])
    yield url
    server.shutdown()


def test_directory_pages_hold_every_organisation_once(grown_site):
    from scripts.pages.organisations import LIST_SIZE
    site, model = grown_site
    current = sorted(o.slug for o in model.organisations.values() if not o.is_former)
    pages = [site / "deelnemers" / "index.html"] + sorted(
        (site / "deelnemers" / "pagina").glob("*/index.html"), key=lambda p: int(p.parent.name))
    assert len(pages) == -(-len(current) // LIST_SIZE) > 2
    listed = []
    for number, path in enumerate(pages, start=1):
        body = article_of(path.read_text(encoding="utf-8"))
        own = body.split('id="oud-deelnemers', 1)[0]
        parser = Items()
        parser.feed(own)
        assert 0 < len(parser.items) <= LIST_SIZE
        listed += list(parser.items)
        assert f"pagina {number} van {len(pages)}" in body.lower()
        # the A-Z index leads to the page of every letter, and that page has the letter
        for href in re.findall(r'<nav class="rv-az".*?</nav>', body, re.DOTALL)[0].split('href="')[1:]:
            target = href.split('"', 1)[0]
            where, anchor = target.split("#")
            html = (path.parent / where / "index.html").read_text(encoding="utf-8") if where else body
            assert f'<h3 id="{anchor}">' in html, (path, target)
    assert listed == sorted(listed, key=lambda s: (sort_key(model, s), s)) and sorted(listed) == current


def sort_key(model, slug: str) -> str:
    from scripts.pages.organisations import letter_of, sort_name
    name = model.organisations[slug].name
    return f"{letter_of(name) == '0–9'}{letter_of(name)}{sort_name(name)}"


@pytest.mark.browser
def test_filters_choose_from_every_page_of_the_directory(grown_site, grown_url, page):
    from scripts.pages.organisations import LIST_SIZE
    _, model = grown_site
    page.goto(grown_url + "/deelnemers/", wait_until="load")
    first_page = set(page.evaluate(VISIBLE))
    choose(page, "beweging", "zorg")
    expected = _expected(model, movement="zorg")
    assert len(expected) > LIST_SIZE
    shown = page.evaluate(VISIBLE)
    assert len(shown) == LIST_SIZE and set(shown) <= set(expected)
    assert set(shown) - first_page, "only organisations of the first page"
    assert page.locator("[data-rv-count]").inner_text() == f"{len(expected)} organisaties passen bij je keuze."
    assert not page.locator(".rv-pager").is_visible()  # the pages of the whole list are not the choice
    more = page.locator("[data-rv-more] button")
    assert more.inner_text() == f"Toon meer (nog {len(expected) - LIST_SIZE})"
    while more.is_visible():
        more.click()
    assert page.evaluate(VISIBLE) == expected
    # the former participants come last, under their own heading
    former = [o.slug for o in model.organisations.values() if o.is_former and "zorg" in o.movements]
    order = page.evaluate("() => [...document.querySelectorAll('[data-rv-results] [data-rv-org]')].map(e => e.dataset.rvOrg)")
    assert former and set(order[-len(former):]) == set(former)
    assert page.locator("[data-rv-results] h3").inner_text() == "Oud-deelnemers"
    # a result is a link to the organisation's page
    slug = order[LIST_SIZE + 1]
    page.locator(f'[data-rv-results] [data-rv-org="{slug}"] a').click()
    page.wait_for_url(f"**/deelnemers/{slug}/")
    assert page.locator("h1").inner_text().startswith(model.organisations[slug].name)


@pytest.mark.browser
def test_a_filtered_address_works_on_a_cold_load_from_any_page(grown_site, grown_url, page):
    _, model = grown_site
    page.goto(grown_url + "/deelnemers/?provincie=utrecht", wait_until="load")
    page.wait_for_function(READY)
    assert page.input_value("#filter-provincie") == "utrecht"
    assert page.evaluate(VISIBLE) == _expected(model, "Utrecht")
    assert page.locator("[data-rv-unknown]").is_visible()
    page.goto(grown_url + "/deelnemers/pagina/3/?provincie=limburg&beweging=langdurige-ggz", wait_until="load")
    page.wait_for_function(READY)
    expected = _expected(model, "Limburg", "langdurige-ggz")
    assert page.evaluate(VISIBLE) == expected
    page.locator(f'[data-rv-results] [data-rv-org="{expected[0]}"] a').click()
    page.wait_for_url(f"**/deelnemers/{expected[0]}/")
    page.go_back()
    page.wait_for_function(READY)
    page.click("form[data-rv-filter] button[type=reset]")
    page.wait_for_function("() => !location.search")
    assert not page.locator("[data-rv-results]").is_visible()
    assert page.locator(".rv-pager").is_visible()


@pytest.mark.browser
def test_the_pages_of_the_directory_work_without_javascript(grown_site, grown_url, browser):
    from scripts.pages.organisations import LIST_SIZE
    _, model = grown_site
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(grown_url + "/deelnemers/", wait_until="load")
        assert not page.locator("[data-rv-more]").is_visible()
        page.locator(".rv-pager").get_by_role("link", name="2", exact=True).click()
        page.wait_for_url("**/deelnemers/pagina/2/")
        shown = page.evaluate(VISIBLE)
        assert len(shown) == LIST_SIZE
        page.locator(".rv-pager").get_by_role("link", name="Vorige").click()
        page.wait_for_url(grown_url + "/deelnemers/")
        page.locator("#per-beweging ~ ul").get_by_role("link", name="Radicale vernieuwing langdurige ggz").click()
        page.wait_for_url("**/deelnemers/beweging/langdurige-ggz/")
        members = {o.slug for o in model.organisations.values() if "langdurige-ggz" in o.movements}
        seen = set(page.evaluate(VISIBLE))
        page.locator(".rv-pager").get_by_role("link", name="2", exact=True).click()
        page.wait_for_url("**/deelnemers/beweging/langdurige-ggz/pagina/2/")
        seen |= set(page.evaluate(VISIBLE))
        assert seen == members
    finally:
        context.close()
