"""`mkdocs serve` (what `make serve` runs) builds the whole site through the hook, rebuilds once
per edit in content/, and never touches what `make build` makes (issue 2, issue 10 point 7,
issue 13 point 4); the generator alone writes only changed files."""

from __future__ import annotations

import filecmp
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from conftest import BUILD_DATE, GENERATED, build, copy_project


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def start_preview(project: Path, port: int, *options: str) -> tuple[subprocess.Popen, list[str]]:
    """`mkdocs serve` as `make serve` runs it, with its output collected line by line."""
    env = dict(os.environ, BUILD_DATE=BUILD_DATE, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
                               "--livereload", "--dirty", *options], cwd=project, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log: list[str] = []
    reader = threading.Thread(target=lambda: [log.append(line) for line in server.stdout], daemon=True)
    reader.start()
    _readers[server.pid] = reader
    return server, log


_readers: dict[int, threading.Thread] = {}  # a preview's pid → the thread collecting its output


def stop_preview(server: subprocess.Popen) -> None:
    """Stop a preview of `start_preview`; its output is then complete."""
    server.terminate()
    server.wait(timeout=30)
    _readers.pop(server.pid).join(timeout=30)


def _wait_for(predicate, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


def _differences(left: Path, right: Path) -> list[str]:
    """Files that are in only one tree or differ in their bytes."""
    found: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        found.extend(prefix + n for n in cmp.left_only + cmp.right_only + cmp.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found.extend(prefix + n for n in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, prefix + name + "/")

    walk(filecmp.dircmp(left, right), "")
    return found


def test_serve_is_isolated_and_rebuilds_once_per_edit(tmp_path):
    project = copy_project(tmp_path / "project")
    before = tmp_path / "before"
    shutil.copytree(build(project), before)
    port = _free_port()
    server, log = start_preview(project, port, "--verbose")  # verbose: MkDocs names its site folder

    def generated() -> list[str]:
        return [line for line in list(log) if "Gegenereerd:" in line]
    try:
        url = f"http://127.0.0.1:{port}/themas/zorgonderwijs/"
        assert _wait_for(lambda: "Zorgonderwijs" in _get(url), 90), "de site kwam niet op"
        # The preview subscribes to its own calendars (the agenda always offers one; a theme
        # page only when its calendar has meetings) …
        assert f"webcal://127.0.0.1:{port}/" in _get(f"http://127.0.0.1:{port}/bijeenkomsten/")
        # … but a build while it runs gives the same bytes as one without it (issue 10, point 7).
        during = build(project)
        assert _differences(before, during) == []
        own = f"127.0.0.1:{port}".encode()
        assert not [p for p in during.rglob("*") if p.is_file() and own in p.read_bytes()]
        # The hook writes nothing under docs/ (the watcher would wake and build again).
        assert not [d for d in GENERATED if (project / "docs" / d).exists()]

        served = Path(re.search(r"Config value 'site_dir' = '([^']+)'", "".join(log))[1])
        pages = {p: p.stat().st_mtime_ns for p in served.rglob("index.html")}
        theme = project / "content" / "themas" / "zorgonderwijs.md"
        lines = theme.read_text(encoding="utf-8").splitlines(keepends=True)
        lines = ['titel: "Zorgonderwijs van morgen"\n' if l.startswith("titel:") else l for l in lines]
        theme.write_text("".join(lines), encoding="utf-8")
        assert _wait_for(lambda: "Zorgonderwijs van morgen" in _get(url), 60), "geen herbouw na wijziging"
        # --dirty rebuilds only changed pages, and every page that lists the theme changed too.
        assert "Zorgonderwijs van morgen" in _get(f"http://127.0.0.1:{port}/themas/")
        # A second build would come within seconds of the first; proving that none comes needs
        # a bounded wait (it ends early, and fails, if one does).
        builds = lambda: "".join(log).count("Building documentation")  # noqa: E731
        assert not _wait_for(lambda: builds() > 2, 6), "".join(log)[-3000:]
        # The edit's build rendered the pages that show the theme's title, and only those.
        again = {p.relative_to(served).parent.as_posix() for p, t in pages.items() if p.stat().st_mtime_ns != t}
        assert {"themas/zorgonderwijs", "themas"} <= again
        assert "deelnemers/actiz" not in again  # ActiZ has nothing to do with care education
        assert 0 < len(again) < len(pages) / 2, (len(again), len(pages))
    finally:
        stop_preview(server)
    output = "".join(log)
    # The first build and one for the edit: the build made in between woke nothing either.
    assert output.count("Building documentation") == 2, output[-3000:]


def test_generator_runs_alone_and_writes_only_changes(tmp_path):
    project = copy_project(tmp_path / "project")
    command = [sys.executable, "-m", "scripts", "--content", str(project / "content"), "generate",
               "--docs", str(project / "docs"), "--datum", BUILD_DATE]
    env = dict(os.environ, PYTHONPATH=str(project))
    first = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "0 gewijzigd" not in first.stdout
    second = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    assert second.returncode == 0
    assert "0 gewijzigd, 0 verwijderd" in second.stdout
    assert (project / "docs" / "actueel" / "index.md").is_file()
