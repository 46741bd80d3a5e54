"""The two blocks that offer the calendar feeds on the pages: "Abonneren" (agenda, theme,
movement and organisation pages) and "Zet in je agenda" (a meeting page, with the Google and
Outlook links that add one meeting). The feeds themselves are scripts/feeds/calendar.py; their
addresses scripts/render/calendar_addresses.py."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from markupsafe import Markup

from scripts.feeds import ical
from scripts.feeds.calendar import feed_size
from scripts.model.items import Meeting, Status
from scripts.model.occurrences import Occurrence
from scripts.render.calendar_addresses import Feed, all_feed, meeting_feed, meeting_url, webcal
from scripts.render.context import Context

CALENDAR = "text/calendar"
DETAILS_MAX = 900  # characters of description in an add-to-calendar link (URLs stay short)


def feed_link(feed: Feed) -> dict:
    """For ctx.page(feeds=[…]): <link rel="alternate" type="text/calendar"> in the head."""
    return {"type": CALENDAR, "title": f"{feed.name} (agenda-abonnement)", "href": feed.path}


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


# --- "Zet in je agenda" -----------------------------------------------------------------------

def add_block(ctx: Context, meeting: Meeting) -> Markup:
    found = ctx.index.occurrences_of(meeting)
    upcoming = [o for o in found if o.last_day >= ctx.index.build_date]
    chosen = upcoming[0] if upcoming else None
    links = {}
    if chosen is not None and meeting.status != Status.CANCELLED:
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


def google_link(ctx: Context, occurrence: Occurrence) -> str:
    meeting = occurrence.meeting
    when = occurrence.when
    if when.all_day:
        dates = f"{when.first_day:%Y%m%d}/{when.calendar_end:%Y%m%d}"
    else:
        start, end = when.in_utc()
        dates = f"{start:%Y%m%dT%H%M%SZ}/{end:%Y%m%dT%H%M%SZ}"
    query = {"action": "TEMPLATE", "text": ical.summary_of(meeting), "dates": dates,
             "details": _details(ctx, meeting), "location": ical.location_of(meeting) or "",
             "ctz": ical.TZID}
    if when.all_day:
        query["crm"] = "AVAILABLE"  # a whole-day meeting does not block the day
    return "https://calendar.google.com/calendar/render?" + urlencode(query, quote_via=quote)


def outlook_link(ctx: Context, occurrence: Occurrence, kind: str) -> str:
    """kind 'live' (Outlook.com, personal) or 'office' (Microsoft 365, work or school)."""
    meeting = occurrence.meeting
    when = occurrence.when
    timed = not when.all_day
    if timed:
        start, end = when.in_utc()
        start_text, end_text = f"{start:%Y-%m-%dT%H:%M:%SZ}", f"{end:%Y-%m-%dT%H:%M:%SZ}"
    else:
        start_text, end_text = when.first_day.isoformat(), when.calendar_end.isoformat()
    query = {"path": "/calendar/action/compose", "rru": "addevent", "subject": ical.summary_of(meeting),
             "startdt": start_text, "enddt": end_text, "allday": "false" if timed else "true",
             "body": _details(ctx, meeting), "location": ical.location_of(meeting) or ""}
    host = "outlook.live.com" if kind == "live" else "outlook.office.com"
    return f"https://{host}/calendar/0/deeplink/compose?" + urlencode(query, quote_via=quote)
