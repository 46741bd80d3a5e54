"""iCalendar content lines (RFC 5545 3.1) written without a component per meeting or per feed.

Building an icalendar `Event` for every meeting and a `Calendar` for every feed, and serialising
them line by line, was most of the feeds' time (10,000 meetings: about 7 s). The library still
does the iCalendar here: it encodes every value (vText's escaping, vDDDTypes, vRecur, vGeo,
vUri, vDuration, the quoting of parameters), it names the components and it decides the order
of their properties (`canonsort_keys`, as `Component.to_ical`). This module only
- puts name, parameters and value together as `Contentline.from_parts` does;
- folds as icalendar's `_foldline` does, but over the UTF-8 bytes at once instead of one
  character at a time (most lines, under 75 octets, come out unchanged);
- encodes each value that recurs (a date, a status, the fixed properties of every feed's head)
  once per build.
tests/unit/test_ical_serialise.py holds the result to icalendar's `to_ical`, byte for byte.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from icalendar import Component, vText, vUri
from icalendar.caselessdict import canonsort_keys
from icalendar.parser import Parameters

LIMIT = 75  # _foldline's: a line is folded once it would reach this many octets
ESCAPES = b"\\^"  # _foldline keeps a TEXT (\) or RFC 6868 (^) escape whole across a fold
TEXT = Parameters({"VALUE": "TEXT"}).to_ical().decode()  # "VALUE=TEXT", as icalendar writes it


def fold(line: str) -> bytes:
    """`Contentline(line).to_ical()`: icalendar's `_foldline`, encoded.

    `_foldline` starts a new line (CRLF and a space) before the character that would make the
    current one 75 octets or more, and moves a lone '\\' or '^' at the end of a line to the
    next one. On the bytes that is: cut at most 74 octets on, back to the start of a character
    (UTF-8 continuation bytes are 10xxxxxx), and one byte further back if that byte is '\\' or
    '^' (ASCII: a whole character). A piece is then at least 70 octets, so always more than the
    one character `_foldline` requires before it moves an escape."""
    if "\n" in line:  # what Contentline asserts: a raw line break would end the line early
        raise ValueError(f"a content line cannot hold a line break: {line!r}")
    data = line.encode("utf-8")
    if len(data) < LIMIT:
        return data
    pieces = []
    start, size = 0, len(data)
    while size - start >= LIMIT:
        end = start + LIMIT - 1
        while data[end] & 0xC0 == 0x80:
            end -= 1
        if data[end - 1] in ESCAPES:
            end -= 1
        pieces.append(data[start:end])
        start = end
    pieces.append(data[start:])
    return b"\r\n ".join(pieces)


def content_line(name: str, value: Any) -> str:
    """`Contentline.from_parts(name, value.params, value)` for an icalendar value: the name,
    the parameters as the library writes them (sorted, quoted), and the value's `to_ical`."""
    if not hasattr(value, "to_ical"):
        value = vText(value)
    params = value.params.to_ical().decode() if getattr(value, "params", None) else ""
    text = value.to_ical()
    text = text.decode() if isinstance(text, bytes) else text
    return f"{name};{params}:{text}" if params else f"{name}:{text}"


def component(kind: type[Component], properties: Mapping[str, bytes], inside: bytes = b"") -> bytes:
    """A component from its properties' folded lines (name → bytes), in icalendar's order,
    with `inside` (whole components, CRLF-ended) before its END line."""
    lines = b"".join(properties[name] + b"\r\n" for name in _order(kind, tuple(properties)))
    return f"BEGIN:{kind.name}\r\n".encode() + lines + inside + f"END:{kind.name}\r\n".encode()


@functools.cache
def _order(kind: type[Component], names: tuple[str, ...]) -> tuple[str, ...]:
    """Component.sorted_keys: its canonical names first, then the others alphabetically. A feed
    has few sets of names (they come in the order the code writes them), so each is sorted once."""
    return tuple(canonsort_keys(names, kind.canonical_order))


class Lines:
    """The folded content lines of one build, each value that recurs encoded once."""

    def __init__(self) -> None:
        self._done: dict[tuple, bytes] = {}

    def value(self, name: str, value: Any, parameters: Mapping[str, str] | None = None) -> bytes:
        """The line `Component.add(name, value, parameters)` gives: the library picks the
        value's type (and, for DTSTAMP and LAST-MODIFIED, puts it in UTC).

        `value` is a str, int, date or datetime, or a list of str (CATEGORIES). The key holds a
        datetime's zone and fold too: datetimes in two zones are equal when they are the same
        instant, and in one zone when they show the same time (fold apart), yet are written
        differently (or, put in UTC, are another instant)."""
        if isinstance(value, list):
            if not all(isinstance(item, str) for item in value):
                raise TypeError(f"{name}: only a list of str is remembered, not {value!r}")
            key: Any = tuple(value)
        else:
            key = value
        entry = (name, type(value), key, getattr(value, "tzinfo", None), getattr(value, "fold", 0),
                 tuple(sorted(parameters.items())) if parameters else ())
        done = self._done.get(entry)
        if done is None:
            scratch = Component()
            scratch.add(name, value, parameters=dict(parameters or {}))  # add may set VALUE in it
            done = self._done[entry] = self.of(scratch)[name]
        return done

    @staticmethod
    def text(text: str, *heads: str) -> list[bytes]:
        """TEXT properties with this value (a title, a description), one line per head (a name,
        or a name and parameters: "NAME;VALUE=TEXT"): vText escapes the text once for all."""
        value = vText(text).to_ical().decode()
        return [fold(f"{head}:{value}") for head in heads]

    @staticmethod
    def uri(name: str, address: str) -> bytes:
        """A URI property (URL, SOURCE): vUri writes it as it is, no TEXT escaping."""
        return fold(f"{name}:{vUri(address).to_ical().decode()}")

    @staticmethod
    def of(source: Component) -> dict[str, bytes]:
        """The lines of a component's own properties (not its subcomponents'), by name; a
        property given more than once keeps its lines together."""
        found: dict[str, list[bytes]] = {}
        for name, value in source.property_items(recursive=False):
            if name not in ("BEGIN", "END"):
                found.setdefault(name, []).append(fold(content_line(name, value)))
        return {name: b"\r\n".join(lines) for name, lines in found.items()}
