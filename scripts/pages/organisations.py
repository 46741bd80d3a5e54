"""The directory of participating organisations and a page per organisation."""

from __future__ import annotations

from markupsafe import Markup

from .. import dutch
from .common import Context

ROLE_LABELS = {"deelnemer": "Deelnemer", "kernteam": "Lid van het kernteam",
               "partner": "Partner", "ondersteuner": "Ondersteuner"}


def period_of(organisation) -> str:
    def show(partial):
        if partial.month and partial.day:
            return dutch.day(partial.first_day())
        if partial.month:
            return dutch.month_year(partial.first_day())
        return str(partial.year)
    since = show(organisation.since) if organisation.since else ""
    until = show(organisation.until) if organisation.until else ""
    if since and until:
        return f"{since} tot {until}"
    if since:
        return f"sinds {since}"
    return f"tot {until}" if until else ""


def build(ctx: Context) -> None:
    organisations = sorted(ctx.site.organisations.values(), key=lambda o: o.name.lower())
    current = [o for o in organisations if not o.is_former and o.role in ("deelnemer", "kernteam")]
    partners = [o for o in organisations if not o.is_former and o.role in ("partner", "ondersteuner")]
    former = [o for o in organisations if o.is_former]
    groups = [(title, items) for title, items in (
        ("Deelnemers", current), ("Partners en ondersteuners", partners),
        ("Oud-deelnemers", former)) if items]
    ctx.page("deelnemers/index.md", "directory.html", title="Deelnemers", kind="deelnemers",
             description="Alle organisaties die meedoen aan de bewegingen voor radicale vernieuwing.",
             body_template="organisations.md.j2", groups=groups, period_of=period_of,
             intro=Markup(f"{len(current)} organisaties doen mee, met {len(partners)} partners en "
                          "ondersteuners. Doet jouw organisatie ook mee? Lees hoe je "
                          "[je aanmeldt](/handleiding/deelnemer.md)."))
    for organisation in organisations:
        keep_meeting, keep_article = ctx.index.for_organisation(organisation.slug)
        upcoming, past = ctx.index.meetings_where(keep_meeting)
        ctx.page(f"deelnemers/{organisation.slug}.md", "organisation.html",
                 title=organisation.name, kind="deelnemer", source=organisation.source,
                 description=organisation.description or
                 f"{organisation.name} doet mee aan de beweging voor radicale vernieuwing.",
                 body_template="organisation.md.j2", o=organisation,
                 role_label=ROLE_LABELS.get(organisation.role, organisation.role),
                 period=period_of(organisation), upcoming=upcoming, past=past,
                 articles=ctx.index.articles_where(keep_article),
                 themes=ctx.index.themes_of_organisation(organisation.slug),
                 calendar_block=Markup(""))
