"""Issue 2: `mkdocs serve` (what `make serve` runs) builds the whole site through the hook and
rebuilds when a file in content/ changes; the generator alone writes only changed files."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request

from conftest import BUILD_DATE, copy_project


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(predicate, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


def test_serve_reloads_when_content_changes(tmp_path):
    project = copy_project(tmp_path / "project")
    port = _free_port()
    env = dict(os.environ, BUILD_DATE=BUILD_DATE, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
                               "--livereload"], cwd=project, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log: list[str] = []
    reader = threading.Thread(target=lambda: [log.append(line) for line in server.stdout], daemon=True)
    reader.start()

    def generated() -> list[str]:
        return [line for line in list(log) if "Gegenereerd:" in line]
    try:
        url = f"http://127.0.0.1:{port}/themas/zorgonderwijs/"
        assert _wait_for(lambda: "Zorgonderwijs" in _get(url), 90), "de site kwam niet op"
        theme = project / "content" / "themas" / "zorgonderwijs.md"
        lines = theme.read_text(encoding="utf-8").splitlines(keepends=True)
        lines = ['titel: "Zorgonderwijs van morgen"\n' if l.startswith("titel:") else l for l in lines]
        theme.write_text("".join(lines), encoding="utf-8")
        assert _wait_for(lambda: "Zorgonderwijs van morgen" in _get(url), 60), "geen herbouw na wijziging"
        # After the rebuild the server settles: the build that follows the generator's own writes
        # writes nothing, so nothing wakes the watcher again (a fixed point, not a fixed wait).
        _wait_for(lambda: "(0 gewijzigd, 0 verwijderd)" in generated()[-1], 30)
    finally:
        server.terminate()
        server.wait(timeout=30)
        reader.join(timeout=30)
    output = "".join(log)
    # initial build; rebuild for the content change (it rewrites generated files under docs/);
    # one more for those files, which changes nothing — and then it stops.
    assert output.count("Building documentation") <= 3, output[-3000:]
    assert "(0 gewijzigd, 0 verwijderd)" in generated()[-1] or len(generated()) == 2


def test_generator_runs_alone_and_writes_only_changes(tmp_path):
    project = copy_project(tmp_path / "project")
    command = [sys.executable, "-m", "scripts", "--content", str(project / "content"), "generate",
               "--docs", str(project / "docs"), "--datum", BUILD_DATE]
    env = dict(os.environ, PYTHONPATH=str(project))
    first = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "0 gewijzigd" not in first.stdout
    second = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    assert second.returncode == 0
    assert "0 gewijzigd, 0 verwijderd" in second.stdout
    assert (project / "docs" / "actueel" / "index.md").is_file()
