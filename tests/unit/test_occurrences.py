"""Unit tests of scripts.model.occurrences: the dates of a meeting, a series expanded in local
Amsterdam time (a weekly 19:30 stays 19:30 across the change to and from summer time)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from scripts.model.items import Meeting, Recurrence
from scripts.model.occurrences import MAX_OCCURRENCES, occurrences
from scripts.model.values import AMSTERDAM


def at(y, m, d, hh=19, mm=30) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=AMSTERDAM)


def meeting(start, end=None, recurrence=None) -> Meeting:
    return Meeting(slug="leerkring", title="Leerkring", uid="leerkring@example.org", start=start,
                   movement="zorg", end=end, recurrence=recurrence)


def test_a_single_meeting_is_one_occurrence():
    (only,) = occurrences(meeting(at(2026, 12, 10), at(2026, 12, 10, 21, 0)))
    assert (only.start, only.end, only.moved_from) == (at(2026, 12, 10), at(2026, 12, 10, 21, 0), None)
    assert only.first_day == only.last_day == date(2026, 12, 10)


def test_weekly_series_keeps_its_local_time_across_summer_time():
    series = meeting(at(2026, 3, 19), at(2026, 3, 19, 21, 0), Recurrence("wekelijks", count=3))
    found = occurrences(series)
    assert [o.start for o in found] == [at(2026, 3, 19), at(2026, 3, 26), at(2026, 4, 2)]
    assert [o.start.utcoffset() for o in found] == [timedelta(hours=1), timedelta(hours=1), timedelta(hours=2)]
    assert all(o.end - o.start == timedelta(minutes=90) for o in found)
    assert [(o.end.hour, o.end.minute) for o in found] == [(21, 0)] * 3


def test_interval_until_and_skipped_dates():
    rule = Recurrence("wekelijks", interval=2, until=date(2026, 2, 28), except_dates=(date(2026, 1, 19),))
    found = occurrences(meeting(at(2026, 1, 5), recurrence=rule))
    assert [o.first_day for o in found] == [date(2026, 1, 5), date(2026, 2, 2), date(2026, 2, 16)]
    assert all(o.end is None for o in found)


def test_a_moved_repetition_keeps_its_duration_and_says_where_it_came_from():
    rule = Recurrence("maandelijks", count=3, moved=((date(2026, 2, 5), at(2026, 2, 12, 14, 0)),))
    found = occurrences(meeting(at(2026, 1, 5), at(2026, 1, 5, 21, 0), rule))
    assert [o.first_day for o in found] == [date(2026, 1, 5), date(2026, 2, 12), date(2026, 3, 5)]
    moved = found[1]
    assert moved.moved_from == date(2026, 2, 5)
    assert (moved.start, moved.end) == (at(2026, 2, 12, 14, 0), at(2026, 2, 12, 15, 30))


def test_whole_day_series_stays_whole_days():
    rule = Recurrence("maandelijks", count=2)
    found = occurrences(meeting(date(2026, 1, 31), date(2026, 2, 1), rule))
    # dateutil skips months without a 31st, as calendar apps do with BYMONTHDAY=31
    assert [(o.start, o.end) for o in found] == [(date(2026, 1, 31), date(2026, 2, 1)),
                                                (date(2026, 3, 31), date(2026, 4, 1))]


def test_a_series_without_an_end_is_capped():
    assert len(occurrences(meeting(at(2026, 1, 5), recurrence=Recurrence("wekelijks")))) == MAX_OCCURRENCES
    assert len(occurrences(meeting(at(2026, 1, 5), recurrence=Recurrence("wekelijks", count=10_000)))) \
        == MAX_OCCURRENCES


def test_occurrences_sort_by_instant_then_slug():
    day = occurrences(meeting(date(2026, 12, 10)))[0]
    evening = occurrences(meeting(at(2026, 12, 10)))[0]
    assert day.sort_key < evening.sort_key  # a whole day starts at midnight
