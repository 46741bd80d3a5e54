"""The dates on which a meeting takes place: one, or every repetition of a series.

A series is expanded in local Amsterdam time, so a weekly 19:30 meeting stays at 19:30 across
the change to and from summer time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from dateutil.rrule import MONTHLY, WEEKLY, rrule

from scripts.model.items import Meeting, Moment
from scripts.model.values import AMSTERDAM

MAX_OCCURRENCES = 200


@dataclass(frozen=True)
class Occurrence:
    meeting: Meeting
    start: Moment
    end: Moment | None
    moved_from: date | None = None  # set for a single moved repetition of a series

    @property
    def first_day(self) -> date:
        return self.start.date() if isinstance(self.start, datetime) else self.start

    @property
    def last_day(self) -> date:
        end = self.end if self.end is not None else self.start
        return end.date() if isinstance(end, datetime) else end

    @property
    def sort_key(self) -> tuple:
        start = self.start if isinstance(self.start, datetime) else datetime.combine(
            self.start, datetime.min.time(), AMSTERDAM)
        return (start.timestamp(), self.meeting.slug)


def occurrences(meeting: Meeting) -> list[Occurrence]:
    rule = meeting.recurrence
    if rule is None:
        return [Occurrence(meeting, meeting.start, meeting.end)]
    timed = isinstance(meeting.start, datetime)
    local_start = meeting.start.replace(tzinfo=None) if timed else datetime.combine(
        meeting.start, datetime.min.time())
    duration = None
    if meeting.end is not None:
        local_end = meeting.end.replace(tzinfo=None) if timed else datetime.combine(
            meeting.end, datetime.min.time())
        duration = local_end - local_start
    until = datetime.combine(rule.until, datetime.max.time()) if rule.until else None
    count = min(rule.count or MAX_OCCURRENCES, MAX_OCCURRENCES)
    frequency = WEEKLY if rule.frequency == "wekelijks" else MONTHLY
    skipped = set(rule.except_dates)
    moved = dict(rule.moved)
    found = []
    for naive in rrule(frequency, dtstart=local_start, interval=rule.interval, count=count,
                       until=until):
        if naive.date() in skipped:
            continue
        if naive.date() in moved:
            new_start = moved[naive.date()]
            new_end = None
            if duration is not None:
                new_naive = (new_start.replace(tzinfo=None) if timed else
                             datetime.combine(new_start, datetime.min.time())) + duration
                new_end = _localise(new_naive, timed)
            found.append(Occurrence(meeting, new_start, new_end, moved_from=naive.date()))
            continue
        found.append(Occurrence(meeting, _localise(naive, timed),
                                _localise(naive + duration, timed) if duration is not None else None))
    return found


def _localise(naive: datetime, timed: bool) -> Moment:
    if not timed:
        return naive.date()
    # A repetition that falls in the skipped March hour moves forward, as calendar apps do.
    aware = naive.replace(tzinfo=AMSTERDAM)
    return aware.astimezone(AMSTERDAM) if aware.utcoffset() is not None else aware
