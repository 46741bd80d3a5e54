"""The Nu Html Checker (npm package vnu-jar, on the machine's Java) finds no error in a sample of
built pages: the largest and the smallest page of every page kind, checked in one Java run.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import PROJECT
from pagekinds import page_samples

VNU = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors that come from Material for MkDocs' own base template, which this project does not copy
# (copying base.html to fix one attribute would freeze 250 lines of theme). Each with its reason.
KNOWN_THEME_ERRORS = [
    # base.html: <input type="checkbox" id="__drawer"/"__search" autocomplete="off">. Material
    # sets it on purpose so that Firefox does not restore an open menu or search after "back";
    # the HTML standard allows autocomplete on text-like inputs only. Harmless for visitors.
    re.compile(r"^Attribute “autocomplete” is only allowed when the input type is "),
]


def is_known_theme_error(message: dict) -> bool:
    return any(pattern.search(message.get("message", "")) for pattern in KNOWN_THEME_ERRORS)


def run_vnu(files: list) -> list[dict]:
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java ontbreekt: installeer een JRE (Debian: default-jre-headless).")
    if not VNU.is_file():
        pytest.fail(f"{VNU} ontbreekt: run `npm ci` in {PROJECT} (make test doet dat ook).")
    result = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--errors-only",
                             *map(str, files)], capture_output=True, text=True, timeout=600)
    # vnu writes its report to stderr; exit code 1 only means "errors found".
    try:
        return json.loads(result.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"vnu gave no JSON report (exit {result.returncode}):\n{result.stderr[-3000:]}")


def describe(message: dict, site) -> str:
    url = message.get("url", "").removeprefix("file:")
    try:
        where = str(Path(url).relative_to(site))
    except ValueError:
        where = url
    extract = (message.get("extract") or "").replace("\n", "⏎")
    return f"{where}:{message.get('lastLine', '?')}: {message.get('message')}\n    {extract}"


def test_sample_pages_are_valid_html(built_site):
    samples = page_samples(built_site)
    assert len(samples) >= 20, samples
    messages = run_vnu(samples)
    errors = [m for m in messages if m.get("type") != "info" and not is_known_theme_error(m)]
    assert not errors, f"the Nu Html Checker found {len(errors)} error(s):\n" + summary(errors, built_site)


def summary(errors: list[dict], site: Path) -> str:
    """Errors grouped by kind (numbers masked), each kind with a count and two examples."""
    groups: dict[str, list[dict]] = {}
    for message in errors:
        groups.setdefault(re.sub(r"\d", "0", message.get("message", "")), []).append(message)
    lines = []
    for kind, items in sorted(groups.items(), key=lambda item: -len(item[1])):
        lines.append(f"- {len(items)}× {kind}")
        lines += ["  " + describe(m, site).replace("\n", "\n  ") for m in items[:2]]
    return "\n".join(lines)


def test_the_checker_reports_errors(tmp_path):
    """vnu really runs and really complains: a page with a duplicate id and a stray end tag."""
    page = tmp_path / "bad.html"
    page.write_text('<!doctype html><html lang="nl"><head><title>x</title></head>'
                    '<body><p id="a">x</p><p id="a">y</p></div></body></html>', encoding="utf-8")
    messages = run_vnu([page])
    assert any("Duplicate ID" in m.get("message", "") for m in messages), messages
