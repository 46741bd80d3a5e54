"""Typed, immutable records of the content. Dutch front-matter keys map to English names here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from enum import StrEnum

from scripts.model.moments import Moment, When
from scripts.model.values import PartialDate


@dataclass(frozen=True)
class Movement:
    slug: str
    name: str
    started: int
    description: str
    short_name: str = ""
    former_names: tuple[str, ...] = ()
    website: str = ""
    email: str = ""
    phone: str = ""
    body: str = ""
    source: str = ""

    @property
    def label(self) -> str:
        return self.short_name or self.name


@dataclass(frozen=True)
class Theme:
    slug: str
    title: str
    description: str
    parent: str = ""
    body: str = ""
    source: str = ""


@dataclass(frozen=True)
class Organisation:
    slug: str
    name: str
    movements: tuple[str, ...]
    role: str
    website: str = ""
    place: Place | None = None  # the city alone; None when not known
    province: str = ""
    sectors: tuple[str, ...] = ()
    since: PartialDate | None = None
    until: PartialDate | None = None
    logo: str = ""
    logo_alt: str = ""
    description: str = ""
    body: str = ""
    source: str = ""

    @property
    def is_former(self) -> bool:
        return self.until is not None


@dataclass(frozen=True)
class Place:
    city: str
    name: str = ""
    address: str = ""
    postcode: str = ""
    latitude: float | None = None  # WGS84, from a public source (GEO, the map link)
    longitude: float | None = None

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True)
class Online:
    link: str = ""
    note: str = ""


@dataclass(frozen=True)
class Registration:
    link: str = ""
    email: str = ""
    phone: str = ""
    note: str = ""


@dataclass(frozen=True)
class ProgrammeItem:
    text: str
    day: date | None = None
    time: str = ""


class Status(StrEnum):
    """A meeting's status. The values are the Dutch words of the front matter, so a status
    compares equal to its word in templates and reads as that word in JSON and on pages."""

    PLANNED = "gepland"
    MOVED = "verplaatst"
    TENTATIVE = "onder-voorbehoud"
    CANCELLED = "geannuleerd"


class Frequency(StrEnum):
    """How often a series repeats, as written in the front matter."""

    WEEKLY = "wekelijks"
    MONTHLY = "maandelijks"


@dataclass(frozen=True)
class Recurrence:
    frequency: Frequency
    interval: int = 1
    count: int | None = None
    until: date | None = None
    except_dates: tuple[date, ...] = ()
    moved: tuple[tuple[date, Moment], ...] = ()  # (original date, new start)


@dataclass(frozen=True)
class Meeting:
    slug: str
    title: str
    uid: str
    start: Moment
    movement: str
    end: Moment | None = None
    place: Place | None = None
    online: Online | None = None
    themes: tuple[str, ...] = ()
    organisers: tuple[str, ...] = ()
    registration: Registration | None = None
    status: Status = Status.PLANNED
    sequence: int = 0  # 'volgnummer' as written; the build raises it (see content/published.py)
    modified: date | None = None  # 'gewijzigd' as written
    changed: datetime | None = None  # LAST-MODIFIED/DTSTAMP, set by the build from the baseline
    originally: Moment | None = None
    series: str = ""
    earlier_slugs: tuple[str, ...] = ()  # former file names: the old addresses keep working
    report: str = ""  # slug of the article in the news that reports on the meeting
    recurrence: Recurrence | None = None
    programme: tuple[ProgrammeItem, ...] = ()
    summary: str = ""
    body: str = ""
    source: str = ""

    @cached_property
    def when(self) -> When:
        return When(self.start, self.end)

    @cached_property
    def timed(self) -> bool:
        return not self.when.all_day

    @cached_property
    def first_day(self) -> date:
        return self.when.first_day

    @cached_property
    def last_day(self) -> date:
        return self.when.last_day

    @cached_property
    def multi_day(self) -> bool:
        return self.last_day > self.first_day

    @property
    def attendance(self) -> str:
        """'fysiek', 'online' or 'hybride'."""
        if self.online and self.place:
            return "hybride"
        return "online" if self.online else "fysiek"


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    date: date
    summary: str
    themes: tuple[str, ...]
    keywords: tuple[str, ...] = ()
    movements: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    sources: tuple[Link, ...] = ()
    downloads: tuple[Link, ...] = ()  # url is site-relative for files in content/actueel/downloads/
    body: str = ""
    source: str = ""


@dataclass(frozen=True)
class Site:
    """All content of one build, each kind in slug order."""

    movements: dict[str, Movement] = field(default_factory=dict)
    themes: dict[str, Theme] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    meetings: dict[str, Meeting] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)


def venue_text(meeting: Meeting) -> str:
    """The venue alone as one line: name, address and city ('' for an online meeting)."""
    if not meeting.place:
        return ""
    place = meeting.place
    city = " ".join(p for p in (place.postcode, place.city) if p)
    return ", ".join(p for p in (place.name, place.address, city) if p)


def location_text(meeting: Meeting) -> str:
    """The place as one line of text: venue, address and city, and "online" when it is."""
    parts = []
    if meeting.place:
        place = meeting.place
        city = " ".join(p for p in (place.postcode, place.city) if p)
        parts.append(", ".join(p for p in (place.name, place.address, city) if p))
    if meeting.online:
        parts.append("online")
    text = " en ".join(parts)
    return text[:1].upper() + text[1:]
