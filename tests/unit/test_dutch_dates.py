"""Unit tests of scripts.render.dutch: dates and times as a Dutch reader expects them."""

from __future__ import annotations

from datetime import date, datetime, timezone

from scripts.model.items import Meeting
from scripts.model.values import AMSTERDAM
from scripts.render import dutch


def meeting(start, end=None) -> Meeting:
    return Meeting(slug="m", title="M", uid="m@example.org", start=start, movement="zorg", end=end)


def test_days_months_and_weekdays_in_dutch():
    assert dutch.day(date(2023, 3, 15)) == "15 maart 2023"
    assert dutch.weekday_day(date(2023, 3, 15)) == "woensdag 15 maart 2023"
    assert dutch.month_year(date(2023, 3, 15)) == "maart 2023"


def test_clock_uses_a_dot_and_amsterdam_time():
    assert dutch.clock(datetime(2023, 3, 15, 19, 0, tzinfo=AMSTERDAM)) == "19.00"
    assert dutch.clock(datetime(2023, 7, 1, 7, 5, tzinfo=timezone.utc)) == "09.05"  # summer: +2


def test_day_ranges():
    assert dutch.day_range(date(2022, 11, 7), date(2022, 11, 7)) == "7 november 2022"
    assert dutch.day_range(date(2022, 11, 7), date(2022, 11, 11)) == "7 t/m 11 november 2022"
    assert dutch.day_range(date(2023, 1, 30), date(2023, 2, 2)) == "30 januari t/m 2 februari 2023"
    assert dutch.day_range(date(2022, 12, 30), date(2023, 1, 2)) == "30 december 2022 t/m 2 januari 2023"


def test_meeting_when_one_evening():
    start = datetime(2023, 3, 15, 19, 0, tzinfo=AMSTERDAM)
    end = datetime(2023, 3, 15, 20, 30, tzinfo=AMSTERDAM)
    assert dutch.meeting_when(meeting(start, end)) == "woensdag 15 maart 2023, 19.00–20.30 uur"
    assert dutch.meeting_when(meeting(start)) == "woensdag 15 maart 2023, 19.00 uur"


def test_meeting_when_overnight():
    start = datetime(2026, 7, 4, 22, 0, tzinfo=AMSTERDAM)
    end = datetime(2026, 7, 5, 6, 0, tzinfo=AMSTERDAM)
    assert dutch.meeting_when(meeting(start, end)) == "zaterdag 4 juli 2026, 22.00 uur t/m zondag 5 juli 2026, 06.00 uur"


def test_meeting_when_whole_days():
    assert dutch.meeting_when(meeting(date(2026, 12, 10))) == "donderdag 10 december 2026"
    assert dutch.meeting_when(meeting(date(2027, 3, 8), date(2027, 3, 12))) == "8 t/m 12 maart 2027"


def test_meeting_when_for_one_occurrence_of_a_series():
    series = meeting(datetime(2026, 1, 5, 19, 30, tzinfo=AMSTERDAM), datetime(2026, 1, 5, 21, 0, tzinfo=AMSTERDAM))
    later = (datetime(2026, 6, 1, 19, 30, tzinfo=AMSTERDAM), datetime(2026, 6, 1, 21, 0, tzinfo=AMSTERDAM))
    assert dutch.meeting_when(series, *later) == "maandag 1 juni 2026, 19.30–21.00 uur"
