"""iCalendar (RFC 5545) files of meetings: one meeting's events are written by one function,
`meeting_events`, so a meeting is byte-for-byte the same in every feed it appears in.

What subscribers' apps need, and what the icalendar library does not do by itself:
- a fixed UID (from the content); DTSTAMP and LAST-MODIFIED are the build date of the last
  change subscribers got, and SEQUENCE counts those changes (content/published.py derives
  both from the published baseline), never the clock;
- no METHOD: with METHOD:PUBLISH, RFC 5546 wants an ORGANIZER on every event (libical's
  restriction check refuses the feed), and only without METHOD may DTSTAMP mean "last modified"
  (RFC 5545 3.8.7.2);
- the calendar's NAME, X-WR-CALNAME and X-WR-CALDESC escaped as TEXT (icalendar's
  `Calendar.new` writes them raw, and Radicale/vobject then cut a name at its first comma);
- times with TZID=Europe/Amsterdam and a VTIMEZONE that is right for every occurrence. The
  VTIMEZONE uses yearly rules (as Google, Apple and Outlook write them) after checking them
  against zoneinfo for every year the file covers;
- a local time that occurs twice (the doubled October hour) is written in UTC, both the first
  and the second one: RFC 5545 (3.3.5) reads it as the first, but ical.js always reads the
  second, and libical and khal read the first one an hour late;
- no X-WR-TIMEZONE: every time already says its zone, and clients that honour X-WR-TIMEZONE
  move UTC times (the doubled hour above) into it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from icalendar import (
    Calendar,
    Component,
    Conference,
    Event,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vDuration,
    vText,
)
from icalendar.parser import Contentline, Parameters

from scripts.model.items import (
    Meeting,
    Moment,
    Recurrence,
    Site,
    exclusive_end_day,
    venue_text,
)
from scripts.model.occurrences import occurrences
from scripts.model.values import AMSTERDAM
from scripts.render import dutch

TZID = "Europe/Amsterdam"
PRODID = "-//Radicale vernieuwing//Agenda//NL"
REFRESH = timedelta(hours=6)  # a hint; Google refreshes on its own schedule (up to a day)
PAST_KEPT = timedelta(days=5 * 365)  # past meetings stay this long (≥ 1 year) for history
CANCELLED_KEPT = timedelta(days=30)  # a cancelled meeting is shown this long after its date

STATUS = {"gepland": "CONFIRMED", "verplaatst": "CONFIRMED", "onder-voorbehoud": "TENTATIVE",
          "geannuleerd": "CANCELLED"}


def last_day(meeting: Meeting) -> date:
    return max(o.last_day for o in occurrences(meeting))


def in_feeds(meeting: Meeting, build_date: date) -> bool:
    """Subscribers keep their history for a while; a cancelled meeting leaves after a month."""
    last = last_day(meeting)
    if meeting.status == "geannuleerd" and last + CANCELLED_KEPT < build_date:
        return False
    return last + PAST_KEPT >= build_date


# --- one meeting ------------------------------------------------------------------------------

def meeting_events(meeting: Meeting, site: Site, page_url: str) -> list[Event]:
    """The VEVENT of a meeting, plus one VEVENT per moved repetition of a series."""
    stamp = stamp_of(meeting)
    online_link = meeting.online.link if meeting.online else ""
    common: dict[str, Any] = {
        "uid": meeting.uid, "stamp": stamp, "last_modified": stamp, "sequence": meeting.sequence,
        "summary": _summary(meeting), "description": _description(meeting, site, page_url),
        "location": _location(meeting), "url": page_url,
        "status": STATUS.get(meeting.status, "CONFIRMED"),
        "transparency": "OPAQUE" if meeting.timed and meeting.status != "geannuleerd" else "TRANSPARENT",
        "categories": [site.themes[t].title for t in meeting.themes if t in site.themes],
        "conferences": [Conference(online_link, feature="VIDEO", label="Online meedoen")]
        if online_link else None}
    main = Event.new(start=_when(meeting.start), end=_when(_end(meeting.start, meeting.end)),
                     **common)
    _busy_status(main)
    _geo(main, meeting)
    rule = meeting.recurrence
    if rule is None:
        return [main]
    main.add("RRULE", _rrule(meeting, rule))
    skipped = sorted(rule.except_dates)
    if skipped:
        main.add("EXDATE", [_original_start(meeting, day) for day in skipped])
    events = [main]
    for occurrence in occurrences(meeting):
        if occurrence.moved_from is None:
            continue
        override = Event.new(recurrence_id=_original_start(meeting, occurrence.moved_from),
                             start=_when(occurrence.start),
                             end=_when(_end(occurrence.start, occurrence.end)), **common)
        _busy_status(override)
        _geo(override, meeting)
        events.append(override)
    return events


def stamp_of(meeting: Meeting) -> datetime:
    """DTSTAMP and LAST-MODIFIED: what the build derived from the baseline. Without a build
    (a meeting on its own), 'gewijzigd' or else the first day, at midnight UTC."""
    if meeting.changed is not None:
        return meeting.changed.astimezone(UTC)
    return datetime.combine(meeting.modified or meeting.first_day, time(0), UTC)


def _when(moment: Moment) -> Moment:
    if not isinstance(moment, datetime):
        return moment
    local = moment.astimezone(AMSTERDAM)
    if local.replace(fold=0).utcoffset() != local.replace(fold=1).utcoffset():
        return local.astimezone(UTC)  # one of two equal local times: say which in UTC
    return local


def _end(start: Moment, end: Moment | None) -> Moment:
    """DTEND: the exclusive day after the last day for whole-day meetings."""
    if isinstance(start, datetime):
        return end if end is not None else start
    last = end if end is not None else start
    return exclusive_end_day(last.date() if isinstance(last, datetime) else last)


def _location(meeting: Meeting) -> str | None:
    """The venue (a hybrid meeting's online part is its CONFERENCE), or 'Online'."""
    return venue_text(meeting) or ("Online" if meeting.online else None)


def _geo(event: Event, meeting: Meeting) -> None:
    place = meeting.place
    if place is not None and place.latitude is not None and place.longitude is not None:
        event.add("GEO", (place.latitude, place.longitude))


def _busy_status(event: Event) -> None:
    # Outlook reads its own property for free/busy; TRANSP alone is not always enough.
    free = event.get("TRANSP") == "TRANSPARENT"
    event.add("X-MICROSOFT-CDO-BUSYSTATUS", "FREE" if free else "BUSY")


def _rrule(meeting: Meeting, rule: Recurrence) -> dict[str, Any]:
    value: dict[str, Any] = {"FREQ": "WEEKLY" if rule.frequency == "wekelijks" else "MONTHLY"}
    if rule.interval > 1:
        value["INTERVAL"] = rule.interval
    if rule.count:
        value["COUNT"] = rule.count
    elif rule.until:
        if meeting.timed:  # UNTIL must be UTC when DTSTART has a TZID (RFC 5545 3.3.10)
            end_of_day = datetime.combine(rule.until, time(23, 59, 59), AMSTERDAM)
            value["UNTIL"] = end_of_day.astimezone(UTC)
        else:
            value["UNTIL"] = rule.until
    return value


def _original_start(meeting: Meeting, day: date) -> Moment:
    """The start a repetition would have had on `day` (for EXDATE and RECURRENCE-ID)."""
    if not isinstance(meeting.start, datetime):
        return day
    local = meeting.start.astimezone(AMSTERDAM)
    return _when(datetime.combine(day, local.time(), AMSTERDAM))


def _summary(meeting: Meeting) -> str:
    if meeting.status == "geannuleerd":
        return f"Geannuleerd: {meeting.title}"  # apps that ignore STATUS still show it
    if meeting.status == "onder-voorbehoud":
        return f"{meeting.title} (onder voorbehoud)"
    return meeting.title


def _description(meeting: Meeting, site: Site, page_url: str) -> str:
    lines = []
    if meeting.status == "geannuleerd":
        lines.append("Deze bijeenkomst gaat niet door.")
    elif meeting.status == "onder-voorbehoud":
        lines.append("Onder voorbehoud: het is nog niet zeker dat deze bijeenkomst doorgaat.")
    elif meeting.status == "verplaatst" and meeting.originally is not None:
        lines.append(f"Verplaatst: eerst gepland op {dutch.meeting_when(meeting, meeting.originally, None)}.")
    if not meeting.timed and not meeting.multi_day:
        lines.append("De tijd staat er niet bij: kijk op de pagina van de bijeenkomst.")
    if meeting.summary:
        lines.append(meeting.summary)
    if meeting.online:
        if meeting.online.link:
            lines.append(f"Online meedoen: {meeting.online.link}")
        if meeting.online.note:
            lines.append(f"Online: {meeting.online.note}")
    names = [site.organisations[o].name for o in meeting.organisers if o in site.organisations]
    if names:
        lines.append("Organisatie: " + ", ".join(names))
    registration = meeting.registration
    if registration:
        how = [p for p in (registration.link, registration.email, registration.phone) if p]
        if how:
            lines.append("Aanmelden: " + ", ".join(how))
        if registration.note:
            lines.append(registration.note)
    if meeting.programme:
        lines.append("Programma:")
        for item in meeting.programme:
            when = " ".join(p for p in (dutch.weekday_day(item.day) if item.day and meeting.multi_day
                                        else "", item.time) if p)
            lines.append(f"- {when + ': ' if when else ''}{item.text}")
    lines.append(f"Meer informatie: {page_url}")
    return "\n".join(lines)


# --- a whole calendar -------------------------------------------------------------------------

def calendar_ics(meetings: list[Meeting], *, site: Site, name: str, description: str,
                 feed_url: str, page_url: str, uid: str, meeting_url: Callable[[Meeting], str],
                 written: dict[str, bytes] | None = None,
                 folded: dict[str, bytes] | None = None) -> bytes:
    """A subscribable calendar: `meeting_url(meeting)` gives each meeting's page.

    `written` (uid → bytes) lets one build serialise each meeting once for all its feeds, and
    `folded` (see `serialise`) each content line once."""
    meetings = sorted(meetings, key=lambda m: (m.first_day, m.uid))
    name, description = " ".join(name.split()), " ".join(description.split())  # one-line properties
    stamps = [stamp_of(m) for m in meetings]
    calendar = Calendar.new(prodid=PRODID, calscale="GREGORIAN", source=feed_url, url=page_url,
                            uid=uid, last_modified=max(stamps) if stamps else None)
    # vText escapes , ; \ as RFC 5545 3.3.11 asks. VALUE=TEXT says so to parsers that do not
    # know these properties (ical.js would show the backslashes of the escaping).
    calendar.add("DESCRIPTION", vText(description))
    for key, value in (("NAME", name), ("X-WR-CALNAME", name), ("X-WR-CALDESC", description)):
        calendar.add(key, vText(value), parameters={"VALUE": "TEXT"})
    calendar.add("REFRESH-INTERVAL", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("X-PUBLISHED-TTL", vDuration(REFRESH).to_ical().decode())  # Outlook's hint
    days = [d for m in meetings for o in occurrences(m) for d in (o.first_day, o.last_day)]
    first, last = min(days, default=None), max(days, default=None)
    timezone_ical = _vtimezone_ical(first.year if first else None, last.year if last else None)
    written = {} if written is None else written
    folded = {} if folded is None else folded
    body = []
    for meeting in meetings:
        if meeting.uid not in written:
            written[meeting.uid] = b"".join(
                serialise(event, folded) for event in meeting_events(meeting, site, meeting_url(meeting)))
        body.append(written[meeting.uid])
    end = b"END:VCALENDAR\r\n"
    head = serialise(calendar, folded).removesuffix(end)  # the events go in before the end
    return head + timezone_ical + b"".join(body) + end


def serialise(component: Component, folded: dict[str, bytes]) -> bytes:
    """icalendar's `Component.to_ical`, folding each distinct content line once per build.

    The library still does all of it: the order of the properties (`property_items`), their
    values, parameters and escaping (`Contentline.from_parts`) and the folding
    (`Contentline.to_ical`). `folded` (content line → its folded bytes) only lets a line seen
    before be reused: many lines recur (STATUS, TRANSP, LAST-MODIFIED, a meeting's URL in its
    own feed's head, the properties every feed's head has), and folding, one character at a
    time, was the largest part of the feeds' time. tests/unit/test_ical_serialise.py holds
    this to `to_ical`, byte for byte."""
    out = []
    for name, value in component.property_items():
        # Component.content_line, without a new empty Parameters for every line
        params = getattr(value, "params", None)
        line = Contentline.from_parts(name, Parameters() if params is None else params, value)
        if not line:
            continue
        done = folded.get(line)
        if done is None:
            done = folded[line] = line.to_ical()
        out.append(done)
    return b"\r\n".join(out) + b"\r\n"


@functools.cache
def _vtimezone_ical(first_year: int | None, last_year: int | None) -> bytes:
    """Feeds share spans of years (a VTIMEZONE depends on nothing else): serialise each once."""
    return vtimezone(date(first_year, 1, 1) if first_year else None,
                     date(last_year, 12, 31) if last_year else None).to_ical()


# --- the time zone ----------------------------------------------------------------------------

def vtimezone(first: date | None, last: date | None) -> Timezone:
    """Europe/Amsterdam as yearly rules, valid for every day from `first` to `last`.

    The rules are checked against zoneinfo for each of those years (plus one either side);
    should the rules ever change (say, no more summer time), the exact transitions from
    zoneinfo are written instead, for the same span."""
    first = first or date(2000, 1, 1)
    last = last or first
    start_year, end_year = first.year - 1, last.year + 1
    if all(_eu_rules_hold(year) for year in range(start_year, end_year + 1)):
        return _rule_timezone(start_year)
    return Timezone.from_tzid(TZID, first_date=date(start_year, 1, 1),
                              last_date=date(end_year, 12, 31))


def _last_sunday(year: int, month: int) -> date:  # month < 12
    day = date(year, month + 1, 1) - timedelta(days=1)
    return day - timedelta(days=(day.weekday() + 1) % 7)


@functools.cache
def _eu_rules_hold(year: int) -> bool:
    """Summer time from the last Sunday of March to the last Sunday of October, 01:00 UTC.

    Checked at noon UTC on every day of the year and in the hours around both changes: a
    change on another day, or at another hour of the same day, shows up in one of them."""
    spring = datetime.combine(_last_sunday(year, 3), time(1), UTC)
    autumn = datetime.combine(_last_sunday(year, 10), time(1), UTC)
    first = datetime(year, 1, 1, 12, tzinfo=UTC)
    moments = [first + timedelta(days=n) for n in range((date(year + 1, 1, 1) - date(year, 1, 1)).days)]
    moments += [change + timedelta(hours=h) for change in (spring, autumn) for h in range(-12, 13)]
    for moment in moments:
        expected = timedelta(hours=2 if spring <= moment < autumn else 1)
        if moment.astimezone(AMSTERDAM).utcoffset() != expected:
            return False
    return True


def _rule_timezone(year: int) -> Timezone:
    zone = Timezone()
    zone.add("TZID", TZID)
    zone.add("X-LIC-LOCATION", TZID)
    # DTSTART is the local time before the change, as counted in TZOFFSETFROM.
    for kind, month, clock, before, after, name in (
            (TimezoneDaylight, 3, time(2), 1, 2, "CEST"), (TimezoneStandard, 10, time(3), 2, 1, "CET")):
        part = kind()
        part.add("TZNAME", name)
        part.add("TZOFFSETFROM", timedelta(hours=before))
        part.add("TZOFFSETTO", timedelta(hours=after))
        part.add("DTSTART", datetime.combine(_last_sunday(year, month), clock))
        part.add("RRULE", {"FREQ": "YEARLY", "BYMONTH": month, "BYDAY": "-1SU"})
        zone.add_component(part)
    return zone
