"""Calendar feeds under /ical/ and the two blocks that offer them: "Abonneren" (agenda, theme,
movement and organisation pages) and "Zet in je agenda" (a meeting page)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import quote, urlencode, urlsplit

from markupsafe import Markup

from scripts.feeds import ical
from scripts.feeds.ical_lines import Lines
from scripts.model.items import (
    Meeting,
    Moment,
    Movement,
    Organisation,
    Theme,
    exclusive_end_day,
)
from scripts.model.occurrences import Occurrence, occurrences
from scripts.model.values import instant
from scripts.render import dutch
from scripts.render.context import Context

CALENDAR = "text/calendar"
DETAILS_MAX = 900  # characters of description in an add-to-calendar link (URLs stay short)


@dataclass(frozen=True)
class Feed:
    path: str  # under the site root, e.g. "ical/thema/jeugd.ics"
    name: str  # the calendar's name in the subscriber's app
    description: str
    page: str  # the page that offers the feed, under the site root, e.g. "themas/jeugd/"
    subject: str  # Dutch, for the block: "de bijeenkomsten over dit thema"


def all_feed(ctx: Context) -> Feed:
    return Feed("ical/alle.ics", f"{ctx.settings.site_name}: bijeenkomsten",
                "Alle bijeenkomsten van de bewegingen voor radicale vernieuwing in de zorg.",
                "bijeenkomsten/", "alle bijeenkomsten van de bewegingen")


def theme_feed(ctx: Context, theme: Theme) -> Feed:
    return Feed(f"ical/thema/{theme.slug}.ics", f"{ctx.settings.site_name}: {theme.title}",
                f"Bijeenkomsten over het thema {theme.title}.", f"themas/{theme.slug}/",
                "de bijeenkomsten over dit thema")


def movement_feed(ctx: Context, movement: Movement) -> Feed:
    return Feed(f"ical/beweging/{movement.slug}.ics", movement.name,
                f"Bijeenkomsten van {movement.name}.", f"bewegingen/{movement.slug}/",
                "de bijeenkomsten van deze beweging")


def organisation_feed(ctx: Context, organisation: Organisation) -> Feed:
    return Feed(f"ical/deelnemer/{organisation.slug}.ics",
                f"{ctx.settings.site_name}: {organisation.name}",
                f"Bijeenkomsten van de bewegingen die {organisation.name} (mede) organiseert.",
                f"deelnemers/{organisation.slug}/", "de bijeenkomsten die deze organisatie organiseert")


def meeting_feed(ctx: Context, meeting: Meeting) -> Feed:
    return Feed(f"ical/bijeenkomst/{meeting.slug}.ics", meeting.title,
                meeting.summary or f"{meeting.title}: {dutch.meeting_when(meeting)}.",
                f"bijeenkomsten/{meeting.slug}/", "deze bijeenkomst")


def feed_link(feed: Feed) -> dict:
    """For ctx.page(feeds=[…]): <link rel="alternate" type="text/calendar"> in the head."""
    return {"type": CALENDAR, "title": f"{feed.name} (agenda-abonnement)", "href": feed.path}


# --- the feeds --------------------------------------------------------------------------------

def build(ctx: Context) -> None:
    site, index = ctx.site, ctx.index
    kept = [m for m in site.meetings.values() if ical.in_feeds(m, index.build_date)]
    written: dict[str, ical.Written] = {}  # each meeting written once, the same bytes in every feed
    lines = Lines()  # each content line that recurs (a date, a status, a feed's fixed head) once
    weeks = ical.themed_weeks(site)  # a themed week once per feed, not also as its days

    def write(feed: Feed, meetings: list[Meeting], *also: str) -> None:
        data = ical.calendar_ics(
            meetings, site=site, name=feed.name, description=feed.description,
            feed_url=ctx.absolute(feed.path), page_url=ctx.absolute(feed.page),
            uid=feed.path.removesuffix(".ics").replace("/", "-") + "@" + _host(ctx),
            meeting_url=lambda m: meeting_url(ctx, m), written=written, lines=lines, weeks=weeks)
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


def meeting_url(ctx: Context, meeting: Meeting) -> str:
    return ctx.absolute(f"bijeenkomsten/{meeting.slug}/")


def _host(ctx: Context) -> str:
    host = urlsplit(ctx.settings.site_url).hostname or "radicalevernieuwing.nl"
    return host.removeprefix("www.")


def webcal(ctx: Context, path: str) -> str:
    """webcal:// makes a click open the calendar app's subscribe dialog ('' without a host)."""
    address = ctx.absolute(path)
    scheme, _, rest = address.partition("://")
    return "webcal://" + rest if scheme in ("http", "https") and rest else ""


# --- "Abonneren" ------------------------------------------------------------------------------

def google_subscribe(ctx: Context, path: str) -> str:
    """Google Calendar's own subscribe page for the https address ('' without a host). It works
    in a browser on Android too, where the Google app offers no way to add an address and a
    webcal:// link goes nowhere."""
    address = ctx.absolute(path)
    if not address.startswith(("https://", "http://")):
        return ""
    return "https://calendar.google.com/calendar/render?cid=" + quote(address, safe="")


def subscribe_block(ctx: Context, feed: Feed) -> Markup:
    """The whole explanation on the agenda (the feed of everything); elsewhere one compact
    "Abonneren" disclosure, and for a feed without meetings a sentence that says so."""
    full = feed.path == all_feed(ctx).path
    return Markup(ctx.render("calendar_subscribe.md.j2", feed=feed, address=ctx.absolute(feed.path),
                             webcal=webcal(ctx, feed.path), google=google_subscribe(ctx, feed.path),
                             full=full, empty=not full and feed_size(ctx, feed) == 0))


_SIZES: list = []  # [(ctx, sizes)]: the feed sizes of the build in progress (one slot)


def feed_size(ctx: Context, feed: Feed) -> int:
    """How many meetings the feed file at `feed.path` holds: the same choice as build() makes,
    counted once per build for all feeds (pages are rendered before the feeds are written)."""
    if not _SIZES or _SIZES[0][0] is not ctx:
        site, index = ctx.site, ctx.index
        kept = [m for m in site.meetings.values() if ical.in_feeds(m, index.build_date)]
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


# --- "Zet in je agenda" -----------------------------------------------------------------------

def add_block(ctx: Context, meeting: Meeting) -> Markup:
    found = occurrences(meeting)
    upcoming = [o for o in found if o.last_day >= ctx.index.build_date]
    chosen = upcoming[0] if upcoming else None
    links = {}
    if chosen is not None and meeting.status != "geannuleerd":
        links = {"google": google_link(ctx, chosen), "outlook": outlook_link(ctx, chosen, "live"),
                 "office": outlook_link(ctx, chosen, "office")}
    path = meeting_feed(ctx, meeting).path
    return Markup(ctx.render("calendar_add.md.j2", m=meeting, links=links, chosen=chosen,
                             series=len(found) > 1, ics=f"/{path}", webcal=webcal(ctx, path),
                             google_subscribe=google_subscribe(ctx, path)))


def _details(ctx: Context, meeting: Meeting) -> str:
    """The description of an added copy: a copy added by link never updates, so it starts
    with the feed's warning when the meeting is not yet certain ("Onder voorbehoud")."""
    text = "\n\n".join(p for p in (ical.status_line(meeting), meeting.summary) if p)
    if meeting.online and meeting.online.link:
        text += f"\n\nOnline meedoen: {meeting.online.link}"
    elif meeting.online and meeting.online.note:
        text += f"\n\nOnline: {meeting.online.note}"
    if len(text) > DETAILS_MAX:
        text = text[:DETAILS_MAX - 1].rsplit(" ", 1)[0] + "…"
    return (text + f"\n\nMeer informatie: {meeting_url(ctx, meeting)}").strip()


def _utc(moment: Moment) -> datetime:
    """A timed moment in UTC (a date counts from midnight in Amsterdam)."""
    return instant(moment)


def _end_day(occurrence: Occurrence) -> date:
    return exclusive_end_day(occurrence.last_day)


def google_link(ctx: Context, occurrence: Occurrence) -> str:
    meeting = occurrence.meeting
    if isinstance(occurrence.start, datetime):
        end = occurrence.end if occurrence.end is not None else occurrence.start
        dates = f"{_utc(occurrence.start):%Y%m%dT%H%M%SZ}/{_utc(end):%Y%m%dT%H%M%SZ}"
    else:
        dates = f"{occurrence.first_day:%Y%m%d}/{_end_day(occurrence):%Y%m%d}"
    query = {"action": "TEMPLATE", "text": ical.summary_of(meeting), "dates": dates,
             "details": _details(ctx, meeting), "location": ical.location_of(meeting) or "",
             "ctz": ical.TZID}
    if not isinstance(occurrence.start, datetime):
        query["crm"] = "AVAILABLE"  # a whole-day meeting does not block the day
    return "https://calendar.google.com/calendar/render?" + urlencode(query, quote_via=quote)


def outlook_link(ctx: Context, occurrence: Occurrence, kind: str) -> str:
    """kind 'live' (Outlook.com, personal) or 'office' (Microsoft 365, work or school)."""
    meeting = occurrence.meeting
    timed = isinstance(occurrence.start, datetime)
    if timed:
        end = occurrence.end if occurrence.end is not None else occurrence.start
        start_text, end_text = (f"{_utc(occurrence.start):%Y-%m-%dT%H:%M:%SZ}",
                                f"{_utc(end):%Y-%m-%dT%H:%M:%SZ}")
    else:
        start_text, end_text = occurrence.first_day.isoformat(), _end_day(occurrence).isoformat()
    query = {"path": "/calendar/action/compose", "rru": "addevent", "subject": ical.summary_of(meeting),
             "startdt": start_text, "enddt": end_text, "allday": "false" if timed else "true",
             "body": _details(ctx, meeting), "location": ical.location_of(meeting) or ""}
    host = "outlook.live.com" if kind == "live" else "outlook.office.com"
    return f"https://{host}/calendar/0/deeplink/compose?" + urlencode(query, quote_via=quote)
