"""The preview's watcher: an edit seen within a twentieth of a second, not half a second.

MkDocs' dev server polls what it watches every 0.5 s (watchdog's PollingObserver: the native
observers report reading a file as an event too, and every build reads all of content/), then
waits 0.1 s for more changes. An edit waited 0.25 s on average, up to 0.5 s, before its build
began: a third of the way from edit to reload (issue 23). `on_serve` may hand MkDocs another
server to run; this is MkDocs' own LiveReloadServer, made with a shorter `polling_interval`
(its own parameter), watching what MkDocs watched and content/. A poll lists every watched
file, so the interval grows with the project: polling takes at most about a tenth of a core.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.utils.dirsnapshot import DirectorySnapshot

QUICKEST = 0.05  # seconds between polls
SLOWEST = 0.5  # MkDocs' own interval: never slower than without the hook
SHARE = 10  # the interval is at least this many times one poll's own time


def quicker(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any],
            content_changed: Callable[[], None]) -> LiveReloadServer:
    """A server like `server` that also watches content/ and polls every QUICKEST–SLOWEST
    seconds; `content_changed` is called (on the watcher's thread) when content/ changes."""
    content = str(Path(config.config_file_path).resolve().parent / "content")
    # Only read: the paths MkDocs watches (docs/, mkdocs.yml, the theme with --watch-theme, …);
    # the first two if a later MkDocs names them otherwise.
    watched = getattr(server, "_watched_paths", None) or [config.docs_dir, config.config_file_path]
    paths = [*watched, content]
    host, port = config.dev_addr
    made = LiveReloadServer(builder=builder, host=host, port=port, root=server.root,
                            mount_path=server.mount_path, polling_interval=polling_interval(paths))
    made.error_handler = server.error_handler
    for path in paths:
        made.watch(path)
    made.observer.schedule(_Changed(content_changed), content, recursive=True)  # the same poll
    server.server_close()  # never bound (MkDocs binds in serve()); its socket is let go
    return made


class _Changed(FileSystemEventHandler):
    def __init__(self, call: Callable[[], None]) -> None:
        super().__init__()
        self._call = call

    def on_any_event(self, event: FileSystemEvent) -> None:
        if not event.is_directory:
            self._call()


def polling_interval(paths: list[str]) -> float:
    """Seconds between polls: SHARE times what one poll of every path takes, within bounds."""
    start = time.perf_counter()
    for path in paths:
        if Path(path).is_dir():
            DirectorySnapshot(path, recursive=True)
    return min(SLOWEST, max(QUICKEST, SHARE * (time.perf_counter() - start)))
