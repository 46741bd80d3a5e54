"""Dates and times written the Dutch way: 'woensdag 15 maart 2023, 19.00–20.30 uur'."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from babel.dates import format_date

from scripts.model.items import Meeting
from scripts.model.moments import When, occurs_twice
from scripts.model.values import AMSTERDAM


@lru_cache(maxsize=16384)  # Babel is slow and pages show the same dates often
def day(value: date) -> str:
    """'15 maart 2023'."""
    return format_date(value, "d MMMM y", locale="nl")


@lru_cache(maxsize=16384)  # Babel is slow and pages show the same dates often
def weekday_day(value: date) -> str:
    """'woensdag 15 maart 2023'."""
    return format_date(value, "EEEE d MMMM y", locale="nl")


@lru_cache(maxsize=16384)  # Babel is slow and pages show the same dates often
def month_year(value: date) -> str:
    """'maart 2023'."""
    return format_date(value, "MMMM y", locale="nl")


def clock(value: datetime) -> str:
    """'19.00' (Dutch style uses a dot). In the doubled October hour it says which one:
    '02.30 (zomertijd)' is the first, '02.30 (wintertijd)' the second."""
    local = value.astimezone(AMSTERDAM)
    text = f"{local.hour:02d}.{local.minute:02d}"
    if occurs_twice(value):
        text += " (wintertijd)" if local.fold else " (zomertijd)"
    return text


def day_range(first: date, last: date) -> str:
    """'7 t/m 11 november 2022', '30 januari t/m 2 februari 2023'."""
    if first == last:
        return day(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day} t/m {day(last)}"
    if first.year == last.year:
        return f"{format_date(first, 'd MMMM', locale='nl')} t/m {day(last)}"
    return f"{day(first)} t/m {day(last)}"


def meeting_when(meeting: Meeting, start: date | datetime | None = None,
                 end: date | datetime | None = None) -> str:
    """The date and time of a meeting (or one occurrence of it) in one Dutch phrase."""
    when = When(meeting.start if start is None else start, meeting.end if end is None else end)
    times = when.in_amsterdam()
    if times is not None:
        local_start, local_end = times
        if local_end and local_end.date() != local_start.date():
            return (f"{weekday_day(local_start.date())}, {clock(local_start)} uur t/m "
                    f"{weekday_day(local_end.date())}, {clock(local_end)} uur")
        if local_end:
            return f"{weekday_day(local_start.date())}, {clock(local_start)}–{clock(local_end)} uur"
        return f"{weekday_day(local_start.date())}, {clock(local_start)} uur"
    if when.last_day > when.first_day:
        return day_range(when.first_day, when.last_day)
    return weekday_day(when.first_day)
