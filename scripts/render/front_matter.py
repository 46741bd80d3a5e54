"""A page's front matter as YAML: yaml.dump's bytes, made faster for the thousands of pages.

yaml.dump of a mapping in block style writes each top-level pair on its own, so the text of a
mapping is the texts of its pairs one after another. Most pairs repeat on many pages (the
kind, its tags, the feeds, what to hide), and their text is kept per process; the strings
that differ per page (title, description, JSON-LD, edit link) are dumped together in one call
and that text is split at its lines, which is checked. What PyYAML spends its time on (a
Python object per value) is then done once per distinct value instead of once per page.
"""

from __future__ import annotations

from typing import Any

import yaml

# libyaml's emitter when the wheel has it (same output, several times faster).
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_WIDTH = 10_000  # no line is folded: a description or JSON-LD stays on one line
_KEPT: dict[tuple, str] = {}  # (key, value made hashable) → the pair's text
_KEPT_LIMIT = 1 << 16  # distinct pairs; far above a real site's (then nothing more is kept)
_REPEATING = frozenset({"template", "kind"})  # strings that name one of a few page kinds: kept too


def dump(data: dict) -> str:
    """yaml.dump as the generator writes front matter (keys in order, Unicode as it is)."""
    return yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=_WIDTH)


def front_matter(meta: dict[str, Any]) -> str:
    """The same text as dump(meta)."""
    if not meta or _shares_objects(meta):
        # '{}' for nothing; an anchor and an alias for an object twice: only a whole dump
        return dump(meta)
    texts: dict[str, str] = {}
    single: dict[str, str] = {}  # one-line strings, dumped together below
    for key, value in meta.items():
        if (isinstance(value, str) and key not in _REPEATING and len(value) < _WIDTH // 2
                and "\n" not in value and "\r" not in value):
            single[key] = value
            continue
        kept_key = (key, _hashable(value))
        text = _KEPT.get(kept_key)
        if text is None:
            text = dump({key: value})
            if len(_KEPT) < _KEPT_LIMIT:
                _KEPT[kept_key] = text
        texts[key] = text
    if single:
        texts.update(_one_line_each(single))
    return "".join(texts[key] for key in meta)


def _one_line_each(pairs: dict[str, str]) -> dict[str, str]:
    """Each pair's text from one dump of them all: a line per pair, else a dump per pair."""
    lines = dump(pairs).splitlines(keepends=True)
    if len(lines) == len(pairs) and all(line.startswith(f"{key}:") and line.endswith("\n")
                                        for key, line in zip(pairs, lines, strict=True)):
        return dict(zip(pairs, lines, strict=True))
    return {key: dump({key: value}) for key, value in pairs.items()}


def _hashable(value: Any) -> Any:
    """A key that tells apart whatever yaml.dump writes differently (True and 1, 1 and 1.0)."""
    if isinstance(value, dict):
        return (dict, tuple((k, _hashable(v)) for k, v in value.items()))
    if isinstance(value, list):
        return (list, tuple(_hashable(v) for v in value))
    return (type(value), value)


def _shares_objects(value: Any, seen: set[int] | None = None) -> bool:
    """True when a list or mapping stands in `value` twice (yaml.dump writes it as an alias)."""
    seen = set() if seen is None else seen
    if isinstance(value, (dict, list)):
        if id(value) in seen:
            return True
        seen.add(id(value))
        items = value.values() if isinstance(value, dict) else value
        return any(_shares_objects(item, seen) for item in items)
    return False
