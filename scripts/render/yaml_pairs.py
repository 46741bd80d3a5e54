"""The common pairs of a page's front matter written as yaml.dump writes them, without PyYAML.

PyYAML builds a Python object per value and asks its resolver about every string; for the
few shapes of front matter (a line of text, a list of texts, a mapping of texts, numbers and
booleans, a list of such mappings) the text is known in advance: a string is written plain
when libyaml may (no indicator where it matters, not read back as another type), else
between single quotes. Whatever is not surely one of these (an empty string, a tab or any
other character libyaml escapes, a line that could be folded, an unusual key) returns None,
and front_matter.py asks yaml.dump. tests/unit/test_front_matter.py holds the two to the
same bytes.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import yaml

_STR = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()  # the implicit types yaml.dump's Dumper checks
_LONGEST = 4_000  # characters; a line stays far below yaml.dump's width (10,000): never folded
# Characters libyaml writes as they are (allow_unicode): printable ASCII and the printable
# Unicode of the Basic Multilingual Plane, without the line breaks U+0085, U+2028, U+2029 and
# the byte order mark. Anything else (a tab, a control character, …) is escaped: not here.
_WRITTEN_AS_IS = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]+")
_INDICATOR_FIRST = frozenset("#,[]{}&*!|>'\"%@`")
# A key as a plain word; libyaml writes a key of more than 128 characters as '? key'.
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,99}")


def pair_text(key: str, value: Any) -> str | None:
    """`key: value` as yaml.dump writes a top-level pair, or None when not surely known."""
    if not isinstance(key, str) or _KEY.fullmatch(key) is None or _scalar(key) != key:
        return None
    if isinstance(value, list):
        if not value:
            return None
        lines = [f"{key}:\n"]
        for item in value:
            if isinstance(item, dict):
                mapping = _mapping(item, "- ", "  ")
                if mapping is None:
                    return None
                lines.append(mapping)
            else:
                text = _scalar(item)
                if text is None:
                    return None
                lines.append(f"- {text}\n")
        return "".join(lines)
    if isinstance(value, dict):
        mapping = _mapping(value, "  ", "  ")
        return None if mapping is None else f"{key}:\n{mapping}"
    text = _scalar(value)
    return None if text is None else f"{key}: {text}\n"


def _mapping(value: dict, first: str, rest: str) -> str | None:
    """A mapping of scalars in block style, its first line led by `first`, the others by `rest`."""
    if not value:
        return None
    lines: list[str] = []
    for key, item in value.items():
        if not isinstance(key, str) or _KEY.fullmatch(key) is None or _scalar(key) != key:
            return None
        text = _scalar(item)
        if text is None:
            return None
        lines.append(f"{rest if lines else first}{key}: {text}\n")
    return "".join(lines)


def _scalar(value: Any) -> str | None:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if type(value) is int:
        return str(value)
    if type(value) is not str:
        return None  # a float, a date, …: yaml.dump's own way
    return _string(value)


@lru_cache(maxsize=1 << 14)  # keys, kinds, feed titles and addresses come back on many pages
def _string(value: str) -> str | None:
    if not value or len(value) > _LONGEST or _WRITTEN_AS_IS.fullmatch(value) is None:
        return None
    first = value[0]
    if first in "-?:":
        return None  # plain or not depends on what follows: yaml.dump decides
    if (first == " " or value[-1] == " " or first in _INDICATOR_FIRST
            or value.startswith(("---", "...")) or ": " in value or value[-1] == ":"
            or " #" in value or _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) != _STR):
        return "'" + value.replace("'", "''") + "'"  # plain would be read otherwise
    return value
