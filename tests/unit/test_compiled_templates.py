"""Compiled templates kept on disk (render/environment.py) change nothing but the time."""

import os
import sys

from scripts.render.environment import _new_environment
from scripts.render.macros import build_macros


def test_a_template_compiled_before_renders_the_same(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    folder = tmp_path / "compiled"
    values = {"title": "A <b> & [c](javascript:x)", "items": [], "current": 1, "paths": ["a.md"],
              "intro": "", "total": 0}

    def render() -> str:
        env = _new_environment(folder)
        return env.get_template("articles.md.j2").render(**values, **build_macros(env, values))

    cold = render()
    assert any(folder.iterdir())
    assert render() == cold


def test_nothing_is_written_where_python_writes_no_bytecode(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    _new_environment(tmp_path / "compiled").get_template("articles.md.j2")
    assert not (tmp_path / "compiled").exists()


def test_a_folder_that_cannot_be_written_only_means_compiling(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    _new_environment(blocked / "compiled").get_template("articles.md.j2")  # no error
    assert os.path.isfile(blocked)
