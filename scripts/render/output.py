"""The generated files of one build, kept in memory until the writer puts them on disk."""

from __future__ import annotations

from scripts.render.front_matter import front_matter


class SharedPath(ValueError):
    """Two generated files at one path: the build turns it into a Dutch problem on the
    contributed name that claimed it (scripts/content/addresses.py)."""

    def __init__(self, path: str) -> None:
        super().__init__(f"two generated files share the path {path}")
        self.path = path


class Output:
    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}  # path under docs/ → content

    def page(self, path: str, meta: dict, body: str) -> None:
        """A Markdown page with front matter; `meta['template']` names the page-kind template."""
        self.text(path, f"---\n{front_matter(meta)}---\n\n{body.strip()}\n")

    def text(self, path: str, text: str) -> None:
        self.binary(path, text.encode("utf-8"))

    def binary(self, path: str, data: bytes) -> None:
        if path in self.files:
            raise SharedPath(path)
        self.files[path] = data
