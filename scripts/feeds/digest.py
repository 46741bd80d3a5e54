"""The monthly news by e-mail, without a mail server: a digest per month as a mail-ready file
(HTML with inline CSS and absolute links, a plain-text alternative, both together as an .eml a
mail program opens as a draft) and an Atom feed shaped for RSS-to-mail services (one entry per
month, the whole digest as its content). The page that shows a digest on the site, and the page
"Volg per e-mail", are scripts/pages/follow.py.

The digest of a month (say December 2026) is what a member gets at its start: the news and the
new participants of the month before (November), the meetings held then, and the meetings of
this month and the next (December and January). It depends on the content and the month only,
so every build in a month gives the same bytes, and a rebuild with the same date always does.
Each build writes the digest of its own month and of the eleven before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from email.message import EmailMessage
from email.policy import SMTP

from jinja2 import Environment, FileSystemLoader, select_autoescape

from scripts.feeds.atom import AtomEntry, atom_feed
from scripts.model.items import Article, Organisation, Status
from scripts.model.occurrences import Occurrence
from scripts.model.values import AMSTERDAM
from scripts.render import dutch
from scripts.render.context import Context
from scripts.render.environment import TEMPLATES

FOLDER = "nieuwsbrief"
FEED_PATH = "feeds/nieuwsbrief.xml"
MONTHS = 12  # digests written per build: this month's and the eleven before
MAX_ARTICLES, MAX_UPCOMING, MAX_RECENT, MAX_JOINED = 15, 15, 10, 20  # keeps a mail well under 100 KiB
FILE_NAMES = ("nieuwsbrief.html", "nieuwsbrief.txt", "nieuwsbrief.eml")

_ENV = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True,
                   disabled_extensions=("txt.j2",)), trim_blocks=True, lstrip_blocks=True,
                   keep_trailing_newline=True)
_ENV.filters.update({"dag": dutch.day, "maand": dutch.month_year})


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(first: date, count: int) -> date:
    months = first.year * 12 + first.month - 1 + count
    return date(months // 12, months % 12 + 1, 1)


@dataclass(frozen=True)
class Digest:
    month: date  # the first day of the month the digest is for
    articles: list[Article]  # dated in the month before, newest first
    upcoming: list[Occurrence]  # this month and the next, soonest first
    recent: list[Occurrence]  # held in the month before, most recent first
    joined: list[Organisation]  # joined in the month before (a 'sinds' with at least a month)
    more: dict[str, int]  # how many of each list were left out

    @property
    def key(self) -> str:
        return f"{self.month:%Y-%m}"

    @property
    def path(self) -> str:
        """The folder of the month under the site root: nieuwsbrief/2026-12/."""
        return f"{FOLDER}/{self.key}/"

    @property
    def before(self) -> date:
        return add_months(self.month, -1)

    @property
    def title(self) -> str:
        return f"Nieuwsbrief {dutch.month_year(self.month)}"

    @property
    def empty(self) -> bool:
        return not (self.articles or self.upcoming or self.recent or self.joined)


def digest_for(ctx: Context, month: date) -> Digest:
    index, site = ctx.index, ctx.site
    everything = index.everything  # every occurrence, soonest first, made once per build
    before, after = add_months(month, -1), add_months(month, 2)
    articles = [a for a in index.articles if before <= a.date < month]
    upcoming = [o for o in everything if o.last_day >= month and o.first_day < after]
    recent = [o for o in reversed(everything) if before <= o.first_day < month]
    joined = sorted((o for o in site.organisations.values()
                     if o.since and o.since.month and before <= o.since.first_day() < month),
                    key=lambda o: (o.since.first_day() if o.since else month, o.name.lower(), o.slug))
    more = {"artikelen": max(0, len(articles) - MAX_ARTICLES), "komend": max(0, len(upcoming) - MAX_UPCOMING),
            "geweest": max(0, len(recent) - MAX_RECENT), "deelnemers": max(0, len(joined) - MAX_JOINED)}
    return Digest(month, articles[:MAX_ARTICLES], upcoming[:MAX_UPCOMING], recent[:MAX_RECENT],
                  joined[:MAX_JOINED], more)


def digests(ctx: Context) -> list[Digest]:
    """The build's month and the eleven before it, newest first."""
    this = month_start(ctx.index.build_date)
    return [digest_for(ctx, add_months(this, -n)) for n in range(MONTHS)]


# --- the mail ----------------------------------------------------------------------------------

def _values(ctx: Context, digest: Digest) -> dict:
    """What both the HTML and the text need, every link absolute."""
    def meeting(o: Occurrence) -> dict:
        m = o.meeting
        status = {Status.CANCELLED: "gaat niet door", Status.TENTATIVE: "onder voorbehoud"}.get(m.status, "")
        place = m.place.city if m.place else ""
        where = " en ".join(p for p in (place, "online" if m.online else "") if p)
        return {"title": m.title, "url": ctx.absolute(f"bijeenkomsten/{m.slug}/"), "status": status,
                "when": dutch.meeting_when(m, o.start, o.end), "where": where}
    return {
        "d": digest, "site_name": ctx.settings.site_name, "home": ctx.absolute(""),
        "page": ctx.absolute(digest.path), "follow": ctx.absolute(f"{FOLDER}/"),
        "agenda": ctx.absolute("bijeenkomsten/"), "news": ctx.absolute("actueel/"),
        "directory": ctx.absolute("deelnemers/"), "period": dutch.month_year(digest.before),
        "next": dutch.month_year(add_months(digest.month, 1)), "this": dutch.month_year(digest.month),
        "articles": [{"title": a.title, "url": ctx.absolute(f"actueel/{a.slug}/"), "summary": a.summary,
                      "date": dutch.day(a.date)} for a in digest.articles],
        "upcoming": [meeting(o) for o in digest.upcoming], "recent": [meeting(o) for o in digest.recent],
        "joined": [{"name": o.name, "url": ctx.absolute(f"deelnemers/{o.slug}/"),
                    "place": o.place.city if o.place else "", "description": o.description} for o in digest.joined],
    }


def mail_html(ctx: Context, digest: Digest) -> str:
    """A whole HTML document for a mail program: inline CSS only, absolute links, no script."""
    return _ENV.get_template("digest_mail.html.j2").render(**_values(ctx, digest), whole=True)


def mail_body(ctx: Context, digest: Digest) -> str:
    """The digest's content alone (the Atom entry's content): the same HTML without <html>."""
    return _ENV.get_template("digest_mail.html.j2").render(**_values(ctx, digest), whole=False)


def mail_text(ctx: Context, digest: Digest) -> str:
    return _ENV.get_template("digest_mail.txt.j2").render(**_values(ctx, digest))


def mail_eml(ctx: Context, digest: Digest, html_text: str, plain: str) -> bytes:
    """Text and HTML as one message (multipart/alternative). No sender, receiver or date: the
    mail program fills them in. X-Unsent makes Outlook open it as a draft to send. The boundary
    is fixed (the library would pick a random one) so that a rebuild gives the same bytes."""
    message = EmailMessage(policy=SMTP)
    message["Subject"] = f"{digest.title} – {ctx.settings.site_name}"
    message["X-Unsent"] = "1"
    message.set_content(plain, cte="quoted-printable")
    message.add_alternative(html_text, subtype="html", cte="quoted-printable")
    message.set_boundary(f"=_rv-nieuwsbrief-{digest.key}")
    return message.as_bytes()


# --- the feed ----------------------------------------------------------------------------------

def _issued(digest: Digest) -> datetime:
    """When a digest comes out: 08:00 on the first of its month (distinct per month)."""
    return datetime.combine(digest.month, time(8, 0), AMSTERDAM)


def feed_entries(ctx: Context, found: list[Digest]) -> list[AtomEntry]:
    """One entry per month that has something to tell, newest first: RSS-to-mail services send
    each new entry once, as a mail with its whole content."""
    return [AtomEntry(id=ctx.absolute(d.path), title=d.title, link=ctx.absolute(d.path),
                      updated=_issued(d), published=_issued(d),
                      summary=f"Het nieuws van {dutch.month_year(d.before)} en de agenda van "
                              f"{dutch.month_year(d.month)} en {dutch.month_year(add_months(d.month, 1))}.",
                      content_html=mail_body(ctx, d))
            for d in found if not d.empty]


def build(ctx: Context) -> list[Digest]:
    """The mail files of every digest and the feed; returns the digests for the pages."""
    found = digests(ctx)
    for digest in found:
        html_text, plain = mail_html(ctx, digest), mail_text(ctx, digest)
        ctx.out.text(digest.path + FILE_NAMES[0], html_text)
        ctx.out.text(digest.path + FILE_NAMES[1], plain)
        ctx.out.binary(digest.path + FILE_NAMES[2], mail_eml(ctx, digest, html_text, plain))
    ctx.out.binary(FEED_PATH, atom_feed(
        feed_url=ctx.absolute(FEED_PATH), page_url=ctx.absolute(f"{FOLDER}/"),
        title=f"{ctx.settings.site_name}: nieuwsbrief",
        subtitle="Elke maand het nieuws, de agenda en de nieuwe deelnemers van de bewegingen.",
        entries=feed_entries(ctx, found), empty_updated=ctx.index.build_date))
    return found
