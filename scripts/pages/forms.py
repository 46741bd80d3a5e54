"""The contribution forms: a Dutch form per kind (organisation, meeting, news item), made from
the kind's JSON Schema like the guide, so that form, guide and validator never disagree.

What the form checks as a person types, and the words it uses, come from the validator itself:
at build time every field's constraints are tried on the real checks (schema_check.check_schema,
the date parsers of scripts/model/values.py, the meeting checks of records.py and, for web
addresses, the whole check of one probe file) with probe values, and the Dutch message that
comes back becomes a message template for the script (docs/assets/javascripts/formulier.js).
The script shows the first message the check would give for a field, as the check prints it.
The preview card is the real card macro (_macros.md.j2, _directory.md.j2) rendered with
placeholder values (slots) and handed to the script as JSON, which fills the slots with escaped
values; tests/test_forms_browser.py checks that a filled preview equals the card the build
makes for the same file. The probes run once per process (cached): the forms add ~50 ms to a
build.

The organisation form is a fragment that the hand-written /meedoen/ includes; the meeting and
news forms are pages of their own (/insturen/bijeenkomst/, /insturen/bericht/). Not under
/meedoen/: beside a folder of that name Zensical no longer publishes the hand-written meedoen.md.
"""

from __future__ import annotations

import json
import re
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace
from typing import Any
from pathlib import Path
from urllib.parse import urlsplit

from babel import Locale
from jinja2 import Environment

from scripts.content.loader import load_content
from scripts.content.problems import ProblemList
from scripts.content.records import Fields, build_meeting
from scripts.content.schema_check import check_schema, load_schema
from scripts.content.source import SourceFile
from scripts.model.items import Status
from scripts.model.values import ValueProblem, parse_date, parse_moment, parse_partial_date
from scripts.render.context import Context, json_dumps_for_html
from scripts.render.macros import build_macros
from scripts.pages.organisations import ROLE_LABELS, sector_label

SLOT_OPEN, SLOT_CLOSE = "\ue000", "\ue001"  # private-use characters: never in a template's own text
PROBE = SLOT_OPEN + "v" + SLOT_CLOSE
UID_DOMAIN = "radicalevernieuwing.nl"  # as the scaffold's (scripts/tools/scaffold.py)
FRAGMENT = "_fragmenten/formulier-deelnemer.md"


def slot(name: str) -> str:
    return f"{SLOT_OPEN}{name}{SLOT_CLOSE}"


@dataclass(frozen=True)
class FormSpec:
    kind: str  # the schema
    folder: str  # under content/
    title: str
    intro: str
    name_field: str  # the field whose slug names the file
    fields: tuple[str, ...]  # schema paths shown, in this order after the required ones
    labels: dict[str, str]
    body_label: str
    body_help: str
    page: str  # the generated page ('' : a fragment of /meedoen/)
    date_prefix: str = ""  # the field whose date starts the file name (meetings)


ORGANISATION = FormSpec(
    "deelnemer", "deelnemers", "Je organisatie aanmelden",
    "Vul in wat je weet. Velden met 'verplicht' moeten ingevuld zijn; de rest mag leeg blijven.",
    "naam", ("naam", "bewegingen", "rol", "plaats", "provincie", "website", "sector", "sinds",
             "beschrijving"),
    {"naam": "Naam van de organisatie", "bewegingen": "In welke beweging doen jullie mee?",
     "rol": "Rol in de beweging", "plaats": "Plaats", "provincie": "Provincie",
     "website": "Website", "sector": "Sector", "sinds": "Sinds wanneer doen jullie mee?",
     "beschrijving": "Eén zin over jullie organisatie"},
    "Over jullie organisatie",
    "Een paar zinnen over wat jullie doen en waarom jullie meedoen. Dit komt op jullie eigen pagina.",
    "")
MEETING = FormSpec(
    "bijeenkomst", "bijeenkomsten", "Een bijeenkomst aanmelden",
    "Vul in wat je weet. Velden met 'verplicht' moeten ingevuld zijn; de rest mag leeg blijven.",
    "titel", ("titel", "start", "beweging", "eind", "locatie.naam", "locatie.adres",
              "locatie.postcode", "locatie.plaats", "online.link", "online.toelichting",
              "aanmelden.link", "aanmelden.email", "themas", "status", "samenvatting"),
    {"titel": "Titel van de bijeenkomst", "start": "Begin (datum en tijd)", "eind": "Einde",
     "beweging": "Beweging", "locatie.naam": "Naam van de plek", "locatie.adres": "Adres",
     "locatie.postcode": "Postcode", "locatie.plaats": "Plaats",
     "online.link": "Link om online mee te doen", "online.toelichting": "Uitleg over online meedoen",
     "aanmelden.link": "Webpagina om je aan te melden", "aanmelden.email": "E-mailadres om je aan te melden",
     "themas": "Thema's", "status": "Gaat de bijeenkomst door?", "samenvatting": "Eén zin over de bijeenkomst"},
    "Wat er gebeurt en voor wie",
    "Vertel wat er gebeurt en voor wie de bijeenkomst is. Dit komt op de pagina van de bijeenkomst.",
    "insturen/bijeenkomst.md", date_prefix="start")
ARTICLE = FormSpec(
    "artikel", "actueel", "Een nieuwsbericht insturen",
    "Vul in wat je weet. Velden met 'verplicht' moeten ingevuld zijn; de rest mag leeg blijven.",
    "titel", ("titel", "datum", "samenvatting", "themas", "trefwoorden", "bewegingen"),
    {"titel": "Titel van het bericht", "datum": "Datum", "samenvatting": "Samenvatting",
     "themas": "Thema's", "trefwoorden": "Trefwoorden", "bewegingen": "Bewegingen"},
    "Het bericht",
    "Schrijf het bericht in korte zinnen. Een tussenkopje begint met ## en een spatie.",
    "insturen/bericht.md")
FORMS = {spec.kind: spec for spec in (ORGANISATION, MEETING, ARTICLE)}

# Fields whose values name other content files: their choices come from the site.
REFERENCES = {"bewegingen": "movements", "beweging": "movements", "themas": "themes"}
DATE_PARSERS = {"datum": parse_date, "moment": parse_moment, "deeldatum": parse_partial_date}
TRIM = 80  # the validator quotes at most this many characters of a value (schema_check.py)


def _resolve(root: dict, node: dict) -> dict:
    """A property with its `$ref` to $defs filled in (as the validator reads it)."""
    if "$ref" not in node:
        return node
    merged = dict(root["$defs"].get(node["$ref"].rsplit("/", 1)[-1], {}))
    merged.update({k: v for k, v in node.items() if k != "$ref"})
    return merged


def _node(schema: dict, path: str) -> tuple[dict, bool]:
    """The resolved schema of a dotted field path, and whether it is required."""
    node, required = schema, True
    for part in path.split("."):
        required = required and part in node.get("required", [])
        node = _resolve(schema, node.get("properties", {}).get(part, {}))
    return node, required


def _def_of(schema: dict, path: str) -> str:
    node = schema
    for part in path.split("."):
        node = _resolve(schema, node).get("properties", {}).get(part, {})
    return node.get("$ref", "").rsplit("/", 1)[-1]


def _nest(path: str, value: Any) -> dict:
    data: Any = value
    for part in reversed(path.split(".")):
        data = {part: data}
    return data


@lru_cache(maxsize=None)  # a pure function of the schema and the validator: once per process
def validator_says(kind: str, path: str, value: Any, about: str = "") -> tuple[str, str] | None:
    """(message, hint) that the schema check gives for `value` at field `path` (the first whose
    message contains `about`), or None."""
    problems = ProblemList()
    data = _nest(path, value) if value is not None else {}
    check_schema(kind, SourceFile("probe.md", data, {}, "", 1), data, problems)
    for problem in problems.sorted():
        if problem.field == path and about in problem.message:
            return problem.message, problem.hint
    return None


@lru_cache(maxsize=None)  # a pure function of the validator's code: once per process
def loader_says(folder: str, path: str, value: str) -> tuple[str, str] | None:
    """(message, hint) that the whole check of one file gives at `path`: for the checks that
    are not in the schema (a web address the generator cannot read). A file in a folder of its
    own, as `make check` reads it; JSON is YAML, so the value is written exactly."""
    with tempfile.TemporaryDirectory() as temporary:
        target = Path(temporary) / "content" / folder / "probe.md"
        target.parent.mkdir(parents=True)
        target.write_text("---\n" + json.dumps(_nest(path, value)) + "\n---\n", encoding="utf-8")
        for problem in load_content(Path(temporary) / "content").problems.sorted():
            if problem.field == path:
                return problem.message, problem.hint
    return None


def _template(said: tuple[str, str] | None, swaps: dict[str, str]) -> dict | None:
    if said is None:
        return None
    message, hint = said
    for old, new in swaps.items():
        message, hint = message.replace(old, new), hint.replace(old, new)
    return {"message": message, "hint": hint}


@lru_cache(maxsize=None)
def _date_messages(kind: str) -> dict:
    """Templates of the date parsers' messages for a month and a day that do not exist."""
    parser = DATE_PARSERS[kind]
    found = {}
    for name, probe, swaps in (
            ("month", "2025-13-01", {"2025-13-01": "{v}", "maand 13": "maand {maand}"}),
            ("day", "2025-02-30", {"2025-02-30": "{v}", "februari 2025": "{maandnaam} {jaar}",
                                   "dag 30": "dag {dag}"})):
        try:
            parser(probe)
        except ValueProblem as problem:
            found[name] = _template((problem.message, problem.hint), swaps)
    return found


def _meeting_says(data: dict, path: str) -> tuple[str, str] | None:
    """(message, hint) that the meeting checks beyond the schema give at `path` for `data`."""
    problems = ProblemList()
    build_meeting("probe", Fields(SourceFile("probe.md", data, {}, "", 1), data, set(), problems))
    for problem in problems.items:
        if problem.field == path:
            return problem.message, problem.hint
    return None


@lru_cache(maxsize=None)
def cross_messages(kind: str) -> dict[str, Any]:
    """Checks across fields that the script repeats, with the validator's words."""
    if kind != "bijeenkomst":
        return {}
    start, early, day = "2027-03-11 13:30", "2027-03-11 12:00", "2027-03-12"
    return {
        "missingEnd": _template(_meeting_says({"start": start}, "eind"), {}),
        "endBeforeStart": _template(_meeting_says({"start": start, "eind": early}, "eind"),
                                    {start: "{start}", early: "{eind}"}),
        "startHasTime": _template(_meeting_says({"start": start, "eind": day}, "eind"), {}),
        "endHasTime": _template(_meeting_says({"start": day, "eind": start}, "eind"), {}),
        "placeEmpty": _template(_meeting_says({"start": day, "locatie": {"adres": "x"}}, "locatie"), {}),
    }


def field_specs(spec: FormSpec, site: Any) -> list[dict]:
    """What the script and the template need of every field, required fields first."""
    schema = load_schema(spec.kind)
    fields = []
    for path in spec.fields:
        node, required = _node(schema, path)
        items = _resolve(schema, node.get("items", {})) if node.get("type") == "array" else None
        field: dict[str, Any] = {"key": path, "id": "rv-" + spec.kind + "-" + path.replace(".", "-"),
                                 "label": spec.labels[path], "help": node.get("description", ""),
                                 "required": required, "messages": {}}
        if required:
            field["messages"]["required"] = _template(validator_says(spec.kind, path, None), {})
        source = REFERENCES.get(path.split(".")[-1])
        if source:
            records = sorted(getattr(site, source).values(), key=lambda r: getattr(r, "name", "") or r.title)
            field["choices"] = [[r.slug, getattr(r, "name", "") or r.title] for r in records]
        elif items is not None and "enum" in items:
            field["choices"] = [[v, sector_label(v)] for v in items["enum"]]
        elif "enum" in node:
            labels = ROLE_LABELS if path == "rol" else {}
            # A moved meeting needs its old date (eerder_gepland), which the form does not ask.
            shown = [v for v in node["enum"] if not (path == "status" and v == Status.MOVED)]
            field["choices"] = [[v, labels.get(v, v.replace("-", " ").capitalize())] for v in shown]
        if items is not None:
            field["control"] = "checkboxes" if "choices" in field else "list"
        elif "choices" in field:
            field["control"] = "select"
        else:
            field["control"] = "textarea" if _def_of(schema, path) == "zin" else "text"
        if field["control"] in ("text", "textarea"):
            _text_checks(spec, schema, path, node, field)
        fields.append(field)
    return sorted(fields, key=lambda f: not f["required"])


def _text_checks(spec: FormSpec, schema: dict, path: str, node: dict, field: dict) -> None:
    kind = spec.kind
    messages = field["messages"]
    if "pattern" in node:
        field["pattern"] = node["pattern"]
        messages["pattern"] = _template(validator_says(kind, path, PROBE), {PROBE: "{v}"})
    if "maxLength" in node:
        field["maxLength"] = node["maxLength"]
        too_long = "x" * (node["maxLength"] + 1)
        messages["maxLength"] = _template(validator_says(kind, path, too_long, str(node["maxLength"] + 1)),
                                          {str(node["maxLength"] + 1): "{n}"})
    definition = _def_of(schema, path)
    if definition in DATE_PARSERS:
        field["date"] = definition
        messages.update(_date_messages(definition))
    if definition == "moment":
        field["placeholder"] = "2027-03-11 13:30"
    elif definition in ("datum",):
        field["placeholder"] = "2027-03-11"
    elif definition == "url":
        field["placeholder"] = "https://"
        field["type"] = "url"
        # A form the schema allows but a browser cannot use: no domain name.
        messages["host"] = _template(loader_says(spec.folder, path, "https://voorbeeld"),
                                     {"https://voorbeeld": "{v}", "'voorbeeld'": "'{host}'"})
    elif definition == "email":
        field["type"] = "email"


@lru_cache(maxsize=4)
def _placeholder_environment(base: Environment) -> Environment:
    """The build's environment with date filters that write a slot; its own template cache
    (a shared one would hand back the templates compiled for the base and its filters), kept
    for the process as the base environment is (scripts/render/environment.py)."""
    env = base.overlay(cache_size=50)
    # An overlay shares its base's filter dict: a copy, or the site's own dates would change.
    env.filters = {**base.filters, "wanneer": lambda *args: slot("wanneer"), "dag": lambda value: slot("dag")}
    return env


def _sentinel_macros(ctx: Context) -> dict[str, Any]:
    """The card macros rendered with placeholder values: dates through filters that write a slot,
    and a site whose one theme is a placeholder (the real macros, another environment)."""
    env = _placeholder_environment(ctx.env)
    fake_site = SimpleNamespace(themes={slot("thema"): SimpleNamespace(title=slot("themanaam"))},
                                organisations={},
                                movements={slot("beweging"): SimpleNamespace(name=slot("bewegingsnaam"))})
    return build_macros(env, {"ctx": ctx, "index": ctx.index, "site": fake_site, "cached": None})


class _Day:
    def isoformat(self) -> str:
        return slot("iso")


def card_templates(ctx: Context) -> dict[str, Any]:
    macros = _sentinel_macros(ctx)
    organisation = SimpleNamespace(slug=slot("slug"), name=slot("naam"), role=slot("rol"))
    entry = SimpleNamespace(o=organisation, movements=slot("bewegingen"), province=slot("provincie"),
                            sectors=slot("sector"), details=(slot("details"),))
    meetings = {}
    for status in load_schema("bijeenkomst")["properties"]["status"]["enum"]:
        meeting = SimpleNamespace(slug=slot("slug"), title=slot("titel"), place=SimpleNamespace(city=slot("plaats")),
                                  online=True, status=status, summary=slot("samenvatting"))
        occurrence = SimpleNamespace(meeting=meeting, moved_from=None, first_day=_Day(), start=None, end=None)
        meetings[status] = str(macros["meeting_item"](occurrence)).strip()
    article = SimpleNamespace(slug=slot("slug"), title=slot("titel"), date=_Day(), themes=(slot("thema"),),
                              movements=(slot("beweging"),), summary=slot("samenvatting"))
    return {"deelnemer": str(macros["directory_item"](entry, True)).strip(), "bijeenkomst": meetings,
            "artikel": str(macros["article_item"](article, 2)).strip(),
            "themalink": str(macros["theme_links"]((slot("thema"),))).strip(),
            "bewegingslink": str(macros["movement_link"](slot("beweging"))).strip()}


@lru_cache(maxsize=1)
def _names() -> dict[str, list[str]]:
    """Dutch month and weekday names as the pages write them (Babel, as scripts/render/dutch.py)."""
    locale = Locale.parse("nl")
    months = locale.months["format"]["wide"]
    days = locale.days["format"]["wide"]  # 0 = Monday
    return {"maanden": [months[i] for i in range(1, 13)], "dagen": [days[i] for i in range(7)]}


def _without_content_text(field: dict) -> dict:
    """The script's copy of a field: the names of themes and movements come from content, so
    they stay in the page's HTML (the labels of the choices, escaped) and the script reads them
    there; its data holds only what the schemas and the validator say, and file names."""
    if field["key"].split(".")[-1] not in REFERENCES:
        return field
    return {**field, "choices": [[value, ""] for value, _ in field["choices"]]}


def form_data(ctx: Context, spec: FormSpec) -> dict[str, Any]:
    settings = ctx.settings
    return {
        "kind": spec.kind, "folder": "content/" + spec.folder, "nameField": spec.name_field,
        "datePrefix": spec.date_prefix, "uidDomain": UID_DOMAIN,
        "fields": [_without_content_text(field) for field in field_specs(spec, ctx.site)],
        "cross": cross_messages(spec.kind),
        "repository": settings.repository, "branch": settings.branch, "email": settings.email,
        "base": urlsplit(settings.site_url).path or "/",
        "sections": {"deelnemer": "deelnemers", "bijeenkomst": "bijeenkomsten", "artikel": "actueel"},
        "roles": ROLE_LABELS, "names": _names(), "maxUrl": 8000, "trim": TRIM,
        "bodyLabel": spec.body_label,
    }


_ID_SAFE = re.compile(r"[^a-z0-9-]")


def form_values(ctx: Context, spec: FormSpec, cards: dict[str, Any]) -> dict[str, Any]:
    data = form_data(ctx, spec)
    return {"spec": spec, "fields": field_specs(spec, ctx.site), "data": json_dumps_for_html(data),
            "cards": json_dumps_for_html(cards), "settings": ctx.settings,
            "prefix": "rv-" + _ID_SAFE.sub("", spec.kind)}


def build(ctx: Context) -> None:
    cards = card_templates(ctx)
    for spec in FORMS.values():
        values = form_values(ctx, spec, cards)
        if spec.page:
            ctx.page(spec.page, "guide.html", title=spec.title, kind="formulier", description=spec.intro,
                     body_template="form_page.md.j2", **values)
        else:
            ctx.out.text(FRAGMENT, ctx.render("form.md.j2", **values))
