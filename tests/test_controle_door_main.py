"""The required status "Controle door main" (.github/workflows/controle-door-main.yml), tried
without GitHub: a pull request simulated in a temporary git repository made from the project,
and the workflow's own steps run as the runner would run them.

The workflow file is read here, not copied: its two checkouts are made with git as
actions/checkout makes them (main's code into main/, the pull request's commit into voorstel/),
its check step and its status step run with bash in the working directory and with the
environment the workflow gives them, and `gh` is a stand-in that only records the status it is
asked to post (GitHub itself cannot be reached here). Changing the workflow so that the pull
request's own checker runs makes the hostile pull request below green and these tests fail.

The pull requests, each one commit on the same base:
(a) a good organisation file: green;
(b) an organisation file with mistakes: red, every problem in Dutch with file and line;
(c) a change to scripts/content/ that makes every check pass (and leaves a mark when it runs),
    plus a file with mistakes: red with "alleen een beheerder kan dit samenvoegen", and its
    code never runs; its own checker (what controle.yml runs) calls it fine;
(d) a new workflow file: red with the same reason;
(e) docs/ replaced by a link to the root of the disk: red, and nothing is read through it;
(f) content/ removed: red (a check that sees nothing says so, not "all is well").
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import PROJECT, copy_project

WORKFLOW = PROJECT / ".github" / "workflows" / "controle-door-main.yml"
REPOSITORY = "loc-waardevolle-zorg/radicale-vernieuwing"
MARK = "VOORSTEL-UITGEVOERD"  # written by the hostile pull request's code when it runs
MAINTAINER_ONLY = "alleen een beheerder kan dit samenvoegen"
BUILD_DATE = "2026-11-23"  # the real step takes today's date; fixed here so the test does not drift

GOOD = """\
---
naam: Zorggroep Nieuw
website: https://www.zorggroep-nieuw.nl
plaats: Utrecht
provincie: Utrecht
sector: [ouderenzorg]
bewegingen: [zorg]
rol: deelnemer
sinds: 2026-11
beschrijving: Zorggroep Nieuw biedt zorg thuis.
---

Wij doen mee omdat zorg dichtbij mensen hoort.
"""

BAD = """\
---
website: https://www.zorggroep-fout.nl
provincie: Gelderlandd
bewegingen: [zorg]
rol: deelnemer
sinds: 2025-13-01
---

Een organisatie met drie fouten.
"""

# Appended to scripts/content/problems.py by pull request (c): every problem vanishes, so the
# pull request's own check (and its own --pull-request comparison) always says all is fine.
HOSTILE_CODE = f"""

from pathlib import Path as _Path
(_Path(__file__).resolve().parents[2] / "{MARK}").write_text("deze code is uitgevoerd")
ProblemList.add = lambda self, *args, **kwargs: None
ProblemList.extend = lambda self, other: None
"""

HOSTILE_WORKFLOW = """\
name: Stiekem
on: pull_request_target
permissions: write-all
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo "hier zou vreemde code draaien"
"""


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(folder), "-c", "user.name=t", "-c", "user.email=t@t",
                           "-c", "commit.gpgsign=false", *args], check=True, capture_output=True,
                          text=True).stdout.strip()


def _pr_a(project: Path) -> None:
    (project / "content" / "deelnemers" / "zorggroep-nieuw.md").write_text(GOOD, encoding="utf-8")


def _pr_b(project: Path) -> None:
    (project / "content" / "deelnemers" / "zorggroep-fout.md").write_text(BAD, encoding="utf-8")


def _pr_c(project: Path) -> None:
    problems = project / "scripts" / "content" / "problems.py"
    problems.write_text(problems.read_text(encoding="utf-8") + HOSTILE_CODE, encoding="utf-8")
    _pr_b(project)


def _pr_d(project: Path) -> None:
    (project / ".github" / "workflows" / "stiekem.yml").write_text(HOSTILE_WORKFLOW, encoding="utf-8")


def _pr_e(project: Path) -> None:
    shutil.rmtree(project / "docs")
    (project / "docs").symlink_to("/", target_is_directory=True)


def _pr_f(project: Path) -> None:
    shutil.rmtree(project / "content")


PULL_REQUESTS = {"a": _pr_a, "b": _pr_b, "c": _pr_c, "d": _pr_d, "e": _pr_e, "f": _pr_f}


@pytest.fixture(scope="module")
def repository(tmp_path_factory) -> Path:
    """The project in git: `main` (the base, with this checkout's code) and one branch per pull
    request, pr-a … pr-f, each one commit on main."""
    project = copy_project(tmp_path_factory.mktemp("guard") / "repository")
    for name in (".github", "requirements"):
        shutil.copytree(PROJECT / name, project / name)
    for name in ("Makefile", "pyproject.toml", "requirements.txt"):
        shutil.copy2(PROJECT / name, project / name)
    _git(project, "init", "-q", "-b", "main")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "main")
    for name, change in PULL_REQUESTS.items():
        _git(project, "checkout", "-q", "-b", f"pr-{name}", "main")
        change(project)
        _git(project, "add", "-A")
        _git(project, "commit", "-qm", f"voorstel {name}")
    _git(project, "checkout", "-q", "main")
    return project


# --- the runner, as far as these steps need it -------------------------------------------------

def _workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _expand(value: str, expressions: dict[str, str]) -> str:
    """`${{ x }}` as GitHub fills it in; an expression this test does not know fails it."""
    return re.sub(r"\$\{\{\s*(.*?)\s*\}\}", lambda m: expressions[m.group(1)], str(value))


class Runner:
    """One job of the workflow on this machine: a workspace, RUNNER_TEMP, and a `gh` that
    records its arguments (the only thing that would reach GitHub)."""

    def __init__(self, root: Path, repository: Path, pull_request: str):
        self.repository = repository
        self.workspace = root / "workspace"
        self.temp = root / "runner-temp"
        self.bin = root / "bin"
        for folder in (self.workspace, self.temp, self.bin):
            folder.mkdir(parents=True)
        self.log = root / "gh.jsonl"
        gh = self.bin / "gh"
        gh.write_text(f"#!{sys.executable}\nimport json, os, sys\n"
                      f"with open({str(self.log)!r}, 'a') as log:\n"
                      "    log.write(json.dumps({'args': sys.argv[1:], 'token': os.environ.get('GH_TOKEN')}) + '\\n')\n",
                      encoding="utf-8")
        gh.chmod(0o755)
        self.base = _git(repository, "rev-parse", "main")
        self.head = _git(repository, "rev-parse", f"pr-{pull_request}")
        self.expressions = {
            "github.workspace": str(self.workspace),
            "github.token": "het-token-van-de-job",
            "github.repository": REPOSITORY,
            "github.server_url": "https://github.com",
            "github.run_id": "4711",
            "github.event.repository.default_branch": "main",
            "github.event.pull_request.base.sha": self.base,
            "github.event.pull_request.head.sha": self.head,
        }
        self.results: dict[str, subprocess.CompletedProcess] = {}

    def checkout(self, options: dict) -> None:
        """actions/checkout: a clone of the repository with the ref checked out in `path`."""
        ref = _expand(options["ref"], self.expressions)
        commit = ref if re.fullmatch(r"[0-9a-f]{40}", ref) else _git(self.repository, "rev-parse", f"refs/heads/{ref}")
        target = self.workspace / options["path"]
        _git(self.workspace, "clone", "-q", "--no-checkout", str(self.repository), str(target))
        _git(target, "checkout", "-q", "--detach", commit)

    def run(self, step: dict) -> subprocess.CompletedProcess:
        """A `run:` step as the runner runs it: bash -e with pipefail, in its working directory."""
        env = {key: value for key, value in os.environ.items() if not key.startswith(("GITHUB_", "GH_"))}
        env.update({key: _expand(value, self.expressions) for key, value in step.get("env", {}).items()})
        env["PATH"] = os.pathsep.join([str(self.bin), str(Path(sys.executable).parent), env.get("PATH", "")])
        env.update(RUNNER_TEMP=str(self.temp), GITHUB_WORKSPACE=str(self.workspace), CI="true")
        env.pop("PYTHONPATH", None)
        # The real step takes today's date in Amsterdam; the content's verdicts do not depend
        # on it, but a fixed date keeps the test from drifting. Shadow `date` for +%F only.
        fake_date = self.bin / "date"
        fake_date.write_text(f"#!/bin/sh\nif [ \"$1\" = +%F ]; then echo {BUILD_DATE}; else exec /bin/date \"$@\"; fi\n")
        fake_date.chmod(0o755)
        cwd = self.workspace / step.get("working-directory", ".")
        return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], cwd=cwd,
                              env=env, capture_output=True, text=True, timeout=600, check=False)

    def job(self) -> None:
        """Every step of the job, in order. Setting up Python and installing are the only steps
        left out: this test's Python has the same locked packages, and `python -m scripts`
        takes the package from the working directory (main/) as on the runner."""
        for step in _workflow()["jobs"]["controle"]["steps"]:
            uses = step.get("uses", "")
            if uses.startswith("actions/checkout@"):
                self.checkout(step["with"])
            elif uses.startswith("actions/setup-python@") or "pip install" in step.get("run", ""):
                continue
            else:
                assert not uses, f"een stap die deze test niet kent: {uses}"
                self.results[step.get("id") or step["name"]] = self.run(step)

    def statuses(self) -> list[dict[str, str]]:
        posted = []
        for line in self.log.read_text(encoding="utf-8").splitlines():
            call = json.loads(line)
            args = call["args"]
            assert args[:3] == ["api", "-X", "POST"] and args[3] == f"repos/{REPOSITORY}/statuses/{self.head}", args
            assert call["token"] == "het-token-van-de-job"
            fields = dict(value.split("=", 1) for flag, value in zip(args[4::2], args[5::2], strict=False) if flag == "-f")
            posted.append(fields)
        return posted


def _job(tmp_path: Path, repository: Path, pull_request: str) -> tuple[Runner, dict[str, str], str]:
    runner = Runner(tmp_path, repository, pull_request)
    runner.job()
    posted = runner.statuses()
    assert [p["state"] for p in posted[:1]] == ["pending"] and len(posted) == 2, posted
    assert {p["context"] for p in posted} == {"Controle door main"}
    assert {p["target_url"] for p in posted} == {f"https://github.com/{REPOSITORY}/actions/runs/4711"}
    check = runner.results["controle"]
    output = check.stdout + check.stderr
    assert "Traceback" not in output
    return runner, posted[-1], output


def _never_ran(runner: Runner) -> None:
    """The hostile code leaves its mark at the root of the tree it was imported from."""
    assert not list(runner.workspace.glob(f"*/{MARK}")), "code van het voorstel is uitgevoerd"


# --- the verdicts ------------------------------------------------------------------------------

def test_a_good_organisation_file_is_green(tmp_path, repository):
    runner, status, output = _job(tmp_path, repository, "a")
    assert status["state"] == "success", output
    assert runner.results["controle"].returncode == 0
    assert "Alles in orde" in output
    _never_ran(runner)


def test_an_organisation_file_with_mistakes_is_red_with_file_and_line(tmp_path, repository):
    runner, status, output = _job(tmp_path, repository, "b")
    assert status["state"] == "failure"
    assert runner.results["controle"].returncode == 1
    assert re.fullmatch(r"\d+ problemen in de inhoud; bij Details staan bestand en regel\.", status["description"])
    assert MAINTAINER_ONLY not in status["description"]
    for line, field in ((3, "provincie"), (6, "sinds")):
        assert f"content/deelnemers/zorggroep-fout.md:{line}: {field}:" in output, output
    assert "naam" in output  # the missing name
    _never_ran(runner)


def test_a_change_to_the_checker_is_red_and_never_runs(tmp_path, repository):
    runner, status, output = _job(tmp_path, repository, "c")
    assert status["state"] == "failure"
    assert status["description"] == ("Dit voorstel verandert meer dan gewone bestanden in content/: "
                                      f"{MAINTAINER_ONLY}.")
    assert f"scripts/content/problems.py: Dit bestand staat buiten content/ en is veranderd: {MAINTAINER_ONLY}." in output
    assert "content/deelnemers/zorggroep-fout.md:3: provincie:" in output  # main's checker saw the content too
    assert len(status["description"]) <= 140
    _never_ran(runner)

    # What "Controle" (controle.yml) runs: the pull request's own checker, in its own tree. It
    # calls this pull request fine, and its code ran: the reason for this workflow.
    own = subprocess.run([sys.executable, "-m", "scripts", "check", "--pull-request", runner.base],
                         cwd=runner.workspace / "voorstel", capture_output=True, text=True, timeout=300,
                         check=False, env={**os.environ, "BUILD_DATE": BUILD_DATE})
    assert own.returncode == 0 and "Alles in orde" in own.stdout, own.stdout + own.stderr
    assert (runner.workspace / "voorstel" / MARK).exists()


def test_a_new_workflow_is_red_for_a_maintainer(tmp_path, repository):
    runner, status, output = _job(tmp_path, repository, "d")
    assert status["state"] == "failure" and MAINTAINER_ONLY in status["description"]
    assert f".github/workflows/stiekem.yml: Dit bestand staat buiten content/ en is toegevoegd: {MAINTAINER_ONLY}." in output
    _never_ran(runner)


def test_a_linked_docs_folder_is_refused_unread(tmp_path, repository):
    runner, status, output = _job(tmp_path, repository, "e")
    assert status["state"] == "failure" and MAINTAINER_ONLY in status["description"]
    assert "docs: Dit is een koppeling (symlink) of een bestand in plaats van een map" in output
    _never_ran(runner)


def test_a_pull_request_without_content_is_red(tmp_path, repository):
    runner, status, output = _job(tmp_path, repository, "f")
    assert status["state"] == "failure" and MAINTAINER_ONLY in status["description"]
    assert f"content: De map content/ ontbreekt in dit voorstel: {MAINTAINER_ONLY}." in output
    _never_ran(runner)

def test_a_check_that_does_not_finish_leaves_a_failing_status(tmp_path, repository):
    """The status step runs also when the check stopped halfway: no verdict is a red status."""
    runner = Runner(tmp_path, repository, "a")
    step = next(s for s in _workflow()["jobs"]["controle"]["steps"] if s.get("id") == "status")
    assert step["if"] == "always()"
    assert runner.run(step).returncode == 0
    (status,) = runner.statuses()
    assert status["state"] == "error"
    assert status["description"] == f"De controle is niet afgemaakt: {MAINTAINER_ONLY}."


def test_voorstel_needs_the_base(tmp_path):
    """`check --voorstel` needs the base: without --pull-request it refuses in Dutch."""
    result = subprocess.run([sys.executable, "-m", "scripts", "check", "--voorstel", str(tmp_path)],
                            cwd=PROJECT, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2
    assert result.stdout.strip() == "Geef bij --voorstel ook --pull-request met de basis van het voorstel."



def test_a_pull_request_from_the_issue_forms_gets_the_status_from_the_form_job(tmp_path, repository):
    """GITHUB_TOKEN's pull request starts no workflow, so formulier.yml sets "Controle door
    main" itself: its step, run in a checkout like actions/checkout's (main, one commit deep)
    after the job committed the new file, posts the check's verdict on that commit."""
    workflow = yaml.safe_load((PROJECT / ".github" / "workflows" / "formulier.yml").read_text(encoding="utf-8"))
    step = next(s for s in workflow["jobs"]["voorstel"]["steps"] if s.get("name") == "Controle door main")
    runner = Runner(tmp_path, repository, "a")
    _git(runner.workspace, "clone", "-q", "--depth", "1", "-b", "main", f"file://{repository}", ".")
    _pr_a(runner.workspace)  # what "Voorstel maken" commits: the file made from the issue
    _git(runner.workspace, "add", "-A")
    _git(runner.workspace, "commit", "-qm", "Nieuwe deelnemer: Zorggroep Nieuw")
    runner.head = _git(runner.workspace, "rev-parse", "HEAD")
    result = runner.run(step)
    assert result.returncode == 0, result.stdout + result.stderr
    (status,) = runner.statuses()
    assert status["context"] == "Controle door main" and status["state"] == "success", result.stdout
