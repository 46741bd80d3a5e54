"""The directory of participating organisations, a page per province, a page per organisation
(with schema.org JSON-LD). Its Atom feed "Nieuw in de beweging" is scripts/feeds/new_organisations.py."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from scripts.feeds.new_organisations import FEED_PATH, feed_link, newest_first
from scripts.index import OrganisationCounts
from scripts.model.items import Organisation
from scripts.content.safety import is_safe_url
from scripts.content.schema_check import load_schema
from scripts.model.slugs import slugify
from scripts.pages import calendar_blocks, embed
from scripts.render import calendar_addresses as addresses
from scripts.render.context import Context, json_dumps_for_html, paginate
from scripts.render.organisation_text import period_of, sort_name

ROLE_LABELS = {"deelnemer": "Deelnemer", "kernteam": "Lid van het kernteam",
               "partner": "Partner", "ondersteuner": "Ondersteuner"}
SECTOR_LABELS = {"ggz": "Ggz", "beschermd-wonen": "Beschermd wonen",
                 "maatschappelijke-opvang": "Maatschappelijke opvang",
                 "kleinschalig-wonen": "Kleinschalig wonen", "clientenorganisatie": "Cliëntenorganisatie"}
RECENT = 5  # newest organisations named on the directory page
PAST_SHOWN = 20  # earlier meetings on an organisation page
NEWS_SHOWN = 20
SECTIONS_ONLY = {"toc_depth": 2}  # the table of contents lists the sections, not every letter or item
LIST_SIZE = 60  # organisations per page of the directory and of every list of organisations
FORMER_SHOWN = 10  # most recently stopped organisations on the directory page; the rest on their own pages
FORMER_PATH = "deelnemers/oud.md"
DATA_PATH = "deelnemers/gids.json"  # the directory's compact data, which the filters read


def provinces() -> list[str]:
    """The twelve provinces, from the schema that the validator uses."""
    return list(load_schema("deelnemer")["properties"]["provincie"]["enum"])


def sector_label(slug: str) -> str:
    return SECTOR_LABELS.get(slug, slug.replace("-", " ").capitalize())


def role_label(role: str) -> str:
    return ROLE_LABELS.get(role, role)


def letter_of(name: str) -> str:
    """'Ümit' → 'U'; names that start with a digit go under '0–9'."""
    first = sort_name(name)[:1].upper()
    return first if "A" <= first <= "Z" else "0–9"


@dataclass(frozen=True)
class Entry:
    """One organisation in a list, with what the filters need."""

    o: Organisation
    movements: str  # space-separated slugs, for data-beweging
    province: str  # slug, for data-provincie
    sectors: str
    details: tuple[str, ...]  # place, province, sectors, role: shown after the name


@lru_cache(maxsize=1 << 16)
def entry_of(o: Organisation) -> Entry:
    # Cached (a pure function of the record): an organisation stands in several lists, and
    # the same Entry lets its list item be rendered once per build (render/cached.py).
    details = [", ".join(x for x in (o.place.city if o.place else "", o.province) if x)]
    details.append(", ".join(sector_label(s) for s in o.sectors))
    if o.role != "deelnemer":
        details.append(role_label(o.role))
    if o.is_former:
        details.append(period_of(o))
    return Entry(o, " ".join(o.movements), slugify(o.province) if o.province else "",
                 " ".join(o.sectors), tuple(d for d in details if d))


def by_letter(entries: list[Entry]) -> list[tuple[str, str, list[Entry]]]:
    """[(letter, anchor id, entries)], A to Z, '0–9' last."""
    groups: dict[str, list[Entry]] = {}
    for item in entries:
        groups.setdefault(letter_of(item.o.name), []).append(item)
    order = sorted(groups, key=lambda letter: (letter == "0–9", letter))
    return [(letter, "letter-" + (letter.lower() if letter != "0–9" else "0-9"), groups[letter])
            for letter in order]


def _sorted(organisations: Iterable[Organisation]) -> list[Organisation]:
    return sorted(organisations, key=lambda o: (sort_name(o.name), o.slug))


def _count_phrase(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def counts_sentence(counts: OrganisationCounts) -> str:
    """The organisation numbers in words, the same on every page that names them."""
    text = f"{_count_phrase(counts.taking_part, 'organisatie doet', 'organisaties doen')} mee"
    if counts.core_team:
        text += f", {counts.core_team} daarvan in het kernteam"
    text += "."
    if counts.supporting:
        text += (f" {_count_phrase(counts.supporting, 'partner of ondersteuner steunt', 'partners en ondersteuners steunen')}"
                 " de bewegingen.")
    if counts.former:
        text += f" {_count_phrase(counts.former, 'organisatie deed', 'organisaties deden')} eerder mee."
    return text


def filter_options(ctx: Context, organisations: list[Organisation]) -> list[dict]:
    """The four filters, each with only the values that occur."""
    used_movements = {m for o in organisations for m in o.movements}
    movements = sorted((m for m in ctx.site.movements.values() if m.slug in used_movements),
                       key=lambda m: (m.started, m.name))
    used_provinces = {o.province for o in organisations if o.province}
    used_sectors = {s for o in organisations for s in o.sectors}
    used_roles = {o.role for o in organisations}
    sectors = load_schema("deelnemer")["properties"]["sector"]["items"]["enum"]
    return [
        {"name": "beweging", "label": "Beweging", "all": "Alle bewegingen",
         "options": [(m.slug, m.name) for m in movements]},
        {"name": "provincie", "label": "Provincie", "all": "Alle provincies",
         "options": [(slugify(p), p) for p in provinces() if p in used_provinces]},
        {"name": "sector", "label": "Sector", "all": "Alle sectoren",
         "options": [(s, sector_label(s)) for s in sectors if s in used_sectors]},
        {"name": "rol", "label": "Rol", "all": "Alle rollen",
         "options": [(r, role_label(r)) for r in ROLE_LABELS if r in used_roles]},
    ]


def province_counts(current: list[Organisation]) -> list[dict]:
    rows = []
    for name in provinces():
        count = sum(o.province == name for o in current)
        rows.append({"name": name, "slug": slugify(name), "count": count})
    return rows


def build(ctx: Context) -> None:
    organisations = _sorted(ctx.site.organisations.values())
    current = [o for o in organisations if not o.is_former]
    former = sorted((o for o in organisations if o.is_former), key=_former_order)
    joined = newest_first(organisations)
    entries = [entry_of(o) for o in current]
    former_entries = [entry_of(o) for o in former]
    pages = paginate(entries, LIST_SIZE)
    paths = ["deelnemers/index.md"] + [f"deelnemers/pagina/{n}.md" for n in range(2, len(pages) + 1)]
    first_page = letter_pages(pages)
    filters = filter_options(ctx, organisations)
    former_paths = list_pages(ctx, FORMER_PATH, "deelnemers/oud", [], former_entries,
                              title="Oud-deelnemers", description="De organisaties die eerder "
                              "meededen aan de bewegingen voor radicale vernieuwing.",
                              lead=f"{_count_phrase(len(former), 'organisatie deed', 'organisaties deden')} "
                                   "eerder mee, de laatst gestopte bovenaan. Wat ze deden, blijft op de site.",
                              former_heading="",
                              links=[("/deelnemers/index.md", "Alle deelnemers")]) if former else []
    # The same on every page of the directory: worked out once, not per page (each is a pass
    # over all organisations, and the number of pages grows with them).
    intro = counts_sentence(ctx.index.organisation_counts)
    letters = all_letters(entries)
    province_rows, movements = province_counts(current), movement_rows(ctx, current)
    unknown_province = sum(not o.province for o in current)
    unknown_place = sum(not o.place for o in current)
    for number, (items, path) in enumerate(zip(pages, paths, strict=True), start=1):
        extra: dict[str, object] = dict(SECTIONS_ONLY)
        if number > 1:
            extra["search"] = {"exclude": True}  # search finds the organisations' own pages
        ctx.page(path, "directory.html", title="Deelnemers" if number == 1 else f"Deelnemers, pagina {number}",
                 kind="deelnemers",
                 description="Alle organisaties die meedoen aan de bewegingen voor radicale vernieuwing, "
                             "per beweging, provincie en sector.",
                 body_template="organisations.md.j2", feeds=[feed_link()], extra=extra,
                 number=number, paths=paths, total=len(entries),
                 intro=intro,
                 az=[(letter, "#" + anchor if first_page[letter] == number else
                      f"/{paths[first_page[letter] - 1]}#{anchor}")
                     for letter, anchor in letters],
                 letters=by_letter(items), data_url=relative_file(path, DATA_PATH), page_size=LIST_SIZE,
                 former=former_entries[:FORMER_SHOWN], former_count=len(former),
                 former_path=FORMER_PATH if len(former_paths) else "",
                 filters=filters,
                 provinces=province_rows, movements=movements,
                 unknown_province=unknown_province, unknown_place=unknown_place,
                 recent=joined[:RECENT], period_of=period_of, feed_href=relative_file(path, FEED_PATH))
    ctx.out.text(DATA_PATH, directory_data(entries, former_entries))
    build_provinces(ctx, current, former)
    build_movement_lists(ctx, organisations)
    for organisation in organisations:
        build_organisation(ctx, organisation)


def relative_file(page: str, target: str) -> str:
    """The address of the file `target` (docs-relative) as seen from the published page of the
    docs file `page` (directory URLs: `deelnemers/pagina/2.md` is published as `deelnemers/pagina/2/`)."""
    stem = page.removesuffix(".md")
    folder = stem.removesuffix("/index") if stem.endswith("/index") else stem
    return posixpath.relpath(target, folder)


def all_letters(entries: list[Entry]) -> list[tuple[str, str]]:
    return [(letter, anchor) for letter, anchor, _ in by_letter(entries)]


def letter_pages(pages: list[list[Entry]]) -> dict[str, int]:
    """letter → the number of the first page with an organisation under that letter."""
    first: dict[str, int] = {}
    for number, items in enumerate(pages, start=1):
        for item in items:
            first.setdefault(letter_of(item.o.name), number)
    return first


def directory_data(current: list[Entry], former: list[Entry]) -> str:
    """The whole directory, compact, for the filters (docs/assets/javascripts/filters.js):
    they choose from every organisation, not only from the page that is shown. Only what the
    pages show anyway; the script inserts it as text, never as HTML."""
    fields = ["slug", "naam", "details", "beweging", "provincie", "sector", "rol", "oud"]
    rows = [[e.o.slug, e.o.name, " · ".join(e.details), e.movements, e.province, e.sectors,
             e.o.role, 1 if old else 0]
            for old, group in ((False, current), (True, former)) for e in group]
    return json_dumps_for_html({"velden": fields, "deelnemers": rows}) + "\n"


def movement_rows(ctx: Context, current: list[Organisation]) -> list[dict]:
    movements = sorted(ctx.site.movements.values(), key=lambda m: (m.started, m.name))
    return [{"name": m.name, "slug": m.slug, "count": sum(m.slug in o.movements for o in current)}
            for m in movements]


def list_pages(ctx: Context, first: str, folder: str, current: Sequence[Entry], former: Sequence[Entry],
               *, title: str, description: str, lead: str, former_heading: str,
               links: Sequence[tuple[str, str]] = (), searchable: bool = False) -> list[str]:
    """A list of organisations on pages of LIST_SIZE: page 1 at `first`, pages 2… at
    `<folder>/pagina/<n>.md`; the current organisations A to Z, then the former ones. `links`:
    (docs-absolute path, text) under 'Verder kijken'. Search finds the organisations' own pages,
    so only a `searchable` list's first page (a province) is in the search index: lists that
    repeat every name would push the other results away. Returns the paths of the pages."""
    sequence = [(False, e) for e in current] + [(True, e) for e in former]
    pages = paginate(sequence, LIST_SIZE)
    paths = [first] + [f"{folder}/pagina/{n}.md" for n in range(2, len(pages) + 1)]
    for number, (chunk, path) in enumerate(zip(pages, paths, strict=True), start=1):
        extra: dict[str, object] = {"hide": ["toc"]}
        if number > 1 or not searchable:
            extra["search"] = {"exclude": True}
        ctx.page(path, "directory.html", title=title if number == 1 else f"{title}, pagina {number}",
                 kind="deelnemers", description=description, body_template="organisations_list.md.j2",
                 lead=lead, items=[e for old, e in chunk if not old], former=[e for old, e in chunk if old],
                 former_heading=former_heading, current=number, paths=paths, total=len(sequence),
                 links=list(links), feeds=[feed_link()], extra=extra)
    return paths


def _former_order(o: Organisation) -> tuple[int, str, str]:
    """Most recently stopped first; history is kept, never dropped."""
    return (-(o.until.first_day().toordinal() if o.until else 0), sort_name(o.name), o.slug)


def build_provinces(ctx: Context, current: list[Organisation], former: list[Organisation]) -> None:
    for name in provinces():
        here = [o for o in current if o.province == name]
        before = [o for o in former if o.province == name]
        if not here and not before:
            continue
        slug = slugify(name)
        lead = (f"{_count_phrase(len(here), 'organisatie', 'organisaties')} in {name} "
                f"{'doet' if len(here) == 1 else 'doen'} mee." if here else
                f"Op dit moment doet er geen organisatie uit {name} mee.")
        list_pages(ctx, f"deelnemers/provincie/{slug}.md", f"deelnemers/provincie/{slug}",
                   [entry_of(o) for o in here], [entry_of(o) for o in before],
                   title=f"Deelnemers in {name}", description=f"De organisaties in {name} die meedoen "
                   "aan de bewegingen voor radicale vernieuwing.", lead=lead,
                   former_heading=f"Oud-deelnemers in {name}", searchable=True,
                   links=[("/deelnemers/index.md", "Alle deelnemers, ook per beweging, sector en rol te filteren"),
                          (f"/deelnemers/index.md?provincie={slug}", f"De deelnemers in {name}, in de hele lijst")])


def movement_list_path(slug: str) -> str:
    return f"deelnemers/beweging/{slug}.md"


def theme_list_path(slug: str) -> str:
    return f"deelnemers/thema/{slug}.md"


def build_movement_lists(ctx: Context, organisations: list[Organisation]) -> None:
    """Per movement, every organisation that takes part (or did), on pages of LIST_SIZE."""
    for movement in ctx.site.movements.values():
        members = [o for o in organisations if movement.slug in o.movements]
        here = [entry_of(o) for o in members if not o.is_former]
        before = [entry_of(o) for o in sorted((o for o in members if o.is_former), key=_former_order)]
        lead = (counts_sentence(ctx.index.movement_counts(movement.slug)) if here
                else f"Op dit moment doet er geen organisatie mee aan {movement.name}.")
        list_pages(ctx, movement_list_path(movement.slug), f"deelnemers/beweging/{movement.slug}",
                   here, before, title=f"Deelnemers van {movement.name}",
                   description=f"De organisaties die meedoen aan {movement.name}.", lead=lead,
                   former_heading="Eerder deden mee",
                   links=[(f"/bewegingen/{movement.slug}.md", f"Over {movement.name}"),
                          (f"/deelnemers/index.md?beweging={movement.slug}",
                           "Deze deelnemers in de hele lijst, ook per provincie, sector en rol te filteren")])


def build_theme_list(ctx: Context, theme_slug: str, theme_title: str,
                     organisations: list[Organisation]) -> str:
    """The organisations of a theme, A to Z, on pages of LIST_SIZE; returns page 1's path."""
    ordered = _sorted(organisations)
    here = [entry_of(o) for o in ordered if not o.is_former]
    before = [entry_of(o) for o in sorted((o for o in ordered if o.is_former), key=_former_order)]
    path = theme_list_path(theme_slug)
    lead = (f"{_count_phrase(len(ordered), 'organisatie organiseerde', 'organisaties organiseerden')} "
            "een bijeenkomst of {} in een bericht over dit thema.".format("staat" if len(ordered) == 1 else "staan"))
    list_pages(ctx, path, f"deelnemers/thema/{theme_slug}", here, before,
               title=f"Organisaties bij het thema {theme_title}",
               description=f"De organisaties bij het thema {theme_title}.", lead=lead,
               former_heading="Oud-deelnemers",
               links=[(f"/themas/{theme_slug}.md", f"Over het thema {theme_title}"),
                      ("/deelnemers/index.md", "Alle deelnemers")])
    return path


def build_organisation(ctx: Context, organisation: Organisation) -> None:
    keep_meeting, keep_article = ctx.index.for_organisation(organisation.slug)
    upcoming, past = ctx.index.meetings_where(keep_meeting)
    articles = ctx.index.articles_where(keep_article)
    ctx.page(f"deelnemers/{organisation.slug}.md", "organisation.html",
             title=organisation.name, kind="deelnemer", source=organisation.source,
             description=organisation.description or
             f"{organisation.name} doet mee aan de beweging voor radicale vernieuwing.",
             body_template="organisation.md.j2", o=organisation, extra=SECTIONS_ONLY,
             json_ld=organisation_json_ld(ctx, organisation),
             role_label=role_label(organisation.role), sector_label=sector_label,
             province_page=slugify(organisation.province) if organisation.province else "",
             period=period_of(organisation), upcoming=upcoming, past=past[:PAST_SHOWN],
             past_count=len(past), articles=articles[:NEWS_SHOWN], article_count=len(articles),
             themes=ctx.index.themes_of_organisation(organisation.slug),
             feeds=[calendar_blocks.feed_link(addresses.organisation_feed(ctx, organisation))],
             calendar_block=calendar_blocks.subscribe_block(ctx, addresses.organisation_feed(ctx, organisation)),
             embed_block=embed.snippet(ctx, "deelnemer", organisation.slug, organisation.name))


def organisation_json_ld(ctx: Context, o: Organisation) -> dict[str, object]:
    """schema.org Organization. Values are data: common.json_dumps_for_html makes them safe
    inside the <script> element."""
    page = ctx.absolute(f"deelnemers/{o.slug}/")
    data: dict[str, object] = {"@context": "https://schema.org", "@type": "Organization", "@id": page + "#organisatie",
            "name": o.name, "mainEntityOfPage": page,
            "memberOf": [{"@type": "Organization", "name": ctx.site.movements[m].name,
                          "url": ctx.absolute(f"bewegingen/{m}/")}
                         for m in o.movements if m in ctx.site.movements]}
    if o.website and is_safe_url(o.website) and o.website.lower().startswith(("http://", "https://")):
        data["url"] = o.website
        data["sameAs"] = [o.website]
    if o.description:
        data["description"] = o.description
    if o.logo:
        data["logo"] = {"@type": "ImageObject", "url": ctx.absolute(f"deelnemers/{o.logo}"),
                        "caption": o.logo_alt}
    if o.place or o.province:
        address: dict[str, str] = {"@type": "PostalAddress", "addressCountry": "NL"}
        if o.place:
            address["addressLocality"] = o.place.city
        if o.province:
            address["addressRegion"] = o.province
        data["address"] = address
    return data
