"""JSON Schemas of the open data files (/data/deelnemers.json, /data/bijeenkomsten.json and
/data/gepubliceerd.json), made
from the same field lists as the files' documentation, so that schema, documentation and data
cannot disagree. Published at /schemas/data/<name>.schema.json with an `$id` on the site's own
address (whatever `site_url` is)."""

from __future__ import annotations

import copy
from typing import Any

from scripts.content.published import PUBLISHED as PUBLISHED_FILE
from scripts.feeds import opendata
from scripts.feeds.opendata import Field
from scripts.render.context import Context

DRAFT = "https://json-schema.org/draft/2020-12/schema"
MOMENT = r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})?$"
_BASE: dict[str, dict[str, Any]] = {  # the Dutch type of the documentation, without "of null" → JSON Schema
    "tekst": {"type": "string"}, "webadres": {"type": "string", "format": "uri"},
    "getal": {"type": "integer", "minimum": 0}, "ja/nee (true/false)": {"type": "boolean"},
    "lijst van teksten": {"type": "array", "items": {"type": "string"}},
    "datum of tijd": {"type": "string", "pattern": MOMENT},
    "datum": {"type": "string", "format": "date"},
    "blok": {"type": "object"}, "lijst van blokken": {"type": "array", "items": {"type": "object"}},
    # the form of /data/gepubliceerd.json (scripts/content/published.py)
    "datum of datum met tijd": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2} [+-]\d{2}:\d{2})?$"},
    "tijd in UTC": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"},
    "lijst van paren": {"type": "array", "items": {"type": "array", "items": {"type": "string"},
                                                    "minItems": 2, "maxItems": 2}},
}


def _type(dutch: str) -> dict[str, Any]:
    base, _, rest = dutch.partition(" of null")
    base = base.removesuffix(",")
    spec = copy.deepcopy(_BASE[base])  # object_schema fills in nested parts: never the shared table's
    if rest == "" and dutch.endswith(" of null"):
        spec["type"] = [spec["type"], "null"]
    return spec


def object_schema(fields: tuple[Field, ...], nested: dict[str, tuple[Field, ...]] | None = None) -> dict[str, Any]:
    """An object with these fields (all present, as the files write them); dotted names
    ('locatie.plaats', 'keren.start') describe the block or the list items they belong to."""
    properties: dict[str, Any] = {}
    for field in fields:
        parent, _, child = field.name.partition(".")
        if child:
            owner = properties[parent]
            target = owner.get("items", owner)
            target.setdefault("properties", {})[child] = {**_type(field.type), "description": field.description}
            target.setdefault("required", []).append(child)
            target["additionalProperties"] = False
            continue
        properties[field.name] = {**_type(field.type), "description": field.description}
        if nested and field.name in nested:
            properties[field.name]["items"] = object_schema(nested[field.name])
    return {"type": "object", "properties": properties, "required": [f.name for f in fields if "." not in f.name],
            "additionalProperties": False}


def schemas(ctx: Context) -> dict[str, dict[str, Any]]:
    """path under the site → schema."""
    nested: dict[str, dict[str, tuple[Field, ...]]] = {
        "deelnemers": {"deelnemers": opendata.ORGANISATION_FIELDS, "bewegingen": opendata.MOVEMENT_FIELDS},
        "bijeenkomsten": {"bijeenkomsten": opendata.MEETING_FIELDS}}
    found = {}
    for name, fields in opendata.TOP_FIELDS.items():
        path = f"schemas/data/{name}.schema.json"
        found[path] = {"$schema": DRAFT, "$id": ctx.absolute(path),
                       "title": f"Open data: {name}.json",
                       "description": f"Het formaat van {ctx.absolute(f'data/{name}.json')}, "
                                      f"uitgelegd op {ctx.absolute('handleiding/open-data/')}.",
                       **object_schema(fields, nested[name])}
    path = "schemas/data/gepubliceerd.schema.json"
    found[path] = {"$schema": DRAFT, "$id": ctx.absolute(path), "title": "Open data: gepubliceerd.json",
                   "description": f"Het formaat van {ctx.absolute(PUBLISHED_FILE)}: per uid van een "
                                  f"bijeenkomst wat agenda's ervan kregen, uitgelegd op "
                                  f"{ctx.absolute('handleiding/open-data/')}.",
                   "type": "object", "propertyNames": {"pattern": "@"},
                   "additionalProperties": object_schema(opendata.PUBLISHED_FIELDS)}
    return found


def build(ctx: Context) -> None:
    for path, schema in schemas(ctx).items():
        ctx.out.binary(path, opendata.dumps(schema))
