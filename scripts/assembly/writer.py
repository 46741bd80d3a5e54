"""Write generated files under docs/, touching only files whose bytes changed.

`mkdocs serve` rebuilds whenever a file under docs/ changes; rewriting unchanged files would
make it rebuild forever. Files of an earlier build that are no longer generated are removed.
"""

from __future__ import annotations

from pathlib import Path

# The folders under docs/ that the generator owns (all git-ignored). Nothing else is touched.
GENERATED_DIRS = ("actueel", "bijeenkomsten", "deelnemers", "themas", "trefwoord", "bewegingen",
                  "handleiding", "ical", "feeds", "data", "schemas", "_fragmenten",
                  # the agenda to embed and the e-mail digest (scripts/pages/embed.py, follow.py)
                  "insluiten", "nieuwsbrief",
                  # redirect pages at old addresses (scripts/pages/redirects.py)
                  "praktijkvoorbeelden", "praktijk", "2021-2",
                  "insturen",  # the meeting and news forms (scripts/pages/forms.py)
                  # share images, one per page (scripts/render/share_image.py)
                  "deelkaarten",
                  # the accessibility statement (scripts/pages/accessibility.py)
                  "toegankelijkheid",
                  # the help page for calendar subscriptions (scripts/pages/meetings.py)
                  "abonneren")


def write_output(docs_dir: Path, files: dict[str, bytes],
                 owned: tuple[str, ...] | None = GENERATED_DIRS,
                 last: dict[str, bytes] | None = None) -> tuple[int, int]:
    """Return (files written, files removed). `owned`: the folders under `docs_dir` this may
    write and clean (None: all of `docs_dir` is ours, as the preview's own folder). `last`:
    the files as this process wrote them the time before (the preview's own folder, which
    nothing else writes): a file with the same bytes there is not read again."""
    written = removed = 0
    for rel, data in sorted(files.items()):
        if owned is not None and rel.split("/", 1)[0] not in owned:
            raise ValueError(f"generated file outside the generated folders: {rel}")
        target = docs_dir / rel
        if last is not None and last.get(rel) == data and target.is_file():
            continue
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += 1
    for folder in owned if owned is not None else ("",):
        root = docs_dir / folder
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*"), reverse=True):
            rel = path.relative_to(docs_dir).as_posix()
            if path.is_file() and rel not in files:
                path.unlink()
                removed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return written, removed
