"""A page's front matter as YAML: yaml.dump's bytes, made faster for the thousands of pages.

yaml.dump of a mapping in block style writes each top-level pair on its own, so the text of a
mapping is the texts of its pairs one after another. Nearly every pair of front matter has a
shape whose text is known in advance (yaml_pairs.py) and is written directly; any other pair
is dumped by PyYAML, which builds a Python object per value and was most of the time.
"""

from __future__ import annotations

from typing import Any

import yaml

from scripts.render.yaml_pairs import pair_text

# libyaml's emitter when the wheel has it (same output, several times faster).
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_WIDTH = 10_000  # no line is folded: a description or JSON-LD stays on one line


def dump(data: dict) -> str:
    """yaml.dump as the generator writes front matter (keys in order, Unicode as it is)."""
    return yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=_WIDTH)


def front_matter(meta: dict[str, Any]) -> str:
    """The same text as dump(meta)."""
    if not meta or _shares_objects(meta):
        # '{}' for nothing; an anchor and an alias for an object twice: only a whole dump
        return dump(meta)
    texts = []
    for key, value in meta.items():
        text = pair_text(key, value)
        texts.append(text if text is not None else dump({key: value}))
    return "".join(texts)


def _shares_objects(value: Any) -> bool:
    """True when a list or mapping stands in `value` twice (yaml.dump writes it as an alias)."""
    seen: set[int] = set()
    todo = [value]
    while todo:
        item = todo.pop()
        if isinstance(item, (dict, list)):
            if id(item) in seen:
                return True
            seen.add(id(item))
            todo.extend(item.values() if isinstance(item, dict) else item)
    return False
