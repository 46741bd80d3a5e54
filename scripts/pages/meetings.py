"""The agenda (upcoming, by month), the archive (past, by year), a page per meeting and per
series, and a small redirect page at each earlier address of a renamed meeting."""

from __future__ import annotations

import html
from collections import defaultdict
from datetime import date
from itertools import groupby
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from scripts.pages import calendar_blocks
from scripts.render import calendar_addresses as addresses
from scripts.index import themes_with_parents
from scripts.model.items import Frequency, Meeting, Moment, Site, Status
from scripts.model.occurrences import Occurrence
from scripts.model.slugs import slugify
from scripts.render import dutch
from scripts.render.context import Context, paginate

AGENDA_EMPTY = Markup(  # finished HTML (links docs-absolute: scripts/assembly/links.py)
    'Op dit moment is er geen nieuwe bijeenkomst gepland. Kijk in het '
    '<a href="/bijeenkomsten/archief/index.md">archief</a> wat er eerder was, of lees het '
    '<a href="/actueel/index.md">nieuws</a>. Wil je een nieuwe bijeenkomst niet missen? '
    '<a href="#abonneren">Abonneer je op de agenda</a>: dan komt hij vanzelf in je eigen agenda. '
    'Organiseer je zelf iets voor de beweging? '
    '<a href="/handleiding/bijeenkomst.md">Zet het in de agenda</a>.')

SCHEMA = "https://schema.org/"
EVENT_STATUS = {Status.PLANNED: "EventScheduled", Status.TENTATIVE: "EventScheduled",
                Status.MOVED: "EventRescheduled", Status.CANCELLED: "EventCancelled"}
MEETINGS_PER_PAGE = 25  # on a page of the archive or of a series

ATTENDANCE = {"fysiek": "OfflineEventAttendanceMode", "online": "OnlineEventAttendanceMode",
              "hybride": "MixedEventAttendanceMode"}


def by_month(items):
    return [(dutch.month_year(first_day), list(group)) for first_day, group in
            groupby(items, key=lambda o: o.first_day.replace(day=1))]


# --- the agenda and its filters ---------------------------------------------------------------
#
# The agenda is one page with every upcoming meeting, by month. The filters (the shared
# component: _filters.md.j2 and docs/assets/javascripts/filters.js) hide the items that do not
# match in place, so the page needs no data file: each item carries its values as data-*
# attributes. Without script the form is hidden and each filter value is a link instead: to the
# month on the same page, or to a page of the agenda per movement, theme and place
# (bijeenkomsten/<beweging|thema|plaats>/<slug>/) that lists exactly the same meetings.

ONLINE = "online"  # the place value of a meeting that can be joined online
AGENDA_VALUE_KINDS = ("beweging", "thema", "plaats")  # each value has its own agenda page


def month_value(occurrence: Occurrence) -> str:
    return occurrence.first_day.strftime("%Y-%m")


def places_of(meeting: Meeting) -> list[tuple[str, str]]:
    """(value, label) of where a meeting is: its town, and 'online' when one can join online."""
    found = []
    if meeting.place and meeting.place.city and slugify(meeting.place.city):
        found.append((slugify(meeting.place.city), meeting.place.city))
    if meeting.online is not None:
        found.append((ONLINE, "Online"))
    return found


def item_data(site: Site, occurrence: Occurrence) -> tuple[tuple[str, str], ...]:
    """The data-* attributes of an agenda item, which the filter script reads."""
    m = occurrence.meeting
    return (("data-rv-item", ""), ("data-rv-in", month_value(occurrence)),
            ("data-beweging", m.movement), ("data-thema", " ".join(themes_with_parents(site, m.themes))),
            ("data-plaats", " ".join(value for value, _ in places_of(m))),
            ("data-maand", month_value(occurrence)))


def agenda_filters(ctx: Context, upcoming: list[Occurrence]) -> list[dict]:
    """The agenda's four filters, each with only the values that upcoming meetings have."""
    site = ctx.site
    meetings = list({o.meeting.slug: o.meeting for o in upcoming}.values())
    movements = sorted((site.movements[s] for s in {m.movement for m in meetings} if s in site.movements),
                       key=lambda m: (m.started, m.name))
    themes = sorted({t for m in meetings for t in themes_with_parents(site, m.themes)},
                    key=lambda t: (site.themes[t].title.lower(), t))
    places: dict[str, str] = {}
    for m in meetings:
        for value, label in places_of(m):
            places.setdefault(value, label)
    place_order = sorted((v for v in places if v != ONLINE), key=lambda v: (places[v].lower(), v))
    if ONLINE in places:
        place_order.append(ONLINE)
    first_days: dict[str, date] = {}
    for o in upcoming:
        first_days.setdefault(month_value(o), o.first_day)
    return [
        {"name": "beweging", "label": "Beweging", "all": "Alle bewegingen",
         "options": [(m.slug, m.name) for m in movements],
         "links": {m.slug: f"/bijeenkomsten/beweging/{m.slug}.md" for m in movements},
         "feeds": {m.slug: addresses.webcal(ctx, addresses.movement_feed(ctx, m).path) for m in movements}},
        {"name": "thema", "label": "Thema", "all": "Alle thema's",
         "options": [(t, site.themes[t].title) for t in themes],
         "links": {t: f"/bijeenkomsten/thema/{t}.md" for t in themes},
         "feeds": {t: addresses.webcal(ctx, addresses.theme_feed(ctx, site.themes[t]).path) for t in themes}},
        {"name": "plaats", "label": "Plaats", "all": "Alle plaatsen en online",
         "options": [(v, places[v]) for v in place_order],
         "links": {v: f"/bijeenkomsten/plaats/{v}.md" for v in place_order}, "feeds": {}},
        {"name": "maand", "label": "Maand", "all": "Alle maanden",
         "options": [(v, dutch.month_year(day)) for v, day in first_days.items()],
         # the month's heading on the same page: its id is the table of contents' slug of its title
         "links": {v: "#" + dutch.month_year(day).replace(" ", "-") for v, day in first_days.items()},
         "feeds": {}},
    ]


def agenda_months(ctx: Context, items: list[Occurrence],
                  data_of: dict[int, tuple[tuple[str, str], ...]] | None = None) -> list[dict]:
    """The agenda's months: heading, filter key, and each item with its data-* attributes. A
    heading carries every value of its items, so that the rule that partials/filters-head.html
    makes from a filtered address hides a month without a match before the script runs."""
    months = []
    for title, group in by_month(items):
        data = [data_of[id(o)] if data_of else item_data(ctx.site, o) for o in group]
        union = {name: " ".join(dict.fromkeys(v for d in data for n, value in d if n == name
                                              for v in value.split()))
                 for name in ("data-beweging", "data-thema", "data-plaats", "data-maand")}
        months.append({"title": title, "key": month_value(group[0]), "values": union,
                       "items": list(zip(group, data, strict=True))})
    return months


def build_agenda(ctx: Context) -> None:
    index = ctx.index
    feed = addresses.all_feed(ctx)
    filters = agenda_filters(ctx, index.upcoming)
    data_of = {id(o): item_data(ctx.site, o) for o in index.upcoming}  # once per item, not per page
    ctx.page("bijeenkomsten/index.md", "agenda.html", title="Agenda", kind="agenda",
             description="Bijeenkomsten van de bewegingen voor radicale vernieuwing in de zorg.",
             body_template="meetings.md.j2", months=agenda_months(ctx, index.upcoming, data_of),
             feeds=[calendar_blocks.feed_link(feed)], filters=filters if index.upcoming else [],
             intro=Markup(f"Bijeenkomsten vanaf {dutch.day(index.build_date)}, de eerstvolgende "
                          "bovenaan. Eerdere bijeenkomsten staan in het "
                          "[archief](/bijeenkomsten/archief/index.md)."),
             empty_text=AGENDA_EMPTY, after=calendar_blocks.subscribe_block(ctx, feed))
    build_agenda_value_pages(ctx, filters, data_of)


def build_agenda_value_pages(ctx: Context, filters: list[dict],
                             data_of: dict[int, tuple[tuple[str, str], ...]]) -> None:
    """A page of the agenda per movement, theme and place that the filters offer: the same
    meetings the filter shows, for visitors without script (and to share or bookmark)."""
    index, site = ctx.index, ctx.site
    # value → its meetings, in one pass over the agenda (not a pass per value)
    by_value: dict[tuple[str, str], list[Occurrence]] = defaultdict(list)
    for o in index.upcoming:
        by_value["beweging", o.meeting.movement].append(o)
        for theme in themes_with_parents(site, o.meeting.themes):
            by_value["thema", theme].append(o)
        for place, _ in places_of(o.meeting):
            by_value["plaats", place].append(o)
    for field in filters:
        kind = field["name"]
        if kind not in AGENDA_VALUE_KINDS:
            continue
        for value, label in field["options"]:
            keep = by_value[kind, value]
            if kind == "beweging":
                title, subject = f"Agenda van {label}", f"de bijeenkomsten van {label}"
            elif kind == "thema":
                title, subject = f"Agenda: {label}", f"de bijeenkomsten over het thema {label}"
            else:
                title = "Online bijeenkomsten" if value == ONLINE else f"Bijeenkomsten in {label}"
                subject = "de bijeenkomsten online" if value == ONLINE else f"de bijeenkomsten in {label}"
            feed = field["feeds"].get(value, "")
            count = f"{len(keep)} {'bijeenkomst' if len(keep) == 1 else 'bijeenkomsten'}"
            # A finished HTML paragraph, not Markdown: the names in it are escaped for HTML,
            # and Markdown would still read link syntax in them.
            intro = Markup('<p>{} vanaf {}: {}. <a href="/bijeenkomsten/index.md?{}={}">Alle bijeenkomsten, '
                           "ook per beweging, thema, plaats en maand</a>.</p>").format(
                count, dutch.day(index.build_date), subject, kind, value)
            after = Markup(
                '<p class="rv-volgen">Wil je {} in je eigen agenda? <a href="{}">Abonneer je op deze '
                'agenda</a>. <a href="/bijeenkomsten/index.md#abonneren">Zo werkt abonneren</a>.</p>'
            ).format(subject, feed) if feed else Markup("")
            ctx.page(f"bijeenkomsten/{kind}/{value}.md", "agenda.html", title=title, kind="agenda",
                     description=f"Wat er gepland is: {subject}.", body_template="meetings.md.j2",
                     months=agenda_months(ctx, keep, data_of), filters=[], intro=intro,
                     empty_text=AGENDA_EMPTY, after=after, extra={"search": {"exclude": True}})


def build(ctx: Context) -> None:
    index = ctx.index
    build_agenda(ctx)

    ctx.page("abonneren/index.md", "listing.html", title="Zo abonneer je op de agenda",
             kind="agenda", description="Zo zet je de bijeenkomsten van de bewegingen in je eigen "
             "agenda-app: Google Agenda, Apple Agenda, Outlook of een andere app.",
             body_template="subscribe_help.md.j2", block=calendar_blocks.subscribe_block(ctx, addresses.all_feed(ctx)))

    by_year = defaultdict(list)
    for occurrence in index.past:
        by_year[occurrence.first_day.year].append(occurrence)
    years = [(year, len(items)) for year, items in sorted(by_year.items(), reverse=True)]
    ctx.page("bijeenkomsten/archief/index.md", "agenda.html", title="Archief van bijeenkomsten",
             kind="agenda", description="Alle eerdere bijeenkomsten van de bewegingen, per jaar.",
             body_template="archive.md.j2", years=years, months=[], year=None, current=1,
             paths=["bijeenkomsten/archief/index.md"], total=len(index.past),
             intro=Markup(f"Er zijn {len(index.past)} eerdere bijeenkomsten. Kies een jaar."))
    for year, items in sorted(by_year.items()):
        build_year_pages(ctx, year, items, years)

    by_series = series(ctx.site)  # once: each meeting page looks up its themed week in it
    for meeting in ctx.site.meetings.values():
        build_meeting_page(ctx, meeting, by_series)
        for old in meeting.earlier_slugs:
            ctx.out.text(f"bijeenkomsten/{old}/index.html", redirect_page(ctx, meeting))
    for name, members in by_series.items():
        build_series_page(ctx, name, members)


def page_paths(first: str, folder: str, count: int) -> list[str]:
    """Page 1 at `first` (its address stays), pages 2… at `<folder>/pagina/<n>.md`."""
    return [first] + [f"{folder}/pagina/{n}.md" for n in range(2, count + 1)]


def list_extra(number: int) -> dict:
    """Later pages of a list only repeat what search finds on the meetings' own pages."""
    return {"search": {"exclude": True}} if number > 1 else {}


def build_year_pages(ctx: Context, year: int, items: list[Occurrence], years: list[tuple[int, int]]) -> None:
    """The meetings of one year, the most recent first, on pages of MEETINGS_PER_PAGE."""
    pages = paginate(items, MEETINGS_PER_PAGE)
    paths = page_paths(f"bijeenkomsten/archief/{year}.md", f"bijeenkomsten/archief/{year}", len(pages))
    for number, (chunk, path) in enumerate(zip(pages, paths, strict=True), start=1):
        ctx.page(path, "agenda.html", title=f"Bijeenkomsten in {year}" + (f", pagina {number}" if number > 1 else ""),
                 kind="agenda", description=f"De bijeenkomsten van de bewegingen in {year}.",
                 body_template="archive.md.j2", years=years, months=by_month(chunk), year=year,
                 current=number, paths=paths, total=len(items), extra=list_extra(number),
                 intro=Markup('<a href="/bijeenkomsten/archief/index.md">Terug naar het archief</a>'))


def build_meeting_page(ctx: Context, meeting: Meeting, by_series: dict[str, list[Meeting]]) -> None:
    found = ctx.index.occurrences_of(meeting)
    build_date = ctx.index.build_date
    upcoming = [o for o in found if o.last_day >= build_date]
    days = defaultdict(list)
    for item in meeting.programme:
        days[item.day].append(item)
    programme_days = sorted(days.items(), key=lambda pair: (pair[0] is not None, pair[0] or 0))
    description = meeting.summary or f"{meeting.title}: {dutch.meeting_when(meeting)}."
    report = ctx.site.articles.get(meeting.report) if meeting.report else None
    ctx.page(f"bijeenkomsten/{meeting.slug}.md", "meeting.html", title=meeting.title,
             kind="bijeenkomst", description=description, body_template="meeting.md.j2",
             source=meeting.source, m=meeting, occurrence_count=len(found),
             upcoming_occurrences=upcoming, programme_days=programme_days,
             map_url=map_url(meeting), geo_url=geo_url(meeting), past=not upcoming, report=report,
             series_slug=slugify(meeting.series) if meeting.series else "",
             week=week_of(by_series, meeting), week_days=days_of(by_series, meeting),
             moved=[o for o in found if o.moved_from],
             feeds=[calendar_blocks.feed_link(addresses.meeting_feed(ctx, meeting))],
             json_ld=event_data(ctx, meeting),
             # A past meeting offers nothing to put in a calendar: its report is the next step.
             calendar_block=calendar_blocks.add_block(ctx, meeting) if upcoming else "")


def map_url(meeting: Meeting) -> str:
    """A plain link to OpenStreetMap (nothing is loaded from it until a visitor clicks)."""
    place = meeting.place
    if place is None:
        return ""
    if place.latitude is not None and place.longitude is not None:
        return (f"https://www.openstreetmap.org/?mlat={place.latitude}&mlon={place.longitude}"
                f"#map=17/{place.latitude}/{place.longitude}")
    if place.address:
        return "https://www.openstreetmap.org/search?query=" + quote(
            ", ".join(p for p in (place.address, place.postcode, place.city) if p))
    if place.name:  # a named venue without address: the map's search usually finds it
        return "https://www.openstreetmap.org/search?query=" + quote(f"{place.name}, {place.city}")
    return ""


def geo_url(meeting: Meeting) -> Markup:
    """A `geo:` link (RFC 5870) that a phone opens in its own maps app. Built from the two
    validated numbers only, so it needs no URL filter (which allows no `geo:` scheme)."""
    place = meeting.place
    if place is None or place.latitude is None or place.longitude is None:
        return Markup("")
    return Markup(f"geo:{float(place.latitude)!r},{float(place.longitude)!r}")


# --- series and themed weeks ------------------------------------------------------------------

def series(site: Site) -> dict[str, list[Meeting]]:
    """Meetings by the name of their series ('reeks'), each list by date."""
    found: dict[str, list[Meeting]] = defaultdict(list)
    for meeting in site.meetings.values():
        if meeting.series:
            found[meeting.series].append(meeting)
    return {name: sorted(items, key=lambda m: (m.first_day, m.slug))
            for name, items in sorted(found.items())}


def days_of(by_series: dict[str, list[Meeting]], week: Meeting) -> list[Meeting]:
    """The day pages of a themed week: meetings of its series on a day within its span.
    `by_series` is `series(site)`, made once per build."""
    if not week.series or not week.multi_day:
        return []
    return [m for m in by_series.get(week.series, []) if m.slug != week.slug and not m.multi_day
            and week.first_day <= m.first_day <= week.last_day]


def week_of(by_series: dict[str, list[Meeting]], day: Meeting) -> Meeting | None:
    """The themed week a day page belongs to: the reverse of `days_of`, the first multi-day
    meeting of its series whose span holds the day (one pass, not `days_of` per member)."""
    if not day.series or day.multi_day:
        return None
    return next((m for m in by_series.get(day.series, [])
                 if m.multi_day and m.first_day <= day.first_day <= m.last_day), None)


def build_series_page(ctx: Context, name: str, members: list[Meeting]) -> None:
    items: list[Occurrence] = sorted((o for m in members for o in ctx.index.occurrences_of(m)),
                                     key=lambda o: o.sort_key)
    build_date = ctx.index.build_date
    upcoming = [o for o in items if o.last_day >= build_date]
    past = list(reversed([o for o in items if o.last_day < build_date]))
    sequence = [(False, o) for o in upcoming] + [(True, o) for o in past]
    pages = paginate(sequence, MEETINGS_PER_PAGE)
    slug = slugify(name)
    paths = page_paths(f"bijeenkomsten/reeks/{slug}.md", f"bijeenkomsten/reeks/{slug}", len(pages))
    for number, (chunk, path) in enumerate(zip(pages, paths, strict=True), start=1):
        ctx.page(path, "agenda.html", title=name if number == 1 else f"{name}, pagina {number}",
                 kind="agenda", description=f"Alle bijeenkomsten van de reeks {name}.",
                 body_template="series.md.j2", name=name, current=number, paths=paths,
                 upcoming=[o for was, o in chunk if not was], past=[o for was, o in chunk if was],
                 upcoming_count=len(upcoming), past_count=len(past), extra=list_extra(number))


# --- earlier addresses ------------------------------------------------------------------------

def redirect_page(ctx: Context, meeting: Meeting) -> str:
    """A renamed meeting's old address: a static page that sends visitors on, on any host."""
    target = f"../{meeting.slug}/"
    canonical = html.escape(ctx.absolute(f"bijeenkomsten/{meeting.slug}/"), quote=True)
    title = html.escape(meeting.title)
    return (f'<!doctype html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
            f'<title>{title}</title>\n<meta name="robots" content="noindex">\n'
            f'<link rel="canonical" href="{canonical}">\n'
            f'<meta http-equiv="refresh" content="0; url={target}">\n</head>\n<body>\n'
            f'<p>Deze bijeenkomst heeft een nieuw adres: <a href="{target}">{title}</a>.</p>\n'
            f'</body>\n</html>\n')


# --- schema.org Event -------------------------------------------------------------------------

def _iso(moment: Moment) -> str:
    return moment.isoformat()  # an aware datetime carries its offset: 2026-12-09T19:30:00+01:00


def event_data(ctx: Context, meeting: Meeting) -> dict[str, Any] | None:
    """schema.org Event for search engines. A series is one Event with an eventSchedule.

    Only what is known: no Event at all without a place or an online location (Google requires
    `location`), and no attendance mode that the data does not back."""
    if meeting.place is None and meeting.online is None:
        return None
    site = ctx.site
    page = addresses.meeting_url(ctx, meeting)
    end = meeting.end if meeting.end is not None else (None if meeting.timed else meeting.start)
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "Event", "name": meeting.title,
            "url": page, "inLanguage": "nl", "startDate": _iso(meeting.start),
            "eventStatus": SCHEMA + EVENT_STATUS.get(meeting.status, "EventScheduled"),
            "eventAttendanceMode": SCHEMA + ATTENDANCE[meeting.attendance],
            "description": meeting.summary or f"{meeting.title}: {dutch.meeting_when(meeting)}."}
    if end is not None:
        data["endDate"] = _iso(end)
    if meeting.status == Status.MOVED and meeting.originally is not None:
        data["previousStartDate"] = _iso(meeting.originally)
    locations: list[dict[str, Any]] = []
    if meeting.place:
        place = meeting.place
        address: dict[str, str] = {"@type": "PostalAddress", "addressCountry": "NL"}
        for key, value in (("streetAddress", place.address), ("postalCode", place.postcode),
                           ("addressLocality", place.city)):
            if value:
                address[key] = value
        venue: dict[str, Any] = {"@type": "Place", "name": place.name or place.city, "address": address}
        if place.latitude is not None and place.longitude is not None:
            venue["geo"] = {"@type": "GeoCoordinates", "latitude": place.latitude,
                            "longitude": place.longitude}
        locations.append(venue)
    if meeting.online:  # the join link only where it is public; else the meeting's page
        locations.append({"@type": "VirtualLocation", "url": meeting.online.link or page})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    organisers = [{"@type": "Organization", "name": site.organisations[slug].name,
                   "url": ctx.absolute(f"deelnemers/{slug}/")}
                  for slug in meeting.organisers if slug in site.organisations]
    if not organisers and meeting.movement in site.movements:
        organisers = [{"@type": "Organization", "name": site.movements[meeting.movement].name,
                       "url": ctx.absolute(f"bewegingen/{meeting.movement}/")}]
    if organisers:
        data["organizer"] = organisers[0] if len(organisers) == 1 else organisers
    if meeting.recurrence:
        data["eventSchedule"] = _schedule(meeting, ctx.index.occurrences_of(meeting))
    return data


def _schedule(meeting: Meeting, found: list[Occurrence]) -> dict[str, Any]:
    """schema.org's Schedule of a series; `found`: its occurrences."""
    rule = meeting.recurrence
    if rule is None:
        return {}
    unit = "W" if rule.frequency == Frequency.WEEKLY else "M"
    schedule: dict[str, Any] = {"@type": "Schedule", "repeatFrequency": f"P{rule.interval}{unit}",
                "startDate": meeting.first_day.isoformat(),
                "endDate": max(o.last_day for o in found).isoformat(),
                "scheduleTimezone": "Europe/Amsterdam"}
    if rule.count:
        schedule["repeatCount"] = rule.count
    times = meeting.when.in_amsterdam()
    if times is not None:
        start, end = times
        schedule["startTime"] = start.strftime("%H:%M")
        if end is not None:
            schedule["endTime"] = end.strftime("%H:%M")
    skipped = sorted(set(rule.except_dates) | {day for day, _ in rule.moved})
    if skipped:
        schedule["exceptDate"] = [d.isoformat() for d in skipped]
    return schedule


__all__ = ["build", "event_data"]
