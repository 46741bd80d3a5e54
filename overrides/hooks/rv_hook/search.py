"""The search entries of the generated pages, from the generator instead of Material's plugin.

Material's search plugin indexes a page by parsing all of its rendered HTML again; for a
generated page that is mostly the generator's own finished blocks. The generator makes those
pages' entries from the blocks instead (scripts/assembly/search_entries.py), entry for entry
what the plugin would make. The plugin is told to skip those pages (their `search: exclude`,
set before conversion and restored after) and indexes the hand-written ones; the generator's
entries go into the plugin's index where the plugin's own would have gone, so the order is as
before. Only through MkDocs' events: nothing of Material is patched. With RV_PLAIN_ENGINE=1
the plugin indexes every page itself, as before (to compare with).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from scripts.assembly.search_entries import SearchEntries

from . import plain_engine

log = logging.getLogger("mkdocs.hooks.generate")

_NONE = object()  # no `search` in the front matter


def material_search(config: MkDocsConfig) -> Any:
    """Material's search plugin of this build, or None. Any: Material ships no types."""
    return next((plugin for plugin in config.plugins.values()
                 if type(plugin).__name__ == "SearchPlugin" and hasattr(plugin, "search_index")), None)


class GeneratedSearch:
    """The generated pages' entries, from their conversion until they join the index."""

    def __init__(self) -> None:
        self._pages: set[str] = set()  # this build's generated pages (their src_uri)
        self._meta: dict[str, object] = {}  # their own `search` front matter, while skipped
        self._entries: dict[str, list[dict[str, Any]]] = {}
        # This build's maker; it keeps the last build's blocks for the preview's next build.
        self._maker: SearchEntries | None = None

    def start(self, generated: Iterable[str]) -> None:
        """A build begins (on_files) with these generated pages (their paths under docs/)."""
        self._pages = set() if plain_engine() else set(generated)
        self._maker = SearchEntries(self._maker)

    def skip(self, page: Page, config: MkDocsConfig) -> None:
        """Before conversion (on_page_markdown): Material's plugin skips a generated page."""
        uri = page.file.src_uri
        if uri in self._pages and material_search(config) is not None:
            self._meta[uri] = page.meta.get("search", _NONE)
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}

    def make(self, html: str, blocks: dict[str, str], page: Page) -> None:
        """After conversion, blocks still set apart (on_page_content): the page's entries."""
        uri = page.file.src_uri
        if uri not in self._meta:
            return
        assert self._maker is not None and isinstance(page.url, str) and page.title is not None
        meta = dict(page.meta)
        meta["search"] = self._meta[uri]
        if meta["search"] is _NONE:
            del meta["search"]
        self._entries[uri] = self._maker.page(html, blocks, page.url, page.title, meta)

    def add(self, page: Page, config: MkDocsConfig) -> None:
        """After Material's plugin saw the page (on_page_context; hooks run after plugins):
        its front matter restored, the generator's entries into the index."""
        uri = page.file.src_uri
        if uri not in self._meta:
            return
        original = self._meta.pop(uri)
        if original is _NONE:
            page.meta.pop("search", None)
        else:
            page.meta["search"] = original
        entries = self._entries.pop(uri, [])
        search = material_search(config)
        if search is not None:
            search.search_index.entries.extend(entries)

    def report(self) -> None:
        if self._maker is not None:
            parsed = self._maker.parsed
            log.debug("Zoekindex: %d pagina's van de generator (%d via html.parser%s)", self._maker.pages,
                      len(parsed), ": " + ", ".join(parsed[:5]) if parsed else "")
