"""Parse the text values of the front matter: dates, local times in Amsterdam, partial dates.

Each parser returns a value or raises ValueError with a Dutch message (and hint) that the
validator attaches to the field and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

_MOMENT = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2})[:.](\d{2})(?: ?([+-])(\d{2}):(\d{2}))?)?$")
_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

MONTHS_NL = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december"]


class ValueProblem(ValueError):
    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message, self.hint = message, hint


def _real_date(year: int, month: int, day: int, text: str) -> date:
    if not 1 <= month <= 12:
        raise ValueProblem(f"'{text}' is geen bestaande datum: maand {month} bestaat niet.",
                           "Schrijf de datum als jaar-maand-dag, bijvoorbeeld 2026-03-12.")
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueProblem(f"'{text}' is geen bestaande datum: {MONTHS_NL[month - 1]} {year} "
                           f"heeft geen dag {day}.",
                           "Schrijf de datum als jaar-maand-dag, bijvoorbeeld 2026-03-12.") from None


def parse_date(text: object) -> date:
    text = str(text).strip()
    match = _MOMENT.match(text)
    if not match or match.group(4) is not None:
        raise ValueProblem(f"'{text}' is geen datum.", "Schrijf de datum als jaar-maand-dag, "
                           "bijvoorbeeld 2026-03-12.")
    return _real_date(int(match.group(1)), int(match.group(2)), int(match.group(3)), text)


def parse_moment(text: object) -> date | datetime:
    """A date (time unknown or all day) or an aware datetime in Europe/Amsterdam.

    Local times that do not exist (the hour skipped in March) are refused; a local time that
    occurs twice (the hour repeated in October) needs its offset, e.g. '2026-10-25 02:30 +02:00'.
    """
    text = str(text).strip()
    match = _MOMENT.match(text)
    if not match:
        raise ValueProblem(f"'{text}' is geen datum of tijd.",
                           "Schrijf 2026-03-12 (hele dag of tijd onbekend) of 2026-03-12 13:00.")
    year, month, day = (int(match.group(i)) for i in (1, 2, 3))
    day_value = _real_date(year, month, day, text)
    if match.group(4) is None:
        return day_value
    hour, minute = int(match.group(4)), int(match.group(5))
    if hour > 23 or minute > 59:
        raise ValueProblem(f"'{text}' heeft geen bestaande tijd: {hour}:{minute:02d}.",
                           "Schrijf de tijd van 00:00 tot 23:59, bijvoorbeeld 13:30.")
    naive = datetime(year, month, day, hour, minute)
    if match.group(6):
        sign = 1 if match.group(6) == "+" else -1
        offset = timedelta(hours=int(match.group(7)), minutes=int(match.group(8))) * sign
        moment = naive.replace(tzinfo=timezone(offset)).astimezone(AMSTERDAM)
        if moment.replace(tzinfo=None) != naive:
            raise ValueProblem(f"'{text}': op die dag is het in Nederland niet "
                               f"{match.group(6)}{match.group(7)}:{match.group(8)} ten opzichte van UTC.",
                               "Gebruik +01:00 in de wintertijd en +02:00 in de zomertijd.")
        return moment
    first = naive.replace(tzinfo=AMSTERDAM, fold=0)
    second = naive.replace(tzinfo=AMSTERDAM, fold=1)
    if first.utcoffset() != second.utcoffset():
        if _round_trips(first):
            raise ValueProblem(
                f"'{text}' komt twee keer voor: in de nacht dat de wintertijd ingaat, is het twee "
                f"keer {hour:02d}:{minute:02d}.",
                f"Schrijf erbij welke je bedoelt: '{text} +02:00' (de eerste keer, zomertijd) of "
                f"'{text} +01:00' (de tweede keer, wintertijd).")
        raise ValueProblem(
            f"'{text}' bestaat niet: in de nacht dat de zomertijd ingaat, gaat de klok van "
            f"02:00 meteen naar 03:00.", "Kies een tijd voor 02:00 of vanaf 03:00.")
    return first


def instant(moment: date | datetime) -> datetime:
    """A moment as one instant in UTC, for comparing: aware datetimes in the same zone compare
    by wall clock in Python, so the first and second 02:30 of the October night would be equal.
    A date counts from midnight in Amsterdam."""
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, datetime.min.time(), AMSTERDAM)
    return moment.astimezone(UTC)


def _round_trips(moment: datetime) -> bool:
    """True when the local time exists (it survives a trip through UTC)."""
    back = moment.astimezone(UTC).astimezone(AMSTERDAM)
    return back.replace(tzinfo=None) == moment.replace(tzinfo=None)


@dataclass(frozen=True, order=True)
class PartialDate:
    """A year, a month or a day: 'sinds 2019' or 'sinds 2019-05'."""

    year: int
    month: int | None = None
    day: int | None = None

    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def __str__(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


def parse_partial_date(text: object) -> PartialDate:
    text = str(text).strip()
    match = _PARTIAL.match(text)
    if not match:
        raise ValueProblem(f"'{text}' is geen jaar, maand of datum.",
                           "Schrijf een jaar (2021), een maand (2021-04) of een datum (2021-04-15).")
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if month is not None and not 1 <= month <= 12:
        raise ValueProblem(f"'{text}': maand {month} bestaat niet.",
                           "Schrijf een maand van 01 tot 12, bijvoorbeeld 2021-04.")
    if day is not None and month is not None:
        _real_date(year, month, day, text)
    return PartialDate(year, month, day)


def parse_clock(text: object) -> str:
    """'9.30' or '09:30' → '09:30'."""
    text = str(text).strip()
    match = re.match(r"^(\d{1,2})[:.](\d{2})$", text)
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise ValueProblem(f"'{text}' is geen tijd.", "Schrijf de tijd als 09:30.")
    return f"{int(match.group(1)):02d}:{match.group(2)}"
