"""Python-Markdown with only what a generated page needs, or none at all.

MkDocs makes a new Python-Markdown, with every extension of mkdocs.yml, for each page. For the
generated pages, whose finished HTML is set apart before Python-Markdown runs, what is left is
headings, paragraphs and links. Per page, one of three:
- only headings between set-apart blocks (every organisation, meeting and article page): the
  hook writes the HTML itself (headings_only.py) and MkDocs converts an empty page with no
  extension; the HTML, the table of contents and the anchors are put in its place after;
- other generated pages without a fence or a snippet line: converted without
  `pymdownx.superfences` (code examples in the hand-written guide pages) and `pymdownx.snippets`
  (the home page's fragments, which the hook puts in itself): setting them up was about a
  third of such a page's Python-Markdown, and neither touches Markdown without fences or
  snippet lines;
- every other page: all of mkdocs.yml.
The same HTML each way: tests/test_search_index.py holds every page to a build with
RV_PLAIN_ENGINE=1, where every page gets all of mkdocs.yml.

MkDocs reads `config.markdown_extensions` when it converts a page, between on_page_markdown and
on_page_content; the shorter list is set in the first and the full one put back in the second,
so nothing else of the build sees it.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from . import plain_engine
from .headings_only import Converted, Settings, convert

log = logging.getLogger("mkdocs.hooks.generate")

# What only hand-written pages need (see above).
_NOT_FOR_GENERATED = ("pymdownx.superfences", "pymdownx.snippets")
# A fence (``` or ~~~, indented or not) or a snippet line: such a page keeps every extension.
_NEEDS_ALL = re.compile(r"^[ \t]*(?:`{3,}|~{3,}|-{1,}8<-{1,})", re.MULTILINE)


class LighterMarkdown:
    def __init__(self) -> None:
        self._config: MkDocsConfig | None = None  # the build the lists below are of
        self._full: list[Any] = []  # mkdocs.yml's extensions (with MkDocs' own)
        self._light: list[Any] = []  # the same without _NOT_FOR_GENERATED
        self._settings: Settings | None = None  # headings_only's, None when it must not be used
        self._converted: dict[str, Converted] = {}  # headings-only pages, until on_page_content
        self._lighter = 0  # pages converted with the lighter list in this build
        self._headings_only = 0  # pages converted by headings_only.py in this build

    def for_page(self, markdown: str, page: Page, generated: set[str], tokens: dict[str, str],
                 config: MkDocsConfig) -> str:
        """Before the page's conversion (on_page_markdown, after its blocks are set apart, with
        their `tokens`): the Markdown MkDocs is to convert."""
        if config is not self._config:  # the first page of a build (the preview loads mkdocs.yml anew)
            self._config = config
            self._full = list(config.markdown_extensions)
            self._light = [e for e in self._full if e not in _NOT_FOR_GENERATED]
            self._settings = Settings.of(self._full, config.mdx_configs)
        if page.file.src_uri not in generated or plain_engine():
            return markdown
        # (without a title in its meta MkDocs would take one from the first heading: not made here)
        if self._settings is not None and "title" in page.meta:
            converted = convert(markdown, tokens, self._settings)
            if converted is not None:
                self._converted[page.file.src_uri] = converted
                config.markdown_extensions = []
                self._headings_only += 1
                return ""
        if not _NEEDS_ALL.search(markdown):
            config.markdown_extensions = self._light
            self._lighter += 1
        return markdown

    def restore(self, html: str, page: Page, config: MkDocsConfig) -> str:
        """After the conversion (on_page_content): the page's HTML (its blocks' tokens still in)."""
        if config is self._config:
            config.markdown_extensions = self._full
        converted = self._converted.pop(page.file.src_uri, None)
        if converted is None:
            return html
        # What MkDocs' conversion would have set (Page.render): the table of contents and the
        # ids other pages' links are checked against.
        page.toc = get_toc(converted.toc_tokens)  # type: ignore[arg-type]
        page.present_anchor_ids = converted.anchors
        return converted.html

    def report(self) -> None:
        log.debug("Markdown zonder superfences en snippets: %d pagina's", self._lighter)
        log.debug("Koppen zonder Python-Markdown: %d pagina's", self._headings_only)
        self._lighter = self._headings_only = 0
