"""News ("actueel"): the paginated index with its filters, a page per article, and the paged
news lists that theme, keyword and movement pages share.

Filters and static pages together: the news index is paged (actueel/, actueel/pagina/<n>/, 20 a
page), and every page carries the same filter form (movement, theme, year; _filters.md.j2). A
choice must look at the whole list, not at the 20 items of the page shown, so the filter script
(docs/assets/javascripts/filters.js) reads the whole list once, on the first choice, from a
compact data file (actueel/berichten.json: only what an item shows and the values to filter on)
and shows the matches in place of the page's own list and pager, a page's worth at a time. Holding every
item in every page instead (hidden) would make each of the pages as heavy as the whole archive.
Without script the pages are plain paged lists, and each movement and theme is a link to its own
page, which lists the same articles in the same order."""

from __future__ import annotations

import posixpath
from collections import defaultdict

from markupsafe import Markup

from scripts.index import themes_with_parents
from scripts.model.items import Article, Meeting, Site
from scripts.model.slugs import slugify
from scripts.feeds import news as newsfeeds
from scripts.render import dutch
from scripts.render.context import PAGE_SIZE, Context, json_dumps_for_html, paginate, pagination_paths

LISTING_DESCRIPTION = "Nieuws van de bewegingen voor radicale vernieuwing in de zorg."
DATA_PATH = "actueel/berichten.json"  # every article, compact, for the filters


def news_filters(ctx: Context, articles: list[Article]) -> list[dict]:
    """Movement, theme and year, each with only the values that articles have. Without script a
    movement or theme is a link to its page, which lists the same articles."""
    site = ctx.site
    used_movements = {m for a in articles for m in a.movements}
    movements = sorted((m for m in site.movements.values() if m.slug in used_movements),
                       key=lambda m: (m.started, m.name))
    themes = sorted({t for a in articles for t in themes_with_parents(site, a.themes)},
                    key=lambda t: (site.themes[t].title.lower(), t))
    years = sorted({a.date.year for a in articles}, reverse=True)
    return [
        {"name": "beweging", "label": "Beweging", "all": "Alle bewegingen",
         "options": [(m.slug, m.name) for m in movements],
         "links": {m.slug: f"/bewegingen/{m.slug}.md" for m in movements}},
        {"name": "thema", "label": "Thema", "all": "Alle thema's",
         "options": [(t, site.themes[t].title) for t in themes],
         "links": {t: f"/themas/{t}.md" for t in themes}},
        {"name": "jaar", "label": "Jaar", "all": "Alle jaren",
         "options": [(str(y), str(y)) for y in years]},
    ]


def item_data(site: Site, article: Article) -> tuple[tuple[str, str], ...]:
    """The data-* attributes of an item on the news pages: the values the filters read, and
    data-rv-static: the script hides the page's own items while it shows a choice from the
    whole list. (On the items, not on a wrapper: a wrapper around the blank-line-separated
    items would keep scripts/assembly/finished_html.py from setting the page's HTML apart.)"""
    return (("data-rv-item", ""), ("data-rv-static", ""), ("data-beweging", " ".join(article.movements)),
            ("data-thema", " ".join(themes_with_parents(site, article.themes))),
            ("data-jaar", str(article.date.year)))


def news_data(ctx: Context, articles: list[Article]) -> str:
    """The whole news list, newest first, for the filters: what an item shows (title, date,
    movements, themes, summary) and the values to filter on. The script inserts it as text."""
    site = ctx.site
    fields = ["slug", "titel", "datum", "dag", "samenvatting", "bewegingen", "themas",
              "beweging", "thema", "jaar"]
    rows = [[a.slug, a.title, a.date.isoformat(), dutch.day(a.date), a.summary,
             " ".join(m for m in a.movements if m in site.movements),
             " ".join(t for t in a.themes if t in site.themes),
             " ".join(a.movements), " ".join(themes_with_parents(site, a.themes)), str(a.date.year)]
            for a in articles]
    names = {"beweging": {m.slug: m.name for m in site.movements.values()},
             "thema": {t.slug: t.title for t in site.themes.values()}}
    return json_dumps_for_html({"velden": fields, "berichten": rows, "namen": names}) + "\n"


def build(ctx: Context) -> None:
    pages = paginate(ctx.index.articles)
    paths = pagination_paths("actueel", len(pages))
    feeds = [newsfeeds.all_news_link()]
    filters = news_filters(ctx, ctx.index.articles)
    for number, (items, path) in enumerate(zip(pages, paths, strict=True), start=1):
        title = "Actueel" if number == 1 else f"Actueel, pagina {number}"
        ctx.page(path, "listing.html", title=title, kind="actueel", description=LISTING_DESCRIPTION,
                 body_template="articles.md.j2", items=[(a, item_data(ctx.site, a)) for a in items],
                 current=number, paths=paths,
                 total=len(ctx.index.articles), feeds=feeds, extra=list_meta(number),
                 filters=filters if ctx.index.articles else [], data_url=relative_file(path, DATA_PATH),
                 page_size=PAGE_SIZE,
                 intro=Markup("Het nieuws van de bewegingen, het nieuwste bovenaan. Zoek je een "
                              "onderwerp? Kijk bij de [thema's](/themas/index.md), de "
                              "[trefwoorden](/trefwoord/index.md) of de "
                              "[bewegingen](/bewegingen/index.md).") if number == 1 else Markup(""))
    ctx.out.text(DATA_PATH, news_data(ctx, ctx.index.articles))
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


def relative_file(page: str, target: str) -> str:
    """The address of the file `target` as seen from the published page of the docs file
    `page` (`actueel/pagina/2.md` is published as `actueel/pagina/2/`)."""
    stem = page.removesuffix(".md")
    folder = stem.removesuffix("/index") if stem.endswith("/index") else stem
    return posixpath.relpath(target, folder)


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
