"""Issue 4: open data. /data/deelnemers.json and /data/bijeenkomsten.json hold the whole
directory and agenda in a documented, stable form (/handleiding/open-data/)."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from conftest import PROJECT

from scripts.assembly.generate import render_site  # noqa: E402
from scripts.content.loader import load_content  # noqa: E402
from scripts.feeds.opendata import MEETING_FIELDS, MOVEMENT_FIELDS, ORGANISATION_FIELDS, TOP_FIELDS  # noqa: E402
from scripts.render.context import Settings  # noqa: E402


@pytest.fixture(scope="module")
def model():
    loaded = load_content(PROJECT / "content")
    assert not loaded.problems
    return loaded.site


def read(site, name: str):
    return json.loads((site / "data" / name).read_text(encoding="utf-8"))


def documented(fields) -> dict[str, set[str]]:
    """'' → top-level names, 'locatie' → names inside locatie, …"""
    found: dict[str, set[str]] = {}
    for field in fields:
        parent, _, name = field.name.rpartition(".")
        found.setdefault(parent, set()).add(name)
    return found


def test_organisations_file_holds_every_organisation(built_site, model):
    data = read(built_site, "deelnemers.json")
    assert data["formaat"] == "deelnemers" and data["versie"] == 1
    assert data["aantal"] == len(model.organisations) == len(data["deelnemers"])
    assert [o["id"] for o in data["deelnemers"]] == sorted(model.organisations)
    by_id = {o["id"]: o for o in data["deelnemers"]}
    for slug, o in model.organisations.items():
        item = by_id[slug]
        assert item["naam"] == o.name
        assert item["bewegingen"] == list(o.movements)
        assert item["rol"] == o.role
        assert item["oud_deelnemer"] == o.is_former
        assert item["sinds"] == (str(o.since) if o.since else None)
        assert item["url"] == f"https://www.radicalevernieuwing.nl/deelnemers/{slug}/"
        assert (built_site / "deelnemers" / slug / "index.html").is_file()
    assert {m["id"] for m in data["bewegingen"]} == set(model.movements)


def test_meetings_file_holds_every_meeting_and_each_time(built_site, model):
    data = read(built_site, "bijeenkomsten.json")
    assert data["formaat"] == "bijeenkomsten" and data["tijdzone"] == "Europe/Amsterdam"
    assert data["aantal"] == len(model.meetings) == len(data["bijeenkomsten"])
    starts = [m["keren"][0]["start"][:10] for m in data["bijeenkomsten"]]
    assert starts == sorted(starts)  # earliest first
    for item in data["bijeenkomsten"]:
        meeting = model.meetings[item["id"]]
        assert item["uid"] == meeting.uid and item["titel"] == meeting.title
        if item["met_tijd"]:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+0[12]:00", item["start"]), item["start"]
        else:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", item["start"])
        assert item["keren"] and item["keren"][0]["start"] <= item["keren"][-1]["start"]
        if meeting.recurrence:
            assert len(item["keren"]) > 1


def test_every_field_is_documented_and_every_documented_field_is_there(built_site):
    organisations = read(built_site, "deelnemers.json")
    meetings = read(built_site, "bijeenkomsten.json")
    assert set(organisations) == documented(TOP_FIELDS["deelnemers"])[""]
    assert set(meetings) == documented(TOP_FIELDS["bijeenkomsten"])[""]
    org_docs = documented(ORGANISATION_FIELDS)
    for item in organisations["deelnemers"]:
        assert set(item) == org_docs[""]
    for item in organisations["bewegingen"]:
        assert set(item) == documented(MOVEMENT_FIELDS)[""]
    meeting_docs = documented(MEETING_FIELDS)
    for item in meetings["bijeenkomsten"]:
        assert set(item) == meeting_docs[""]
        for block in ("locatie", "online", "aanmelden"):
            if item[block] is not None:
                assert set(item[block]) == meeting_docs[block], block
        for time in item["keren"]:
            assert set(time) == meeting_docs["keren"]


def test_the_documentation_page_lists_the_files_and_fields(built_site):
    page = built_site / "handleiding" / "open-data" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert '<a href="../../data/deelnemers.json">deelnemers.json</a>' in html
    assert '<a href="../../data/bijeenkomsten.json">bijeenkomsten.json</a>' in html
    for field in ORGANISATION_FIELDS + MEETING_FIELDS + MOVEMENT_FIELDS:
        assert f"<code>{field.name}</code>" in html, field.name
    # the directory points to it
    directory = (built_site / "deelnemers" / "index.html").read_text(encoding="utf-8")
    assert 'href="../handleiding/open-data/"' in directory


def test_files_are_sorted_escaped_and_independent_of_the_build_date():
    first = render_site(PROJECT / "content", Settings(build_date=date(2026, 11, 23)))[1].files
    again = render_site(PROJECT / "content", Settings(build_date=date(2026, 11, 23)))[1].files
    later = render_site(PROJECT / "content", Settings(build_date=date(2031, 1, 1)))[1].files
    for name in ("data/deelnemers.json", "data/bijeenkomsten.json"):
        assert first[name] == again[name] == later[name]
        text = first[name].decode("utf-8")
        assert "<" not in text and ">" not in text
        data = json.loads(text)
        assert text == json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2).replace(
            "<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"


def test_the_published_baseline_is_documented_and_valid_against_its_schema(built_site):
    """/data/gepubliceerd.json keeps its own form (the deploy reads it back), so the page
    describes it on its own and a JSON Schema holds every entry to the documented fields."""
    import jsonschema

    from scripts.feeds.opendata import PUBLISHED_FIELDS

    data = read(built_site, "gepubliceerd.json")
    schema = json.loads((built_site / "schemas" / "data" / "gepubliceerd.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    docs = documented(PUBLISHED_FIELDS)
    for entry in data.values():
        assert set(entry) == docs[""]
        if entry["herhaling"] is not None:
            assert set(entry["herhaling"]) == docs["herhaling"]
    html = (built_site / "handleiding" / "open-data" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../../data/gepubliceerd.json">gepubliceerd.json</a>' in html
    for field in PUBLISHED_FIELDS:
        assert f"<code>{field.name}</code>" in html, field.name
    # an entry that breaks the documented form is refused by the schema
    broken = dict(next(iter(data.values())), volgnummer=-1)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"x@radicalevernieuwing.nl": broken}, schema)


def test_a_series_entry_of_the_baseline_is_valid_too(agenda_site):
    import jsonschema

    data = read(agenda_site, "gepubliceerd.json")
    assert any(entry["herhaling"] for entry in data.values())
    schema = json.loads((agenda_site / "schemas" / "data" / "gepubliceerd.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
