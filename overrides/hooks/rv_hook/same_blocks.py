"""Material's blocks that do not depend on the page, made once per depth instead of per page.

Material's base.html renders its styles, scripts, `__config` and the header into every page,
though they depend on the page only through its links: MkDocs' `url` filter and `base_url`
make every link relative to the page's folder (mkdocs/utils `get_relative_url`). A link to
`assets/x.css` is the same from every folder at the same depth whose first part is not
`assets`, so pages at one depth share those blocks. main.html (overrides/theme/) hands such a
block to `rv_same(name, super)`, which this module puts into the Jinja environment; the
header, which holds the page's title in its middle, to `rv_header(super)`: the parts around the
title are kept and the title put in between. Zensical, which runs no hooks, has neither and
makes the blocks per page, from its own templates; so does RV_PLAIN_ENGINE=1, the build
tests/test_search_index.py holds this one to, byte for byte.
"""

from __future__ import annotations

import logging
import posixpath
from collections.abc import Callable
from typing import Any

import jinja2
from jinja2.runtime import Context
from mkdocs.config.defaults import MkDocsConfig

from . import plain_engine

log = logging.getLogger("mkdocs.hooks.generate")

# The header's title, as Material's partials/header.html writes it: page.meta.title, else
# page.title, inside the span after this mark.
_TOPIC = 'data-md-component="header-topic">'
_SPAN, _SPAN_END = '<span class="md-ellipsis">', "</span>"


def link_roots(config: MkDocsConfig | Any) -> frozenset[str]:
    """The first folders of every address these blocks link to: Material's own files
    (assets/), the configured CSS, JavaScript, polyfills, logo, favicon, home page and other
    languages. A page inside one of them gets other relative links than its neighbours at the
    same depth."""
    theme, extra = config.theme, config.extra or {}
    alternate = extra.get("alternate")
    alternate = alternate if isinstance(alternate, list) else []
    paths = [*(str(p) for p in config.extra_css or []), *(str(p) for p in config.extra_javascript or []),
             *(str(p) for p in extra.get("polyfills") or []),
             *(str(a.get("link") or "") for a in alternate if isinstance(a, dict)),
             str(theme.get("logo") or ""), str(theme.get("favicon") or ""), str(extra.get("homepage") or "")]
    return frozenset({"assets"} | {p.lstrip("/").split("/", 1)[0] for p in paths if p})


def depth_key(page: Any, roots: frozenset[str]) -> tuple | None:
    """What a page-independent block of `page` depends on: how deep the page's folder is
    (the folder as `get_relative_url` takes it: the address without a file name). None: make it
    on its own (no page, or a page inside a folder the blocks link into)."""
    url = getattr(page, "url", None)
    if not isinstance(url, str) or "://" in url:
        return None
    head, tail = posixpath.split(url)
    folder = head if "." in tail else url
    parts = [part for part in folder.split("/") if part]
    if parts and parts[0] in roots:
        return None
    return (len(parts),)


def _title(page: Any) -> tuple[bool, str]:
    """Which branch of Material's header writes the title, and what it writes."""
    meta = getattr(page, "meta", None)
    if meta and meta.get("title"):
        return True, str(meta["title"])
    return False, str(page.title)


def split_header(html: str, title: str) -> tuple[str, str] | None:
    """The header's text before and after `title`, or None when the header does not hold it
    where Material puts it (then every page makes its own)."""
    topic = html.find(_TOPIC)
    start = html.find(_SPAN, topic) + len(_SPAN) if topic >= 0 else -1
    end = html.find(_SPAN_END, start) if start >= len(_SPAN) else -1
    if end < 0 or not title or title != title.strip():
        return None
    inner = html[start:end]
    if inner.strip() != title:
        return None
    lead = len(inner) - len(inner.lstrip())
    return html[:start + lead], html[start + lead + len(title):]


class SameBlocks:
    """This build's page-independent blocks and header parts, by depth."""

    def __init__(self) -> None:
        self._made: dict[tuple, str] = {}
        self._headers: dict[tuple, tuple[str, str]] = {}
        self._roots: frozenset[str] = frozenset()
        self._home: frozenset[str] | None = None
        self._asked = self._reused = 0  # for the build log

    def start(self, env: jinja2.Environment, config: MkDocsConfig) -> None:
        """A build's Jinja environment (on_env): the globals in it, nothing made yet."""
        self._made.clear()
        self._headers.clear()
        self._roots = link_roots(config)
        self._home = None
        self._asked = self._reused = 0
        if not plain_engine():
            env.globals["rv_same"] = self.rv_same
            env.globals["rv_header"] = self.rv_header

    @jinja2.pass_context
    def rv_same(self, context: Context, name: str, make: Callable[[], str]) -> str:
        self._asked += 1
        key = depth_key(context.get("page"), self._roots)
        if key is None:
            return make()
        key = (name, *key)
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = make()
        else:
            self._reused += 1
        return made

    @jinja2.pass_context
    def rv_header(self, context: Context, make: Callable[[], str]) -> str:
        self._asked += 1
        page = context.get("page")
        key = depth_key(page, self._roots)
        if key is None:
            return make()
        if self._home is None:  # the logo's link: to the home page, relative too
            home = str(getattr(getattr(context.get("nav"), "homepage", None), "url", "") or "")
            self._home = frozenset({home.split("/", 1)[0]} - {""})
        if set(str(page.url).split("/", 1)[:1]) & self._home:
            return make()
        branch, title = _title(page)
        key = (branch, *key)
        parts = self._headers.get(key)
        if parts is None:
            html = make()
            found = split_header(html, title)
            if found is not None:
                self._headers[key] = found
            return html
        self._reused += 1
        return parts[0] + title + parts[1]

    def report(self) -> None:
        log.debug("Vaste blokken van het thema: %d keer gevraagd, %d keer hergebruikt", self._asked, self._reused)
