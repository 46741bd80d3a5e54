"""Fragments of the hand-written home page (docs/index.md includes them as snippets):
the next meetings, the latest news and a few numbers."""

from __future__ import annotations

from scripts.index import meetings_of
from scripts.render.context import Context


def build(ctx: Context) -> None:
    index = ctx.index
    year = index.build_date.year
    this_year = [m for m in ctx.site.meetings.values() if m.first_day.year == year]
    current = [o for o in ctx.site.organisations.values() if not o.is_former]
    numbers = {
        "organisaties": sum(o.role in ("deelnemer", "kernteam") for o in current),
        "partners": sum(o.role in ("partner", "ondersteuner") for o in current),
        "bewegingen": len(ctx.site.movements),
        "bijeenkomsten_dit_jaar": len(this_year),
        "jaar": year,
        "berichten": len(index.articles),
    }
    ctx.out.text("_fragmenten/home-bijeenkomsten.md",
                 ctx.render("home_meetings.md.j2", upcoming=index.upcoming[:3],
                            last=meetings_of(index.past[:1])))
    ctx.out.text("_fragmenten/home-nieuws.md",
                 ctx.render("home_news.md.j2", articles=index.articles[:3]))
    ctx.out.text("_fragmenten/home-cijfers.md", ctx.render("home_numbers.md.j2", n=numbers))
