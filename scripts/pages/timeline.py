"""The movement through the years, drawn from content: per year from the first movement's start
to the build year, which movements started, which organisations joined ('sinds'), the themed
weeks (multi-day meetings of a series), and how many meetings and news items there were.
Nothing here is written by hand: a new file in content/ moves the timeline with it."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from scripts.model.items import Meeting, Movement, Organisation, Status
from scripts.render.context import Context

NAMES_SHOWN = 6  # organisations named per year; the rest are counted


@dataclass
class Year:
    year: int
    movements: list[Movement] = field(default_factory=list)
    joined: list[Organisation] = field(default_factory=list)
    weeks: list[Meeting] = field(default_factory=list)
    meetings: int = 0
    articles: int = 0
    archive: bool = False  # the archive has a page for this year

    @property
    def empty(self) -> bool:
        return not (self.movements or self.joined or self.weeks or self.meetings or self.articles)


def years(ctx: Context) -> list[Year]:
    site, index = ctx.site, ctx.index
    if not site.movements:
        return []
    first = min(m.started for m in site.movements.values())
    last = index.build_date.year
    found = {year: Year(year) for year in range(first, last + 1)}
    for movement in sorted(site.movements.values(), key=lambda m: (m.started, m.name)):
        if movement.started in found:
            found[movement.started].movements.append(movement)
    by_year: dict[int, list[Organisation]] = defaultdict(list)
    for organisation in site.organisations.values():
        if organisation.since is not None:
            by_year[organisation.since.year].append(organisation)
    for year, joined in by_year.items():
        if year in found:
            found[year].joined = sorted(joined, key=lambda o: (o.since.first_day() if o.since else 0, o.name.lower()))
    meetings = Counter(o.first_day.year for o in index.everything if o.meeting.status != Status.CANCELLED)
    for meeting in sorted(site.meetings.values(), key=lambda m: m.first_day):
        if meeting.multi_day and meeting.series and meeting.first_day.year in found:
            found[meeting.first_day.year].weeks.append(meeting)
    archive = {o.first_day.year for o in index.past}
    articles = Counter(a.date.year for a in site.articles.values())
    for year, entry in found.items():
        entry.meetings, entry.articles, entry.archive = meetings[year], articles[year], year in archive
    return [found[year] for year in sorted(found)]


def render(ctx: Context) -> str:
    return ctx.render("timeline.md.j2", years=years(ctx), shown=NAMES_SHOWN)
