"""Atom feeds (RFC 4287) written with feedgen, deterministic: every date comes from the content."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from feedgen.feed import FeedGenerator

from scripts.model.values import AMSTERDAM

GENERATOR = "Radicale vernieuwing sitegenerator"


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


def _moment(value: date | datetime) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=AMSTERDAM)
    return datetime.combine(value, time(9, 0), AMSTERDAM)  # a date: morning of that day


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
    updated = max((_moment(e.updated) for e in entries), default=_moment(empty_updated))
    feed.updated(updated)
    for item in entries:
        entry = feed.add_entry(order="append")
        entry.id(item.id)
        entry.title(item.title)
        entry.link(href=item.link, rel="alternate", type="text/html")
        entry.updated(_moment(item.updated))
        entry.published(_moment(item.published or item.updated))
        if item.summary:
            entry.summary(item.summary)
        if item.content_html:
            entry.content(item.content_html, type="html")
        for category in item.categories:
            entry.category(term=category)
    return feed.atom_str(pretty=True)
