"""A JSON Schema compiled into one Python test that says "surely valid", for the common case.

jsonschema walks a schema anew for every file (a validator object per keyword and level), and
nearly every content file is valid. The test compiled here answers True only when jsonschema
would find no error; any doubt (a value of another type than the schema names, a keyword it
does not know) answers False, and then schema_check.py runs jsonschema itself, which finds the
errors and says them in Dutch. So the outcome of every check is jsonschema's, only faster.

It knows the keywords of the project's schemas (scripts/content/schemas/), with jsonschema's
meaning for Draft 2020-12: a keyword about strings leaves other types alone, and so on. A schema
with any other keyword compiles to None: jsonschema then checks every file.
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Callable
from typing import Any

Test = Callable[[Any], bool]

# Keywords that say nothing about validity (annotations) and the one handled at the root.
_IGNORED = frozenset({"$schema", "$id", "$defs", "title", "description", "$comment", "examples"})
# jsonschema's own type tests (Draft 2020-12), except "integer", which leaves out the floats
# 1.0 and the like that jsonschema accepts: those go to jsonschema.
_TYPES: dict[str, Test] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, numbers.Number) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
    "null": lambda v: v is None,
}


class _Unknown(Exception):
    """The schema uses something this module does not compile."""


def compile_schema(schema: dict) -> Test | None:
    """The test for `schema`, or None when it uses a keyword not known here."""
    try:
        return _Compiler(schema).node(schema)
    except _Unknown:
        return None


class _Compiler:
    def __init__(self, root: dict) -> None:
        self.root = root
        self.defs: dict[str, Test] = {}

    def ref(self, ref: object) -> Test:
        if not isinstance(ref, str) or not ref.startswith("#/$defs/") or "/" in ref[8:]:
            raise _Unknown(ref)
        name = ref[8:]
        if name not in self.defs:
            definition = self.root.get("$defs", {}).get(name)
            if not isinstance(definition, dict):
                raise _Unknown(ref)
            self.defs[name] = _never  # a definition that refers to itself stays jsonschema's
            self.defs[name] = self.node(definition)
        test = self.defs[name]
        if test is _never:
            raise _Unknown(ref)
        return test

    def node(self, schema: object) -> Test:
        if schema is True or schema == {}:
            return _always
        if not isinstance(schema, dict):
            raise _Unknown(schema)
        tests: list[Test] = []
        for keyword, value in schema.items():
            if keyword in _IGNORED:
                continue
            tests.append(self.keyword(keyword, value, schema))
        if len(tests) == 1:
            return tests[0]

        def every(value: Any) -> bool:
            for test in tests:
                if not test(value):
                    return False
            return True
        return every

    def keyword(self, keyword: str, value: Any, schema: dict) -> Test:  # noqa: C901 (one case per keyword)
        if keyword == "$ref":
            return self.ref(value)
        if keyword == "type":
            names = [value] if isinstance(value, str) else value
            if not isinstance(names, list) or not names or any(n not in _TYPES for n in names):
                raise _Unknown(value)
            checks = [_TYPES[n] for n in names]
            return checks[0] if len(checks) == 1 else (lambda v: any(c(v) for c in checks))
        if keyword == "enum":
            # Only strings are looked up: jsonschema's equality differs from Python's for
            # numbers and booleans (1 is not true there), so those go to jsonschema.
            if not isinstance(value, list):
                raise _Unknown(value)
            texts = frozenset(v for v in value if isinstance(v, str))
            return lambda v: type(v) is str and v in texts
        if keyword == "pattern":
            if not isinstance(value, str):
                raise _Unknown(value)
            search = re.compile(value).search  # jsonschema: re.search on strings only
            return lambda v: not isinstance(v, str) or search(v) is not None
        if keyword in ("minLength", "maxLength", "minItems", "maxItems"):
            if not isinstance(value, int) or isinstance(value, bool):
                raise _Unknown(value)
            if keyword == "minLength":
                return lambda v: not isinstance(v, str) or len(v) >= value
            if keyword == "maxLength":
                return lambda v: not isinstance(v, str) or len(v) <= value
            if keyword == "minItems":
                return lambda v: not isinstance(v, list) or len(v) >= value
            return lambda v: not isinstance(v, list) or len(v) <= value
        if keyword in ("minimum", "maximum"):
            if not isinstance(value, (int, float)) or isinstance(value, bool):  # the bound
                raise _Unknown(value)
            number = _TYPES["number"]
            if keyword == "minimum":
                return lambda v: not number(v) or v >= value
            return lambda v: not number(v) or v <= value
        if keyword == "uniqueItems":
            if value is False:
                return _always
            if value is not True:
                raise _Unknown(value)
            # Strings only, for the same reason as enum; other lists go to jsonschema.
            return lambda v: not isinstance(v, list) or (
                all(type(x) is str for x in v) and len(set(v)) == len(v))
        if keyword == "items":
            if "prefixItems" in schema:
                raise _Unknown(keyword)
            each = self.node(value)

            def items(v: Any) -> bool:
                if isinstance(v, list):
                    for item in v:
                        if not each(item):
                            return False
                return True
            return items
        if keyword == "properties":
            if not isinstance(value, dict):
                raise _Unknown(value)
            known = {name: self.node(sub) for name, sub in value.items()}

            def properties(v: Any) -> bool:
                if isinstance(v, dict):
                    for name, item in v.items():
                        test = known.get(name)
                        if test is not None and not test(item):
                            return False
                return True
            return properties
        if keyword == "required":
            if not isinstance(value, list) or not all(isinstance(n, str) for n in value):
                raise _Unknown(value)
            names = tuple(value)
            return lambda v: not isinstance(v, dict) or all(n in v for n in names)
        if keyword == "additionalProperties":
            if "patternProperties" in schema:
                raise _Unknown(keyword)
            allowed = frozenset(schema.get("properties", {}))
            if value is True:
                return _always
            extra = _never if value is False else self.node(value)

            def additional(v: Any) -> bool:
                if isinstance(v, dict):
                    for name, item in v.items():
                        if name not in allowed and not extra(item):
                            return False
                return True
            return additional
        raise _Unknown(keyword)


def _always(value: Any) -> bool:
    return True


def _never(value: Any) -> bool:
    return False
