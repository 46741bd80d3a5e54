"""The MkDocs hook: MkDocs' events, each handed to the part of the hook whose job it is.

MkDocs calls the functions below (mkdocs.yml, `hooks:`); the work is in the package beside
this file, one module per job (rv_hook/__init__.py says why a package):
- rv_hook/build.py: run the generator (`scripts`, which never imports MkDocs) and hand its
  pages and files to MkDocs in memory, nothing written under docs/;
- rv_hook/preview.py: `make serve` (`mkdocs serve --dirty`): one build of the changed pages
  per edit, removed pages gone, the search index kept between builds;
- rv_hook/watcher.py: the preview watches content/ too, told of changes by the system at once;
- rv_hook/generation.py: the generation kept while content/ stays the same, and in the
  preview made as soon as content/ changes;
- rv_hook/search.py: the generated pages' search entries from the generator;
- rv_hook/navigation.py: Material's navigation and tabs once per folder of pages;
- rv_hook/same_blocks.py: Material's blocks that do not depend on the page once per depth;
- rv_hook/lighter_markdown.py: generated pages converted without the extensions they do not use,
  or without Python-Markdown at all (rv_hook/headings_only.py).
Other engines (Zensical runs no hooks) get the same pages from `python -m scripts generate`.

One object of each part lives as long as the MkDocs process; `mkdocs serve` loads the
configuration again for every build but this module only once, so the preview's parts see
what the last build left them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, file_sort_key
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

# MkDocs puts this file's folder on sys.path while it imports this file: the package is found.
from rv_hook import build, preview, watcher
from rv_hook.lighter_markdown import LighterMarkdown
from rv_hook.navigation import Once
from rv_hook.same_blocks import SameBlocks
from scripts.render.template_cache import template_cache
from rv_hook.search import GeneratedSearch

_build = build.Build()
_preview = preview.Preview()
_search = GeneratedSearch()
_once = Once()
_same = SameBlocks()
_markdown = LighterMarkdown()


def on_startup(command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    _preview.start(command, dirty)


# Before Material's search plugin, whose on_config asks the theme's environment for its
# translations: in the preview it then gets the kept one (preview.py), not a new one that
# compiles its templates again (~0.05 s of every preview build, on the way from edit to reload).
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    build.configure(config)
    _preview.configure(config)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    kept, pages = _build.hand_over(files, config)
    _search.start(_build.generated_pages)
    if _preview.running:
        made = _preview.files(config, pages, _build.meta)
    else:
        made = [File.generated(config, path, content=data) for path, data in pages.items()]
    # In the order MkDocs itself lists docs/ (index first), as when the pages were files there:
    # the search index and the sitemap keep the same order.
    return Files(sorted(kept + made, key=file_sort_key))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    markdown = _build.source(markdown, page)
    _search.skip(page, config)
    markdown, blocks = _build.set_apart(markdown, page)
    return _markdown.for_page(markdown, page, _build.generated, blocks, config)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    html = _markdown.restore(html, page, config)
    blocks = _build.blocks_of(page)
    _search.make(html, blocks, page)
    return _build.put_back(html, blocks)


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig,
                    nav: Navigation) -> TemplateContext:
    _search.add(page, config)
    return context


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    if env.bytecode_cache is None:  # the theme's templates compiled once, not in every build (the preview keeps its own)
        env.bytecode_cache = template_cache(env)
    _once.start(env)
    _same.start(env, config)
    _preview.keep_search_index(files, config)
    return env


def on_post_build(config: MkDocsConfig) -> None:
    _once.report()
    _same.report()
    _markdown.report()
    _search.report()
    _preview.finish(config)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
    # content/ is watched too, changes are heard at once (rv_hook/watcher.py), and the preview
    # generates as soon as content/ changes, with what it needs loaded before (rv_hook/generation.py)
    _build.generation.prepare()
    return watcher.quicker(server, config, builder, _build.generation.ahead)
