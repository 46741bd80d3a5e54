"""The checks of `make lint` can fail: the import contracts break on a wrong import (also a feed
that reaches for what only pages use), and mypy with the project's settings refuses a wrong type.
Run on a copy, so a weakened pyproject.toml (a layer dropped, a setting loosened) shows here, not
only in a reviewer's eye."""

from __future__ import annotations

import ast
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


FEEDS_CONTRACT = "Feeds write files for other programs, never pages or page blocks"


@pytest.mark.parametrize("line, message", [
    ("from scripts.pages import calendar_blocks", "scripts.feeds is not allowed to import scripts.pages"),
    ("from scripts.render.macros import build_macros", "scripts.feeds is not allowed to import scripts.render.macros"),
    ("from markupsafe import Markup", "scripts.feeds is not allowed to import markupsafe"),
])
def test_a_feed_that_imports_page_rendering_breaks_the_contract(copy, line, message):
    module = copy / "scripts" / "feeds" / "news.py"
    module.write_text(module.read_text(encoding="utf-8") + f"\n{line}  # wrong on purpose\n", encoding="utf-8")
    result = lint_imports(copy)
    assert result.returncode != 0
    assert f"{FEEDS_CONTRACT} BROKEN" in result.stdout, result.stdout
    assert message in result.stdout


def test_the_layers_alone_would_let_a_feed_use_the_page_macros(copy):
    """What the feeds contract adds: without it, a feed importing the pages' machinery passes."""
    settings = copy / "pyproject.toml"
    text = settings.read_text(encoding="utf-8")
    start = text.index(FEEDS_CONTRACT)
    start = text.rindex("[[tool.importlinter.contracts]]", 0, start)
    end = text.index("\n[", start + 1) + 1  # the next table, whichever it is
    settings.write_text(text[:start] + text[end:], encoding="utf-8")
    module = copy / "scripts" / "feeds" / "news.py"
    module.write_text(module.read_text(encoding="utf-8") + "\nfrom scripts.render.macros import build_macros  # wrong\n",
                      encoding="utf-8")
    result = lint_imports(copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert FEEDS_CONTRACT not in result.stdout


def page_calls(source: str) -> list[str]:
    """The calls `ctx.page(…)` and `ctx.render(…)`: the build's Context (every builder names it
    ctx) makes pages and page blocks with them, and an import contract cannot see a method. (The
    digest renders its mails with a template's own render: not a page.)"""
    return [f"l.{node.lineno} ctx.{node.func.attr}(" for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name) and node.func.value.id == "ctx"
            and node.func.attr in ("page", "render")]


def test_no_feed_renders_a_page_or_a_page_block():
    found = {path.name: page_calls(path.read_text(encoding="utf-8"))
             for path in sorted((PROJECT / "scripts" / "feeds").glob("*.py"))}
    assert found and not any(found.values()), found


def test_the_page_calls_are_found():
    # The open data page as feeds/opendata.py used to write it, and a block as calendar.py did.
    wrong = ('def build(ctx):\n    ctx.page("handleiding/open-data.md", "guide.html", title="Open data")\n'
             'def block(ctx, feed):\n    return Markup(ctx.render("calendar_subscribe.md.j2", feed=feed))\n')
    assert page_calls(wrong) == ["l.2 ctx.page(", "l.4 ctx.render("]


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
