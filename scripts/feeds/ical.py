"""iCalendar (RFC 5545) files of meetings. The feeds write a meeting with `meeting_ical` (lines
put together by ical_lines.py, without an icalendar Event per meeting: building those was most
of the feeds' time), once per build, so a meeting is byte for byte the same in every feed it
appears in. The readable definition, a meeting's events as icalendar Events and a feed as the
Calendar the library builds of them, is tests/reference_ical.py; tests/unit/test_ical_serialise.py
holds `meeting_ical` and `calendar_ics` to it.

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
  second, and libical and khal read the first one an hour late. DTSTART and DTEND are
  written the same way: both in UTC when either is ambiguous (a single event);
- no X-WR-TIMEZONE: every time already says its zone, and clients that honour X-WR-TIMEZONE
  move UTC times (the doubled hour above) into it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from icalendar import (
    Calendar,
    Conference,
    Event,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vDuration,
)
from icalendar.error import InvalidCalendar

from scripts.feeds.ical_lines import TEXT, Lines, component
from scripts.model.items import (
    Frequency,
    Meeting,
    Moment,
    Recurrence,
    Site,
    Status,
    venue_text,
)
from scripts.model.moments import When, in_amsterdam, occurs_twice
from scripts.index import SiteIndex
from scripts.model.occurrences import Occurrence, occurrences
from scripts.model.values import AMSTERDAM, instant
from scripts.render import dutch

TZID = "Europe/Amsterdam"
PRODID = "-//Radicale vernieuwing//Agenda//NL"
REFRESH = timedelta(hours=6)  # a hint; Google refreshes on its own schedule (up to a day)
PAST_KEPT = timedelta(days=5 * 365)  # past meetings stay this long (≥ 1 year) for history
CANCELLED_KEPT = timedelta(days=30)  # a cancelled meeting is shown this long after its date

STATUS = {Status.PLANNED: "CONFIRMED", Status.MOVED: "CONFIRMED", Status.TENTATIVE: "TENTATIVE",
          Status.CANCELLED: "CANCELLED"}


def in_feeds(meeting: Meeting, index: SiteIndex) -> bool:
    """Subscribers keep their history for a while; a cancelled meeting leaves after a month."""
    last, build_date = max(o.last_day for o in index.occurrences_of(meeting)), index.build_date
    if meeting.status == Status.CANCELLED and last + CANCELLED_KEPT < build_date:
        return False
    return last + PAST_KEPT >= build_date


# --- one meeting ------------------------------------------------------------------------------

def meeting_ical(meeting: Meeting, site: Site, page_url: str, lines: Lines,
                 days: tuple[Meeting, ...] = (), found: list[Occurrence] | None = None) -> bytes:
    """The bytes of the meeting's events (tests/reference_ical.py `meeting_events`), written
    without an Event per meeting (ical_lines.py). tests/unit/test_ical_serialise.py holds the two
    to the same bytes for every real meeting and the hard cases (series, moved repetitions and
    the doubled hour, join links, places). `found`: the meeting's occurrences, when known."""
    values = _event_values(meeting, site, page_url, days)
    (summary,), (uid,) = lines.text(values["summary"], "SUMMARY"), lines.text(values["uid"], "UID")
    shared = {  # what every event of the meeting says, as Event.new(**values) says it
        "SUMMARY": summary, "DTSTAMP": lines.value("DTSTAMP", values["stamp"]), "UID": uid,
        "SEQUENCE": lines.value("SEQUENCE", values["sequence"]),
        "DESCRIPTION": lines.text(values["description"], "DESCRIPTION")[0],
        "LAST-MODIFIED": lines.value("LAST-MODIFIED", values["last_modified"]),
        "STATUS": lines.value("STATUS", values["status"]),
        "TRANSP": lines.value("TRANSP", values["transparency"]),
        "URL": lines.uri("URL", values["url"]),
        "X-MICROSOFT-CDO-BUSYSTATUS": lines.value("X-MICROSOFT-CDO-BUSYSTATUS",
                                                  _busy(values["transparency"]))}
    if values["categories"]:
        shared["CATEGORIES"] = lines.value("CATEGORIES", values["categories"])
    if values["location"] is not None:
        shared["LOCATION"] = lines.value("LOCATION", values["location"])
    if values["conferences"] or _coordinates(meeting):
        rare = Event()  # few meetings have these: the library writes them as for a whole Event
        rare.conferences = values["conferences"]
        _geo(rare, meeting)
        shared.update(lines.of(rare))
    events = [{**shared, **_times(meeting.start, meeting.end, lines, series=meeting.recurrence is not None)}]
    if meeting.recurrence is not None:
        series = Event()
        _series(series, meeting, meeting.recurrence)
        events[0].update(lines.of(series))
        events += [{**shared, **_times(o.start, o.end, lines), "RECURRENCE-ID": lines.value(
                    "RECURRENCE-ID", _original_start(meeting, o.moved_from))}
                   for o in (occurrences(meeting) if found is None else found) if o.moved_from is not None]
    return b"".join(component(Event, event) for event in events)


def _event_values(meeting: Meeting, site: Site, page_url: str,
                  days: tuple[Meeting, ...] = ()) -> dict[str, Any]:
    """What every event of a meeting says: Event.new's arguments but its times."""
    stamp = stamp_of(meeting)
    online_link = meeting.online.link if meeting.online else ""
    return {
        "uid": meeting.uid, "stamp": stamp, "last_modified": stamp, "sequence": meeting.sequence,
        "summary": summary_of(meeting), "description": _description(meeting, site, page_url, days),
        "location": location_of(meeting), "url": page_url,
        "status": STATUS.get(meeting.status, "CONFIRMED"),
        "transparency": "OPAQUE" if meeting.timed and meeting.status != Status.CANCELLED else "TRANSPARENT",
        "categories": [site.themes[t].title for t in meeting.themes if t in site.themes],
        "conferences": [Conference(online_link, feature="VIDEO", label="Online meedoen")]
        if online_link else None}


def _times(start: Moment, end: Moment | None, lines: Lines, series: bool = False) -> dict[str, bytes]:
    """DTSTART and DTEND of an event, checked as Event.new checks them."""
    start, end = _when_pair(start, end, series=series)
    if start > end:  # both dates or both datetimes (_end)
        raise InvalidCalendar("end must be after start")
    return {"DTSTART": lines.value("DTSTART", start), "DTEND": lines.value("DTEND", end)}


def _series(event: Event, meeting: Meeting, rule: Recurrence) -> None:
    event.add("RRULE", _rrule(meeting, rule))
    skipped = sorted(rule.except_dates)
    if skipped:
        event.add("EXDATE", [_original_start(meeting, day) for day in skipped])


def stamp_of(meeting: Meeting) -> datetime:
    """DTSTAMP and LAST-MODIFIED: what the build derived from the baseline. Without a build
    (a meeting on its own), 'gewijzigd' or else the first day, at midnight UTC."""
    if meeting.changed is not None:
        return meeting.changed.astimezone(UTC)
    return datetime.combine(meeting.modified or meeting.first_day, time(0), UTC)


def _when(moment: Moment) -> Moment:
    if occurs_twice(moment):
        return instant(moment)  # one of two equal local times: say which in UTC
    return in_amsterdam(moment)


def _when_pair(start: Moment, end: Moment | None, series: bool = False) -> tuple[Moment, Moment]:
    """DTSTART and DTEND written the same way: both in UTC when either is one of two equal
    local times. A meeting from 01:30 to the second 02:30 written as DTSTART;TZID=… with a UTC
    DTEND was read an hour long by some clients and two by others (recurring-ical-events
    ended it an hour late). A series keeps a local DTSTART: in UTC its repetitions would
    move by an hour at every change of the clock."""
    when = When(start, end)
    last = when.calendar_end  # for whole days, the exclusive day after the last
    if not series and (occurs_twice(start) or occurs_twice(last)):
        return when.in_utc()  # only times occur twice
    return _when(start), _when(last)


def location_of(meeting: Meeting) -> str | None:
    """The venue (a hybrid meeting's online part is its CONFERENCE, and the description's
    "Online meedoen"), or 'Online'. The add-to-calendar links say the same (pages/calendar_blocks.py):
    a map app looks up the venue, which "… en online" would spoil."""
    return venue_text(meeting) or ("Online" if meeting.online else None)


def _coordinates(meeting: Meeting) -> tuple[float, float] | None:
    place = meeting.place
    if place is not None and place.latitude is not None and place.longitude is not None:
        return place.latitude, place.longitude
    return None


def _geo(event: Event, meeting: Meeting) -> None:
    coordinates = _coordinates(meeting)
    if coordinates is not None:
        event.add("GEO", coordinates)


def _busy(transparency: str) -> str:
    # Outlook reads its own property for free/busy; TRANSP alone is not always enough.
    return "FREE" if transparency == "TRANSPARENT" else "BUSY"


def _rrule(meeting: Meeting, rule: Recurrence) -> dict[str, Any]:
    value: dict[str, Any] = {"FREQ": "WEEKLY" if rule.frequency == Frequency.WEEKLY else "MONTHLY"}
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
    return _when(meeting.when.start_on(day))


def summary_of(meeting: Meeting) -> str:
    """The title as calendars show it: one that ignores STATUS still shows the warning."""
    if meeting.status == Status.CANCELLED:
        return f"Geannuleerd: {meeting.title}"  # apps that ignore STATUS still show it
    if meeting.status == Status.TENTATIVE:
        return f"{meeting.title} (onder voorbehoud)"
    return meeting.title


def status_line(meeting: Meeting) -> str:
    """The first line of the description when a meeting is cancelled or not yet certain
    (the add-to-calendar links start with it too: a copy added by link never updates)."""
    if meeting.status == Status.CANCELLED:
        return "Deze bijeenkomst gaat niet door."
    if meeting.status == Status.TENTATIVE:
        return "Onder voorbehoud: het is nog niet zeker dat deze bijeenkomst doorgaat."
    return ""


def _description(meeting: Meeting, site: Site, page_url: str, days: tuple[Meeting, ...] = ()) -> str:
    lines = [status_line(meeting)] if status_line(meeting) else []
    if meeting.status == Status.MOVED and meeting.originally is not None:
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
    if days:  # a themed week: its days are not in the feeds beside it (calendar_ics)
        lines.append("Dagen met een eigen pagina:")
        for day in days:
            where = location_of(day)
            lines.append(f"- {dutch.meeting_when(day)}: {day.title}" + (f" ({where})" if where else ""))
    lines.append(f"Meer informatie: {page_url}")
    return "\n".join(lines)


# --- a whole calendar -------------------------------------------------------------------------

def themed_weeks(site: Site) -> dict[str, tuple[Meeting, ...]]:
    """uid of a themed week → its day meetings, by date. A themed week is a meeting of several
    days with a 'reeks'; its days are the one-day meetings of that series within its span (the
    rule of the week's page, scripts/pages/meetings.py `days_of`). Made once per build."""
    by_series: dict[str, list[Meeting]] = {}
    for meeting in site.meetings.values():
        if meeting.series:
            by_series.setdefault(meeting.series, []).append(meeting)
    weeks: dict[str, tuple[Meeting, ...]] = {}
    for members in by_series.values():
        for week in members:
            if not week.multi_day:
                continue
            days = sorted((m for m in members if m.slug != week.slug and not m.multi_day
                           and week.first_day <= m.first_day <= week.last_day),
                          key=lambda m: (m.first_day, m.slug))
            if days:
                weeks[week.uid] = tuple(days)
    return weeks


def once_per_week(meetings: list[Meeting], weeks: dict[str, tuple[Meeting, ...]]) -> list[Meeting]:
    """A themed week once in a feed: where the week itself is in it, its day meetings are left
    out (the week's description names them). Subscribers saw the week as a five-day event and
    its days again beside it. A feed without the week (a day of another movement) keeps the day."""
    present = {m.uid for m in meetings}
    inside = {day.uid for uid, days in weeks.items() if uid in present for day in days}
    return [m for m in meetings if m.uid not in inside] if inside else meetings


@dataclass(frozen=True)
class Written:
    """A meeting as every feed it is in needs it, made once per build."""
    ical: bytes  # its events (meeting_ical): the same bytes in every feed
    first_day: date  # of its first occurrence and the last day of its last: the VTIMEZONE's span
    last_day: date
    stamp: datetime  # the feed's LAST-MODIFIED is the latest of its meetings'


def calendar_ics(meetings: list[Meeting], *, site: Site, name: str, description: str,
                 feed_url: str, page_url: str, uid: str, meeting_url: Callable[[Meeting], str],
                 written: dict[str, Written] | None = None, lines: Lines | None = None,
                 weeks: dict[str, tuple[Meeting, ...]] | None = None,
                 occurrences_of: Callable[[Meeting], list[Occurrence]] = occurrences) -> bytes:
    """A subscribable calendar: `meeting_url(meeting)` gives each meeting's page.

    `written` (uid → Written) lets one build write each meeting once for all its feeds,
    `weeks` (`themed_weeks`, made once per build) writes a themed week once, and
    `lines` each content line that recurs once (a feed's head has the same lines as the
    Calendar icalendar would make; tests/unit/test_ical_serialise.py holds them to it);
    `occurrences_of` gives a meeting's occurrences (the build's index has them all)."""
    written = {} if written is None else written
    lines = Lines() if lines is None else lines
    weeks = themed_weeks(site) if weeks is None else weeks
    entries = []
    for meeting in sorted(once_per_week(meetings, weeks), key=lambda m: (m.first_day, m.uid)):
        entry = written.get(meeting.uid)
        if entry is None:
            found = occurrences_of(meeting)
            entry = written[meeting.uid] = Written(
                meeting_ical(meeting, site, meeting_url(meeting), lines, weeks.get(meeting.uid, ()), found),
                min(o.first_day for o in found), max(o.last_day for o in found), stamp_of(meeting))
        entries.append(entry)
    name, description = " ".join(name.split()), " ".join(description.split())  # one-line properties
    # vText escapes , ; \ as RFC 5545 3.3.11 asks. VALUE=TEXT says so to parsers that do not
    # know these properties (ical.js would show the backslashes of the escaping).
    about, about_wr = lines.text(description, "DESCRIPTION", f"X-WR-CALDESC;{TEXT}")
    named, named_wr = lines.text(name, f"NAME;{TEXT}", f"X-WR-CALNAME;{TEXT}")
    head = {**_fixed_head(), "DESCRIPTION": about, "X-WR-CALDESC": about_wr, "NAME": named,
            "X-WR-CALNAME": named_wr, "SOURCE": lines.uri("SOURCE", feed_url),
            "URL": lines.uri("URL", page_url), "UID": lines.text(uid, "UID")[0]}
    if entries:
        head["LAST-MODIFIED"] = lines.value("LAST-MODIFIED", max(e.stamp for e in entries))
    first = min((e.first_day for e in entries), default=None)
    last = max((e.last_day for e in entries), default=None)
    timezone_ical = _vtimezone_ical(first.year if first else None, last.year if last else None)
    return component(Calendar, head, timezone_ical + b"".join(e.ical for e in entries))


@functools.cache
def _fixed_head() -> dict[str, bytes]:
    """The lines every feed's head has: what Calendar.new(prodid=…, calscale=…) and the adds of
    REFRESH-INTERVAL and X-PUBLISHED-TTL (Outlook's refresh hint) would give."""
    lines = Lines()
    return {"VERSION": lines.value("VERSION", "2.0"), "PRODID": lines.value("PRODID", PRODID),
            "CALSCALE": lines.value("CALSCALE", "GREGORIAN"),
            "REFRESH-INTERVAL": lines.value("REFRESH-INTERVAL", REFRESH, {"VALUE": "DURATION"}),
            "X-PUBLISHED-TTL": lines.value("X-PUBLISHED-TTL", vDuration(REFRESH).to_ical().decode())}


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
