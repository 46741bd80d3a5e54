"""The generated files of one build, kept in memory until the writer puts them on disk.

A page's front matter stays data (`Output.meta`) beside its Markdown: the MkDocs hook gives
it to MkDocs as the page's meta, so no YAML is written for MkDocs to parse back. Only the
files under docs/, which Zensical reads, get it as YAML text (`with_front_matter`).
"""

from __future__ import annotations

from typing import Any

import yaml

# libyaml's emitter when the wheel has it (same output, several times faster).
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_WIDTH = 10_000  # no line is folded: a description or JSON-LD stays on one line


class SharedPath(ValueError):
    """Two generated files at one path: the build turns it into a Dutch problem on the
    contributed name that claimed it (scripts/content/addresses.py)."""

    def __init__(self, path: str) -> None:
        super().__init__(f"two generated files share the path {path}")
        self.path = path


class Output:
    def __init__(self) -> None:
        # path under docs/ → content; a page's content is its Markdown, without front matter
        self.files: dict[str, bytes] = {}
        self.meta: dict[str, dict[str, Any]] = {}  # a page's front matter, as data

    def page(self, path: str, meta: dict[str, Any], body: str) -> None:
        """A Markdown page and its front matter; `meta['template']` names the page-kind template."""
        self.text(path, f"{body.strip()}\n")
        self.meta[path] = meta

    def text(self, path: str, text: str) -> None:
        self.binary(path, text.encode("utf-8"))

    def binary(self, path: str, data: bytes) -> None:
        if path in self.files:
            raise SharedPath(path)
        self.files[path] = data

    def with_front_matter(self) -> dict[str, bytes]:
        """Every file as written under docs/: a page with its front matter as YAML text."""
        return {path: front_matter(self.meta[path]).encode("utf-8") + data if path in self.meta else data
                for path, data in self.files.items()}


def front_matter(meta: dict[str, Any]) -> str:
    """A page's front matter as the engines read it from docs/ (keys in order, Unicode as it is)."""
    text = yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=_WIDTH)
    return f"---\n{text}---\n\n"
