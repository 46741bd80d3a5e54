"""The thin MkDocs hook: hand the generated pages to MkDocs in memory and watch content/.

All the work happens in the `scripts` package, which never imports MkDocs. This file is the
only place that knows about MkDocs. Other engines (Zensical runs no hooks) get the same pages
from `python -m scripts generate`, which writes them under docs/ before the engine starts.

In memory, not on disk, for two reasons:
- `mkdocs serve` watches docs/: a hook that writes there during a build wakes the watcher and
  every edit costs two builds and two reloads. Here one edit gives one build.
- isolation: `mkdocs build` and `mkdocs serve` never share generated files, so a build while
  the preview runs gives the same bytes, and the preview's own address (serve rewrites
  site_url to 127.0.0.1) never reaches site/. Generated files that an earlier
  `python -m scripts generate` left under docs/ are ignored; the hook's own take their place.

The pages the hook hands over go through Python-Markdown with their finished HTML blocks set
apart (scripts/assembly/finished_html.py): the same bytes, without parsing every block again.
The search entries of the generated pages are made from those blocks by the generator
(scripts/assembly/search_entries.py), entry for entry what Material's search plugin would make;
the plugin is told to skip those pages (their `search: exclude`, set and restored here) and
indexes the hand-written ones. Material's navigation and tabs are made once per folder of
pages (`rv_once`, used by overrides/theme/partials/nav.html and tabs.html). Both only through
MkDocs' events and Material's template overrides: nothing of either is patched. With
RV_PLAIN_ENGINE=1 the engine does both itself for every page, as before (to compare with).

The preview (`make serve`, `mkdocs serve --dirty`) gets its generated files in memory too, each
marked modified only when its bytes differ from what the last preview build showed: MkDocs then
rebuilds just the pages whose Markdown changed, and nothing is written to disk but site pages.
The home page's fragments are put into the page by the hook (as the snippets extension would),
so that page, too, changes when they do.
"""

from __future__ import annotations

import logging
import mimetypes
import os
import re
from datetime import UTC, datetime, time
from pathlib import Path

import jinja2
import jinja2.bccache
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel, file_sort_key

log = logging.getLogger("mkdocs.hooks.generate")

# `make serve` (MkDocs' dev server) guesses content types with mimetypes, which without
# /etc/mime.types sends .ics as application/octet-stream and calendar apps refuse it.
mimetypes.add_type("text/calendar", ".ics")

# The last generation, reused while content/, the build date and the address stay the same
# (the preview then rebuilds an edit of a hand-written page without regenerating).
_last: dict[str, object] = {}
_command: dict[str, str] = {}
# The preview's pages as its last finished build showed them, and as the running build will.
_shown: dict[str, bytes] = {}
_showing: dict[str, bytes] = {}
_gone: list[str] = []  # the site files of pages the running preview build no longer has
_SNIPPET = re.compile(r'^--8<-- "([^"\n]+)"[ \t]*$', re.MULTILINE)


def _project(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _build_date():
    from scripts.assembly.dates import build_date_from
    try:
        return build_date_from(None)
    except ValueError:
        raise Abort("BUILD_DATE of SOURCE_DATE_EPOCH is geen geldige datum; gebruik JJJJ-MM-DD.") from None


def on_startup(command, dirty):
    _command["name"] = command
    _command["dirty"] = "yes" if dirty else ""


def _previewing() -> bool:
    return _command.get("name") == "serve"


class _PreviewFile(File):
    """A page or file the hook hands to the preview, in memory. `mkdocs serve --dirty` renders
    and copies only files that are modified; for a file on disk MkDocs compares times, for one
    in memory it cannot, so here modified means: other bytes than the last build showed."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed


class _TemplateCache(jinja2.BytecodeCache):
    """The theme's compiled templates, kept while the preview runs: MkDocs makes a new Jinja
    environment for every build, which would compile every template again. Jinja checks each
    template's source against its checksum, so an edited template is compiled anew."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_TEMPLATES = _TemplateCache()
_THEME_FILES: dict[tuple, list[str]] = {}


def _theme_environment(theme):
    """theme.get_env for the preview: compiled templates kept, and the list of the theme's
    files (MkDocs walks the ~15,000 files of Material on every build) kept while no folder
    of the theme changes."""
    make = type(theme).get_env

    def get_env():
        env = make(theme)
        env.bytecode_cache = _TEMPLATES
        listed = env.list_templates

        def list_templates(extensions=None, filter_func=None):
            key = (tuple(theme.dirs), _folder_times(theme.dirs), extensions,
                   getattr(filter_func, "__code__", filter_func))
            if key not in _THEME_FILES:
                _THEME_FILES.clear()
                _THEME_FILES[key] = listed(extensions=extensions, filter_func=filter_func)
            return list(_THEME_FILES[key])

        env.list_templates = list_templates
        return env

    return get_env


def _folder_times(folders) -> tuple:
    """The modification time of every folder under `folders` (a file added, removed or renamed
    changes its folder's time); installed packages' folders are taken as they are."""
    times = []
    for folder in folders:
        if "site-packages" in Path(folder).parts:
            continue
        for root, _dirs, _files in os.walk(folder):
            times.append((root, os.stat(root).st_mtime_ns))
    return tuple(times)


def on_config(config):
    # MkDocs dates the sitemap from SOURCE_DATE_EPOCH or the clock; tie it to the build date.
    project = _project(config)
    if "SOURCE_DATE_EPOCH" not in os.environ:
        midnight = datetime.combine(_build_date(), time(0), UTC)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(midnight.timestamp()))
    # mkdocs.yml names the snippet folder relative to the project (both engines read that
    # line); made absolute here so that `mkdocs -f` works from any folder.
    snippets = config.mdx_configs.get("pymdownx.snippets", {})
    if snippets.get("base_path"):
        snippets["base_path"] = [str(project / p) for p in snippets["base_path"]]
    if _previewing():
        config.theme.get_env = _theme_environment(config.theme)
    return config


def _generate(config):
    from scripts.assembly.generate import content_fingerprint, render_site
    from scripts.assembly.settings import contribution_settings
    from scripts.render.context import Settings

    content = _project(config) / "content"
    extra = config.extra or {}
    settings = Settings(build_date=_build_date(), site_url=config.site_url or "/",
                        edit_base=extra.get("bewerk_url", ""), site_name=config.site_name,
                        **contribution_settings(extra))
    key = (content_fingerprint(content), settings)
    if _last.get("key") == key:
        log.info("Gegenereerd: niets veranderd in content/, bouwdatum %s", settings.build_date.isoformat())
        return _last["files"]
    problems, out = render_site(content, settings)
    if out is None:
        _last.clear()
        raise Abort("De inhoud bevat fouten; de site is niet gebouwd.\n\n" + problems.report())
    _last.update(key=key, files=out.files)
    log.info("Gegenereerd: %d bestanden, bouwdatum %s", len(out.files), settings.build_date.isoformat())
    return out.files


def _with_fragments(markdown: str, generated: dict) -> str:
    """The lines `--8<-- "x.md"` that name a generated fragment, replaced by it (as the
    snippets extension does; Zensical, which runs no hooks, reads the same fragments from
    docs/_fragmenten/ through that extension)."""
    from scripts.assembly.links import FRAGMENTS

    def include(match: re.Match) -> str:
        data = generated.get(FRAGMENTS + match.group(1))
        return data.decode("utf-8").rstrip("\n") if data is not None else match.group(0)

    return _SNIPPET.sub(include, markdown)


def on_files(files: Files, config):
    from scripts.assembly.links import FRAGMENTS
    from scripts.assembly.search_entries import SearchEntries
    from scripts.assembly.writer import GENERATED_DIRS

    generated = _generate(config)
    pages = {path: data for path, data in generated.items() if not path.startswith(FRAGMENTS)}
    _generated_pages.clear()
    if not _plain_engine():
        _generated_pages.update(path for path in pages if path.endswith(".md"))
    _maker[:] = [SearchEntries(_maker[0] if _maker else None)]
    kept = []
    for file in files:
        if file.src_uri.split("/", 1)[0] in GENERATED_DIRS:
            continue  # left by `python -m scripts generate`; the hook's own take their place
        if file.is_documentation_page() and file.abs_src_path:
            text = Path(file.abs_src_path).read_text(encoding="utf-8-sig")
            if "--8<--" in text:
                pages[file.src_uri] = _with_fragments(text, generated).encode("utf-8")
                continue
        kept.append(file)
    _handed.clear()
    _handed.update(pages)
    if _previewing():
        made = [_PreviewFile.generated(config, path, content=data) for path, data in pages.items()]
        for file in made:
            file.changed = _shown.get(file.src_uri) != pages[file.src_uri]
        _showing.clear()
        _showing.update(pages)
        # A page or file gone from content/ goes from the preview too: --dirty never removes
        # what an earlier build wrote, so its old address would still answer.
        _gone[:] = [File.generated(config, path, content=b"").abs_dest_path
                    for path in _shown if path not in pages]
    else:
        made = [File.generated(config, path, content=data) for path, data in pages.items()]
    # In the order MkDocs itself lists docs/ (index first), as when the pages were files there:
    # the search index and the sitemap keep the same order.
    return Files(sorted(kept + made, key=file_sort_key))


# The pages this hook made (generated, or with generated fragments put in) → during their
# conversion, their finished HTML blocks by token.
_handed: set[str] = set()
_apart: dict[str, dict[str, str]] = {}
# The generator's pages, whose search entries come from scripts/assembly/search_entries.py instead
# of Material's plugin: their own `search` front matter while the plugin is told to skip them,
# and their entries from conversion (on_page_content) until they join the index.
_generated_pages: set[str] = set()
_meta: dict[str, object] = {}
_entries: dict[str, list] = {}
_maker: list = []  # this build's SearchEntries (it keeps the last build's blocks for the preview)
_NONE = object()  # no `search` in the front matter


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri not in _handed:
        return markdown  # a hand-written page: Python-Markdown reads all of it
    if page.file.src_uri in _generated_pages and _search_plugin(config) is not None:
        # Material's plugin skips the page (its own `search: exclude`); the generator's
        # entries take its place (on_page_context). The front matter is restored there.
        _meta[page.file.src_uri] = page.meta.get("search", _NONE)
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    from scripts.assembly.finished_html import set_apart
    markdown, blocks = set_apart(markdown)
    if blocks:
        _apart[page.file.src_uri] = blocks
    return markdown


def on_page_content(html, page, config, files):
    from scripts.assembly.finished_html import put_back
    blocks = _apart.pop(page.file.src_uri, {})
    if page.file.src_uri in _meta:
        meta = dict(page.meta)
        meta["search"] = _meta[page.file.src_uri]
        if meta["search"] is _NONE:
            del meta["search"]
        _entries[page.file.src_uri] = _maker[0].page(html, blocks, page.url, page.title, meta)
    return put_back(html, blocks)


def on_page_context(context, page, config, nav):
    """After Material's plugin (hooks run after plugins): the generator's entries of the page
    go into its index where the plugin's own would have gone, so the order is as before."""
    if page.file.src_uri in _meta:
        original = _meta.pop(page.file.src_uri)
        if original is _NONE:
            page.meta.pop("search", None)
        else:
            page.meta["search"] = original
        entries = _entries.pop(page.file.src_uri, [])
        search = _search_plugin(config)
        if search is not None:
            search.search_index.entries.extend(entries)
    return context


# The preview's search index. `mkdocs serve --dirty` renders only the pages whose files changed,
# and the search plugin then indexes only those; Material keeps the earlier index and replaces
# the entries of one page (the first), which is right only when one page changed. Here the
# index of the last build is kept, the entries of every page that is rendered again (or gone)
# are dropped before the build renders pages, and the pages then add their new entries.
_search: dict[str, list] = {}


def _search_plugin(config):
    return next((plugin for plugin in config.plugins.values()
                 if type(plugin).__name__ == "SearchPlugin" and hasattr(plugin, "search_index")), None)


def _page_of(entry: dict) -> str:
    return str(entry.get("location", "")).split("#", 1)[0]


# Material's navigation and tabs (overrides/theme/partials/nav.html, tabs.html), made once per
# folder of pages instead of once per page: by key (see _once_key), for this build.
_once: dict[tuple, str] = {}
_once_counts = [0, 0]  # asked, and taken from _once: for the build log


def _nav_items(items) -> list:
    found = []
    for item in items:
        found.append(item)
        found.extend(_nav_items(getattr(item, "children", None) or []))
    return found


def _once_key(name: str, page, nav, config) -> tuple | None:
    """What the navigation or tabs of `page` depend on, when that is less than the page: the
    folder its own folder is in, and which items are active. Their links are relative to the
    page's folder, so pages in sibling folders get the same links, unless an item of the
    navigation lies inside the page's own folder; and the page that is itself an item gets
    its table of contents there. Those pages are made on their own (None)."""
    if page is None or nav is None or not isinstance(getattr(page, "url", None), str):
        return None
    folder = page.url if page.url.endswith("/") else page.url.rsplit("/", 1)[0] + "/" if "/" in page.url else ""
    if not folder:
        return None
    items = _nav_items(nav)  # every item, sections and their children included
    targets = [getattr(item, "url", None) or "" for item in items]
    targets += [str(config.theme.get("logo") or ""), str((config.extra or {}).get("homepage") or "")]
    if any(item is page for item in items) or any(target.startswith(folder) for target in targets):
        return None
    return (name, folder.rstrip("/").rpartition("/")[0],
            tuple(bool(getattr(item, "active", False)) for item in items))


@jinja2.pass_context
def _rv_once(context, name: str, make):
    key = _once_key(name, context.get("page"), context.get("nav"), context.get("config"))
    _once_counts[0] += 1
    if key is None:
        return make()
    if key not in _once:
        _once[key] = make()
    else:
        _once_counts[1] += 1
    return _once[key]


def _plain_engine() -> bool:
    """RV_PLAIN_ENGINE=1: Material's search plugin indexes every page and Material makes every
    page's navigation and tabs, as before issue 23; the site to compare with, byte for byte
    (tests/test_search_index.py, `make bench`)."""
    return os.environ.get("RV_PLAIN_ENGINE") == "1"


def on_env(env, config, files):
    _once.clear()
    _once_counts[:] = [0, 0]
    if not _plain_engine():
        env.globals["rv_once"] = _rv_once
    search = _search_plugin(config)
    if not (_previewing() and _command.get("dirty") and search is not None and "entries" in _search):
        return env
    pages = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
    again = {file.url for file in pages if file.is_modified()}
    current = {file.url for file in pages}
    search.search_index.entries = [entry for entry in _search["entries"]
                                   if _page_of(entry) in current and _page_of(entry) not in again]
    search.search_index_prev = None  # Material's own merge (see above) is not used
    return env


def on_post_build(config):
    log.debug("Navigatie en tabs: %d keer gevraagd, %d keer hergebruikt", *_once_counts)
    if _maker:
        parsed = _maker[0].parsed
        log.debug("Zoekindex: %d pagina's van de generator (%d via html.parser%s)", _maker[0].pages,
                  len(parsed), ": " + ", ".join(parsed[:5]) if parsed else "")
    if _previewing():  # only a build that got this far has shown its pages
        _shown.clear()
        _shown.update(_showing)
        for path in _gone:
            Path(path).unlink(missing_ok=True)
    search = _search_plugin(config)
    if _previewing() and _command.get("dirty") and search is not None:
        _search["entries"] = list(search.search_index.entries)


def on_serve(server, config, builder):
    server.watch(str(_project(config) / "content"))
    return server


