"""Atom feeds of the news: all news, one per theme and one per movement (under /feeds/).

Feeds hold every matching article, newest first, so a feed reader that starts late still finds
the whole history. Only titles and summaries go in: article bodies may hold site-relative links
that would not work inside a feed reader.
"""

from __future__ import annotations

from scripts.feeds.atom import AtomEntry, atom_feed
from scripts.model.items import Article, Movement, Theme
from scripts.render.context import Context

ATOM = "application/atom+xml"


def all_news_path() -> str:
    return "feeds/actueel.xml"


def theme_feed_path(slug: str) -> str:
    return f"feeds/thema/{slug}.xml"


def movement_feed_path(slug: str) -> str:
    return f"feeds/beweging/{slug}.xml"


def link(title: str, path: str) -> dict:
    """An entry for Context.page(feeds=…): a <link rel="alternate"> in the page's head.

    The href has no leading slash, so MkDocs' `url` filter makes it relative to the page and
    it keeps working when the site is served from a sub-folder."""
    return {"type": ATOM, "title": title, "href": path}


def all_news_link() -> dict:
    return link("Al het nieuws van Radicale vernieuwing", all_news_path())


def theme_link(theme: Theme) -> dict:
    return link(f"Nieuws over {theme.title}", theme_feed_path(theme.slug))


def movement_link(movement: Movement) -> dict:
    return link(f"Nieuws van {movement.name}", movement_feed_path(movement.slug))


def entry(ctx: Context, article: Article) -> AtomEntry:
    url = ctx.absolute(f"actueel/{article.slug}/")
    themes = tuple(ctx.site.themes[t].title for t in article.themes if t in ctx.site.themes)
    return AtomEntry(id=url, title=article.title, link=url, updated=article.date,
                     summary=article.summary, categories=themes)


def write_feed(ctx: Context, path: str, page: str, title: str, subtitle: str,
               articles: list[Article]) -> None:
    ctx.out.binary(path, atom_feed(
        feed_url=ctx.absolute(path), page_url=ctx.absolute(page), title=title, subtitle=subtitle,
        entries=[entry(ctx, a) for a in articles], empty_updated=ctx.index.build_date))


def build(ctx: Context) -> None:
    index, site = ctx.index, ctx.site
    name = ctx.settings.site_name
    write_feed(ctx, all_news_path(), "actueel/", f"{name}: al het nieuws",
               "Het nieuws van de bewegingen voor radicale vernieuwing in de zorg.", index.articles)
    for theme in site.themes.values():
        _, keep_article = index.for_theme(theme.slug)
        write_feed(ctx, theme_feed_path(theme.slug), f"themas/{theme.slug}/",
                   f"Nieuws over {theme.title} ({name})", theme.description, index.articles_where(keep_article))
    for movement in site.movements.values():
        _, keep_article = index.for_movement(movement.slug)
        write_feed(ctx, movement_feed_path(movement.slug), f"bewegingen/{movement.slug}/",
                   f"Nieuws van {movement.name}", movement.description,
                   index.articles_where(keep_article))
