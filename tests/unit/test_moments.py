"""Unit tests of scripts.model.moments (When: a date or a time in Amsterdam, asked instead of
isinstance), the status and frequency enums, and the index's occurrences made once per build."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from scripts.index import build_index
from scripts.model.items import Frequency, Meeting, Recurrence, Site, Status
from scripts.model.moments import When, day_of, in_amsterdam, is_timed, occurs_twice
from scripts.model.values import AMSTERDAM


def at(y, m, d, hh=19, mm=30, fold=0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=AMSTERDAM, fold=fold)


def test_whole_days_end_on_the_day_after_the_last_for_calendars():
    when = When(date(2026, 11, 23), date(2026, 11, 27))
    assert when.all_day and (when.first_day, when.last_day) == (date(2026, 11, 23), date(2026, 11, 27))
    assert when.calendar_end == date(2026, 11, 28)
    assert When(date(2026, 11, 23)).calendar_end == date(2026, 11, 24)
    assert when.in_amsterdam() is None
    assert when.in_utc() == (datetime(2026, 11, 22, 23, 0, tzinfo=UTC), datetime(2026, 11, 26, 23, 0, tzinfo=UTC))


def test_a_timed_meeting_gives_its_clock_in_amsterdam_and_its_instants_in_utc():
    when = When(at(2026, 7, 1), at(2026, 7, 1, 21, 0))
    assert not when.all_day and when.calendar_end == at(2026, 7, 1, 21, 0)
    assert when.in_utc() == (datetime(2026, 7, 1, 17, 30, tzinfo=UTC), datetime(2026, 7, 1, 19, 0, tzinfo=UTC))
    start, end = when.in_amsterdam() or (None, None)
    assert (start.hour, start.minute, end.hour) == (19, 30, 21)
    no_end = When(at(2026, 7, 1).astimezone(UTC))
    assert no_end.in_amsterdam() == (at(2026, 7, 1), None) and no_end.finish == no_end.start


def test_start_on_keeps_the_local_clock_across_summer_time():
    when = When(at(2026, 3, 19))
    assert when.start_on(date(2026, 4, 2)).utcoffset().total_seconds() == 7200
    assert when.start_on(date(2026, 4, 2)).strftime("%H:%M") == "19:30"
    assert When(date(2026, 3, 19)).start_on(date(2026, 4, 2)) == date(2026, 4, 2)


def test_the_doubled_october_hour_is_recognised_and_the_sort_key_tells_them_apart():
    first, second = at(2026, 10, 25, 2, 30, fold=0), at(2026, 10, 25, 2, 30, fold=1)
    assert occurs_twice(first) and occurs_twice(second) and not occurs_twice(at(2026, 10, 25, 4, 0))
    assert not occurs_twice(date(2026, 10, 25))
    assert When(first).sort_key < When(second).sort_key


def test_single_moments():
    assert is_timed(at(2026, 1, 5)) and not is_timed(date(2026, 1, 5))
    assert day_of(at(2026, 1, 5)) == day_of(date(2026, 1, 5)) == date(2026, 1, 5)
    assert in_amsterdam(date(2026, 1, 5)) == date(2026, 1, 5)
    assert in_amsterdam(datetime(2026, 1, 5, 18, 30, tzinfo=UTC)).hour == 19


def test_status_and_frequency_read_and_write_as_their_dutch_words():
    assert Status.MOVED == "verplaatst" and {"geannuleerd": 1}[Status.CANCELLED] == 1
    assert json.dumps({"status": Status.TENTATIVE}) == '{"status": "onder-voorbehoud"}'
    assert f"{Frequency.WEEKLY}" == str(Frequency.WEEKLY) == "wekelijks"


def test_the_index_expands_each_meeting_once_and_a_stranger_on_the_spot():
    series = Meeting(slug="leerkring", title="Leerkring", uid="l@example.org", start=at(2026, 1, 5),
                     movement="zorg", recurrence=Recurrence(Frequency.WEEKLY, count=3))
    index = build_index(Site(meetings={"leerkring": series}), date(2026, 1, 13))
    assert index.occurrences_of(series) is index.occurrences_of(series)
    assert [o.first_day for o in index.everything] == [date(2026, 1, 5), date(2026, 1, 12), date(2026, 1, 19)]
    assert len(index.upcoming) == 1 and len(index.past) == 2
    stranger = Meeting(slug="leerkring", title="Anders", uid="l@example.org", start=date(2026, 2, 1), movement="zorg")
    assert [o.start for o in index.occurrences_of(stranger)] == [date(2026, 2, 1)]
