"""What the preview (`make serve`, `mkdocs serve --dirty`) needs beyond a build.

`--dirty` renders and copies only the files that are modified. For a file on disk MkDocs
compares times; for a file handed over in memory it cannot, so here modified means: other
bytes (or front matter) than the last finished preview build showed (`PreviewFile`). One edit
is then one build of only the pages that changed, and nothing is written to disk but site pages.
Around that:
- a page gone from content/ goes from the preview too (--dirty never removes what an earlier
  build wrote, so its old address would still answer);
- the search index: --dirty renders only the changed pages and the search plugin then indexes
  only those. Material keeps the earlier index and replaces the entries of one page (the
  first), which is right only when one page changed. Here the index of the last build is kept,
  the entries of every page that is rendered again (or gone) are dropped before the build
  renders pages, and the pages then add their new entries;
- MkDocs makes a new Jinja environment for every build, which would load every template
  again and list the ~15,000 files of Material's theme again: the environment is kept while
  the theme's files stay the same, the compiled templates while they hold.
"""

from __future__ import annotations

import mimetypes
import os
from pathlib import Path
from typing import Any, Literal

import jinja2
import jinja2.bccache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.theme import Theme

from .search import material_search

# The dev server guesses content types with mimetypes, which without /etc/mime.types sends
# .ics as application/octet-stream, and calendar apps refuse it.
mimetypes.add_type("text/calendar", ".ics")


class PreviewFile(File):
    """A page or file the hook hands to the preview, in memory; modified when its bytes differ
    from what the last preview build showed."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed


class Preview:
    """The preview's state between its builds (one object for the whole `mkdocs serve`)."""

    def __init__(self) -> None:
        self.running = False  # `mkdocs serve`
        self.dirty = False  # … --dirty, as `make serve` runs it
        # The preview's pages as its last finished build showed them, and as the running build will.
        self._shown: dict[str, tuple[bytes, dict | None]] = {}
        self._showing: dict[str, tuple[bytes, dict | None]] = {}
        self._gone: list[str] = []  # the site files of pages the running build no longer has
        self._search: list[dict[str, Any]] | None = None  # the last build's search index entries
        self._templates = _TemplateCache()
        self._environment: dict[tuple, jinja2.Environment] = {}  # the theme's, by its folders
        self._theme_files: dict[tuple, list[str]] = {}  # the list of the theme's files, of that one

    def start(self, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.running = command == "serve"
        self.dirty = dirty

    def configure(self, config: MkDocsConfig) -> None:
        if self.running:
            config.theme.get_env = self._theme_environment(config.theme)  # type: ignore[method-assign]

    def files(self, config: MkDocsConfig, pages: dict[str, bytes], meta: dict[str, dict]) -> list[File]:
        """The handed-over pages and files as the preview's files, each modified or not (its
        bytes or, for a generated page, its front matter handed over as data)."""
        made: list[File] = []
        self._showing = {path: (data, meta.get(path)) for path, data in pages.items()}
        for path, data in pages.items():
            file = PreviewFile.generated(config, path, content=data)
            assert isinstance(file, PreviewFile)  # File.generated makes the class it is called on
            file.changed = self._shown.get(path) != self._showing[path]
            made.append(file)
        self._gone = [File.generated(config, path, content=b"").abs_dest_path
                      for path in self._shown if path not in pages]
        return made

    def keep_search_index(self, files: Files, config: MkDocsConfig) -> None:
        """Before the pages are rendered (on_env): the last build's entries, without those of
        the pages rendered again or gone."""
        search = material_search(config)
        if not (self.running and self.dirty and search is not None and self._search is not None):
            return
        pages = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        again = {file.url for file in pages if file.is_modified()}
        current = {file.url for file in pages}
        search.search_index.entries = [entry for entry in self._search
                                       if _page_of(entry) in current and _page_of(entry) not in again]
        search.search_index_prev = None  # Material's own merge (see above) is not used

    def finish(self, config: MkDocsConfig) -> None:
        """After a build that got this far: it has shown its pages (on_post_build)."""
        if not self.running:
            return
        self._shown = self._showing
        for path in self._gone:
            Path(path).unlink(missing_ok=True)
        search = material_search(config)
        if self.dirty and search is not None:
            self._search = list(search.search_index.entries)

    def _theme_environment(self, theme: Theme) -> Any:
        """theme.get_env, the environment kept while no file of the theme changes (the
        project's own folders; Material's installed ones stay as they are): its templates are
        loaded once, not for every build. After an edit, a new environment; the compiled
        templates kept (_TemplateCache) while their source is the same."""
        make = type(theme).get_env
        cache, kept, listed_before = self._templates, self._environment, self._theme_files

        def get_env() -> jinja2.Environment:
            key = (tuple(theme.dirs), _theme_times(theme.dirs), theme.locale)
            if key in kept:
                return kept[key]
            env = make(theme)
            env.bytecode_cache = cache
            listed = env.list_templates

            def list_templates(extensions: Any = None, filter_func: Any = None) -> list[str]:
                key = (extensions, getattr(filter_func, "__code__", filter_func))
                if key not in listed_before:
                    listed_before[key] = listed(extensions=extensions, filter_func=filter_func)
                return list(listed_before[key])

            env.list_templates = list_templates  # type: ignore[method-assign]
            kept.clear()
            listed_before.clear()
            kept[key] = env
            return env

        return get_env


class _TemplateCache(jinja2.BytecodeCache):
    """The theme's compiled templates, kept while the preview runs. Jinja checks each
    template's source against its checksum, so an edited template is compiled anew."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def _theme_times(folders: list[str]) -> tuple:
    """The modification time of every folder and file under `folders` (a file added, removed
    or renamed changes its folder's time); installed packages are taken as they are."""
    times = []
    for folder in folders:
        if "site-packages" in Path(folder).parts:
            continue
        for root, _dirs, files in os.walk(folder):
            times.append((root, os.stat(root).st_mtime_ns))
            times.extend((name, os.stat(os.path.join(root, name)).st_mtime_ns) for name in files)
    return tuple(times)


def _page_of(entry: dict[str, Any]) -> str:
    return str(entry.get("location", "")).split("#", 1)[0]
