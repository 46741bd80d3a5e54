"""Issue 21: news by e-mail without a server. Each build writes the monthly digest as a page,
as mail-ready files (HTML with inline CSS and absolute links, a plain-text part, an .eml with
both) and as an Atom feed for RSS-to-mail services, and the page "Volg per e-mail"."""

from __future__ import annotations

import email
import re
from datetime import date
from email.policy import default
from pathlib import Path

import feedparser
import pytest

from conftest import AGENDA, FIXTURES
from test_html_valid import run_vnu, summary

from scripts.assembly.generate import render_site
from scripts.render.context import Settings

SITE = "https://www.radicalevernieuwing.nl/"
DIGEST = FIXTURES / "digest"
NOVEMBER = "nieuwsbrief/2026-11/"
MAX_BYTES = 100 * 1024


@pytest.fixture(scope="module")
def site(site_for) -> Path:
    """The agenda fixture (meetings after 2026-11-23) plus an article and two organisations
    from October 2026."""
    return site_for(AGENDA, DIGEST)


def mails(site: Path) -> list[Path]:
    return sorted((site / "nieuwsbrief").glob("*/nieuwsbrief.html"))


def test_every_mail_passes_the_e_mail_sanity_check(site, built_site):
    for root in (site, built_site):
        found = mails(root)
        assert len(found) == 12  # this month's and the eleven before
        for path in found:
            data = path.read_bytes()
            assert len(data) < MAX_BYTES, path
            text = data.decode("utf-8")
            assert "<script" not in text.lower()
            assert not re.search(r"<link\b|<style\b|@import", text, re.I)  # inline CSS only
            assert 'style="' in text
            links = re.findall(r'\b(?:href|src)="([^"]*)"', text)
            assert links and all(link.startswith(SITE) for link in links), [x for x in links if not x.startswith(SITE)]
            plain = path.with_name("nieuwsbrief.txt").read_text(encoding="utf-8")
            assert plain.strip() and "<" not in plain.replace("<samen>", "")
            message = email.message_from_bytes(path.with_name("nieuwsbrief.eml").read_bytes(), policy=default)
            assert message.get_content_type() == "multipart/alternative"
            assert message["X-Unsent"] == "1" and message["Subject"].startswith("Nieuwsbrief ")
            parts = {part.get_content_type(): part.get_content().replace("\r\n", "\n") for part in message.iter_parts()}
            assert parts == {"text/plain": plain, "text/html": text}
            assert len(path.with_name("nieuwsbrief.eml").read_bytes()) < MAX_BYTES


def test_the_november_digest_tells_octobers_news_and_the_coming_meetings(site):
    mail = (site / NOVEMBER / "nieuwsbrief.html").read_text(encoding="utf-8")
    plain = (site / NOVEMBER / "nieuwsbrief.txt").read_text(encoding="utf-8")
    assert "Nieuwe leerkring: zorg &amp; wonen &lt;samen&gt;" in mail  # escaped once
    assert f'href="{SITE}actueel/2026-10-nieuwe-leerkring/"' in mail
    assert f"{SITE}actueel/2026-10-nieuwe-leerkring/" in plain and "Nieuwe leerkring: zorg & wonen <samen>" in plain
    assert f'href="{SITE}deelnemers/zorgcooperatie-oktober/"' in mail
    assert "zorggroep-jaartal" not in mail  # only a year: the month it joined is not known
    assert f'href="{SITE}bijeenkomsten/kampvuurgesprek-december/"' in mail  # in December
    assert "Bijeenkomsten in november 2026 en december 2026" in mail
    page = (site / NOVEMBER / "index.html").read_text(encoding="utf-8")
    assert 'href="../../actueel/2026-10-nieuwe-leerkring/"' in page
    assert 'href="nieuwsbrief.eml"' in page and 'href="nieuwsbrief.txt"' in page


def test_the_feed_has_one_entry_per_digest_with_its_whole_content(site):
    feed = feedparser.parse((site / "feeds" / "nieuwsbrief.xml").read_bytes())
    assert feed.bozo == 0 and feed.version == "atom10"
    assert feed.entries, "a month with news gives an entry"
    ids = [entry.id for entry in feed.entries]
    assert len(ids) == len(set(ids)) and ids[0] == SITE + NOVEMBER
    updated = [entry.updated for entry in feed.entries]
    assert len(updated) == len(set(updated)) and updated == sorted(updated, reverse=True)
    first = feed.entries[0]
    assert "Nieuwe leerkring" in first.content[0].value and "kampvuurgesprek-december" in first.content[0].value
    for entry in feed.entries:
        path = entry.link.removeprefix(SITE)
        assert (site / path / "index.html").is_file(), entry.link
    page = (site / "nieuwsbrief" / "index.html").read_text(encoding="utf-8")
    assert 'value="https://www.radicalevernieuwing.nl/feeds/nieuwsbrief.xml"' in page
    assert 'href="2026-11/nieuwsbrief.eml"' in page


def test_a_rebuild_with_the_same_date_gives_the_same_bytes_and_a_later_day_of_the_month_too(site):
    content = site.parent / "content"
    first = render_site(content, Settings(build_date=date(2026, 11, 23)))[1].files
    again = render_site(content, Settings(build_date=date(2026, 11, 23)))[1].files
    later = render_site(content, Settings(build_date=date(2026, 11, 30)))[1].files
    names = [n for n in first if n.startswith("nieuwsbrief/") and not n.endswith(".md")] + ["feeds/nieuwsbrief.xml"]
    assert len(names) == 12 * 3 + 1
    for name in names:
        assert first[name] == again[name], name
        assert first[name] == later[name], name
    for name in names[:-1]:  # and what the built site serves is those bytes
        assert (site / name).read_bytes() == first[name], name


def test_the_pages_and_the_mail_are_valid_html(site):
    files = [site / "nieuwsbrief" / "index.html", site / NOVEMBER / "index.html", site / NOVEMBER / "nieuwsbrief.html"]
    errors = [m for m in run_vnu(files) if m.get("type") != "info"
              and "autocomplete" not in m.get("message", "")]  # Material's own (test_html_valid)
    assert not errors, summary(errors, site)


@pytest.mark.browser
def test_the_follow_page_and_a_digest_page_pass_axe_and_copy_the_feed_address(site, browser):
    from conftest import serve
    from pageload import AXE, RUN_AXE
    from pageload import AXE_TAGS as TAGS
    from test_accessibility import describe

    url, server = serve(site)
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url)
    page = context.new_page()
    try:
        for path in ("/nieuwsbrief/", f"/{NOVEMBER}"):
            page.goto(url + path)
            page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
            violations = page.evaluate(RUN_AXE, TAGS)
            assert not violations, (path, describe(violations))
            assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        page.goto(url + "/nieuwsbrief/")
        page.get_by_role("button", name="Kopieer het adres").click()
        page.get_by_role("status").filter(has_text="gekopieerd").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == SITE + "feeds/nieuwsbrief.xml"
    finally:
        context.close()
        server.shutdown()
