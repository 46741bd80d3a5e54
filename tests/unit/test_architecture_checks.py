"""The checks of `make lint` can fail: the import contract breaks on a wrong import, and mypy with
the project's settings refuses a wrong type. Run on a copy, so a weakened pyproject.toml (a layer
dropped, a setting loosened) shows here, not only in a reviewer's eye."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


@pytest.fixture
def copy(tmp_path) -> Path:
    shutil.copytree(PROJECT / "scripts", tmp_path / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(PROJECT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def lint_imports(folder: Path) -> subprocess.CompletedProcess:
    # lint-imports reads the package from its working directory (the copy), not the installed one.
    return subprocess.run([BIN / "lint-imports", "--no-logo", "--no-cache"], cwd=folder,
                          capture_output=True, text=True, timeout=120)


def test_the_import_contract_holds_on_the_tree(copy):
    result = lint_imports(copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" not in result.stdout.replace("0 broken", "")


@pytest.mark.parametrize("line, message", [
    ("from scripts.pages import home", "scripts.model is not allowed to import scripts.pages"),
    ("from scripts.render import dutch", "scripts.model is not allowed to import scripts.render"),
    ("import mkdocs", "scripts is not allowed to import mkdocs"),
])
def test_a_wrong_import_breaks_the_contract(copy, line, message):
    module = copy / "scripts" / "model" / "slugs.py"
    module.write_text(module.read_text(encoding="utf-8") + f"\n{line}  # wrong on purpose\n", encoding="utf-8")
    result = lint_imports(copy)
    assert result.returncode != 0
    assert message in result.stdout


WRONG_TYPES = '''
from datetime import date, datetime


def next_day(day: date) -> datetime:
    return day  # a date where a datetime is promised


def title(name: str | None) -> str:
    return name.strip()  # an unchecked Optional


def half(n: int, m) -> int:  # incompletely annotated
    return n // 2
'''


def test_mypy_with_the_project_settings_refuses_wrong_types(tmp_path):
    module = tmp_path / "wrong.py"
    module.write_text(WRONG_TYPES, encoding="utf-8")
    result = subprocess.run([BIN / "mypy", "--config-file", str(PROJECT / "pyproject.toml"),
                             "--cache-dir", str(tmp_path / "cache"), str(module)],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stdout + result.stderr
    for code in ("[return-value]", "[union-attr]", "[no-untyped-def]"):
        assert code in result.stdout, result.stdout
