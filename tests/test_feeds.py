"""Issue 5: Atom feeds of the news (all news, per theme, per movement). They parse without
errors with feedparser, hold exactly the right articles, and every page that has a feed
announces it in its head."""

from __future__ import annotations

import re
from datetime import datetime
from html import unescape
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest

from conftest import PROJECT
from newsfixture import HOSTILE_TITLE, content_articles, file_of, theme_ancestors

SITE_URL = "https://www.radicalevernieuwing.nl/"



def read_feed(site, path):
    feed = feedparser.parse((site / path).read_bytes())
    assert feed.bozo == 0, f"{path}: {feed.get('bozo_exception')}"
    assert feed.version == "atom10", path
    return feed


def slugs_in(feed) -> list[str]:
    found = []
    for entry in feed.entries:
        assert entry.link.startswith(SITE_URL + "actueel/"), entry.link
        assert entry.id == entry.link  # a stable id: the article's address
        found.append(entry.link.removeprefix(SITE_URL + "actueel/").rstrip("/"))
    return found


def newest_first(articles, keep=lambda slug, data: True) -> list[str]:
    chosen = [(str(d["datum"]), s) for s, d in articles.items() if keep(s, d)]
    return [s for _, s in sorted(chosen, reverse=True)]


def test_every_feed_parses_without_errors(news):
    site, content, _ = news
    feeds = sorted((site / "feeds").rglob("*.xml"))
    themes = {p.stem for p in (content / "themas").glob("*.md")}
    assert {f.relative_to(site).as_posix() for f in feeds} >= (  # other feeds may be there too
        {"feeds/actueel.xml"}
        | {f"feeds/thema/{t}.xml" for t in themes}
        | {f"feeds/beweging/{m}.xml" for m in ("zorg", "langdurige-ggz", "jeugdzorg", "zorgonderwijs")})
    for feed in feeds:
        parsed = read_feed(site, feed.relative_to(site))
        assert parsed.feed.title and parsed.feed.language == "nl"
        assert parsed.feed.links[0].href == SITE_URL + feed.relative_to(site).as_posix()  # rel=self


def test_news_feed_holds_every_article_newest_first(news):
    site, _, articles = news
    feed = read_feed(site, "feeds/actueel.xml")
    assert slugs_in(feed) == newest_first(articles)
    for entry in feed.entries:
        data = articles[entry.link.removeprefix(SITE_URL + "actueel/").rstrip("/")]
        assert entry.title == data["titel"]  # escaped in the XML, the same text for the reader
        assert entry.summary == data["samenvatting"]
        assert entry.published.startswith(str(data["datum"]))
    assert HOSTILE_TITLE in [e.title for e in feed.entries]


def test_each_theme_feed_holds_the_news_of_the_theme_and_its_sub_themes(news):
    site, content, articles = news
    ancestors = theme_ancestors(content)
    for theme in ancestors:
        feed = read_feed(site, f"feeds/thema/{theme}.xml")
        expected = newest_first(articles, lambda s, d, theme=theme: any(theme in ancestors[t] for t in d["themas"]))
        assert slugs_in(feed) == expected, theme
        for entry in feed.entries:
            assert entry.tags, entry.link  # the themes, as categories


def test_each_movement_feed_holds_the_news_of_the_movement(news):
    site, _, articles = news
    for movement in ("zorg", "langdurige-ggz", "jeugdzorg", "zorgonderwijs"):
        feed = read_feed(site, f"feeds/beweging/{movement}.xml")
        expected = newest_first(articles, lambda s, d, movement=movement: movement in (d.get("bewegingen") or []))
        assert slugs_in(feed) == expected, movement
        assert feed.feed.link == f"{SITE_URL}bewegingen/{movement}/"


def announced(site, url) -> list[tuple[str, str]]:
    """(title, feed path) of each Atom feed a page announces, resolved like a browser does."""
    html = file_of(site, url).read_text(encoding="utf-8")
    head = html.split("</head>", 1)[0]
    found = []
    for tag in re.findall(r'<link rel="alternate" type="application/atom\+xml"[^>]*>', head):
        href = unescape(re.search(r'href="([^"]*)"', tag).group(1))
        title = unescape(re.search(r'title="([^"]*)"', tag).group(1))
        path = urlsplit(urljoin(url, href)).path
        assert file_of(site, path).is_file(), f"{url}: de feed {path} bestaat niet"
        found.append((title, path))
    return found


@pytest.mark.parametrize("url, feed", [
    ("/", "/feeds/actueel.xml"),
    ("/actueel/", "/feeds/actueel.xml"),
    ("/actueel/pagina/2/", "/feeds/actueel.xml"),
    ("/actueel/brief-met-bijlage/", "/feeds/actueel.xml"),
    ("/actueel/brief-met-bijlage/", "/feeds/thema/clientenraden.xml"),
    ("/themas/zeggenschap/", "/feeds/thema/zeggenschap.xml"),
    ("/themas/zeggenschap/pagina/2/", "/feeds/thema/zeggenschap.xml"),
    ("/themas/werkbezoeken/", "/feeds/thema/werkbezoeken.xml"),
    ("/bewegingen/", "/feeds/beweging/jeugdzorg.xml"),
    ("/bewegingen/jeugdzorg/", "/feeds/beweging/jeugdzorg.xml"),
])
def test_pages_announce_their_feeds_in_the_head(news, url, feed):
    site, _, _ = news
    feeds = announced(site, url)
    assert feed in [path for _, path in feeds], feeds
    assert all(title for title, _ in feeds)


def test_theme_and_movement_pages_link_to_their_feed_in_the_text(news):
    site, _, _ = news
    for url, feed in (("/themas/jeugd/", "/feeds/thema/jeugd.xml"),
                      ("/bewegingen/zorg/", "/feeds/beweging/zorg.xml")):
        html = file_of(site, url).read_text(encoding="utf-8")
        article = html.split('<article class="md-content__inner', 1)[1]
        hrefs = {urlsplit(urljoin(url, h)).path for h in re.findall(r'href="([^"]+)"', article)}
        assert feed in hrefs, url


def test_real_content_has_a_feed_for_every_theme_and_movement(built_site):
    for kind, folder in (("thema", "themas"), ("beweging", "bewegingen")):
        for item in (PROJECT / "content" / folder).glob("*.md"):
            read_feed(built_site, f"feeds/{kind}/{item.stem}.xml")
    assert len(read_feed(built_site, "feeds/actueel.xml").entries) == len(
        content_articles(PROJECT / "content"))


def test_no_two_entries_of_a_feed_share_an_updated_value_and_each_stays_on_its_date(news, built_site):
    """The W3C validator warns when entries share `updated` (articles of one day, organisations
    that joined in the same year). Each entry gets its own time on the content's own date, in
    the feed's order (newest first), and the feed's `updated` is its newest entry's."""
    for site in (news[0], built_site):
        for path in sorted((site / "feeds").rglob("*.xml")):
            feed = read_feed(site, path.relative_to(site))
            values = [entry.updated for entry in feed.entries]
            assert len(values) == len(set(values)), (path, sorted(v for v in values if values.count(v) > 1))
            moments = [datetime.fromisoformat(v) for v in values]
            assert moments == sorted(moments, reverse=True), path
            if values:
                assert feed.feed.updated == values[0], path
    # the news site's dates: each article's updated is on its own 'datum'
    site, _, articles = news
    for entry in read_feed(site, "feeds/actueel.xml").entries:
        slug = entry.link.removeprefix(SITE_URL + "actueel/").rstrip("/")
        assert entry.updated[:10] == str(articles[slug]["datum"]), slug
    joined = read_feed(built_site, "feeds/nieuwe-deelnemers.xml")
    assert len(joined.entries) > 10  # many organisations joined in the same year: the hard case
