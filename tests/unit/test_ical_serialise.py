"""Unit tests of the feeds' own writing of content lines (scripts/feeds/ical_lines.py and
`ical.meeting_ical`, `ical.calendar_ics`): byte for byte what icalendar's `to_ical` writes for the
Event and Calendar objects the library would build (tests/reference_ical.py), for every meeting of
the real content and the agenda fixture, for hard cases made from them, and for lines at and
around the fold."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest
from icalendar import Event, vCategory, vDDDLists, vDDDTypes, vGeo, vRecur, vText, vUri
from icalendar.parser import Contentline, Parameters
from icalendar.parser.string import _foldline

from conftest import AGENDA, content_with
from reference_ical import calendar_the_librarys_way, meeting_events
from scripts.content.loader import load_content
from scripts.feeds import ical
from scripts.feeds.ical_lines import Lines, content_line, fold
from scripts.model.items import Meeting, Online, Place, Recurrence, Site
from scripts.model.values import AMSTERDAM


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    """The real content plus the agenda fixture: meetings of every kind (series with skipped and
    moved dates, the doubled October hour, cancelled, tentative, moved, online, hybrid)."""
    loaded = load_content(content_with(tmp_path_factory.mktemp("ical") / "content", AGENDA))
    assert not loaded.problems
    return loaded.site


def hard_cases(site: Site) -> list[Meeting]:
    """What the content does not have (yet): coordinates, odd characters and lengths at the fold,
    a join link with a comma, series until a day (timed and whole-day), every other month, and a
    weekly series through the doubled hour with that repetition skipped and another moved."""
    meetings = list(site.meetings.values())
    timed = next(m for m in meetings if m.timed and m.place is not None and m.recurrence is None)
    whole_day = next(m for m in meetings if not m.timed and m.recurrence is None)
    weekly = next(m for m in meetings if m.recurrence is not None and m.recurrence.moved)
    texts = ["Zorg, wonen; thuis \\ samen", "é" * 37 + "\\" * 3 + "^" * 40, "a" * 73 + "\\,;" * 30,
             "€😀" * 50, "a" * 74 + "^" + "b" * 80]
    cases = [replace(timed, place=Place("Utrecht", "Bar Beton", latitude=52.0894, longitude=5.1103)),
             replace(timed, online=Online("https://meet.example.org/a,b;c", "kom binnen; of niet"),
                     place=Place("Utrecht", latitude=-33.5, longitude=151.25))]
    cases += [replace(timed, title=text, summary=text, uid=f"{text}@x.nl", slug=f"s{n}")
              for n, text in enumerate(texts)]
    cases += [replace(weekly, recurrence=Recurrence("wekelijks", until=date(2027, 6, 1),
                                                    except_dates=(date(2027, 3, 9),))),
              replace(weekly, recurrence=Recurrence("maandelijks", interval=2, count=4)),
              replace(whole_day, recurrence=Recurrence("wekelijks", until=date(2027, 3, 1),
                                                       except_dates=(whole_day.first_day + timedelta(days=7),)))]
    night = datetime(2027, 10, 17, 2, 30, tzinfo=AMSTERDAM)
    cases.append(replace(weekly, start=night, end=night + timedelta(hours=1), recurrence=Recurrence(
        "wekelijks", count=5, except_dates=(date(2027, 10, 31),),
        moved=((date(2027, 11, 7), datetime.combine(date(2027, 10, 31), time(2, 15), AMSTERDAM)),))))
    return [replace(case, uid=f"{n}-{case.uid}") for n, case in enumerate(cases)]  # a UID is one meeting


def events_bytes(meeting: Meeting, site: Site, page_url: str, days: tuple[Meeting, ...] = ()) -> bytes:
    return b"".join(event.to_ical() for event in meeting_events(meeting, site, page_url, days))


def test_every_meeting_is_written_as_its_events_to_ical(site):
    meetings = list(site.meetings.values()) + hard_cases(site)
    assert any(m.recurrence and m.recurrence.moved for m in meetings)
    lines = Lines()  # one for all, as in a build: the second round comes from what it remembers
    weeks = ical.themed_weeks(site)
    assert weeks  # the real themed weeks, whose descriptions name their days
    for meeting in meetings + meetings[::-1]:
        for page_url in (f"https://x.nl/{meeting.slug}/", "https://x.nl/a,b;c/"):
            days = weeks.get(meeting.uid, ())
            assert ical.meeting_ical(meeting, site, page_url, lines, days) == events_bytes(meeting, site, page_url, days)


def test_an_end_before_the_start_is_refused_as_event_new_refuses_it(site):
    meeting = next(m for m in site.meetings.values() if m.timed and m.end is not None)
    wrong = replace(meeting, end=meeting.start - timedelta(hours=1))
    with pytest.raises(ValueError, match="end must be after start"):
        meeting_events(wrong, site, "https://x.nl/")
    with pytest.raises(ValueError, match="end must be after start"):
        ical.meeting_ical(wrong, site, "https://x.nl/", Lines())


NAMES = [("Agenda", "Alle bijeenkomsten."),
         ("Zorg, wonen; thuis \\ samen ^ " * 4, "Over  zorg,\n wonen;\tthuis " + "é€😀" * 30),
         ("a" * 68 + "\\b", "a" * 73 + "^" + "b" * 100)]


@pytest.mark.parametrize("name, description", NAMES)
def test_feeds_are_what_a_calendar_of_events_gives(site, name, description):
    meetings = list(site.meetings.values())
    hard = hard_cases(site)
    written: dict[str, ical.Written] = {}
    lines = Lines()
    for chosen, feed_url in ((meetings, "https://x.nl/ical/alle.ics"), (hard[:1], "https://x.nl/ical/a,b.ics"),
                             (hard[-1:], "https://x.nl/ical/nacht.ics"), ([], "https://x.nl/ical/leeg.ics"),
                             (meetings[:3], "https://x.nl/ical/drie.ics")):
        feed = {"site": site, "name": name, "description": description, "feed_url": feed_url,
                "page_url": "https://x.nl/bijeenkomsten/", "uid": f"{feed_url}@x.nl"}
        made = ical.calendar_ics(chosen, **feed, meeting_url=lambda m: f"https://x.nl/{m.slug}/",
                                 written=written, lines=lines)
        assert made == calendar_the_librarys_way(chosen, **feed)


# --- lines --------------------------------------------------------------------------------------

def lines_to_fold() -> list[str]:
    """Lines at and around the fold: one character repeated, a single escape at every place near
    the cut, and mixes (seeded, so the same every run) of 1- to 4-octet characters, escapes,
    spaces and commas."""
    alphabet = ["a", "é", "€", "😀", "\\", "^", " ", ","]
    found = [c * n for c in alphabet for n in range(1, 160)]
    found += ["a" * k + e + "b" * n for e in "\\^" for k in range(55, 160) for n in (0, 1, 2, 80)]
    found += ["é" * k + e + "€" * 40 for e in "\\^" for k in range(25, 80)]
    pick = random.Random(5545)
    found += ["".join(pick.choices(alphabet, weights=[8, 2, 2, 1, 2, 2, 1, 1], k=size))
              for size in range(1, 400) for _ in range(12)]
    return found


def test_fold_is_icalendars_foldline():
    for line in lines_to_fold():
        assert fold(line) == _foldline(line).encode("utf-8"), line


def test_fold_refuses_a_line_break_as_contentline_does():
    with pytest.raises(ValueError):
        fold("DESCRIPTION:a\nb")


@pytest.mark.parametrize("name, value", [
    ("SUMMARY", vText("Zorg, wonen; thuis \\ samen")),
    ("X-WR-CALNAME", vText("a,b", params=Parameters({"VALUE": "TEXT"}))),
    ("DTSTART", vDDDTypes(datetime(2027, 10, 31, 2, 30, tzinfo=AMSTERDAM))),
    ("DTSTAMP", vDDDTypes(datetime(2027, 10, 31, 0, 30, tzinfo=UTC))),
    ("DTSTART", vDDDTypes(date(2027, 10, 31))),
    ("EXDATE", vDDDLists([datetime(2027, 1, 5, 19, tzinfo=AMSTERDAM), datetime(2027, 1, 12, 19, tzinfo=AMSTERDAM)])),
    ("RRULE", vRecur({"FREQ": "WEEKLY", "UNTIL": datetime(2027, 6, 1, 21, 59, 59, tzinfo=UTC)})),
    ("CATEGORIES", vCategory(["a,b", "c;d"])), ("GEO", vGeo((52.0894, 5.1103))),
    ("URL", vUri("https://x.nl/a,b;c")),
    ("CONFERENCE", vUri("https://m.nl/x", params=Parameters(
        {"VALUE": "URI", "FEATURE": "VIDEO", "LABEL": "Online meedoen; of: niet"}))),
    ("X-PUBLISHED-TTL", "PT6H"),
])
def test_a_content_line_is_contentline_from_parts(name, value):
    params = getattr(value, "params", Parameters())
    assert content_line(name, value) == Contentline.from_parts(name, params, value)


@pytest.mark.parametrize("length", [60, 62, 63, 64, 65, 66, 130, 400])
@pytest.mark.parametrize("filler", ["a", "é", "€", "😀", "a\\", "a,", "a;", "a^"])
def test_text_lines_around_the_fold_are_the_librarys(length, filler):
    text = (filler * length)[:length]
    event = Event()
    event.add("SUMMARY", text)
    event.add("X-WR-CALNAME", vText(text), parameters={"VALUE": "TEXT"})
    expected = event.to_ical().split(b"\r\n", 1)[1].rsplit(b"END:VEVENT", 1)[0]
    assert b"".join(line + b"\r\n" for line in Lines.text(text, "SUMMARY", "X-WR-CALNAME;VALUE=TEXT")) == expected


def test_remembered_values_keep_the_time_zone_they_are_written_in():
    lines = Lines()
    local = datetime(2027, 1, 5, 19, tzinfo=AMSTERDAM)
    utc = local.astimezone(UTC)
    assert local == utc  # the same instant: a key without the zone would mix them up
    assert lines.value("DTSTART", local) == b"DTSTART;TZID=Europe/Amsterdam:20270105T190000"
    assert lines.value("DTSTART", utc) == b"DTSTART:20270105T180000Z"
    assert lines.value("DTSTART", local.date()) == b"DTSTART;VALUE=DATE:20270105"
    assert lines.value("LAST-MODIFIED", local) == b"LAST-MODIFIED:20270105T180000Z"  # add's UTC
    first = datetime(2027, 10, 31, 2, 30, tzinfo=AMSTERDAM)  # the doubled hour: equal, not the same
    second = first.replace(fold=1)
    assert first == second
    assert lines.value("LAST-MODIFIED", first) == b"LAST-MODIFIED:20271031T003000Z"
    assert lines.value("LAST-MODIFIED", second) == b"LAST-MODIFIED:20271031T013000Z"
    with pytest.raises(TypeError):
        lines.value("EXDATE", [local])  # a list is remembered only when it holds text

