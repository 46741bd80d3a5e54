"""The generator reads time zones from the pinned tzdata package, never from the machine
(scripts/__init__.py): the same content and build date give the same bytes everywhere.

Checked the hard way: a fresh interpreter is pointed (PYTHONTZPATH) at a folder whose
'Europe/Amsterdam' is really UTC, as a stale or broken system database might be."""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

PROBE = """
import scripts, zoneinfo
from datetime import datetime
from scripts.model.values import AMSTERDAM
print(zoneinfo.TZPATH, AMSTERDAM.utcoffset(datetime(2026, 7, 1)))
"""


def test_amsterdam_comes_from_tzdata_even_when_the_machine_says_otherwise(tmp_path):
    fake = tmp_path / "zoneinfo"
    (fake / "Europe").mkdir(parents=True)
    (fake / "Europe" / "Amsterdam").write_bytes(files("tzdata.zoneinfo").joinpath("UTC").read_bytes())
    env = dict(os.environ, PYTHONTZPATH=str(fake))
    # Without the package the interpreter does read the fake zone: the probe is real.
    plain = subprocess.run([sys.executable, "-c", "import zoneinfo, datetime; print(zoneinfo.ZoneInfo("
                            "'Europe/Amsterdam').utcoffset(datetime.datetime(2026, 7, 1)))"],
                           env=env, capture_output=True, text=True, check=True)
    assert plain.stdout.strip() == "0:00:00"
    ours = subprocess.run([sys.executable, "-c", PROBE], env=env, cwd=Path(__file__).parent,
                          capture_output=True, text=True, check=True)
    assert ours.stdout.split() == ["()", "2:00:00"]


def test_tzdata_is_the_pinned_one():
    pinned = [line for line in (Path(__file__).resolve().parents[2] / "requirements.txt")
              .read_text(encoding="utf-8").splitlines() if line.startswith("tzdata==")]
    assert pinned == [f"tzdata=={importlib.metadata.version('tzdata')}"]
