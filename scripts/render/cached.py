"""The item macros of one build (an article, a meeting, an organisation in a list), each
rendered once per item and reused on every page that lists it.

An article's card stands on its theme, keyword, movement, organisation and news pages; a
meeting's on the agenda, the archive and every theme, movement and organisation page it
belongs to. The macros write finished HTML whose links are docs-absolute (scripts/assembly/links.py
makes them relative afterwards), so a card does not depend on the page it stands on: the same
item gives the same bytes. Templates call `cached.article_item(article)` instead of the macro.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup


class CachedMacros:
    """One per build: the records of a build are immutable and alive while it runs, so an
    item is known by its identity (the entry keeps the item, so its id is never reused)."""

    def __init__(self, macros: dict[str, Any]) -> None:
        self._macros = macros  # the build's macros by name (render/macros.py), filled in later
        self._done: dict[tuple, tuple[Any, Markup]] = {}

    def _call(self, macro: str, item: Any, *options: Any) -> Markup:
        key = (macro, id(item), options)
        found = self._done.get(key)
        if found is None:
            found = self._done[key] = (item, self._macros[macro](item, *options))
        return found[1]

    def article_item(self, article: Any, level: int = 3, data: tuple = ()) -> Markup:
        return self._call("article_item", article, level, data)

    def meeting_item(self, occurrence: Any, data: tuple = ()) -> Markup:
        return self._call("meeting_item", occurrence, data)

    def directory_item(self, entry: Any, data: bool = True) -> Markup:
        return self._call("directory_item", entry, data)
