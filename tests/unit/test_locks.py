"""The hashed locks follow requirements.txt, the list people edit: every pin there is in the lock
of its half at the same version, with hashes. Fails after an edit (or a merge, or a Dependabot
update) until `make lock` has been run and requirements/ committed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)")


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def halves() -> dict[str, list[str]]:
    lines = (PROJECT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    cut = lines.index("# tests")
    return {"runtime": lines[:cut], "test": lines[cut + 1:]}


def pins(lines) -> dict[str, str]:
    return {normal(m[1]): m[2] for m in map(PIN.match, lines) if m}


def locked(lock: Path) -> dict[str, tuple[str, bool]]:
    """name → (version, has hashes) of a lock written by `uv pip compile --generate-hashes`."""
    text = lock.read_text(encoding="utf-8")
    entries = re.findall(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)(.*?)(?=^\S|\Z)", text, re.M | re.S)
    return {normal(name): (version, "--hash=sha256:" in rest) for name, version, rest in entries}


def test_every_line_of_requirements_txt_is_an_exact_pin_or_a_comment():
    for line in (PROJECT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        assert not line.strip() or line.startswith("#") or PIN.match(line), line


@pytest.mark.parametrize("half", ["runtime", "test"])
def test_the_lock_has_each_pin_at_its_version_with_hashes(half):
    lock = locked(PROJECT / "requirements" / f"{half}.txt")
    for name, version in pins(halves()[half]).items():
        assert name in lock, f"{name} ontbreekt in requirements/{half}.txt: voer `make lock` uit"
        assert lock[name] == (version, True), f"{name}=={version}: voer `make lock` uit"


@pytest.mark.parametrize("half", ["runtime", "test"])
def test_the_lock_input_is_that_half_of_requirements_txt(half):
    written = (PROJECT / "requirements" / f"{half}.in").read_text(encoding="utf-8").splitlines()
    assert pins(written) == pins(halves()[half]), "voer `make lock` uit"


def test_runtime_and_test_locks_agree_on_shared_packages():
    runtime, test = (locked(PROJECT / "requirements" / f"{half}.txt") for half in ("runtime", "test"))
    assert {n: runtime[n] for n in runtime.keys() & test.keys()} == {n: test[n] for n in runtime.keys() & test.keys()}
