"""Material's navigation and tabs, made once per folder of pages instead of once per page.

Material renders the whole navigation and the tabs into every page, though they depend on
little of the page: at 10× that was a quarter of the theme's time. The theme's
partials/nav.html and tabs.html (overrides/theme/) wrap Material's own, unchanged, in a macro
and call `rv_once(name, macro)`, which this module puts into the Jinja environment: the macro's
output is reused for every page with the same key (`once_key`). Zensical, which runs no hooks,
has no `rv_once` and makes them for every page; so does RV_PLAIN_ENGINE=1, the build
tests/test_search_index.py holds this one to, byte for byte.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

import jinja2
from jinja2.runtime import Context
from mkdocs.config.defaults import MkDocsConfig

from . import plain_engine

log = logging.getLogger("mkdocs.hooks.generate")


def once_key(name: str, page: Any, nav: Any, config: MkDocsConfig | Any,
             listed: tuple[list[Any], list[str]] | None = None) -> tuple | None:
    """What the navigation or tabs of `page` depend on, when that is less than the page: the
    folder its own folder is in, and which items are active. Their links are relative to the
    page's folder, so pages in sibling folders get the same links, unless an item of the
    navigation lies inside the page's own folder; and the page that is itself an item gets
    its table of contents there. Those pages are made on their own (None). `listed`: the
    navigation's items and link targets (`nav_listing`), when the caller kept them.
    (Any: the template context holds whatever the theme passes; tests pass plain objects.)"""
    if page is None or nav is None or not isinstance(getattr(page, "url", None), str):
        return None
    url: str = page.url
    folder = url if url.endswith("/") else url.rsplit("/", 1)[0] + "/" if "/" in url else ""
    if not folder:
        return None
    items, targets = listed or nav_listing(nav, config)
    if any(item is page for item in items) or any(target.startswith(folder) for target in targets):
        return None
    return (name, folder.rstrip("/").rpartition("/")[0],
            tuple(bool(getattr(item, "active", False)) for item in items))


def nav_listing(nav: Any, config: MkDocsConfig | Any) -> tuple[list[Any], list[str]]:
    """Every item of the navigation (sections and their children included) and every address
    it links to; the same for all pages of a build (only which items are active changes)."""
    items = _nav_items(nav)
    targets = [getattr(item, "url", None) or "" for item in items]
    targets += [str(config.theme.get("logo") or ""), str((config.extra or {}).get("homepage") or "")]
    return items, targets


def _nav_items(items: Iterable[Any]) -> list[Any]:
    found = []
    for item in items:
        found.append(item)
        found.extend(_nav_items(getattr(item, "children", None) or []))
    return found


class Once:
    """This build's navigations and tabs by key."""

    def __init__(self) -> None:
        self._made: dict[tuple, str] = {}
        self._listed: dict[int, tuple[list[Any], list[str]]] = {}  # by id() of the build's navigation
        self._asked = self._reused = 0  # for the build log

    def start(self, env: jinja2.Environment) -> None:
        """A build's Jinja environment (on_env): `rv_once` in it, nothing made yet."""
        self._made.clear()
        self._listed.clear()
        self._asked = self._reused = 0
        if not plain_engine():
            env.globals["rv_once"] = self.rv_once

    @jinja2.pass_context
    def rv_once(self, context: Context, name: str, make: Callable[[], str]) -> str:
        nav, config = context.get("nav"), context.get("config")
        listed = self._listed.get(id(nav))
        if listed is None and nav is not None:
            listed = self._listed[id(nav)] = nav_listing(nav, config)
        key = once_key(name, context.get("page"), nav, config, listed)
        self._asked += 1
        if key is None:
            return make()
        if key not in self._made:
            self._made[key] = make()
        else:
            self._reused += 1
        return self._made[key]

    def report(self) -> None:
        log.debug("Navigatie en tabs: %d keer gevraagd, %d keer hergebruikt", self._asked, self._reused)
