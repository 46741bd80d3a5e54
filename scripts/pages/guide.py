"""The contributors' guide: a Dutch page per kind of content, made from its JSON Schema and
template, so the guide, the editor support and the validator never disagree."""

from __future__ import annotations

from pathlib import Path

from scripts.content.schema_check import KINDS, SCHEMA_DIR, load_schema
from scripts.render.context import Context

TITLES = {"beweging": "Een beweging beschrijven", "thema": "Een thema toevoegen",
          "deelnemer": "Je organisatie toevoegen", "bijeenkomst": "Een bijeenkomst toevoegen",
          "artikel": "Een nieuwsbericht schrijven"}
FOLDERS = {"beweging": "bewegingen", "thema": "themas", "deelnemer": "deelnemers",
           "bijeenkomst": "bijeenkomsten", "artikel": "actueel"}


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
