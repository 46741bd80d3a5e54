"""Check front matter against the JSON Schema of its kind and say what is wrong in Dutch.

The same schema files (scripts/content/schemas/) let editors complete and check the keys, and are
published on the site, so contributors and the validator read one definition.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterator
from typing import Any
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator, ValidationError

from scripts.content.kinds import SCHEMAS
from scripts.content.problems import ProblemList
from scripts.content.schema_compiled import compile_schema
from scripts.content.source import SourceFile

SCHEMA_DIR = Path(__file__).parent / "schemas"
KINDS = SCHEMAS  # the schema names, one per kind (defined in kinds.py)

_TYPES = {"string": "tekst", "integer": "een heel getal", "number": "een getal", "array": "een lijst",
          "object": "een blok met velden ('naam: waarde' op aparte, ingesprongen regels)",
          "boolean": "ja of nee", "null": "niets"}
_DEF_MESSAGES = {
    "slug": ("'{v}' is geen geldige verwijzing.",
             "Een verwijzing is een bestandsnaam zonder .md: kleine letters, cijfers en streepjes, "
             "zoals 'langdurige-ggz'."),
    "url": ("'{v}' is geen geldig webadres.", "Een webadres begint met https:// (of http://) en "
            "bevat geen spaties."),
    "email": ("'{v}' is geen geldig e-mailadres.", "Schrijf het adres als naam@organisatie.nl."),
    "telefoon": ("'{v}' is geen telefoonnummer.", "Schrijf alleen cijfers, spaties, + en -, "
                 "bijvoorbeeld 030 207 4067."),
    "datum": ("'{v}' is geen datum.", "Schrijf de datum als jaar-maand-dag, bijvoorbeeld 2026-03-12."),
    "moment": ("'{v}' is geen datum of tijd.", "Schrijf 2026-03-12 (hele dag of tijd onbekend) of "
               "2026-03-12 13:00 (met tijd)."),
    "deeldatum": ("'{v}' is geen jaar, maand of datum.", "Schrijf een jaar (2021), een maand "
                  "(2021-04) of een datum (2021-04-15)."),
    "tijd": ("'{v}' is geen tijd.", "Schrijf de tijd als 09:30."),
}


@lru_cache(maxsize=None)
def load_schema(kind: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(load_schema(kind))


@lru_cache(maxsize=None)
def _surely_valid(kind: str) -> Callable[[Any], bool]:
    """True only for data in which jsonschema finds no error (schema_compiled.py)."""
    return compile_schema(load_schema(kind)) or (lambda data: False)


def drop_empty(data):
    """Leave out keys without a value: a template's empty optional fields are not errors."""
    if isinstance(data, dict):
        # A text of only spaces is as empty as no text: the schema then says it is missing.
        return {k: drop_empty(v) for k, v in data.items()
                if v is not None and not (isinstance(v, str) and not v.strip())}
    if isinstance(data, list):
        return [drop_empty(v) for v in data]
    return data


def check_schema(kind: str, source: SourceFile, data: dict, problems: ProblemList) -> set[str]:
    """Add a problem per schema violation; return the top-level keys that failed."""
    failed: set[str] = set()
    if _surely_valid(kind)(data):
        return failed  # the common case, without walking the schema with jsonschema
    schema = load_schema(kind)
    for error in sorted(_validator(kind).iter_errors(data), key=lambda e: list(map(str, e.path))):
        path = tuple(error.path)
        for key_path, message, hint in _translate(kind, schema, error, path):
            failed.add(str(key_path[0]) if key_path else "")
            problems.add(source.path, source.line(*key_path), field_name(key_path), message, hint)
    return failed


def field_name(path: tuple) -> str:
    name = ""
    for part in path:
        name += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name


def _property_schema(schema: dict, path: tuple) -> dict:
    node = schema
    for part in path:
        node = _resolve(schema, node)
        if isinstance(part, int):
            node = node.get("items", {})
        else:
            node = node.get("properties", {}).get(part, {})
    return node


def _resolve(root: dict, node: dict) -> dict:
    if "$ref" in node and "properties" not in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        merged = dict(root["$defs"].get(name, {}))
        merged.update({k: v for k, v in node.items() if k != "$ref"})
        return merged
    return node


def _def_name(schema: dict, error: ValidationError) -> str:
    for name, definition in schema["$defs"].items():
        if error.schema == definition:
            return name
    return ""


def _translate(kind: str, schema: dict, error: ValidationError,
               path: tuple) -> Iterator[tuple[tuple, str, str]]:
    value = error.instance
    shown = str(value)[:80]
    here = _resolve(schema, _property_schema(schema, path))
    tip = here.get("description", "")
    validator = error.validator
    if validator == "required":
        properties = here.get("properties", {})
        for key in error.validator_value:
            if isinstance(value, dict) and key not in value:
                desc = properties.get(key, {}).get("description", "")
                yield path + (key,), f"Het verplichte veld '{key}' ontbreekt of is leeg.", desc
        return
    if validator == "additionalProperties":
        allowed = sorted(here.get("properties", {}))
        for key in value:
            if key in allowed:
                continue
            close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
            hint = (f"Bedoel je '{close[0]}'?" if close else
                    "Toegestane velden: " + ", ".join(allowed) + ".")
            yield path + (key,), f"Het veld '{key}' bestaat niet bij dit soort bestand.", hint
        return
    if validator == "type":
        expected = error.validator_value
        expected = [expected] if isinstance(expected, str) else expected
        wanted = " of ".join(_TYPES.get(t, t) for t in expected)
        yield path, f"Hier hoort {wanted} te staan, maar er staat {_describe(value)}.", tip
        return
    if validator == "enum":
        options = ", ".join(str(v) for v in error.validator_value)
        close = difflib.get_close_matches(str(value), [str(v) for v in error.validator_value], n=1)
        hint = (f"Bedoel je '{close[0]}'? " if close else "") + f"Kies uit: {options}."
        yield path, f"'{shown}' is geen toegestane waarde.", hint
        return
    if validator == "pattern":
        name = _def_name(schema, error)
        if name in _DEF_MESSAGES:
            message, hint = _DEF_MESSAGES[name]
            yield path, message.format(v=shown), hint
        else:
            yield path, f"'{shown}' heeft niet de goede vorm.", tip
        return
    if validator == "maxLength":
        yield path, (f"De tekst is te lang: {len(value)} tekens, hoogstens {error.validator_value}."), \
            f"Maak de tekst korter. {tip}".strip()
        return
    if validator == "minLength":
        yield path, "De tekst is leeg.", tip
        return
    if validator == "minItems":
        yield path, "De lijst is leeg; er moet minstens één waarde in.", tip
        return
    if validator == "maxItems":
        yield path, (f"De lijst is te lang: {len(value)} waarden, hoogstens {error.validator_value}."), tip
        return
    if validator == "uniqueItems":
        yield path, "Een waarde staat twee keer in de lijst.", "Haal de dubbele waarde weg."
        return
    if validator in ("minimum", "maximum"):
        bound = "minstens" if validator == "minimum" else "hoogstens"
        yield path, (f"Het getal {shown} is te {'klein' if validator == 'minimum' else 'groot'} "
                     f"({bound} {error.validator_value})."), tip
        return
    yield path, f"De waarde '{shown}' klopt niet.", tip


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "ja/nee"
    if isinstance(value, int):
        return f"het getal {value}"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een blok met velden"
    return f"'{str(value)[:60]}'"
