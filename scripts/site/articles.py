"""News ("actueel"): the paginated index, a page per article, and the paged news lists that
theme, keyword and movement pages share."""

from __future__ import annotations

from collections import defaultdict

from markupsafe import Markup

from scripts.model.items import Article, Meeting
from scripts.model.slugs import slugify
from scripts.feeds import news as newsfeeds
from scripts.render.context import Context, paginate, pagination_paths

LISTING_DESCRIPTION = "Nieuws van de bewegingen voor radicale vernieuwing in de zorg."


def build(ctx: Context) -> None:
    pages = paginate(ctx.index.articles)
    paths = pagination_paths("actueel", len(pages))
    feeds = [newsfeeds.all_news_link()]
    for number, (items, path) in enumerate(zip(pages, paths, strict=True), start=1):
        title = "Actueel" if number == 1 else f"Actueel, pagina {number}"
        ctx.page(path, "listing.html", title=title, kind="actueel", description=LISTING_DESCRIPTION,
                 body_template="articles.md.j2", items=items, current=number, paths=paths,
                 total=len(ctx.index.articles), feeds=feeds, extra=list_meta(number),
                 intro=Markup("Het nieuws van de bewegingen, het nieuwste bovenaan. Zoek je een "
                              "onderwerp? Kijk bij de [thema's](/themas/index.md), de "
                              "[trefwoorden](/trefwoord/index.md) of de "
                              "[bewegingen](/bewegingen/index.md).") if number == 1 else Markup(""))
    reports: dict[str, list[Meeting]] = defaultdict(list)  # article → the meetings it reports on
    for meeting in ctx.site.meetings.values():  # once, not a scan of all meetings per article
        if meeting.report:
            reports[meeting.report].append(meeting)
    for article in ctx.index.articles:
        build_article_page(ctx, article, feeds, reports.get(article.slug, []))


def build_article_page(ctx: Context, article: Article, feeds: list, reported: list[Meeting]) -> None:
    keywords = [ctx.index.keywords[s] for s in dict.fromkeys(slugify(k) for k in article.keywords)
                if s in ctx.index.keywords]
    themes = [ctx.site.themes[t] for t in article.themes if t in ctx.site.themes]
    ctx.page(f"actueel/{article.slug}.md", "article.html", title=article.title,
             kind="artikel", description=article.summary, source=article.source,
             body_template="article.md.j2", a=article, keywords=keywords,
             reported=reported,
             related=ctx.index.related_articles(article),
             feeds=feeds + [newsfeeds.theme_link(t) for t in themes],
             json_ld=_json_ld(ctx, article),
             extra={"date": article.date.isoformat()})


def _json_ld(ctx: Context, article: Article) -> dict:
    return {"@context": "https://schema.org", "@type": "NewsArticle", "headline": article.title,
            "description": article.summary, "datePublished": article.date.isoformat(),
            "inLanguage": "nl", "url": ctx.absolute(f"actueel/{article.slug}/"),
            "image": ctx.absolute("assets/images/deelkaart.png"),
            "publisher": {"@type": "Organization", "name": ctx.settings.site_name}}


def list_meta(number: int) -> dict:
    """Front matter of a page that is a list of news items: its table of contents would only
    repeat the titles, and later pages only repeat summaries that search finds on the
    articles themselves."""
    meta: dict[str, object] = {"hide": ["toc"]}
    if number > 1:
        meta["search"] = {"exclude": True}
    return meta


def news_pages(ctx: Context, first: str, folder: str, articles: list[Article], *, title: str,
               back: Markup, description: str, feeds: list) -> tuple[list[Article], list[str]]:
    """Page 1 of a news list lives on the page at `first` (a theme, keyword or movement page);
    pages 2… are written here as `<folder>/pagina/<n>.md`. Returns page 1's items and all paths."""
    pages = paginate(articles)
    paths = [first] + [f"{folder}/pagina/{n}.md" for n in range(2, len(pages) + 1)]
    for number in range(2, len(pages) + 1):
        ctx.page(paths[number - 1], "listing.html", title=f"{title}, pagina {number}",
                 kind="actueel", description=description, body_template="news_page.md.j2",
                 items=pages[number - 1], current=number, paths=paths, back=back, feeds=feeds,
                 extra=list_meta(number))
    return pages[0], paths
