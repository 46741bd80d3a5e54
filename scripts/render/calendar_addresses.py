"""The calendar feeds' addresses and names under /ical/: what the feeds write (scripts/feeds/calendar.py)
and what the pages offer (scripts/pages/calendar_blocks.py, the agenda's filters, the embedded
agenda) read from this one place, so a page never imports a feed to learn where it lives."""

from __future__ import annotations

from dataclasses import dataclass

from scripts.model.items import Meeting, Movement, Organisation, Theme
from scripts.render import dutch
from scripts.render.context import Context


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


def meeting_url(ctx: Context, meeting: Meeting) -> str:
    return ctx.absolute(f"bijeenkomsten/{meeting.slug}/")


def webcal(ctx: Context, path: str) -> str:
    """webcal:// makes a click open the calendar app's subscribe dialog ('' without a host)."""
    address = ctx.absolute(path)
    scheme, _, rest = address.partition("://")
    return "webcal://" + rest if scheme in ("http", "https") and rest else ""
