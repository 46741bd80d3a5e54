"""Issue 17 point 2: `make serve` installs the runtime lock only; the test lock comes with the
commands that need it, into the same virtualenv. Read from make's own plan (`make -n`) in a copy
of the project without a virtualenv, so nothing is installed here."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import PROJECT


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    """The Makefile and the locks, as in a fresh clone (no .venv)."""
    target = tmp_path_factory.mktemp("kloon")
    for name in ("Makefile", "pyproject.toml", "requirements.txt", "package.json", "package-lock.json"):
        shutil.copy2(PROJECT / name, target / name)
    shutil.copytree(PROJECT / "requirements", target / "requirements")
    return target


def plan(folder: Path, *targets: str) -> list[str]:
    result = subprocess.run(["make", "-n", "--no-print-directory", *targets], cwd=folder, capture_output=True,
                            text=True, timeout=60, env=dict(os.environ, BUILD_DATE="2026-11-23"))
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout.splitlines()


def installs(lines: list[str]) -> list[str]:
    return [line for line in lines if " pip install " in line]


def test_serve_installs_the_runtime_lock_only(fresh):
    steps = installs(plan(fresh, "serve"))
    assert steps, "make serve in a fresh clone installs nothing?"
    assert any("-r requirements/runtime.txt" in s for s in steps)
    assert not any("-r requirements/test.txt" in s for s in steps), steps


def test_the_test_lock_comes_with_test_lint_bench_and_lock(fresh):
    for target in ("test", "lint", "bench", "lock"):
        assert any("-r requirements/test.txt" in s for s in installs(plan(fresh, target))), target


def test_from_serve_to_test_the_virtualenv_stays(fresh, tmp_path):
    """After `make serve` (its stamp is there), `make test` adds the test lock to the same
    virtualenv: no new one."""
    folder = tmp_path / "na-serve"
    shutil.copytree(fresh, folder)
    (folder / ".venv").mkdir()
    (folder / ".venv" / ".installed").touch()  # what make serve leaves behind
    lines = plan(folder, "lint")
    assert any("-r requirements/test.txt" in s for s in installs(lines))
    assert not [line for line in lines if "-m venv" in line or "rm -rf .venv" in line], lines
