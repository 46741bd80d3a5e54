"""Unit tests of scripts.assembly.writer: docs/ gets exactly the generated files, and a file whose
bytes did not change is not touched (else `mkdocs serve` would rebuild forever)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scripts.assembly.writer import GENERATED_DIRS, write_output


def snapshot(docs):
    return {p.relative_to(docs).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(docs.rglob("*")) if p.is_file()}


def test_first_write_then_nothing_to_do(tmp_path):
    files = {"actueel/index.md": b"# Actueel\n", "ical/alle.ics": b"BEGIN:VCALENDAR\r\n",
             "themas/zorg/index.md": "één\n".encode()}
    assert write_output(tmp_path, files) == (3, 0)
    for path in tmp_path.rglob("*"):  # an old mtime, so a rewrite would show
        if path.is_file():
            os.utime(path, ns=(1, 1))
    before = snapshot(tmp_path)
    assert write_output(tmp_path, dict(files)) == (0, 0)
    assert snapshot(tmp_path) == before


def test_only_changed_files_are_written_and_stale_ones_removed(tmp_path):
    write_output(tmp_path, {"actueel/a.md": b"a", "actueel/b.md": b"b", "actueel/oud/c.md": b"c"})
    os.utime(tmp_path / "actueel" / "a.md", ns=(1, 1))
    assert write_output(tmp_path, {"actueel/a.md": b"a", "actueel/b.md": b"B"}) == (1, 1)
    assert (tmp_path / "actueel" / "a.md").stat().st_mtime_ns == 1
    assert (tmp_path / "actueel" / "b.md").read_bytes() == b"B"
    assert not (tmp_path / "actueel" / "oud").exists()  # the emptied folder goes too


def test_hand_written_pages_are_never_touched(tmp_path):
    (tmp_path / "index.md").write_text("# Thuis\n", encoding="utf-8")
    (tmp_path / "over").mkdir()
    (tmp_path / "over" / "index.md").write_text("# Over\n", encoding="utf-8")
    write_output(tmp_path, {"actueel/index.md": b"x"})
    write_output(tmp_path, {})
    assert (tmp_path / "index.md").read_text(encoding="utf-8") == "# Thuis\n"
    assert (tmp_path / "over" / "index.md").is_file()
    assert not (tmp_path / "actueel" / "index.md").exists()


@pytest.mark.parametrize("rel", ["index.md", "over/index.md", "assets/x.js", "../buiten.md"])
def test_a_file_outside_the_generated_folders_is_refused(tmp_path, rel):
    with pytest.raises(ValueError):
        write_output(tmp_path, {rel: b"x"})
    assert not any(tmp_path.rglob("*"))


def test_the_generated_folders_are_the_ones_git_ignores():
    ignored = (Path(__file__).resolve().parents[2] / ".gitignore").read_text(encoding="utf-8")
    for folder in GENERATED_DIRS:
        assert f"/docs/{folder}/" in ignored.splitlines()
