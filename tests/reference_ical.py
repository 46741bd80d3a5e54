"""The readable reference of the calendar feeds: a meeting's events as icalendar Events, and a
feed as the Calendar the library builds of them, serialised by icalendar's own `to_ical`.

scripts/feeds/ical.py writes the same bytes faster (`meeting_ical`, `calendar_ics`: the content
lines put together without an Event per meeting); tests/unit/test_ical_serialise.py holds them
to this. The values (summary, description, times, status, …) come from the feed module itself:
what is compared is the writing."""

from __future__ import annotations

from datetime import date

from icalendar import Calendar, Event, vText

from scripts.feeds import ical
from scripts.model.items import Meeting, Site
from scripts.model.occurrences import occurrences


def meeting_events(meeting: Meeting, site: Site, page_url: str,
                   days: tuple[Meeting, ...] = ()) -> list[Event]:
    """The VEVENT of a meeting, plus one VEVENT per moved repetition of a series. `days`: the
    day meetings of a themed week (`themed_weeks`), which its description names."""
    values = ical._event_values(meeting, site, page_url, days)
    start, end = ical._when_pair(meeting.start, meeting.end, series=meeting.recurrence is not None)
    main = Event.new(start=start, end=end, **values)
    _busy_status(main)
    ical._geo(main, meeting)
    if meeting.recurrence is None:
        return [main]
    ical._series(main, meeting, meeting.recurrence)
    events = [main]
    for occurrence in occurrences(meeting):
        if occurrence.moved_from is None:
            continue
        start, end = ical._when_pair(occurrence.start, occurrence.end)
        override = Event.new(recurrence_id=ical._original_start(meeting, occurrence.moved_from),
                             start=start, end=end, **values)
        _busy_status(override)
        ical._geo(override, meeting)
        events.append(override)
    return events


def _busy_status(event: Event) -> None:
    event.add("X-MICROSOFT-CDO-BUSYSTATUS", ical._busy(event.get("TRANSP")))


def calendar_the_librarys_way(meetings: list[Meeting], *, site: Site, name: str, description: str,
                              feed_url: str, page_url: str, uid: str) -> bytes:
    """The feed as a Calendar with its VTIMEZONE and the meetings' Events, serialised by icalendar
    (what ical.calendar_ics built before it wrote the lines itself). A themed week once: its
    days left out where the week is in the feed, and named in the week's description."""
    weeks = ical.themed_weeks(site)
    meetings = sorted(ical.once_per_week(meetings, weeks), key=lambda m: (m.first_day, m.uid))
    name, description = " ".join(name.split()), " ".join(description.split())
    stamps = [ical.stamp_of(m) for m in meetings]
    calendar = Calendar.new(prodid=ical.PRODID, calscale="GREGORIAN", source=feed_url, url=page_url,
                            uid=uid, last_modified=max(stamps) if stamps else None)
    calendar.add("DESCRIPTION", vText(description))
    for key, value in (("NAME", name), ("X-WR-CALNAME", name), ("X-WR-CALDESC", description)):
        calendar.add(key, vText(value), parameters={"VALUE": "TEXT"})
    calendar.add("REFRESH-INTERVAL", ical.REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("X-PUBLISHED-TTL", "PT6H")
    days = [d for m in meetings for o in occurrences(m) for d in (o.first_day, o.last_day)]
    first, last = min(days, default=None), max(days, default=None)
    calendar.add_component(ical.vtimezone(date(first.year, 1, 1) if first else None,
                                          date(last.year, 12, 31) if last else None))
    for meeting in meetings:
        for event in meeting_events(meeting, site, f"https://x.nl/{meeting.slug}/",
                                         weeks.get(meeting.uid, ())):
            calendar.add_component(event)
    return calendar.to_ical()
