"""The kinds of content: one definition of the folders under content/, their schemas, and the
names in each folder that the generator itself uses (so no contributed file may take them)."""

from __future__ import annotations

from dataclasses import dataclass

# A file called index.md would take the section's own page (deelnemers/index.md).
RESERVED_EVERYWHERE = ("index",)


@dataclass(frozen=True)
class Kind:
    folder: str  # under content/
    schema: str  # scripts/content/schemas/<schema>.schema.json
    attribute: str  # the Site field that holds the records
    reserved: tuple[str, ...] = ()  # slugs that name a page or folder of the section itself
    assets: str = ""  # a subfolder with files that are not items

    @property
    def reserved_names(self) -> tuple[str, ...]:
        return RESERVED_EVERYWHERE + self.reserved + ((self.assets,) if self.assets else ())


KINDS = (
    Kind("bewegingen", "beweging", "movements"),
    Kind("themas", "thema", "themes"),
    Kind("deelnemers", "deelnemer", "organisations", ("pagina", "kaart", "oud", "provincie", "beweging", "thema"), "logos"),
    Kind("bijeenkomsten", "bijeenkomst", "meetings", ("archief", "pagina", "agenda", "reeks")),
    Kind("actueel", "artikel", "articles", ("pagina", "feed"), "downloads"),
)
SCHEMAS = tuple(kind.schema for kind in KINDS)
FOLDERS = tuple(kind.folder for kind in KINDS)
