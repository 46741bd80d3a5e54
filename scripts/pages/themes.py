"""Themes, keywords and movements: the pages that connect news, meetings and organisations."""

from __future__ import annotations

from markupsafe import Markup

from .common import Context


def build(ctx: Context) -> None:
    site, index = ctx.site, ctx.index
    top = [t for t in site.themes.values() if not t.parent or t.parent not in site.themes]
    ctx.page("themas/index.md", "listing.html", title="Thema's", kind="themas",
             description="De thema's waar de bewegingen aan werken.",
             body_template="themes.md.j2", top=sorted(top, key=lambda t: t.title.lower()),
             children=index.theme_children,
             intro=Markup("Waar werken de bewegingen aan? Kies een thema voor het nieuws, de "
                          "bijeenkomsten en de organisaties die erbij horen."))
    for theme in site.themes.values():
        keep_meeting, keep_article = index.for_theme(theme.slug)
        upcoming, past = index.meetings_where(keep_meeting)
        ctx.page(f"themas/{theme.slug}.md", "theme.html", title=theme.title, kind="thema",
                 description=theme.description, source=theme.source,
                 body_template="theme.md.j2", t=theme,
                 parent=site.themes.get(theme.parent), children=index.theme_children.get(theme.slug, []),
                 articles=index.articles_where(keep_article), upcoming=upcoming, past=past,
                 organisations=index.organisations_in_theme(theme.slug), calendar_block=Markup(""))

    ctx.page("trefwoord/index.md", "listing.html", title="Trefwoorden", kind="trefwoorden",
             description="Alle trefwoorden van de berichten, met het aantal berichten.",
             body_template="keywords.md.j2", keywords=list(index.keywords.values()),
             intro=Markup("Elk bericht heeft een paar trefwoorden. Tussen haakjes staat hoeveel "
                          "berichten een trefwoord hebben."))
    for keyword in index.keywords.values():
        ctx.page(f"trefwoord/{keyword.slug}.md", "listing.html", title=f"Trefwoord: {keyword.label}",
                 kind="trefwoord", description=f"Berichten met het trefwoord {keyword.label}.",
                 body_template="keyword.md.j2", k=keyword)

    ctx.page("bewegingen/index.md", "listing.html", title="Bewegingen", kind="bewegingen",
             description="De bewegingen voor radicale vernieuwing: zorg, langdurige ggz, jeugdzorg en zorgonderwijs.",
             body_template="movements.md.j2",
             movements=sorted(site.movements.values(), key=lambda m: (m.started, m.name)),
             intro=Markup("Radicale vernieuwing begon in 2017 in de verpleeghuiszorg. Daarna "
                          "volgden bewegingen in andere delen van de zorg."))
    for movement in site.movements.values():
        keep_meeting, keep_article = index.for_movement(movement.slug)
        upcoming, past = index.meetings_where(keep_meeting)
        members = sorted((o for o in site.organisations.values() if movement.slug in o.movements),
                         key=lambda o: o.name.lower())
        ctx.page(f"bewegingen/{movement.slug}.md", "movement.html", title=movement.name,
                 kind="beweging", description=movement.description, source=movement.source,
                 body_template="movement.md.j2", mv=movement,
                 organisations=[o for o in members if not o.is_former],
                 former=[o for o in members if o.is_former], upcoming=upcoming, past=past,
                 articles=index.articles_where(keep_article), calendar_block=Markup(""))
