"""The calendar feeds under /ical/: everything, per movement, theme and organisation, and one per
meeting. Their addresses and names are scripts/render/calendar_addresses.py; the blocks that
offer them on the pages are scripts/pages/calendar_blocks.py."""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlsplit

from scripts.feeds import ical
from scripts.feeds.ical_lines import Lines
from scripts.model.items import Meeting
from scripts.render.calendar_addresses import (
    Feed,
    all_feed,
    meeting_feed,
    meeting_url,
    movement_feed,
    organisation_feed,
    theme_feed,
)
from scripts.render.context import Context


# --- the feeds --------------------------------------------------------------------------------

def build(ctx: Context) -> None:
    site, index = ctx.site, ctx.index
    kept = [m for m in site.meetings.values() if ical.in_feeds(m, index)]
    written: dict[str, ical.Written] = {}  # each meeting written once, the same bytes in every feed
    lines = Lines()  # each content line that recurs (a date, a status, a feed's fixed head) once
    weeks = ical.themed_weeks(site)  # a themed week once per feed, not also as its days

    def write(feed: Feed, meetings: list[Meeting], *also: str) -> None:
        data = ical.calendar_ics(
            meetings, site=site, name=feed.name, description=feed.description,
            feed_url=ctx.absolute(feed.path), page_url=ctx.absolute(feed.page),
            uid=feed.path.removesuffix(".ics").replace("/", "-") + "@" + _host(ctx),
            meeting_url=lambda m: meeting_url(ctx, m), written=written, lines=lines, weeks=weeks,
            occurrences_of=index.occurrences_of)
        for path in (feed.path, *also):
            ctx.out.binary(path, data)

    write(all_feed(ctx), kept)
    for movement in site.movements.values():
        keep = index.for_movement(movement.slug)[0]
        write(movement_feed(ctx, movement), [m for m in kept if keep(m)])
    for theme in site.themes.values():
        keep = index.for_theme(theme.slug)[0]
        write(theme_feed(ctx, theme), [m for m in kept if keep(m)])
    by_organisation: dict[str, list[Meeting]] = {}  # one pass, not a scan per organisation
    for meeting in kept:
        for slug in dict.fromkeys(meeting.organisers):
            by_organisation.setdefault(slug, []).append(meeting)
    for organisation in site.organisations.values():
        write(organisation_feed(ctx, organisation), by_organisation.get(organisation.slug, []))
    for meeting in site.meetings.values():  # a meeting's own file keeps it, whatever its age
        # Subscribers of a renamed meeting keep getting it at the old address: the same file,
        # whose SOURCE names the new one.
        write(meeting_feed(ctx, meeting), [meeting],
              *(f"ical/bijeenkomst/{old}.ics" for old in meeting.earlier_slugs))


def _host(ctx: Context) -> str:
    host = urlsplit(ctx.settings.site_url).hostname or "radicalevernieuwing.nl"
    return host.removeprefix("www.")


# --- how many meetings a feed holds ----------------------------------------------------------
# Here, beside build(), because it must make build()'s choice; the "Abonneren" block of a page
# (scripts/pages/calendar_blocks.py) asks it to say so when a feed is empty.

_SIZES: list = []  # [(ctx, sizes)]: the feed sizes of the build in progress (one slot)


def feed_size(ctx: Context, feed: Feed) -> int:
    """How many meetings the feed file at `feed.path` holds: the same choice as build() makes,
    counted once per build for all feeds (pages are rendered before the feeds are written)."""
    if not _SIZES or _SIZES[0][0] is not ctx:
        site, index = ctx.site, ctx.index
        kept = [m for m in site.meetings.values() if ical.in_feeds(m, index)]
        sizes = {all_feed(ctx).path: len(kept)}
        for movement in site.movements.values():
            keep = index.for_movement(movement.slug)[0]
            sizes[movement_feed(ctx, movement).path] = sum(1 for m in kept if keep(m))
        for theme in site.themes.values():
            keep = index.for_theme(theme.slug)[0]
            sizes[theme_feed(ctx, theme).path] = sum(1 for m in kept if keep(m))
        by_organisation = Counter(slug for m in kept for slug in dict.fromkeys(m.organisers))
        for organisation in site.organisations.values():
            sizes[organisation_feed(ctx, organisation).path] = by_organisation[organisation.slug]
        _SIZES[:] = [(ctx, sizes)]
    return _SIZES[0][1].get(feed.path, 1 if feed.path.startswith("ical/bijeenkomst/") else 0)
