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

from scripts.content.problems import ProblemList


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


# --- the pull request as a whole ----------------------------------------------------------------

# Files under content/ that the site keeps itself (the published baseline) or that every
# contributor copies and the guide is made from (the templates): a contributor never changes
# them. The same list as .github/CODEOWNERS.
MAINTAINER_FILES = ("content/bijeenkomsten/_gepubliceerd.json", "content/_sjablonen/")
OUTSIDE_HINT = ("Zet in je voorstel alleen bestanden in content/. Wil je iets aan de site zelf "
                "veranderen (een pagina in docs/, een sjabloon, mkdocs.yml, de scripts)? Vraag het "
                "aan de beheerders: zie CONTRIBUTING.md.")
NOT_COMPARED = "De wijzigingen kunnen niet worden vergeleken"
_KINDS = {"A": "toegevoegd", "M": "veranderd", "D": "verwijderd", "T": "veranderd"}
_MODE_LINK, _MODE_SUBMODULE = "120000", "160000"


def _git_raw(project: Path, *args: str) -> bytes | None:
    try:
        result = subprocess.run(["git", "-C", str(project), *args], capture_output=True, check=False,
                                timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def pull_request_changes(project: Path, base: str) -> list[tuple[str, str, str]] | None:
    """(status, new mode, project-relative path) of every file the change brings since `base`,
    compared with the point where it left `base` (`base...HEAD`), so a base that moved on
    since does not count as the contributor's change. None when git cannot tell."""
    if base.startswith("-"):  # an option, not a revision
        return None
    raw = _git_raw(Path(project).resolve(), "diff", "--raw", "--no-renames", "-z", "--no-abbrev",
                   f"{base}...HEAD", "--")
    if raw is None:
        return None
    fields = raw.decode("utf-8", "replace").split("\0")  # names only shown, never opened
    found = []
    for header, path in zip(fields[0::2], fields[1::2], strict=False):
        parts = header.lstrip(":").split()
        if len(parts) >= 5:
            found.append((parts[4][:1], parts[1], path))
    return found


def pull_request_problems(project: Path, base: str, problems: ProblemList) -> frozenset[str]:
    """Refuse, in Dutch, whatever a contributor's pull request changes outside content/ (and
    the files under content/ that the site keeps itself, symlinks and submodules anywhere).
    Return the content files the pull request adds, for blaming clashes on them.

    Why the pull request and not only content/: a page under docs/, a template in overrides/
    or a hook in mkdocs.yml runs on every page or during the build and the deploy. A
    maintainer's own change is not refused by `make check` (no base given): only a pull
    request checked with `--pull-request` is compared with its base. Not being able to compare
    is a refusal too: a check that cannot see the change must not say it is fine."""
    changes = pull_request_changes(project, base)
    if changes is None:
        problems.add(".", 0, "", f"{NOT_COMPARED} met '{base[:60]}'.",
                     "Een beheerder moet dit voorstel zelf nakijken. (Voor beheerders: geef bij "
                     "--pull-request de basis van het voorstel, bijvoorbeeld HEAD^1 of origin/main, "
                     "en haal genoeg geschiedenis op.)")
        return frozenset()
    added = []
    for status, mode, path in changes:
        what = _KINDS.get(status, "veranderd")
        if not path.startswith("content/"):
            problems.add(path, 0, "", f"Dit bestand staat buiten content/ en is {what}: alleen een "
                         "beheerder kan dit samenvoegen.", OUTSIDE_HINT)
        elif path.startswith(MAINTAINER_FILES):
            problems.add(path, 0, "", f"Dit bestand houdt de site zelf bij en is {what}: alleen een "
                         "beheerder kan dit samenvoegen.", "Haal de wijziging aan dit bestand uit je voorstel.")
        elif mode in (_MODE_LINK, _MODE_SUBMODULE):
            problems.add(path, 0, "", "Dit is een koppeling (symlink of submodule), geen gewoon bestand: "
                         "alleen een beheerder kan dit samenvoegen.", "Zet het bestand zelf in content/.")
        elif status == "A":
            added.append(path)
    return frozenset(added)


# The folders of a tree that `check` reads besides git: content/ and docs/ (the hand-written
# pages, for the register of addresses).
READ_FOLDERS = ("content", "docs")


def proposal_problems(folder: Path, problems: ProblemList) -> bool:
    """A pull request's tree checked as data by another checkout's code (`check --voorstel`,
    the workflow "Controle door main"): may its folders be read? A content/ or docs/ that is
    a symlink would make the check read the checking machine's own files (and a link to / would
    walk the whole disk), so such a tree is refused, in Dutch, and not read; so is a tree
    without content/ (a check that sees nothing must not say all is well). Links inside
    content/ are refused where the loader meets them (it never follows them). Whether the
    folder is a git repository at all, pull_request_problems finds out."""
    readable = True
    for name in READ_FOLDERS:
        path = Path(folder) / name
        if path.is_symlink() or (path.exists() and not path.is_dir()):
            problems.add(name, 0, "", "Dit is een koppeling (symlink) of een bestand in plaats van een map: "
                         "alleen een beheerder kan dit samenvoegen.", "Zet de bestanden zelf in de map.")
            readable = False
        elif name == "content" and not path.exists():
            problems.add(name, 0, "", "De map content/ ontbreekt in dit voorstel: alleen een beheerder kan "
                         "dit samenvoegen.", "Haal het weghalen van content/ uit je voorstel.")
            readable = False
    return readable
