"""The forms' data (scripts/pages/forms.py): made from the schemas and the validator, and made
without changing anything else of the build."""

from datetime import date
from pathlib import Path

from scripts.content.loader import load_content
from scripts.content.schema_check import load_schema
from scripts.index import build_index
from scripts.render.context import Context, Settings
from scripts.render.environment import make_environment
from scripts.render.output import Output
from scripts.pages import forms

ROOT = Path(__file__).resolve().parents[2]
BUILD_DATE = date(2026, 11, 23)


def context() -> Context:
    loaded = load_content(ROOT / "content")
    return Context(build_index(loaded.site, BUILD_DATE), Settings(BUILD_DATE, repository="https://example.org/r",
                                                                  email="a@example.org"),
                   make_environment(), Output())


def test_the_forms_leave_the_site_s_own_filters_alone():
    """The preview cards are rendered with date filters that write placeholders, in an
    environment of their own: the build's environment must still write real dates."""
    ctx = context()
    before = dict(ctx.env.filters)
    forms.build(ctx)
    assert ctx.env.filters == before
    assert ctx.env.filters["dag"](BUILD_DATE) == "23 november 2026"


def test_required_fields_first_and_every_choice_of_the_schema():
    ctx = context()
    for spec in forms.FORMS.values():
        fields = forms.field_specs(spec, ctx.site)
        required = [f["required"] for f in fields]
        assert required == sorted(required, reverse=True), spec.kind
        schema = load_schema(spec.kind)
        for field in fields:
            node = schema["properties"].get(field["key"], {})
            values = node.get("enum") or node.get("items", {}).get("enum")
            if values:
                offered = [value for value, _ in field["choices"]]
                assert offered == [v for v in values if not (field["key"] == "status" and v == "verplaatst")]
            if field["required"]:
                assert field["messages"]["required"]["message"] == \
                    f"Het verplichte veld '{field['key']}' ontbreekt of is leeg."


def test_the_card_templates_have_their_slots():
    cards = forms.card_templates(context())
    for slot in ("slug", "naam", "details", "bewegingen", "provincie", "sector", "rol"):
        assert forms.slot(slot) in cards["deelnemer"]
    assert set(cards["bijeenkomst"]) == set(load_schema("bijeenkomst")["properties"]["status"]["enum"])
    for slot in ("titel", "iso", "dag", "samenvatting"):
        assert forms.slot(slot) in cards["artikel"]
    assert cards["themalink"] in cards["artikel"]
