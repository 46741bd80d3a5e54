"""Python-Markdown without the extensions a generated page does not use.

MkDocs makes a new Python-Markdown, with every extension of mkdocs.yml, for each page. For the
generated pages, whose finished HTML is set apart before Python-Markdown runs, what is left is
headings, paragraphs and links: `pymdownx.superfences` (code examples in the hand-written
guide pages) and `pymdownx.snippets` (the home page's fragments, which the hook puts in
itself) have nothing to do there, and setting them up was about a third of each page's
Python-Markdown. So a generated page whose remaining Markdown has no fence and no snippet line
is converted without them; every other page with all of mkdocs.yml. The same HTML either way:
neither extension touches Markdown without fences or snippet lines (the engines comparison and
tests/test_search_index.py hold every page to it: with RV_PLAIN_ENGINE=1 every page gets all).

MkDocs reads `config.markdown_extensions` when it converts a page, between on_page_markdown and
on_page_content; the lighter list is set in the first and the full one put back in the second,
so nothing else of the build sees it.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from . import plain_engine

log = logging.getLogger("mkdocs.hooks.generate")

# What only hand-written pages need (see above).
_NOT_FOR_GENERATED = ("pymdownx.superfences", "pymdownx.snippets")
# A fence (``` or ~~~, indented or not) or a snippet line: such a page keeps every extension.
_NEEDS_ALL = re.compile(r"^[ \t]*(?:`{3,}|~{3,}|-{1,}8<-{1,})", re.MULTILINE)


class LighterMarkdown:
    def __init__(self) -> None:
        self._full: list[Any] | None = None
        self._light: list[Any] = []
        self._lighter = 0  # pages converted with the lighter list in this build

    def for_page(self, markdown: str, page: Page, generated: set[str], config: MkDocsConfig) -> None:
        """Before the page's conversion (on_page_markdown, after its blocks are set apart)."""
        self._full = list(config.markdown_extensions)
        self._light = [e for e in self._full if e not in _NOT_FOR_GENERATED]
        if page.file.src_uri in generated and not _NEEDS_ALL.search(markdown) and not plain_engine():
            config.markdown_extensions = self._light
            self._lighter += 1

    def restore(self, config: MkDocsConfig) -> None:
        """After the conversion (on_page_content)."""
        if self._full is not None:
            config.markdown_extensions = self._full

    def report(self) -> None:
        log.debug("Markdown zonder superfences en snippets: %d pagina's", self._lighter)
        self._lighter = 0
