"""When a meeting takes place: a date (whole days, or the time is unknown) or a time in Amsterdam.

The front matter gives either; this module is the one place that asks which, so feeds and pages
ask a `When` for what they need (the days, the times in UTC or in Amsterdam, the calendar end)
instead of testing the type themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cached_property
from typing import TypeGuard

from scripts.model.values import AMSTERDAM, instant

Moment = date | datetime  # a date when the time is unknown or the meeting lasts whole days


def is_timed(moment: Moment) -> TypeGuard[datetime]:
    """True for a time of day, False for a date alone."""
    return isinstance(moment, datetime)


def day_of(moment: Moment) -> date:
    """The day of a moment (the day as written: a time keeps its own zone, Amsterdam)."""
    return moment.date() if is_timed(moment) else moment


def in_amsterdam(moment: Moment) -> Moment:
    """A time as the clock in Amsterdam shows it; a date stays a date."""
    return moment.astimezone(AMSTERDAM) if is_timed(moment) else moment


def occurs_twice(moment: Moment) -> bool:
    """True for a time in the hour the clock shows twice (the October night of winter time)."""
    if not is_timed(moment):
        return False
    local = moment.astimezone(AMSTERDAM)
    return local.replace(fold=0).utcoffset() != local.replace(fold=1).utcoffset()


@dataclass(frozen=True)
class When:
    """A start and an optional end, both dates or both times (the content checks that)."""

    start: Moment
    end: Moment | None = None

    @property
    def all_day(self) -> bool:
        return not is_timed(self.start)

    @property
    def finish(self) -> Moment:
        """The end, or the start when there is none (for a date: the last day itself)."""
        return self.end if self.end is not None else self.start

    @cached_property
    def first_day(self) -> date:
        return day_of(self.start)

    @cached_property
    def last_day(self) -> date:
        return day_of(self.finish)

    @property
    def calendar_end(self) -> Moment:
        """The end as calendars write it (iCalendar DTEND, Google, Outlook): whole days end on
        the day after the last."""
        if self.all_day:
            return self.last_day + timedelta(days=1)
        return self.finish

    @cached_property
    def sort_key(self) -> float:
        """Seconds since the epoch; a date counts from midnight in Amsterdam."""
        return instant(self.start).timestamp()

    def in_utc(self) -> tuple[datetime, datetime]:
        """Start and finish as instants in UTC (a date from midnight in Amsterdam)."""
        return instant(self.start).astimezone(UTC), instant(self.finish).astimezone(UTC)

    def in_amsterdam(self) -> tuple[datetime, datetime | None] | None:
        """Start and end as the clock in Amsterdam shows them; None for whole days."""
        start, end = self.start, self.end
        if not is_timed(start):
            return None
        return start.astimezone(AMSTERDAM), end.astimezone(AMSTERDAM) if end is not None and is_timed(end) else None

    def start_on(self, day: date) -> Moment:
        """The start moved to `day` at the same clock time in Amsterdam (a date stays a date)."""
        if not is_timed(self.start):
            return day
        return datetime.combine(day, self.start.astimezone(AMSTERDAM).time(), AMSTERDAM)
