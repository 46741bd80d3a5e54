"""Which content files a change adds, so that a clash is reported on the new file.

A pull request's annotation belongs on the file the pull request brings, not on the file that
was already there. Two sources, both from git, both optional:

- files git does not track yet (a contributor who runs `make check` before committing);
- on a merge commit (what the pull-request workflow checks out, with `fetch-depth: 2`), the
  files added since the first parent (the target branch).

Without git, or outside a repository, the answer is None and a clash is reported on both files.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def _git(project: Path, *args: str) -> list[str] | None:
    try:
        result = subprocess.run(["git", "-C", str(project), *args], capture_output=True, check=False,
                                text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    return [line for line in result.stdout.splitlines() if line]


def files_added(project: Path) -> frozenset[str] | None:
    """Project-relative paths under content/ that are new in this change, or None if unknown."""
    project = Path(project).resolve()
    untracked = _git(project, "ls-files", "--others", "--exclude-standard", "--", "content")
    if untracked is None:
        return None
    added: list[str] = []
    parents = _git(project, "rev-list", "--parents", "-n", "1", "HEAD") or []
    if parents and len(parents[0].split()) > 2:  # a merge commit: HEAD, first parent, …
        # --relative: paths relative to the project, like ls-files above.
        added = _git(project, "diff", "--name-only", "--relative", "--diff-filter=A", "HEAD^1",
                     "HEAD", "--", "content") or []
    return frozenset(untracked + added)
