"""The compiled schema test (scripts/content/schema_compiled.py) says "valid" only where
jsonschema finds no error, so skipping jsonschema then changes no outcome of `make check`."""

from __future__ import annotations

from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from scripts.content.kinds import KINDS
from scripts.content.problems import ProblemList
from scripts.content.schema_check import drop_empty, load_schema
from scripts.content.schema_compiled import compile_schema
from scripts.content.source import read_source

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = [kind.schema for kind in KINDS]


def _resolved(root: dict, node: dict) -> dict:
    if "$ref" in node:
        merged = dict(root["$defs"][node["$ref"].rsplit("/", 1)[-1]])
        merged.update({k: v for k, v in node.items() if k != "$ref"})
        return _resolved(root, merged) if "$ref" in merged else merged
    return node


# Values of every type a front matter can hold, put where the schema wants another.
_ANY = [None, True, False, 0, 1, -1, 1.5, 2000.0, "", " ", "x", "a b", "2021", [], ["x"], ["x", "x"],
        [1], [None], {}, {"x": 1}, {"naam": "x"}]


def _near(root: dict, node: dict, value: object) -> list:
    """Values next to what the schema at this place allows: other types, other words, around
    the length and number limits, around the value that is there."""
    node = _resolved(root, node)
    found = list(_ANY)
    for allowed in node.get("enum", ()):
        found += [allowed, f"{allowed} ", str(allowed).upper()]
    for key in ("maxLength", "minLength"):
        if key in node:
            found += ["a" * (node[key] - 1), "a" * node[key], "a" * (node[key] + 1)]
    for key in ("minimum", "maximum"):
        if key in node:
            found += [node[key] - 1, node[key], node[key] + 1, str(node[key] - 1), str(node[key] + 1)]
    if "items" in node:
        item = value[0] if isinstance(value, list) and value else "x"
        found += [[item] * (node.get("maxItems", 2) + 1), [item, item], [item] * node.get("maxItems", 1),
                  [item] * max(node.get("minItems", 0) - 1, 0)]
    if isinstance(value, str):
        found += [value + "x", "x" + value, value[:-1], value + " ", value.replace("-", "_"), value + "\n"]
    if isinstance(value, int) and not isinstance(value, bool):
        found += [value - 1, value + 1, str(value), float(value)]
    return found


def _mutations(root: dict, node: dict, value: object):
    """Every document that differs from `value` in one place (a value, a missing or an extra
    key, an item), with the schema that place has."""
    node = _resolved(root, node)
    for near in _near(root, node, value):
        yield near
    if isinstance(value, dict):
        properties = node.get("properties", {})
        for name in value:
            rest = {k: v for k, v in value.items() if k != name}
            yield rest
            for changed in _mutations(root, properties.get(name, {}), value[name]):
                yield {**value, name: changed}
        for name, sub in properties.items():
            if name not in value:
                for added in _near(root, sub, None):
                    yield {**value, name: added}
        yield {**value, "onbekend": "x"}
    if isinstance(value, list) and "items" in node:
        for index, item in enumerate(value):
            for changed in _mutations(root, node["items"], item):
                yield value[:index] + [changed] + value[index + 1:]


def _fullest_valid(kind) -> dict:
    """The valid content file of a kind with the most keys, nested ones counted."""
    def size(data: object) -> int:
        if isinstance(data, dict):
            return len(data) + sum(size(v) for v in data.values())
        if isinstance(data, list):
            return len(data) + sum(size(v) for v in data)
        return 0
    validator = Draft202012Validator(load_schema(kind.schema))
    best: dict = {}
    for file in sorted((ROOT / "content" / kind.folder).rglob("*.md")):
        source = read_source(file, file.name, ProblemList())
        data = drop_empty(source.data) if source else {}
        if data and not list(validator.iter_errors(data)) and size(data) > size(best):
            best = data
    return best


@pytest.mark.parametrize("kind", SCHEMAS)
def test_every_project_schema_compiles(kind):
    assert compile_schema(load_schema(kind)) is not None


@pytest.mark.parametrize("kind", KINDS, ids=SCHEMAS)
def test_valid_only_where_jsonschema_finds_no_error(kind):
    """Every document one change away from a real, full one (hundreds per kind): the test
    says valid exactly where jsonschema finds no error."""
    schema = load_schema(kind.schema)
    surely_valid = compile_schema(schema)
    assert surely_valid is not None
    validator = Draft202012Validator(schema)
    base = _fullest_valid(kind)
    seen = {"valid": 0, "invalid": 0}
    for data in _mutations(schema, schema, base):
        valid = not any(True for _ in validator.iter_errors(data))
        fast = surely_valid(data)
        assert not fast or valid, data  # never valid where jsonschema finds an error
        seen["valid" if valid else "invalid"] += 1
    assert seen["invalid"] > 50 and seen["valid"] > 20, seen


def test_every_content_and_corpus_file_gets_jsonschemas_answer():
    """On real files the two agree both ways: the fast test also accepts what is valid."""
    compared = 0
    for base in [ROOT / "content", *sorted((ROOT / "tests" / "corpus").glob("*/*")),
                 *sorted((ROOT / "tests" / "fixtures").glob("*"))]:
        for kind in KINDS:
            for file in sorted((base / kind.folder).rglob("*.md")):
                source = read_source(file, file.name, ProblemList())
                if source is None:
                    continue
                data = drop_empty(source.data)
                schema = load_schema(kind.schema)
                valid = not list(Draft202012Validator(schema).iter_errors(data))
                assert compile_schema(schema)(data) == valid, file  # type: ignore[misc]
                compared += 1
    assert compared > 100
