"""Atom feeds (RFC 4287) written with feedgen, deterministic: every date comes from the content."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from feedgen.feed import FeedGenerator

from scripts.model.moments import is_timed
from scripts.model.values import AMSTERDAM

GENERATOR = "Radicale vernieuwing sitegenerator"
DAY_START = time(9, 0)  # a date's entries get a time of day between 09:00 and 17:00
DAY_SPAN = 8 * 3600  # seconds


@dataclass(frozen=True)
class AtomEntry:
    id: str  # a stable URI, e.g. the item's absolute URL
    title: str
    link: str  # absolute URL
    updated: date | datetime
    summary: str = ""
    content_html: str = ""  # optional full content as HTML (escaped by the XML writer)
    categories: tuple[str, ...] = ()
    published: date | datetime | None = None


def _moment(value: date | datetime, key: str = "") -> datetime:
    """An instant for `updated`/`published`. A date (the content knows no time of day) becomes
    a time on that day derived from `key` (the entry's id): articles of one day, or the many
    organisations that joined in 2019 (1 January), would otherwise share one instant, which
    feed readers use to tell entries apart (the W3C validator warns). The date stays the
    content's; the same id gives the same time in every build."""
    if is_timed(value):
        return value if value.tzinfo else value.replace(tzinfo=AMSTERDAM)
    seconds = int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big") % DAY_SPAN
    return datetime.combine(value, DAY_START, AMSTERDAM) + timedelta(seconds=seconds)


def _distinct(entries: list[AtomEntry]) -> dict[str, datetime]:
    """id → `updated`, no two alike and in the feed's order (newest first). The entries of one
    date share out their times of day (`_moment`): the latest to the first in the feed, and so
    on, so that a reader that sorts by time keeps the feed's order. An entry's time changes only
    when another entry of the same date comes or goes. On the rare equal pair the later one
    gets the second before (still on its day: DAY_SPAN starts well after midnight)."""
    by_date: dict[date, list[AtomEntry]] = {}
    found: dict[str, datetime] = {}
    for item in entries:
        if is_timed(item.updated):
            found[item.id] = _moment(item.updated)
        else:
            by_date.setdefault(item.updated, []).append(item)
    for items in by_date.values():
        times = sorted((_moment(i.updated, i.id) for i in items), reverse=True)
        for item, moment in zip(items, times, strict=True):
            found[item.id] = moment
    taken: set[datetime] = set()
    for item in entries:  # in the feed's order
        moment = found[item.id]
        while moment in taken:
            moment -= timedelta(seconds=1)
        taken.add(moment)
        found[item.id] = moment
    return found


def atom_feed(*, feed_url: str, page_url: str, title: str, subtitle: str,
              entries: list[AtomEntry], empty_updated: date) -> bytes:
    """The feed's XML. `empty_updated` is the feed's date when it has no entries."""
    feed = FeedGenerator()
    feed.id(feed_url)
    feed.title(title)
    feed.subtitle(subtitle or title)
    feed.link(href=feed_url, rel="self", type="application/atom+xml")
    feed.link(href=page_url, rel="alternate", type="text/html")
    feed.language("nl")
    feed.author({"name": "Radicale vernieuwing", "email": "radicalevernieuwing@loc.nl"})
    feed.generator(GENERATOR)
    stamps = _distinct(entries)
    updated = max(stamps.values(), default=_moment(empty_updated, feed_url))
    feed.updated(updated)
    for item in entries:
        entry = feed.add_entry(order="append")
        entry.id(item.id)
        entry.title(item.title)
        entry.link(href=item.link, rel="alternate", type="text/html")
        entry.updated(stamps[item.id])
        entry.published(stamps[item.id] if item.published is None else _moment(item.published, item.id))
        if item.summary:
            entry.summary(item.summary)
        if item.content_html:
            entry.content(item.content_html, type="html")
        for category in item.categories:
            entry.category(term=category)
    return feed.atom_str(pretty=True)
