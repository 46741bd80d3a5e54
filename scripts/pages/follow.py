"""Following the movement by e-mail: the page "Volg per e-mail" (/nieuwsbrief/) and a page per
monthly digest (/nieuwsbrief/<jjjj-mm>/) beside its mail-ready files. The digests themselves,
their mail files and their feed are made in scripts/feeds/digest.py."""

from __future__ import annotations

from markupsafe import Markup

from scripts.feeds import digest as digests
from scripts.feeds import news as newsfeeds
from scripts.feeds.digest import Digest, add_months
from scripts.render import dutch
from scripts.render.context import Context

PAGE = f"{digests.FOLDER}/index.md"


def feed_link() -> dict:
    return newsfeeds.link("Nieuwsbrief van Radicale vernieuwing (per maand)", digests.FEED_PATH)


def build(ctx: Context) -> None:
    found = digests.build(ctx)
    current = found[0]
    ctx.page(PAGE, "listing.html", title="Volg per e-mail", kind="nieuwsbrief",
             description="Elke maand het nieuws, de agenda en de nieuwe deelnemers in je mailbox: "
                         "zo regel je dat, zonder dat de site je e-mailadres hoeft te weten.",
             body_template="follow.md.j2", current=current, digests=[d for d in found if not d.empty],
             feed=ctx.absolute(digests.FEED_PATH), files=digests.FILE_NAMES, feeds=[feed_link()],
             intro=Markup("Geen tijd om de site bij te houden, en geen feedlezer? Dan kan het ook "
                          "per e-mail. Er zijn twee manieren."))
    for item in found:
        build_digest_page(ctx, item)


def build_digest_page(ctx: Context, item: Digest) -> None:
    ctx.page(f"{item.path}index.md", "listing.html", title=item.title, kind="nieuwsbrief",
             description=f"Het nieuws van {dutch.month_year(item.before)} en de agenda van "
                         f"{dutch.month_year(item.month)} en {dutch.month_year(add_months(item.month, 1))}.",
             body_template="digest_page.md.j2", d=item, files=digests.FILE_NAMES, feeds=[feed_link()],
             period=dutch.month_year(item.before), this=dutch.month_year(item.month),
             next=dutch.month_year(add_months(item.month, 1)))
