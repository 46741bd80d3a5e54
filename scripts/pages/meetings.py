"""The agenda (upcoming, by month), the archive (past, by year) and a page per meeting."""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby

from markupsafe import Markup

from .. import dutch
from ..index import meetings_of
from ..occurrences import occurrences
from .common import Context

AGENDA_EMPTY = Markup(
    "Op dit moment is er geen nieuwe bijeenkomst gepland. Kijk in het "
    "[archief](/bijeenkomsten/archief/index.md) wat er eerder was, of lees het "
    "[nieuws](/actueel/index.md). Organiseer je zelf iets voor de beweging? "
    "[Zet het in de agenda](/handleiding/bijeenkomst.md).")


def by_month(items):
    return [(dutch.month_year(first_day), list(group)) for first_day, group in
            groupby(items, key=lambda o: o.first_day.replace(day=1))]


def build(ctx: Context) -> None:
    index = ctx.index
    ctx.page("bijeenkomsten/index.md", "agenda.html", title="Agenda", kind="agenda",
             description="Bijeenkomsten van de bewegingen voor radicale vernieuwing in de zorg.",
             body_template="meetings.md.j2", months=by_month(index.upcoming),
             intro=Markup(f"Bijeenkomsten vanaf {dutch.day(index.build_date)}, de eerstvolgende "
                          "bovenaan. Eerdere bijeenkomsten staan in het "
                          "[archief](/bijeenkomsten/archief/index.md)."),
             empty_text=AGENDA_EMPTY, after=Markup(""))

    by_year = defaultdict(list)
    for occurrence in index.past:
        by_year[occurrence.first_day.year].append(occurrence)
    years = [(year, len(items)) for year, items in sorted(by_year.items(), reverse=True)]
    ctx.page("bijeenkomsten/archief/index.md", "agenda.html", title="Archief van bijeenkomsten",
             kind="agenda", description="Alle eerdere bijeenkomsten van de bewegingen, per jaar.",
             body_template="archive.md.j2", years=years, months=[],
             intro=Markup(f"Er zijn {len(index.past)} eerdere bijeenkomsten. Kies een jaar."))
    for year, items in sorted(by_year.items()):
        ctx.page(f"bijeenkomsten/archief/{year}.md", "agenda.html",
                 title=f"Bijeenkomsten in {year}", kind="agenda",
                 description=f"De bijeenkomsten van de bewegingen in {year}.",
                 body_template="archive.md.j2", years=years, months=by_month(items),
                 intro=Markup("[Terug naar het archief](/bijeenkomsten/archief/index.md)"))

    for meeting in ctx.site.meetings.values():
        build_meeting_page(ctx, meeting)


def build_meeting_page(ctx: Context, meeting) -> None:
    found = occurrences(meeting)
    upcoming = [o for o in found if o.last_day >= ctx.index.build_date]
    days = defaultdict(list)
    for item in meeting.programme:
        days[item.day].append(item)
    programme_days = sorted(days.items(), key=lambda pair: (pair[0] is not None, pair[0] or 0))
    description = meeting.summary or f"{meeting.title}: {dutch.meeting_when(meeting)}."
    map_url = ""
    if meeting.place and meeting.place.address:
        query = f"{meeting.place.address}, {meeting.place.city}"
        map_url = "https://www.openstreetmap.org/search?query=" + query
    ctx.page(f"bijeenkomsten/{meeting.slug}.md", "meeting.html", title=meeting.title,
             kind="bijeenkomst", description=description, body_template="meeting.md.j2",
             source=meeting.source, m=meeting, occurrence_count=len(found),
             upcoming_occurrences=upcoming, programme_days=programme_days, map_url=map_url,
             calendar_block=Markup(""))


__all__ = ["build", "meetings_of"]
