"""The movement on a map: the twelve provinces as a tile grid (one square each, placed roughly
where the province lies), shaded by how many organisations there take part, each linking to
the directory's page of that province. Drawn as inline SVG by the generator: no map service,
no third-party request, no map data to keep up to date. The same numbers are written as a
list next to it (the text alternative, and what a screen reader or a search engine reads)."""

from __future__ import annotations

from dataclasses import dataclass

from scripts.model.slugs import slugify
from scripts.render.context import Context

# (column, row, abbreviation): north at the top, the sea on the left.
GRID = {
    "Friesland": (2, 0, "FR"), "Groningen": (3, 0, "GR"),
    "Noord-Holland": (1, 1, "NH"), "Flevoland": (2, 1, "FL"), "Drenthe": (3, 1, "DR"),
    "Zuid-Holland": (0, 2, "ZH"), "Utrecht": (1, 2, "UT"), "Gelderland": (2, 2, "GE"),
    "Overijssel": (3, 2, "OV"),
    "Zeeland": (0, 3, "ZE"), "Noord-Brabant": (1, 3, "NB"), "Limburg": (2, 3, "LI"),
}
TILE, GAP = 100, 6
# Shades of the movement's teal, light to dark: a darker square has more organisations.
# The first is "none"; text is dark (#1a1a1a) on the three lightest and white on the rest, each
# pair at least 4.5:1 (so the figures stay readable when a phone draws the map smaller).
SHADES = ("#eef2f3", "#cfe3e7", "#a9cdd4", "#2b7a88", "#0b5563", "#073d47")


@dataclass(frozen=True)
class Tile:
    name: str
    slug: str
    abbreviation: str
    count: int
    linked: bool  # the directory has a page for the province
    x: int
    y: int
    fill: str
    text: str  # text colour on the fill


def shade(count: int, most: int) -> int:
    """0 for none, else 1‥5 by the share of the province with the most organisations."""
    if count <= 0 or most <= 0:
        return 0
    return min(5, 1 + (4 * count) // most)


def tiles(ctx: Context) -> list[Tile]:
    organisations = list(ctx.site.organisations.values())
    current = [o for o in organisations if not o.is_former]
    counts = {name: sum(o.province == name for o in current) for name in GRID}
    with_page = {o.province for o in organisations if o.province}  # as build_provinces makes them
    most = max(counts.values(), default=0)
    found = []
    for name, (column, row, abbreviation) in GRID.items():
        level = shade(counts[name], most)
        found.append(Tile(name, slugify(name), abbreviation, counts[name], name in with_page,
                          column * (TILE + GAP), row * (TILE + GAP), SHADES[level],
                          "#1a1a1a" if level <= 2 else "#ffffff"))
    return sorted(found, key=lambda t: (t.y, t.x))  # reading order: north to south, west to east


def unknown_province(ctx: Context) -> int:
    return sum(1 for o in ctx.site.organisations.values() if not o.is_former and not o.province)


def render(ctx: Context) -> str:
    found = tiles(ctx)
    return ctx.render("movement_map.md.j2", tiles=found, unknown=unknown_province(ctx),
                      width=4 * TILE + 3 * GAP, height=4 * TILE + 3 * GAP, tile=TILE,
                      total=sum(t.count for t in found))
