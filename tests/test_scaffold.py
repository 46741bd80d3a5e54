"""Issue 4: `make deelnemer NAAM="…"` scaffolds an organisation file that passes `make check`,
in a copy of the project (never in the real content/)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import PROJECT, copy_project, run_check

from scripts.tools.scaffold import scaffold_text  # noqa: E402


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project with the Makefile, using the real virtualenv."""
    target = copy_project(tmp_path / "project")
    for name in ("Makefile", "requirements.txt"):
        shutil.copy2(PROJECT / name, target / name)
    (target / ".venv").symlink_to(PROJECT / ".venv")
    return target


def make(project: Path, *args: str) -> subprocess.CompletedProcess:
    # -o: never (re)install into the shared virtualenv from a test
    env = dict(os.environ, BUILD_DATE="2026-11-23")
    return subprocess.run(["make", "--no-print-directory", "-o", ".venv/.installed", *args], cwd=project,
                          env=env, capture_output=True, text=True, timeout=300)


def test_make_deelnemer_then_make_check_passes(project):
    result = make(project, "deelnemer", "NAAM=Zorggroep Voorbeeld")
    assert result.returncode == 0, result.stdout + result.stderr
    created = project / "content" / "deelnemers" / "zorggroep-voorbeeld.md"
    assert created.is_file()
    assert "Gemaakt: content/deelnemers/zorggroep-voorbeeld.md" in result.stdout
    assert "Zo ga je verder" in result.stdout and "make check" in result.stdout
    front = yaml.safe_load(created.read_text(encoding="utf-8").split("---")[1])
    assert front["naam"] == "Zorggroep Voorbeeld"
    assert front["sinds"] == "2026-11"  # this month: the day the organisation joins
    assert front["bewegingen"] == ["zorg"] and front["rol"] == "deelnemer"
    assert "logos/zorggroep-voorbeeld.png" in created.read_text(encoding="utf-8")  # the slug, as a hint

    check = make(project, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "geen problemen" in check.stdout


def test_make_deelnemer_never_overwrites(project):
    assert make(project, "deelnemer", "NAAM=Zorggroep Voorbeeld").returncode == 0
    created = project / "content" / "deelnemers" / "zorggroep-voorbeeld.md"
    created.write_text(created.read_text(encoding="utf-8") + "\nMijn eigen tekst.\n", encoding="utf-8")
    before = created.read_bytes()
    again = make(project, "deelnemer", "NAAM=Zorggroep Voorbeeld")
    assert again.returncode != 0
    assert "Er is al een bestand voor deze naam" in again.stdout
    assert created.read_bytes() == before


def test_make_deelnemer_without_a_name_explains(project):
    result = make(project, "deelnemer")
    assert result.returncode != 0
    assert 'make deelnemer NAAM="Zorggroep Voorbeeld"' in result.stdout + result.stderr


@pytest.mark.parametrize("name, slug", [
    ("Zorggroep 't Hoofd & Co", "zorggroep-t-hoofd-co"),
    ('Stichting "Samen Oud"', "stichting-samen-oud"),
    ("Cliëntenraad Één: Noord", "clientenraad-een-noord"),
    ("  Zorg   met   spaties  ", "zorg-met-spaties"),
])
def test_awkward_names_give_valid_files(tmp_path, name, slug):
    content = tmp_path / "content"
    shutil.copytree(PROJECT / "content", content)
    result = subprocess.run([sys.executable, "-m", "scripts", "--content", str(content), "deelnemer", name],
                            cwd=PROJECT, capture_output=True, text=True, timeout=120,
                            env=dict(os.environ, BUILD_DATE="2026-11-23"))
    assert result.returncode == 0, result.stdout + result.stderr
    created = content / "deelnemers" / f"{slug}.md"
    front = yaml.safe_load(created.read_text(encoding="utf-8").split("---")[1])
    assert front["naam"] == " ".join(name.split())
    check = run_check(content)
    assert check.returncode == 0, check.stdout


@pytest.mark.parametrize("name", ["!!!", "Provincie", "x" * 300])
def test_names_that_cannot_be_a_file_are_refused(tmp_path, name):
    content = tmp_path / "content"
    shutil.copytree(PROJECT / "content", content)
    before = sorted(p.name for p in (content / "deelnemers").iterdir())
    result = subprocess.run([sys.executable, "-m", "scripts", "--content", str(content), "deelnemer", name],
                            cwd=PROJECT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "Traceback" not in result.stdout + result.stderr
    assert sorted(p.name for p in (content / "deelnemers").iterdir()) == before


def test_template_fields_follow_the_template():
    """Whatever the template holds, the name and 'sinds' are set and example values become hints."""
    template = "---\nnaam: X\nwebsite: https://www.voorbeeld.nl\nbewegingen: [zorg]\nrol: deelnemer\n" \
               "sinds: 2020\nnieuw_veld: iets\n---\n\nTekst.\n"
    text = scaffold_text(template, "Zorg: Één", "zorg-een", "2026-11")
    front = yaml.safe_load(text.split("---")[1])
    assert front == {"naam": "Zorg: Één", "website": None, "bewegingen": ["zorg"], "rol": "deelnemer",
                     "sinds": "2026-11", "nieuw_veld": None, "logo": None}
    assert "website:  # bijvoorbeeld: https://www.voorbeeld.nl" in text
    assert text.endswith("---\n\nTekst.\n")
