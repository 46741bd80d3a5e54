"""Fragments of the hand-written home page (docs/index.md includes them as snippets): a few
numbers, meetings as cards with a date block, the latest news as cards, the map of the
provinces (movement_map.py) and the movement through the years (timeline.py).

The home page must always show something true: when nothing is planned it shows the most
recent meetings under a heading that says so, and a number is shown only when it is not zero.
The fragments are finished HTML (the generator knows every value; no Markdown-in-HTML pass)."""

from __future__ import annotations

from dataclasses import dataclass

from babel.dates import format_date

from scripts.index import meetings_of
from scripts.model.items import Article, Meeting
from scripts.model.occurrences import Occurrence
from scripts.render import dutch
from scripts.render.context import Context
from scripts.pages import movement_map, timeline

CARDS = 3  # meetings and news items on the home page


@dataclass(frozen=True)
class MeetingCard:
    slug: str
    title: str
    iso: str  # first day, for <time datetime>
    day: str  # '8'
    month: str  # 'nov.'
    year: str
    when: str  # 'dinsdag 8 november 2022, 10.00–12.00 uur'
    where: str  # 'Utrecht', 'online', 'Utrecht en online' or ''
    past: bool


@dataclass(frozen=True)
class NewsCard:
    slug: str
    title: str
    iso: str
    date: str
    themes: tuple[tuple[str, str], ...]  # (slug, title)
    summary: str


def where_of(meeting: Meeting) -> str:
    city = meeting.place.city if meeting.place else ""
    if city and meeting.online:
        return f"{city} en online"
    return city or ("online" if meeting.online else "")


def meeting_card(occurrence: Occurrence, past: bool) -> MeetingCard:
    meeting, first = occurrence.meeting, occurrence.first_day
    return MeetingCard(slug=meeting.slug, title=meeting.title, iso=first.isoformat(),
                       day=str(first.day), month=format_date(first, "MMM", locale="nl"),
                       year=str(first.year), when=dutch.meeting_when(meeting, occurrence.start, occurrence.end),
                       where=where_of(meeting), past=past)


def news_card(ctx: Context, article: Article) -> NewsCard:
    themes = tuple((slug, ctx.site.themes[slug].title) for slug in article.themes if slug in ctx.site.themes)
    return NewsCard(slug=article.slug, title=article.title, iso=article.date.isoformat(),
                    date=dutch.day(article.date), themes=themes[:2], summary=article.summary)


def recent_occurrences(past: list[Occurrence], limit: int) -> list[Occurrence]:
    """The most recent meetings, each once (a series shows its latest date)."""
    chosen = meetings_of(past)[:limit]
    first_seen: dict[str, Occurrence] = {}
    for occurrence in past:
        first_seen.setdefault(occurrence.meeting.slug, occurrence)
    return [first_seen[m.slug] for m in chosen]


def numbers_of(ctx: Context) -> list[tuple[int, str, str]]:
    """(figure, one, many) for the number row; a zero is never shown as a headline."""
    counts = ctx.index.organisation_counts
    rows = [(counts.taking_part, "organisatie doet mee", "organisaties doen mee"),
            (counts.supporting, "partner of ondersteuner", "partners en ondersteuners"),
            (len(ctx.site.movements), "beweging", "bewegingen"),
            (len(ctx.index.articles), "bericht in het nieuws", "berichten in het nieuws")]
    return [row for row in rows if row[0] > 0]


def build(ctx: Context) -> None:
    index = ctx.index
    upcoming = [meeting_card(o, past=False) for o in index.upcoming[:CARDS]]
    recent = [meeting_card(o, past=True) for o in recent_occurrences(index.past, CARDS)]
    ctx.out.text("_fragmenten/home-bijeenkomsten.md",
                 ctx.render("home_meetings.md.j2", upcoming=upcoming, recent=recent))
    ctx.out.text("_fragmenten/home-nieuws.md",
                 ctx.render("home_news.md.j2", cards=[news_card(ctx, a) for a in index.articles[:CARDS]]))
    ctx.out.text("_fragmenten/home-cijfers.md", ctx.render("home_numbers.md.j2", numbers=numbers_of(ctx)))
    ctx.out.text("_fragmenten/home-kaart.md", movement_map.render(ctx))
    ctx.out.text("_fragmenten/home-tijdlijn.md", timeline.render(ctx))
