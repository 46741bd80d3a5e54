"""Themes, keywords and movements: the pages that connect news, meetings and organisations."""

from __future__ import annotations

from collections import Counter

from markupsafe import Markup

from scripts.render.environment import markdown_text as _md
from scripts.pages import calendar_blocks
from scripts.render import calendar_addresses as addresses
from scripts.feeds import news as newsfeeds
from scripts.pages.articles import list_meta, news_pages
from scripts.model.items import Article, Organisation
from scripts.model.occurrences import Occurrence
from scripts.pages import embed
from scripts.pages import organisations as directory
from scripts.pages.organisations import counts_sentence, entry_of
from scripts.render.organisation_text import sort_name
from scripts.render.context import Context

PAST_SHOWN = 10  # older meetings on a theme or movement page; the archive has the rest
UPCOMING_SHOWN = 10  # the next meetings on a theme or movement page; the agenda has the rest
ORGANISATIONS_SHOWN = 16  # organisations on a theme or movement page; their own list has all
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
        articles = index.articles_where(keep_article)
        organisations = index.organisations_in_theme(theme.slug)
        list_path = directory.build_theme_list(ctx, theme.slug, theme.title, organisations) if organisations else ""
        feeds = [newsfeeds.theme_link(theme)]
        back = Markup(f"Nieuws over het thema [{_md(theme.title)}](/themas/{theme.slug}.md)")
        first, paths = news_pages(ctx, f"themas/{theme.slug}.md", f"themas/{theme.slug}",
                                  articles, title=f"Nieuws over {theme.title}",
                                  back=back, description=theme.description, feeds=feeds)
        ctx.page(f"themas/{theme.slug}.md", "theme.html", title=theme.title, kind="thema",
                 description=theme.description, source=theme.source,
                 body_template="theme.md.j2", t=theme,
                 parent=site.themes.get(theme.parent), children=index.theme_children.get(theme.slug, []),
                 articles=first, news_paths=paths, article_count=counts[theme.slug],
                 upcoming=upcoming[:UPCOMING_SHOWN], upcoming_count=len(upcoming),
                 past=past[:PAST_SHOWN], past_count=len(past),
                 organisations=[entry_of(o) for o in most_active(organisations, upcoming + past, articles)],
                 organisation_count=len(organisations), organisations_path=list_path,
                 feed_href=directory.relative_file(f"themas/{theme.slug}.md", newsfeeds.theme_feed_path(theme.slug)),
                 feeds=feeds + [calendar_blocks.feed_link(addresses.theme_feed(ctx, theme))],
                 extra=SECTIONS_ONLY_TOC,
                 calendar_block=calendar_blocks.subscribe_block(ctx, addresses.theme_feed(ctx, theme)),
                 embed_block=embed.snippet(ctx, "thema", theme.slug, theme.title))


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
        members = [o for o in site.organisations.values() if movement.slug in o.movements]
        current = [o for o in members if not o.is_former]
        articles = index.articles_where(keep_article)
        feeds = [newsfeeds.movement_link(movement)]
        back = Markup(f"Nieuws van [{_md(movement.name)}](/bewegingen/{movement.slug}.md)")
        first, paths = news_pages(ctx, f"bewegingen/{movement.slug}.md", f"bewegingen/{movement.slug}",
                                  articles, title=f"Nieuws van {movement.name}", back=back,
                                  description=movement.description, feeds=feeds)
        ctx.page(f"bewegingen/{movement.slug}.md", "movement.html", title=movement.name,
                 kind="beweging", description=movement.description, source=movement.source,
                 body_template="movement.md.j2", mv=movement,
                 organisations=[entry_of(o) for o in core_and_newest(current)],
                 organisation_count=len(current), former_count=len(members) - len(current),
                 organisations_path=directory.movement_list_path(movement.slug),
                 counts=index.movement_counts(movement.slug),
                 upcoming=upcoming[:UPCOMING_SHOWN], upcoming_count=len(upcoming),
                 past=past[:PAST_SHOWN], past_count=len(past),
                 articles=first, news_paths=paths, article_count=len(articles),
                 feed_href=directory.relative_file(f"bewegingen/{movement.slug}.md",
                                                   newsfeeds.movement_feed_path(movement.slug)),
                 feeds=feeds + [calendar_blocks.feed_link(addresses.movement_feed(ctx, movement))],
                 extra=SECTIONS_ONLY_TOC,
                 calendar_block=calendar_blocks.subscribe_block(ctx, addresses.movement_feed(ctx, movement)),
                 embed_block=embed.snippet(ctx, "beweging", movement.slug, movement.name))



def _by_name(organisations: list[Organisation]) -> list[Organisation]:
    return sorted(organisations, key=lambda o: (sort_name(o.name), o.slug))


def core_and_newest(current: list[Organisation]) -> list[Organisation]:
    """What a movement page shows of its organisations: all of them when they are few, else the
    core team first, then the most recent to join (the list page has all, A to Z)."""
    if len(current) <= ORGANISATIONS_SHOWN:
        return _by_name(current)
    return sorted(current, key=lambda o: (o.role != "kernteam",
                                          -(o.since.first_day().toordinal() if o.since else 0),
                                          sort_name(o.name), o.slug))[:ORGANISATIONS_SHOWN]


def most_active(organisations: list[Organisation], occurrences: list[Occurrence],
                articles: list[Article]) -> list[Organisation]:
    """What a theme page shows of its organisations: all of them when they are few, else the
    ones with the most meetings and news about the theme (the list page has all, A to Z)."""
    if len(organisations) <= ORGANISATIONS_SHOWN:
        return _by_name(organisations)
    activity: Counter[str] = Counter()
    meetings = {o.meeting.slug: o.meeting for o in occurrences}
    for meeting in meetings.values():
        activity.update(set(meeting.organisers))
    for article in articles:
        activity.update(set(article.organisations))
    return sorted(organisations, key=lambda o: (-activity[o.slug], sort_name(o.name), o.slug))[:ORGANISATIONS_SHOWN]
