"""Issue 5: the real content is browsable by theme, keyword and movement. Theme pages list
their news, meetings and organisations; keyword pages and the keyword index agree; movement pages
tell the movement's story with its organisations, meetings, news and feed. A theme that is still
used cannot be removed without the validator naming every file that uses it."""

from __future__ import annotations

import re
import shutil
from html import unescape
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import PROJECT, run_check
from scripts.content.loader import load_content
from newsfixture import (content_articles, file_of, front_matter, listed_articles,
                         pages_of, theme_ancestors)

CONTENT = PROJECT / "content"
MODEL = load_content(CONTENT).site
MOVEMENTS = ("zorg", "langdurige-ggz", "jeugdzorg", "zorgonderwijs")


def items(folder: str) -> dict[str, dict]:
    return {p.stem: front_matter(p) for p in sorted((CONTENT / folder).rglob("*.md"))}


def in_content(site, url: str, prefix: str) -> set[str]:
    """Links in the page's own content (not the navigation) starting with `prefix`."""
    html = file_of(site, url).read_text(encoding="utf-8")
    body = html.split('<article class="md-content__inner', 1)[1].rsplit("</article>", 1)[0]
    paths = set()
    for href in re.findall(r'href="([^"#]+)"', body):
        paths.add(urlsplit(urljoin(url, href)).path)
    return {p for p in paths if p.startswith(prefix) and p != prefix}


def test_theme_index_leads_to_every_theme(built_site):
    assert in_content(built_site, "/themas/", "/themas/") == {f"/themas/{t}/" for t in items("themas")}


def test_theme_pages_list_news_meetings_and_organisations(built_site):
    ancestors = theme_ancestors(CONTENT)
    meetings, articles = items("bijeenkomsten"), content_articles(CONTENT)
    for theme, data in items("themas").items():
        url = f"/themas/{theme}/"
        html = file_of(built_site, url).read_text(encoding="utf-8")
        assert data["titel"] in html and data["beschrijving"] in html

        def about(item, theme=theme):
            return any(theme in ancestors[t] for t in item.get("themas") or [])
        news = {s for s, a in articles.items() if about(a)}
        assert set(listed_articles(built_site, url)) == news, theme

        expected = {f"/bijeenkomsten/{s}/" for s, m in meetings.items() if about(m)}
        shown = in_content(built_site, url, "/bijeenkomsten/") - {"/bijeenkomsten/archief/"}
        assert shown <= expected, theme
        assert len(shown) == min(len(expected), 10), theme  # all upcoming + the last ten

        organisations = {o for m in meetings.values() if about(m) for o in m.get("organisatoren") or []}
        organisations |= {o for a in articles.values() if about(a) for o in a.get("organisaties") or []}
        assert_a_few_and_a_list(built_site, url, f"/deelnemers/thema/{theme}/",
                                {f"/deelnemers/{o}/" for o in organisations})

        children = {s for s, t in items("themas").items() if t.get("ouder") == theme}
        linked_themes = in_content(built_site, url, "/themas/")
        assert {f"/themas/{c}/" for c in children} <= linked_themes
        if data.get("ouder"):
            assert f"/themas/{data['ouder']}/" in linked_themes
        assert f"/feeds/thema/{theme}.xml" in in_content(built_site, url, "/feeds/")


def test_keyword_index_counts_match_the_keyword_pages(built_site):
    html = file_of(built_site, "/trefwoord/").read_text(encoding="utf-8")
    entries = re.findall(r'<a href="([^"]+)">([^<]+)</a> \((\d+)\)', html)
    articles = content_articles(CONTENT)
    labels = {label.lower() for a in articles.values() for label in a.get("trefwoorden") or []}
    assert len(entries) == len(labels)
    for href, label, count in entries:
        label = unescape(label)
        page = urlsplit(urljoin("/trefwoord/", href)).path
        listed = listed_articles(built_site, page)
        assert len(listed) == int(count), label
        for slug in listed:
            assert label.lower() in {k.lower() for k in articles[slug].get("trefwoorden") or []}


def test_movement_pages_tell_the_story_with_organisations_meetings_and_news(built_site):
    meetings, articles, organisations = items("bijeenkomsten"), content_articles(CONTENT), items("deelnemers")
    for slug, movement in items("bewegingen").items():
        url = f"/bewegingen/{slug}/"
        html = file_of(built_site, url).read_text(encoding="utf-8")
        assert movement["naam"] in html and movement["beschrijving"] in html
        assert f"in {movement['gestart']}" in html
        first_line = front_matter_body(CONTENT / "bewegingen" / f"{slug}.md").split(".")[0]
        assert first_line in html  # the story
        members = {f"/deelnemers/{o}/" for o, d in organisations.items() if slug in d["bewegingen"]}
        current = {f"/deelnemers/{o.slug}/" for o in MODEL.organisations.values()
                   if slug in o.movements and not o.is_former}
        assert_a_few_and_a_list(built_site, url, f"/deelnemers/beweging/{slug}/", members, current)
        expected = {f"/bijeenkomsten/{s}/" for s, m in meetings.items() if m["beweging"] == slug}
        shown = in_content(built_site, url, "/bijeenkomsten/") - {"/bijeenkomsten/archief/"}
        assert shown <= expected and len(shown) == min(len(expected), 10), slug
        news = {s for s, a in articles.items() if slug in (a.get("bewegingen") or [])}
        assert set(listed_articles(built_site, url)) == news, slug
        assert f"/feeds/beweging/{slug}.xml" in in_content(built_site, url, "/feeds/")


def assert_a_few_and_a_list(site, url: str, list_url: str, organisations: set[str],
                            choice: set[str] | None = None) -> None:
    """A theme or movement page names a few of its organisations (from `choice`, all when they
    are few) and links to the list of all of them, on pages that together hold each once."""
    from scripts.pages.themes import ORGANISATIONS_SHOWN
    choice = organisations if choice is None else choice
    shown = in_content(site, url, "/deelnemers/")
    if not organisations:
        assert not shown, url
        return
    assert list_url in shown, url
    shown -= {list_url}
    assert shown <= choice and len(shown) == min(len(choice), ORGANISATIONS_SHOWN), url
    listed = [p for page in pages_of(site, list_url) for p in sorted(in_content(site, page, "/deelnemers/"))
              if p.count("/") == 3]
    assert sorted(listed) == sorted(organisations), list_url


def front_matter_body(path) -> str:
    return path.read_text(encoding="utf-8").split("---", 2)[2].strip()


def test_every_article_is_reachable_by_theme_keyword_and_movement(built_site):
    """From each index, one page further, every article is listed."""
    articles = content_articles(CONTENT)
    by_theme = {s for page in in_content(built_site, "/themas/", "/themas/")
                for s in listed_articles(built_site, page)}
    assert by_theme == set(articles)
    by_keyword = {s for page in in_content(built_site, "/trefwoord/", "/trefwoord/")
                  for s in listed_articles(built_site, page)}
    assert by_keyword == {s for s, a in articles.items() if a.get("trefwoorden")}
    by_movement = {s for page in in_content(built_site, "/bewegingen/", "/bewegingen/")
                   for s in listed_articles(built_site, page)}
    assert by_movement == {s for s, a in articles.items() if a.get("bewegingen")}
    for page in ("/themas/", "/trefwoord/", "/bewegingen/"):
        assert len(pages_of(built_site, page)) == 1


@pytest.mark.browser
def test_a_visitor_browses_by_theme_keyword_and_movement(page, site_url):
    page.goto(site_url + "/")
    page.get_by_role("link", name="Thema's", exact=True).first.click()
    page.wait_for_url("**/themas/")
    content = page.locator("article.md-content__inner")
    content.get_by_role("link", name="Leren en ontmoeten", exact=True).first.click()
    page.wait_for_url("**/themas/leren-en-ontmoeten/")
    assert page.locator("h2#nieuws").count() == 1
    page.locator("article.rv-item--artikel h3 a").first.click()
    page.wait_for_url("**/actueel/*/")
    # The h1's permalink ('#') is not part of the title; the cards' headings have none.
    title = page.locator("h1").inner_text().removesuffix("#")
    keyword = page.locator(".rv-feiten a[href*='trefwoord/']").first
    keyword_text = keyword.inner_text()
    keyword.click()
    page.wait_for_url("**/trefwoord/*/")
    assert keyword_text in page.locator("h1").inner_text()
    assert title in page.locator("article.rv-item--artikel h2").all_inner_texts()

    page.get_by_role("link", name="Bewegingen", exact=True).first.click()
    page.wait_for_url("**/bewegingen/")
    content.get_by_role("link", name="Radicale vernieuwing jeugdzorg", exact=True).first.click()
    page.wait_for_url("**/bewegingen/jeugdzorg/")
    assert page.locator("article.rv-item--artikel").count() >= 1
    assert page.locator("link[rel=alternate][type='application/atom+xml']").count() >= 1


def test_a_theme_still_in_use_cannot_be_removed(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    theme = "leren-en-ontmoeten"  # used by articles, meetings and as the parent of sub-themes
    users = sorted(p.relative_to(tmp_path).as_posix() for p in content.rglob("*.md")
                   if not any(part.startswith("_") for part in p.relative_to(content).parts)
                   and (theme in (front_matter(p).get("themas") or [])
                        or front_matter(p).get("ouder") == theme))
    assert {u.split("/")[1] for u in users} == {"actueel", "bijeenkomsten", "themas"}
    (content / "themas" / f"{theme}.md").unlink()
    result = run_check(content)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    for user in users:
        found = [i for i, line in enumerate(lines) if line.startswith(f"{user}:")]
        assert found, f"{user} niet genoemd\n{result.stdout}"
        assert f"Het thema '{theme}' bestaat niet" in lines[found[0]]
        assert re.match(rf"{re.escape(user)}:\d+: (themas\[\d+\]|ouder):", lines[found[0]])
        assert f"content/themas/{theme}.md verwijderd" in lines[found[0] + 1]
        assert f"{len(users)} bestanden" in lines[found[0] + 1]
    assert f"{len(users)} problemen gevonden in {len(users)} bestanden" in result.stdout
