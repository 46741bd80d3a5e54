"""Themes, keywords and movements: the pages that connect news, meetings and organisations."""

from __future__ import annotations

from markupsafe import Markup

from scripts.render.environment import markdown_text as _md
from scripts.feeds import calendar
from scripts.feeds import news as newsfeeds
from scripts.site.articles import list_meta, news_pages
from scripts.site.organisations import counts_sentence
from scripts.render.context import Context

PAST_SHOWN = 10  # older meetings on a theme or movement page; the archive has the rest
SECTIONS_ONLY_TOC = {"toc_depth": 2}  # overrides/theme/partials/toc-item.html: not every item on the page


def build(ctx: Context) -> None:
    build_themes(ctx)
    build_keywords(ctx)
    build_movements(ctx)


def build_themes(ctx: Context) -> None:
    site, index = ctx.site, ctx.index
    top = [t for t in site.themes.values() if not t.parent or t.parent not in site.themes]
    counts = {slug: len(index.articles_where(index.for_theme(slug)[1])) for slug in site.themes}
    ctx.page("themas/index.md", "listing.html", title="Thema's", kind="themas",
             description="De thema's waar de bewegingen aan werken.",
             body_template="themes.md.j2", top=sorted(top, key=lambda t: t.title.lower()),
             children=index.theme_children, counts=counts,
             feeds=[newsfeeds.all_news_link()],
             intro=Markup("Waar werken de bewegingen aan? Kies een thema voor het nieuws, de "
                          "bijeenkomsten en de organisaties die erbij horen."))
    for theme in site.themes.values():
        keep_meeting, keep_article = index.for_theme(theme.slug)
        upcoming, past = index.meetings_where(keep_meeting)
        feeds = [newsfeeds.theme_link(theme)]
        back = Markup(f"Nieuws over het thema [{_md(theme.title)}](/themas/{theme.slug}.md)")
        first, paths = news_pages(ctx, f"themas/{theme.slug}.md", f"themas/{theme.slug}",
                                  index.articles_where(keep_article), title=f"Nieuws over {theme.title}",
                                  back=back, description=theme.description, feeds=feeds)
        ctx.page(f"themas/{theme.slug}.md", "theme.html", title=theme.title, kind="thema",
                 description=theme.description, source=theme.source,
                 body_template="theme.md.j2", t=theme,
                 parent=site.themes.get(theme.parent), children=index.theme_children.get(theme.slug, []),
                 articles=first, news_paths=paths, article_count=counts[theme.slug],
                 upcoming=upcoming, past=past[:PAST_SHOWN], past_count=len(past),
                 organisations=index.organisations_in_theme(theme.slug),
                 feed=newsfeeds.theme_feed_path(theme.slug),
                 feeds=feeds + [calendar.feed_link(calendar.theme_feed(ctx, theme))],
                 extra=SECTIONS_ONLY_TOC,
                 calendar_block=calendar.subscribe_block(ctx, calendar.theme_feed(ctx, theme)))


def build_keywords(ctx: Context) -> None:
    index = ctx.index
    ctx.page("trefwoord/index.md", "listing.html", title="Trefwoorden", kind="trefwoorden",
             description="Alle trefwoorden van de berichten, met het aantal berichten.",
             body_template="keywords.md.j2", keywords=list(index.keywords.values()),
             intro=Markup("Elk bericht heeft een paar trefwoorden. Tussen haakjes staat hoeveel "
                          "berichten een trefwoord hebben."))
    for keyword in index.keywords.values():
        back = Markup(f"Berichten met het trefwoord [{_md(keyword.label)}](/trefwoord/{keyword.slug}.md)")
        first, paths = news_pages(ctx, f"trefwoord/{keyword.slug}.md", f"trefwoord/{keyword.slug}",
                                  list(keyword.articles), title=f"Trefwoord: {keyword.label}",
                                  back=back, description=f"Berichten met het trefwoord {keyword.label}.",
                                  feeds=[newsfeeds.all_news_link()])
        ctx.page(f"trefwoord/{keyword.slug}.md", "listing.html", title=f"Trefwoord: {keyword.label}",
                 kind="trefwoord", description=f"Berichten met het trefwoord {keyword.label}.",
                 body_template="keyword.md.j2", k=keyword, items=first, paths=paths,
                 extra=list_meta(1))


def build_movements(ctx: Context) -> None:
    site, index = ctx.site, ctx.index
    movements = sorted(site.movements.values(), key=lambda m: (m.started, m.name))
    ctx.page("bewegingen/index.md", "listing.html", title="Bewegingen", kind="bewegingen",
             description="De bewegingen voor radicale vernieuwing: zorg, langdurige ggz, jeugdzorg en zorgonderwijs.",
             body_template="movements.md.j2", movements=movements,
             members={m.slug: index.movement_counts(m.slug) for m in movements},
             counts=counts_sentence(index.organisation_counts),
             feeds=[newsfeeds.movement_link(m) for m in movements],
             intro=Markup("Radicale vernieuwing begon in 2017 in de verpleeghuiszorg. Daarna "
                          "volgden bewegingen in andere delen van de zorg. Elke beweging heeft "
                          "eigen deelnemers, bijeenkomsten en nieuws."))
    for movement in site.movements.values():
        keep_meeting, keep_article = index.for_movement(movement.slug)
        upcoming, past = index.meetings_where(keep_meeting)
        members = sorted((o for o in site.organisations.values() if movement.slug in o.movements),
                         key=lambda o: o.name.lower())
        articles = index.articles_where(keep_article)
        feeds = [newsfeeds.movement_link(movement)]
        back = Markup(f"Nieuws van [{_md(movement.name)}](/bewegingen/{movement.slug}.md)")
        first, paths = news_pages(ctx, f"bewegingen/{movement.slug}.md", f"bewegingen/{movement.slug}",
                                  articles, title=f"Nieuws van {movement.name}", back=back,
                                  description=movement.description, feeds=feeds)
        ctx.page(f"bewegingen/{movement.slug}.md", "movement.html", title=movement.name,
                 kind="beweging", description=movement.description, source=movement.source,
                 body_template="movement.md.j2", mv=movement,
                 organisations=[o for o in members if not o.is_former],
                 counts=index.movement_counts(movement.slug),
                 former=[o for o in members if o.is_former], upcoming=upcoming,
                 past=past[:PAST_SHOWN], past_count=len(past),
                 articles=first, news_paths=paths, article_count=len(articles),
                 feed=newsfeeds.movement_feed_path(movement.slug),
                 feeds=feeds + [calendar.feed_link(calendar.movement_feed(ctx, movement))],
                 extra=SECTIONS_ONLY_TOC,
                 calendar_block=calendar.subscribe_block(ctx, calendar.movement_feed(ctx, movement)))

