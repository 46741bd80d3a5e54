"""Unit tests of scripts.feeds.ical.serialise: the feeds' serialisation (icalendar's own content
lines, each distinct line folded once per build) is byte for byte what icalendar's `to_ical`
writes, for every meeting of the real content and for lines at and around the fold."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar, Event, vText

from scripts.content.loader import load_content
from scripts.feeds import ical
from scripts.model.values import AMSTERDAM

PROJECT = Path(__file__).resolve().parents[2]


def test_every_real_meeting_serialises_as_to_ical_with_one_shared_cache():
    loaded = load_content(PROJECT / "content")
    assert not loaded.problems and loaded.site.meetings
    folded: dict[str, bytes] = {}
    components = [event for meeting in loaded.site.meetings.values()
                  for event in ical.meeting_events(meeting, loaded.site, f"https://x.nl/{meeting.slug}/")]
    components.append(ical.vtimezone(date(2019, 1, 1), date(2030, 12, 31)))
    for component in components + components[::-1]:  # the second round comes from the cache
        assert ical.serialise(component, folded) == component.to_ical()
    assert len(folded) < sum(len(c.property_items()) for c in components)  # lines were shared


@pytest.mark.parametrize("length", [60, 62, 63, 64, 65, 66, 130, 400])
@pytest.mark.parametrize("filler", ["a", "é", "€", "😀", "a\\", "a,", "a;"])
def test_lines_around_the_fold_serialise_as_to_ical(length, filler):
    text = (filler * length)[:length]
    calendar = Calendar.new(prodid="-//x//y//NL", uid="u@x.nl", description=text, name=text,
                            last_modified=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC))
    calendar.add("X-WR-CALNAME", vText(text), parameters={"VALUE": "TEXT"})
    calendar.add("REFRESH-INTERVAL", timedelta(hours=6), parameters={"VALUE": "DURATION"})
    event = Event.new(uid="e@x.nl", summary=text, description=f"{text}\n{text}", location=text,
                      start=datetime(2026, 10, 25, 2, 30, tzinfo=AMSTERDAM),
                      end=datetime(2026, 10, 25, 4, tzinfo=AMSTERDAM),
                      stamp=datetime(2026, 1, 1, tzinfo=UTC), categories=[text, "b,c"])
    calendar.add_component(event)
    folded: dict[str, bytes] = {}
    for _ in range(2):
        assert ical.serialise(calendar, folded) == calendar.to_ical()
        assert ical.serialise(event, folded) == event.to_ical()
