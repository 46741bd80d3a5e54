"""The generated files of one build, kept in memory until the writer puts them on disk."""

from __future__ import annotations

import yaml

# libyaml's emitter when the wheel has it (same output, several times faster).
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class Output:
    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}  # path under docs/ → content

    def page(self, path: str, meta: dict, body: str) -> None:
        """A Markdown page with front matter; `meta['template']` names the page-kind template."""
        front = yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=10_000)
        self.text(path, f"---\n{front}---\n\n{body.strip()}\n")

    def text(self, path: str, text: str) -> None:
        self.binary(path, text.encode("utf-8"))

    def binary(self, path: str, data: bytes) -> None:
        if path in self.files:
            raise ValueError(f"two generated files share the path {path}")
        self.files[path] = data
