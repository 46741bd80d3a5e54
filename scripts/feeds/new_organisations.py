"""The Atom feed "Nieuw in de beweging" (/feeds/nieuwe-deelnemers.xml): the organisations that
joined most recently. The directory (scripts/pages/organisations.py) links it and names the
newest ones by the same order."""

from __future__ import annotations

from scripts.feeds import news
from scripts.feeds.atom import AtomEntry, atom_feed
from scripts.model.items import Organisation
from scripts.render.context import Context
from scripts.render.organisation_text import period_of, sort_name

FEED_PATH = "feeds/nieuwe-deelnemers.xml"
FEED_TITLE = "Nieuw in de beweging"
FEED_SIZE = 100  # the newest organisations; the directory has all of them


def build(ctx: Context) -> None:
    write_feed(ctx, newest_first(list(ctx.site.organisations.values())))


def newest_first(organisations: list[Organisation]) -> list[Organisation]:
    """Organisations with a known date of joining, the most recent first."""
    dated = [(o.since.first_day(), o) for o in organisations if o.since]
    dated.sort(key=lambda pair: (-pair[0].toordinal(), sort_name(pair[1].name), pair[1].slug))
    return [o for _, o in dated]


def feed_link() -> dict:
    return news.link(FEED_TITLE, FEED_PATH)


def feed_entry(ctx: Context, o: Organisation) -> AtomEntry:
    url = ctx.absolute(f"deelnemers/{o.slug}/")
    movements = [ctx.site.movements[m].name for m in o.movements if m in ctx.site.movements]
    summary = f"{o.name} doet {period_of(o)} mee aan {' en '.join(movements)}."
    if o.is_former:
        summary = f"{o.name} deed mee aan {' en '.join(movements)} ({period_of(o)})."
    if o.description:
        summary += " " + o.description
    assert o.since is not None, "only organisations with a joining date are in the feed"
    return AtomEntry(id=url, title=o.name, link=url, updated=o.since.first_day(), summary=summary,
                     categories=tuple(movements))


def write_feed(ctx: Context, joined: list[Organisation]) -> None:
    ctx.out.binary(FEED_PATH, atom_feed(
        feed_url=ctx.absolute(FEED_PATH), page_url=ctx.absolute("deelnemers/"), title=FEED_TITLE,
        subtitle="Organisaties die zich bij de bewegingen voor radicale vernieuwing hebben aangesloten.",
        entries=[feed_entry(ctx, o) for o in joined[:FEED_SIZE]], empty_updated=ctx.index.build_date))
