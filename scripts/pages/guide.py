"""The contributors' guide: a Dutch page per kind of content, made from its JSON Schema and
template, so the guide, the editor support and the validator never disagree; and the page on the
open data, made from the field lists the files themselves are written by."""

from __future__ import annotations

import json
from pathlib import Path

from markupsafe import Markup

from scripts.content.schema_check import KINDS, SCHEMA_DIR, load_schema
from scripts.feeds.opendata import (
    MEETING_FIELDS,
    MOVEMENT_FIELDS,
    ORGANISATION_FIELDS,
    PUBLISHED_FIELDS,
    TOP_FIELDS,
    VERSION,
)
from scripts.render.context import Context

TITLES = {"beweging": "Een beweging beschrijven", "thema": "Een thema toevoegen",
          "deelnemer": "Je organisatie toevoegen", "bijeenkomst": "Een bijeenkomst toevoegen",
          "artikel": "Een nieuwsbericht schrijven"}
FOLDERS = {"beweging": "bewegingen", "thema": "themas", "deelnemer": "deelnemers",
           "bijeenkomst": "bijeenkomsten", "artikel": "actueel"}
OPEN_DATA_PATH = "handleiding/open-data.md"


def field_rows(schema: dict) -> list[dict]:
    rows = []
    required = set(schema.get("required", []))

    def walk(properties: dict, prefix: str, required_here: set) -> None:
        for name, spec in properties.items():
            rows.append({"name": prefix + name, "required": name in required_here,
                         "description": spec.get("description", "")})
            nested = spec.get("properties") or spec.get("items", {}).get("properties")
            if nested:
                inner = spec.get("required") or spec.get("items", {}).get("required") or []
                walk(nested, prefix + name + ".", set(inner))
    walk(schema["properties"], "", required)
    return rows


def build(ctx: Context, templates_dir: Path) -> None:
    for kind in KINDS:
        schema = load_schema(kind)
        ctx.out.binary(f"schemas/{kind}.schema.json", (SCHEMA_DIR / f"{kind}.schema.json").read_bytes())
        template_file = templates_dir / f"{kind}.md"
        template = template_file.read_text(encoding="utf-8") if template_file.is_file() else ""
        ctx.page(f"handleiding/{kind}.md", "guide.html", title=TITLES[kind], kind="handleiding",
                 description=schema["description"], body_template="guide.md.j2",
                 kind_name=kind, folder=FOLDERS[kind], schema=schema, rows=field_rows(schema),
                 example=template)
    ctx.page("handleiding/index.md", "guide.html", title="Handleiding voor bijdragen",
             kind="handleiding", description="Hoe je nieuws, bijeenkomsten en je organisatie aan de site toevoegt.",
             body_template="guide_index.md.j2", titles=TITLES)


# --- the open data (scripts/feeds/opendata.py): a page made from the files' own field lists ---

def open_data_example() -> str:
    """A made-up organisation in the published form, for the documentation."""
    return json.dumps({
        "id": "zorggroep-voorbeeld", "naam": "Zorggroep Voorbeeld",
        "url": "https://www.radicalevernieuwing.nl/deelnemers/zorggroep-voorbeeld/",
        "website": "https://www.voorbeeld.nl", "plaats": "Utrecht", "provincie": "Utrecht",
        "sectoren": ["ouderenzorg"], "bewegingen": ["zorg"], "rol": "deelnemer", "sinds": "2026-11",
        "tot": None, "oud_deelnemer": False, "logo": None, "logo_tekst": None,
        "beschrijving": "Zorggroep Voorbeeld biedt zorg thuis en in twee kleine woonhuizen.",
        "agenda": "https://www.radicalevernieuwing.nl/ical/deelnemer/zorggroep-voorbeeld.ics",
    }, ensure_ascii=False, sort_keys=True, indent=2)


def open_data(ctx: Context) -> None:
    ctx.page(OPEN_DATA_PATH, "guide.html", title="Open data", kind="handleiding",
             description="De deelnemers en bijeenkomsten als open data (JSON): waar de bestanden "
                         "staan en wat elk veld betekent.",
             body_template="open_data.md.j2", top=TOP_FIELDS, organisation_fields=ORGANISATION_FIELDS,
             movement_fields=MOVEMENT_FIELDS, meeting_fields=MEETING_FIELDS, example=Markup(open_data_example()),
             published_fields=PUBLISHED_FIELDS,
             version=VERSION)
