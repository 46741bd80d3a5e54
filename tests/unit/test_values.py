"""Unit tests of scripts.model.values: the front matter's dates and times, parsed without a build.

Local times are Europe/Amsterdam; in 2026 summer time starts on 29 March (02:00 → 03:00) and
ends on 25 October (03:00 → 02:00)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from scripts.model.values import (AMSTERDAM, PartialDate, ValueProblem, parse_clock, parse_date, parse_moment,
                                  parse_partial_date)


def test_a_date_is_a_date():
    assert parse_date("2026-03-12") == date(2026, 3, 12)
    assert parse_date(" 2026-03-12 ") == date(2026, 3, 12)


@pytest.mark.parametrize("text", ["2026-13-01", "2026-02-30", "2025-02-29", "12-03-2026", "2026-3-12",
                                  "2026-03-12 10:00", "morgen", ""])
def test_not_a_date_is_refused_with_a_hint(text):
    with pytest.raises(ValueProblem) as refused:
        parse_date(text)
    assert refused.value.message and refused.value.hint


def test_leap_day_exists_in_a_leap_year():
    assert parse_date("2028-02-29") == date(2028, 2, 29)


def test_a_day_without_time_stays_a_date():
    assert parse_moment("2026-11-23") == date(2026, 11, 23)


def test_a_local_time_is_amsterdam_time_in_winter_and_summer():
    winter = parse_moment("2026-01-15 19:30")
    summer = parse_moment("2026-07-15 19:30")
    assert winter.tzinfo is AMSTERDAM and summer.tzinfo is AMSTERDAM
    assert winter.utcoffset() == timedelta(hours=1)
    assert summer.utcoffset() == timedelta(hours=2)
    assert summer.astimezone(timezone.utc) == datetime(2026, 7, 15, 17, 30, tzinfo=timezone.utc)


def test_a_dot_between_hours_and_minutes_is_accepted():
    assert parse_moment("2026-01-15 9.30") == datetime(2026, 1, 15, 9, 30, tzinfo=AMSTERDAM)


@pytest.mark.parametrize("text", ["2026-01-15 24:00", "2026-01-15 12:60"])
def test_a_time_that_does_not_exist_on_any_clock(text):
    with pytest.raises(ValueProblem):
        parse_moment(text)


@pytest.mark.parametrize("text", ["2026-03-29 02:00", "2026-03-29 02:30", "2026-03-29 02:59"])
def test_the_hour_skipped_in_march_is_refused(text):
    with pytest.raises(ValueProblem) as refused:
        parse_moment(text)
    assert "03:00" in refused.value.message + refused.value.hint


def test_the_minutes_around_the_skipped_hour_exist():
    assert parse_moment("2026-03-29 01:59").utcoffset() == timedelta(hours=1)
    assert parse_moment("2026-03-29 03:00").utcoffset() == timedelta(hours=2)


def test_the_doubled_hour_in_october_asks_which_one():
    with pytest.raises(ValueProblem) as refused:
        parse_moment("2026-10-25 02:30")
    assert "+02:00" in refused.value.hint and "+01:00" in refused.value.hint


def test_the_doubled_hour_with_its_offset_is_one_instant():
    first = parse_moment("2026-10-25 02:30 +02:00")
    second = parse_moment("2026-10-25 02:30 +01:00")
    assert first.astimezone(timezone.utc) == datetime(2026, 10, 25, 0, 30, tzinfo=timezone.utc)
    assert second.astimezone(timezone.utc) == datetime(2026, 10, 25, 1, 30, tzinfo=timezone.utc)
    # (Python subtracts two times of one zone by the wall clock, ignoring fold: compare in UTC.)
    assert second.astimezone(timezone.utc) - first.astimezone(timezone.utc) == timedelta(hours=1)


def test_an_offset_that_amsterdam_does_not_have_that_day_is_refused():
    with pytest.raises(ValueProblem):
        parse_moment("2026-07-15 19:30 +01:00")  # summer: it is +02:00


@pytest.mark.parametrize("text, value", [
    ("2019", PartialDate(2019)),
    ("2019-05", PartialDate(2019, 5)),
    ("2019-05-31", PartialDate(2019, 5, 31)),
])
def test_partial_dates(text, value):
    parsed = parse_partial_date(text)
    assert parsed == value and str(parsed) == text
    assert parsed.first_day() == date(2019, value.month or 1, value.day or 1)


def test_partial_dates_of_one_precision_sort_by_time():
    assert PartialDate(2019, 5) < PartialDate(2019, 6) < PartialDate(2020, 1)
    assert PartialDate(2019).first_day() < PartialDate(2019, 5).first_day()


@pytest.mark.parametrize("text", ["2019-13", "2019-02-30", "mei 2019", "19"])
def test_wrong_partial_dates_are_refused(text):
    with pytest.raises(ValueProblem):
        parse_partial_date(text)


@pytest.mark.parametrize("text, clock", [("9.30", "09:30"), ("09:30", "09:30"), ("23:59", "23:59")])
def test_clock(text, clock):
    assert parse_clock(text) == clock


@pytest.mark.parametrize("text", ["24:00", "9:60", "930", "half tien"])
def test_wrong_clock_is_refused(text):
    with pytest.raises(ValueProblem):
        parse_clock(text)
