"""The agenda to embed: a small page per movement, theme and organisation that other sites show
in an <iframe> (/insluiten/<soort>/<slug>/), and the block "Zet deze agenda op je eigen site"
on the movement, theme and organisation pages that offers its code.

The widget is plain HTML the generator writes whole (as the redirect pages): the engine copies
it untouched, so no theme, fonts or scripts come with it. It is light enough for any site:
inline CSS only, no request but the page itself, at most a few kilobytes; it fits from 280 px
wide, and every link opens in the top window (target="_top"), not inside the frame.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from scripts.feeds import ical
from scripts.render import calendar_addresses as addresses
from scripts.model.items import Status
from scripts.model.occurrences import Occurrence
from scripts.render import dutch
from scripts.render.context import Context
from scripts.render.environment import TEMPLATES

FOLDER = "insluiten"
SHOWN = 5  # upcoming meetings in the widget; the page on the site has all
RECENT_SHOWN = 3  # the most recent ones when nothing is planned
HEIGHT = 420  # px, the iframe's suggested height: five meetings at 280 px wide
KINDS = {"beweging": "bewegingen", "thema": "themas", "deelnemer": "deelnemers"}  # kind → its pages' folder

_HTML = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                    trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


@dataclass(frozen=True)
class Widget:
    kind: str  # "beweging", "thema" or "deelnemer"
    slug: str
    name: str  # as the heading says it: "Agenda: <name>"

    @property
    def path(self) -> str:
        """The file under the site root: insluiten/thema/jeugd/index.html."""
        return f"{FOLDER}/{self.kind}/{self.slug}/index.html"

    @property
    def page(self) -> str:
        """The page on the site the widget belongs to (docs path)."""
        return f"{KINDS[self.kind]}/{self.slug}.md"


def widgets(ctx: Context) -> list[Widget]:
    site = ctx.site
    return ([Widget("beweging", m.slug, m.name) for m in site.movements.values()]
            + [Widget("thema", t.slug, t.title) for t in site.themes.values()]
            + [Widget("deelnemer", o.slug, o.name) for o in site.organisations.values()])


def _chosen(ctx: Context, widget: Widget) -> tuple[list[Occurrence], bool]:
    """(occurrences to show, whether they are upcoming). Upcoming first; when none is planned,
    the most recent ones, and the widget says so."""
    index = ctx.index
    keep = {"beweging": index.for_movement, "thema": index.for_theme,
            "deelnemer": index.for_organisation}[widget.kind](widget.slug)[0]
    upcoming, past = index.meetings_where(keep)
    if upcoming:
        return upcoming[:SHOWN], True
    return past[:RECENT_SHOWN], False


def _up(path: str) -> str:
    """A site path as seen from a widget (three folders deep: insluiten/<soort>/<slug>/)."""
    return "../../../" + path


def widget_html(ctx: Context, widget: Widget) -> str:
    shown, upcoming = _chosen(ctx, widget)
    items = []
    for occurrence in shown:
        meeting = occurrence.meeting
        status = {Status.CANCELLED: "Gaat niet door", Status.TENTATIVE: "Onder voorbehoud",
                  Status.MOVED: "Verplaatst"}.get(meeting.status, "")
        items.append({"when": dutch.meeting_when(meeting, occurrence.start, occurrence.end),
                      "title": meeting.title, "href": _up(f"bijeenkomsten/{meeting.slug}/"),
                      "where": ical.location_of(meeting) or "", "online": bool(meeting.online and meeting.place),
                      "status": status})
    feed = _feed(ctx, widget)
    return _HTML.get_template("embed.html.j2").render(
        w=widget, items=items, upcoming=upcoming, page_href=_up(widget.page.removesuffix(".md") + "/"),
        agenda_href=_up("bijeenkomsten/"), canonical=ctx.absolute(widget.page.removesuffix(".md") + "/"),
        webcal=addresses.webcal(ctx, feed.path), site_name=ctx.settings.site_name)


def _feed(ctx: Context, widget: Widget) -> addresses.Feed:
    site = ctx.site
    if widget.kind == "beweging":
        return addresses.movement_feed(ctx, site.movements[widget.slug])
    if widget.kind == "thema":
        return addresses.theme_feed(ctx, site.themes[widget.slug])
    return addresses.organisation_feed(ctx, site.organisations[widget.slug])


def build(ctx: Context) -> None:
    for widget in widgets(ctx):
        ctx.out.text(widget.path, widget_html(ctx, widget))


def snippet(ctx: Context, kind: str, slug: str, name: str) -> Markup:
    """The block "Zet deze agenda op je eigen site" for a movement, theme or organisation page:
    the <iframe> code to copy, and a small live preview behind <details> (closed, so the page
    stays short and the preview loads only when opened)."""
    widget = Widget(kind, slug, name)
    address = ctx.absolute(widget.path.removesuffix("index.html"))
    title = html.escape(f"Agenda: {name}", quote=True)
    code = (f'<iframe src="{html.escape(address, quote=True)}" title="{title}" width="100%" '
            f'height="{HEIGHT}" style="border:1px solid #ccc;max-width:100%" loading="lazy"></iframe>')
    return Markup(ctx.render("embed_snippet.md.j2", w=widget, code=code, height=HEIGHT,
                             src="/" + widget.path))
