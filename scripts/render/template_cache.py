"""Compiled Jinja templates kept in the user's cache folder between builds.

Jinja compiles every template from source in each new process: at 10x that was about a twentieth
of a build, for the generator's templates and the theme's alike. Jinja's own bytecode cache keeps
the compiled code per template file; it checks each template's source against a checksum, so an
edited template is compiled anew, and its header names the Jinja and Python versions, so another
version never reads it. The output is the same either way. A cache that cannot be read or written
only costs time, as with the share cards (scripts/render/share_image.py)."""

from __future__ import annotations

import os
from pathlib import Path

from jinja2.bccache import Bucket, FileSystemBytecodeCache


class _QuietCache(FileSystemBytecodeCache):
    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            pass

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def template_cache() -> FileSystemBytecodeCache | None:
    """The cache folder's bytecode cache, or None when there is no folder to keep it in."""
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache").as_posix()
    folder = Path(base) / "radicale-vernieuwing" / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _QuietCache(str(folder))
