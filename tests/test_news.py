"""Issue 5: news ("actueel") on the built site. Every article is on the news index exactly once,
newest first, and on each of its theme, keyword and movement pages; an article page shows its
themes, keywords, organisations, sources, downloads and related articles."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from urllib.parse import urljoin, urlsplit

from babel.dates import format_date

from newsfixture import (GENERATED, HOSTILE_TITLE, article_slugs_on, file_of,
                         links_from, listed_articles, pages_of, parse,
                         theme_ancestors)



def newest_first(articles: dict) -> list[str]:
    return [slug for slug, _ in sorted(articles.items(), key=lambda kv: (str(kv[1]["datum"]), kv[0]),
                                       reverse=True)]


def test_the_fixture_fills_several_pages(news):
    _, _, articles = news
    assert len(articles) > 2 * 20 and GENERATED > 40


def test_news_index_lists_every_article_once_newest_first(news):
    site, _, articles = news
    pages = pages_of(site, "/actueel/")
    assert len(pages) == -(-len(articles) // 20)
    assert pages[1:] == [f"/actueel/pagina/{n}/" for n in range(2, len(pages) + 1)]
    listed = listed_articles(site, "/actueel/")
    assert Counter(listed) == Counter(set(articles)), "elk bericht precies één keer"
    assert listed == newest_first(articles)
    for page in pages:
        assert len(article_slugs_on(site, page)) <= 20


def test_pager_goes_back_and_marks_the_current_page(news):
    site, _, _ = news
    pages = pages_of(site, "/actueel/")
    for number, page in enumerate(pages, start=1):
        html = file_of(site, page).read_text(encoding="utf-8")
        assert f'<span aria-current="page">{number}</span>' in html
        previous = [l for l in parse(site, page).links if l["rel"] == "prev"]
        if number == 1:
            assert not previous
        else:
            assert urlsplit(urljoin(page, previous[0]["href"])).path == pages[number - 2]


def test_each_item_has_a_dutch_date_title_summary_and_themes(news):
    site, content, articles = news
    titles = {p.stem: p for p in (content / "themas").glob("*.md")}
    html = file_of(site, "/actueel/").read_text(encoding="utf-8")
    items = re.findall(r'<article class="rv-item rv-item--artikel">(.*?)</article>', html, re.S)
    assert len(items) == 20
    for slug, item in zip(article_slugs_on(site, "/actueel/"), items, strict=True):
        data = articles[slug]
        day = date.fromisoformat(str(data["datum"]))
        assert f'<time datetime="{day.isoformat()}">{format_date(day, "d MMMM y", locale="nl")}</time>' in item
        for theme in data["themas"]:
            assert f"../themas/{theme}/" in item and theme in titles
    plain = [s for s in article_slugs_on(site, "/actueel/") if s.startswith("testbericht")]
    assert articles[plain[0]]["samenvatting"] in html


def test_every_article_is_on_each_of_its_theme_pages(news):
    site, content, articles = news
    ancestors = theme_ancestors(content)
    expected: dict[str, set[str]] = {theme: set() for theme in ancestors}
    for slug, data in articles.items():
        for theme in data["themas"]:
            for owner in ancestors[theme]:  # a sub-theme's news is also its parent's news
                expected[owner].add(slug)
    assert max(len(v) for v in expected.values()) > 20  # some theme pages are paginated
    for theme, slugs in expected.items():
        listed = listed_articles(site, f"/themas/{theme}/")
        assert Counter(listed) == Counter(slugs), theme
        assert listed == [s for s in newest_first(articles) if s in slugs], theme


def test_every_article_is_on_each_of_its_keyword_pages(news):
    site, _, articles = news
    keyword_pages = links_from(site, "/trefwoord/", "/trefwoord/") - {"/trefwoord/"}
    on_keyword_pages: dict[str, list[str]] = {page: listed_articles(site, page) for page in keyword_pages}
    for slug, data in articles.items():
        pages = links_from(site, f"/actueel/{slug}/", "/trefwoord/") - {"/trefwoord/"}
        labels = data.get("trefwoorden") or []
        assert len(pages) == len({l.lower() for l in labels}), slug
        for page in pages:
            assert on_keyword_pages[page].count(slug) == 1, (slug, page)
    for page, listed in on_keyword_pages.items():
        assert len(listed) == len(set(listed)), page
    assert any(len(pages_of(site, page)) > 1 for page in keyword_pages)  # paginated too


def test_keyword_index_counts_articles(news):
    site, _, _ = news
    html = file_of(site, "/trefwoord/").read_text(encoding="utf-8")
    for href, count in re.findall(r'<a href="([^"]+)">[^<]*</a> \((\d+)\)', html):
        assert len(listed_articles(site, urlsplit(urljoin("/trefwoord/", href)).path)) == int(count)


def test_every_article_is_on_each_of_its_movement_pages(news):
    site, _, articles = news
    for movement in ("zorg", "langdurige-ggz", "jeugdzorg", "zorgonderwijs"):
        expected = {s for s, d in articles.items() if movement in (d.get("bewegingen") or [])}
        listed = listed_articles(site, f"/bewegingen/{movement}/")
        assert Counter(listed) == Counter(expected), movement


def test_article_page_shows_everything_it_refers_to(news):
    site, content, articles = news
    page = "/actueel/brief-met-bijlage/"
    html = file_of(site, page).read_text(encoding="utf-8")
    assert "Geplaatst op 1 maart 2024" in html
    assert links_from(site, page, "/themas/") >= {"/themas/landelijk-beleid/", "/themas/clientenraden/"}
    assert links_from(site, page, "/trefwoord/") - {"/trefwoord/"} == {"/trefwoord/tweede-kamer/",
                                                                       "/trefwoord/brief/"}
    assert links_from(site, page, "/deelnemers/") - {"/deelnemers/"} == {"/deelnemers/loc/",
                                                                         "/deelnemers/topaz/"}
    assert links_from(site, page, "/bewegingen/") >= {"/bewegingen/zorg/", "/bewegingen/langdurige-ggz/"}
    assert 'href="https://www.tweedekamer.nl/"' in html  # source
    assert 'href="https://example.org/brief.pdf"' in html  # download elsewhere
    pdf = links_from(site, page, "/actueel/downloads/")
    assert pdf == {"/actueel/downloads/test-brief.pdf"}
    data = file_of(site, pdf.pop()).read_bytes()
    # Issue 19: published as rewritten by qpdf (scripts/content/pdfs.py), not byte for byte;
    # another PDF library reads the same page and text from it.
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    import io
    import pypdf
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1 and "Brief aan de Tweede Kamer" in reader.pages[0].extract_text()


def test_related_articles_share_a_theme(news):
    site, _, articles = news
    for slug in ("brief-met-bijlage", "testbericht-00", "vijf-jaar-radicale-vernieuwing-zorg"):
        related = article_slugs_on(site, f"/actueel/{slug}/")
        assert related, slug
        assert slug not in related
        for other in related:
            assert set(articles[other]["themas"]) & set(articles[slug]["themas"]), (slug, other)


def test_contributed_text_is_shown_as_text(news):
    site, _, _ = news
    html = file_of(site, "/actueel/vijandige-titel/").read_text(encoding="utf-8")
    body = html.split('<article class="md-content__inner', 1)[1]
    assert 'href="javascript:' not in html
    assert "<em>" not in body and "<code>" not in body
    assert "Zorg &amp; &quot;zeggenschap&quot; [klik](javascript:alert(1)) *vet* 1 &lt; 2 &gt; 0 `x`" in html
    assert "Samenvatting met _nadruk_ &amp;" in body
    listing = "".join(file_of(site, p).read_text(encoding="utf-8") for p in pages_of(site, "/actueel/"))
    assert 'href="javascript:' not in listing and "<em>nadruk</em>" not in listing
    assert HOSTILE_TITLE.startswith("Zorg & ")
