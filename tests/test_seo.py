"""Issue 5: links shared in e-mail and social media show a proper card, search engines find
every page: per page a description, canonical URL and OpenGraph tags; a sitemap of every page
with the site's address; a Dutch 404 page that helps visitors on."""

from __future__ import annotations

import json
import re
import struct
import xml.etree.ElementTree as ET
from html import unescape

import pytest

from conftest import PROJECT
from newsfixture import url_of

SITE_URL = "https://www.radicalevernieuwing.nl/"


def meta(html: str, attribute: str, name: str) -> str | None:
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)
    return unescape(match.group(1)) if match else None


def pages(site):
    """Every page of the site; not the 404 page, not the small pages at old addresses that
    send visitors on (tests/test_redirects.py checks those), and not the files that are no
    page of the site: the agenda for other sites' frames (insluiten/) and the mail-ready
    digests (nieuwsbrief/<maand>/nieuwsbrief.html; tests/test_embed.py, test_digest.py)."""
    return [p for p in sorted(site.rglob("*.html")) if p.name != "404.html"
            and p.relative_to(site).parts[0] != "insluiten" and p.name != "nieuwsbrief.html"
            and 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")]


def test_the_share_image_is_a_real_card():
    data = (PROJECT / "docs" / "assets" / "images" / "deelkaart.png").read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR"
    assert struct.unpack(">II", data[16:24]) == (1200, 630)
    assert len(data) < 300_000


def test_every_page_has_description_canonical_url_and_card(built_site):
    assert len(pages(built_site)) > 100
    for page in pages(built_site):
        html = page.read_text(encoding="utf-8")
        url = SITE_URL + url_of(built_site, page).lstrip("/")
        where = page.relative_to(built_site).as_posix()
        description = meta(html, "name", "description")
        assert description and len(description) > 20, where
        assert f'<link rel="canonical" href="{url}">' in html, where
        assert meta(html, "property", "og:url") == url, where
        assert meta(html, "property", "og:title"), where
        assert meta(html, "property", "og:description") == description, where
        image = meta(html, "property", "og:image")
        assert image.startswith(SITE_URL), where
        # Generated pages have their own card (tests/test_visible.py); hand-written ones share one.
        assert (built_site / image.removeprefix(SITE_URL)).is_file(), where
        assert meta(html, "property", "og:image:width") == "1200"
        assert meta(html, "name", "twitter:card") == "summary_large_image"
    assert (built_site / "assets" / "images" / "deelkaart.png").is_file()


def test_article_cards_say_article_and_carry_structured_data(built_site):
    page = built_site / "actueel" / "brief-loc-begroting-vws-2022" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert meta(html, "property", "og:type") == "article"
    title = meta(html, "property", "og:title")
    assert title == "Brief aan de Tweede Kamer over de begroting van VWS voor 2022"
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "NewsArticle" and data["headline"] == title
    assert data["datePublished"] == "2021-10-26"
    assert meta(html, "property", "og:description") == data["description"]


def test_sitemap_lists_every_page_with_the_site_address(built_site):
    tree = ET.parse(built_site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = [loc.text for loc in tree.getroot().findall("s:url/s:loc", ns)]
    assert len(listed) == len(set(listed))
    expected = {SITE_URL + url_of(built_site, p).lstrip("/") for p in pages(built_site)}
    assert set(listed) == expected
    for must in ("actueel/", "actueel/pagina/2/", "themas/zeggenschap/", "trefwoord/tweede-kamer/",
                 "bewegingen/zorg/", "actueel/vijf-jaar-radicale-vernieuwing-zorg/"):
        assert SITE_URL + must in listed


def test_the_404_page_is_dutch_and_helps_on(built_site):
    html = (built_site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in html
    assert "<title>Pagina niet gevonden" in html
    assert '<meta name="robots" content="noindex">' in html
    content = html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    assert "bestaat niet" in content and "zoek" in content.lower()
    links = re.findall(r'<a href="(/[^"]*)"', content)
    assert len(links) >= 6
    for link in links:  # absolute: the page is shown at any address
        target = built_site / link.lstrip("/") / "index.html" if link.endswith("/") else built_site / link
        assert target.is_file(), link


@pytest.mark.browser
def test_a_missing_address_shows_the_dutch_404_page(page, site_url):
    page.goto(site_url + "/404.html")
    assert page.locator("h1").inner_text() == "Deze pagina bestaat niet (meer)"
    page.get_by_role("link", name="Actueel: het nieuws van de bewegingen").click()
    page.wait_for_url("**/actueel/")
    assert page.locator("h1").inner_text().rstrip("#") == "Actueel"
