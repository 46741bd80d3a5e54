"""The preview's watcher (overrides/hooks/rv_hook/watcher.py): told of changes by the system,
passing on what changes a file and never a read (every build reads all of content/), and
polling where the system cannot tell. The whole preview is tried in tests/test_serve.py."""

from __future__ import annotations

import queue
import sys
from pathlib import Path

from conftest import PROJECT
from watchdog.events import FileSystemEvent, FileSystemEventHandler

# The hook's parts are found as MkDocs finds them: its folder on sys.path (rv_hook/__init__.py).
sys.path.insert(0, str(PROJECT / "overrides" / "hooks"))
from rv_hook import watcher  # noqa: E402


class Heard(FileSystemEventHandler):
    def __init__(self) -> None:
        self.events: queue.Queue[FileSystemEvent] = queue.Queue()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if not event.is_directory:
            self.events.put(event)


def test_a_write_is_heard_and_a_read_is_not(tmp_path: Path):
    page = tmp_path / "thema.md"
    page.write_text("titel: A\n", encoding="utf-8")
    heard = Heard()
    observer = watcher.ChangesOnly()
    observer.schedule(heard, str(tmp_path), recursive=True)
    observer.start()
    try:
        page.read_text(encoding="utf-8")  # as the generator reads content/
        page.write_text("titel: B\n", encoding="utf-8")
        first = heard.events.get(timeout=10)  # the first event is the write's, not the read's
        assert first.event_type in ("modified", "closed") and Path(str(first.src_path)) == page
        # The write's last event is its close; wait for it, so that nothing of the write is
        # still on its way when the read is tried.
        event = first
        while event.event_type != "closed":
            event = heard.events.get(timeout=10)
        page.read_text(encoding="utf-8")
        # Proving that nothing comes needs a bounded wait (it ends early, and fails, if one does).
        try:
            event = heard.events.get(timeout=1)
        except queue.Empty:
            event = None
        assert event is None, event
    finally:
        observer.stop()
        observer.join()


def test_where_the_system_cannot_tell_the_server_polls(tmp_path: Path):
    assert watcher._notifications_work([str(tmp_path)])  # Linux: inotify
    assert not watcher._notifications_work([str(tmp_path), str(tmp_path / "er-niet")])
