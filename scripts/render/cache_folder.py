"""The project's folder in the user's cache (XDG_CACHE_HOME, else ~/.cache): what a build keeps
for the next one (compiled templates, share cards). Only ever a saving: a folder that cannot be
made, read or written costs time, never a different site."""

from __future__ import annotations

import os
from pathlib import Path


def cache_folder(*parts: str) -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache").as_posix()
    return Path(base, "radicale-vernieuwing", *parts)
