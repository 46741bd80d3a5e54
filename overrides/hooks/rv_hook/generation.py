"""The generator's output, kept while content/ and the settings stay the same; in the preview
also made ahead, as soon as the watcher sees content/ change.

Why ahead: after the watcher sees an edit, MkDocs waits a moment for more changes (watcher.py)
and loads its configuration before the hook's on_files asks for the pages. Generating in that time, on a
thread of its own, takes most of the generation off the way from edit to reload (issue 23).
A build uses what was made ahead only when content/ (every file's size and modification
time, taken before the generator reads it) and the settings are still what it was made
from; otherwise it generates again. The generator runs one at a time: its caches (the
loader's outcome per file, converted bodies) are not made for two threads.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from scripts.assembly.generate import content_fingerprint, render_site
from scripts.content.problems import ProblemList
from scripts.render import share_image
from scripts.render.context import Settings
from scripts.render.output import Output

log = logging.getLogger("mkdocs.hooks.generate")

SETTLE = 0.01  # seconds without another change of content/ before generating ahead


class Generation:
    def __init__(self) -> None:
        self._lock = threading.Lock()  # one generation at a time
        self._made: tuple[tuple, ProblemList, Output | None] | None = None  # key, render_site's answer
        self._given: tuple | None = None  # the key of what the last build got
        self._last: tuple[Path, Settings] | None = None  # what the last build asked for
        self._wanted = threading.Event()
        self._worker: threading.Thread | None = None

    def get(self, content: Path, settings: Settings) -> tuple[ProblemList, Output | None, bool]:
        """render_site(content, settings) for a build, made now or before; True when the last
        build got the same."""
        self._last = (content, settings)
        with self._lock:
            key, problems, out = self._make(content, settings)
            again, self._given = self._given == key, key
        return problems, out, again

    def prepare(self) -> None:
        """The preview has made its first build (on_serve): load, on a thread of its own, what
        the generator loads only when it first needs it (Pillow, for a share card whose title
        changed), so that the first edit does not wait for it."""
        threading.Thread(target=share_image.prepare, name="rv-voorbereiden", daemon=True).start()

    def ahead(self) -> None:
        """content/ changed (the watcher's thread): generate for it on a thread of its own,
        with the last build's settings."""
        if self._last is None:
            return
        self._wanted.set()
        if self._worker is None:
            self._worker = threading.Thread(target=self._work, name="rv-generatie-vooruit", daemon=True)
            self._worker.start()

    def _work(self) -> None:
        while True:
            self._wanted.wait()
            self._wanted.clear()
            # A save comes as a few events (the file emptied, written, closed): start once they
            # have stopped, not on a half-written file.
            while self._wanted.wait(SETTLE):
                self._wanted.clear()
            assert self._last is not None
            try:
                with self._lock:
                    self._make(*self._last)
            except Exception:  # the build generates again and reports it
                log.debug("Vooruit genereren mislukt", exc_info=True)

    def _make(self, content: Path, settings: Settings) -> tuple[tuple, ProblemList, Output | None]:
        key = (content_fingerprint(content), settings)  # before the generator reads content/
        if self._made is None or self._made[0] != key:
            self._made = (key, *render_site(content, settings))
        return self._made
