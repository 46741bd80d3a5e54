"""The preview's watcher: an edit seen at once, not within half a second.

MkDocs' dev server polls what it watches every 0.5 s (watchdog's PollingObserver: the native
observers report reading a file as an event too, and every build reads all of content/), then
waits 0.1 s for more changes. An edit waited 0.25 s on average, up to 0.5 s, before its build
began: a third of the way from edit to reload (issue 23). `on_serve` may hand MkDocs another
server to run; this is MkDocs' own LiveReloadServer, watching what MkDocs watched and content/,
with the system's own notifications (inotify on Linux) told to pass on only what changes a
file (`ChangesOnly`: created, written, closed after writing, moved, deleted; never opened,
read or closed unwritten), so a build that reads content/ does not wake it. A save comes as a
few events within a millisecond: the server waits 0.02 s, not 0.1 s, for more. Where the
system has no notifications it polls, every 0.05 s or more: a poll lists every watched file,
so the interval grows with the project and polling takes at most about a tenth of a core.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from watchdog import events
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import ObservedWatch
from watchdog.observers.polling import PollingObserver
from watchdog.utils.dirsnapshot import DirectorySnapshot

SETTLE = 0.02  # seconds without another event before a build starts (with notifications)
QUICKEST = 0.05  # seconds between polls
SLOWEST = 0.5  # MkDocs' own interval: never slower than without the hook
SHARE = 10  # the interval is at least this many times one poll's own time


def quicker(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any],
            content_changed: Callable[[], None]) -> LiveReloadServer:
    """A server like `server` that also watches content/, told of changes by the system (or
    polling every QUICKEST–SLOWEST seconds); `content_changed` is called (on the watcher's
    thread) when content/ changes."""
    content = str(Path(config.config_file_path).resolve().parent / "content")
    # Only read: the paths MkDocs watches (docs/, mkdocs.yml, the theme with --watch-theme, …);
    # the first two if a later MkDocs names them otherwise.
    watched = getattr(server, "_watched_paths", None) or [config.docs_dir, config.config_file_path]
    paths = [*watched, content]
    host, port = config.dev_addr
    notified = _notifications_work(paths)
    made = LiveReloadServer(builder=builder, host=host, port=port, root=server.root, mount_path=server.mount_path,
                            polling_interval=QUICKEST if notified else polling_interval(paths))
    if notified:
        made.observer = ChangesOnly()  # before `watch`, which schedules on it
        made.build_delay = SETTLE
    made.error_handler = server.error_handler
    for path in paths:
        made.watch(path)
    made.observer.schedule(_Changed(content_changed), content, recursive=True)  # the same observer
    server.server_close()  # never bound (MkDocs binds in serve()); its socket is let go
    return made


# What changes a file's content or its place (a save, a new file, a rename, a removal).
_CHANGES: list[type[FileSystemEvent]] = [
    events.FileCreatedEvent, events.FileModifiedEvent, events.FileClosedEvent, events.FileMovedEvent,
    events.FileDeletedEvent, events.DirCreatedEvent, events.DirMovedEvent, events.DirDeletedEvent]


class ChangesOnly(Observer):  # type: ignore[misc,valid-type]  # the system's own observer class
    """The system's observer, passing on only the events in _CHANGES for every watch."""

    def schedule(self, event_handler: FileSystemEventHandler, path: str | Path, *, recursive: bool = False,
                 event_filter: list[type[FileSystemEvent]] | None = None, follow_symlink: bool = False,
                 ) -> ObservedWatch:
        return super().schedule(event_handler, path, recursive=recursive, event_filter=_CHANGES,
                                follow_symlink=follow_symlink)


class _Changed(FileSystemEventHandler):
    def __init__(self, call: Callable[[], None]) -> None:
        super().__init__()
        self._call = call

    def on_any_event(self, event: FileSystemEvent) -> None:
        if not event.is_directory:
            self._call()


def _notifications_work(paths: list[str]) -> bool:
    """Whether the system can tell of changes under every path (it has notifications, and their
    limits, such as inotify's watches per user, leave room); otherwise the server polls."""
    if isinstance(Observer(), PollingObserver):  # what watchdog picks where the system has none
        return False
    probe = ChangesOnly()
    try:
        for path in paths:
            probe.schedule(FileSystemEventHandler(), path, recursive=Path(path).is_dir())
        probe.start()
    except OSError:
        return False
    finally:
        probe.stop()  # its watches too, those started before a failure included
        if probe.is_alive():
            probe.join()
    return True


def polling_interval(paths: list[str]) -> float:
    """Seconds between polls: SHARE times what one poll of every path takes, within bounds."""
    start = time.perf_counter()
    for path in paths:
        if Path(path).is_dir():
            DirectorySnapshot(path, recursive=True)
    return min(SLOWEST, max(QUICKEST, SHARE * (time.perf_counter() - start)))
