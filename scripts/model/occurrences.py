"""The dates on which a meeting takes place: one, or every repetition of a series.

A series is expanded in local Amsterdam time, so a weekly 19:30 meeting stays at 19:30 across
the change to and from summer time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cached_property
from itertools import islice
from typing import Literal

from dateutil.rrule import MONTHLY, WEEKLY, rrule

from scripts.model.items import Frequency, Meeting
from scripts.model.moments import Moment, When, is_timed
from scripts.model.values import AMSTERDAM

MAX_OCCURRENCES = 200


@dataclass(frozen=True)
class Occurrence:
    meeting: Meeting
    start: Moment
    end: Moment | None
    moved_from: date | None = None  # set for a single moved repetition of a series

    @cached_property
    def when(self) -> When:
        return When(self.start, self.end)

    @cached_property
    def first_day(self) -> date:
        return self.when.first_day

    @cached_property
    def last_day(self) -> date:
        return self.when.last_day

    @cached_property
    def sort_key(self) -> tuple:
        return (self.when.sort_key, self.meeting.slug)


def occurrences(meeting: Meeting) -> list[Occurrence]:
    rule = meeting.recurrence
    if rule is None:
        return [Occurrence(meeting, meeting.start, meeting.end)]
    timed = not meeting.when.all_day
    local_start = _naive(meeting.start)
    duration = _naive(meeting.end) - local_start if meeting.end is not None else None
    frequency: Literal[1, 2] = WEEKLY if rule.frequency == Frequency.WEEKLY else MONTHLY
    # dateutil takes a count or an until, not both (both is deprecated and will raise).
    if rule.count:
        dates = rrule(frequency, dtstart=local_start, interval=rule.interval,
                      count=min(rule.count, MAX_OCCURRENCES))
    elif rule.until:
        dates = rrule(frequency, dtstart=local_start, interval=rule.interval,
                      until=datetime.combine(rule.until, datetime.max.time()))
    else:
        dates = rrule(frequency, dtstart=local_start, interval=rule.interval, count=MAX_OCCURRENCES)
    skipped = set(rule.except_dates)
    moved = dict(rule.moved)
    found = []
    for naive in islice(dates, MAX_OCCURRENCES):
        if naive.date() in skipped:
            continue
        if naive.date() in moved:
            new_start = moved[naive.date()]
            new_end = None
            if duration is not None:
                new_end = _localise(_naive(new_start) + duration, timed)
            found.append(Occurrence(meeting, new_start, new_end, moved_from=naive.date()))
            continue
        found.append(Occurrence(meeting, _localise(naive, timed),
                                _localise(naive + duration, timed) if duration is not None else None))
    return found


def _naive(moment: Moment) -> datetime:
    """The local wall-clock time in Amsterdam (midnight for a date)."""
    if is_timed(moment):
        return moment.astimezone(AMSTERDAM).replace(tzinfo=None)
    return datetime.combine(moment, datetime.min.time())


def _localise(naive: datetime, timed: bool) -> Moment:
    if not timed:
        return naive.date()
    # A repetition that falls in the skipped March hour moves forward, as calendar apps do:
    # the trip through UTC turns a local time that does not exist into one that does.
    return naive.replace(tzinfo=AMSTERDAM).astimezone(UTC).astimezone(AMSTERDAM)
