"""Issues 4, 10 and 12: `make deelnemer NAAM="…"`, `make bijeenkomst TITEL="…"` and
`make bericht TITEL="…"` scaffold a file that passes `make check` once filled in, in a copy of
the project (never in the real content/). Examples stand on comment lines of their own, so
typing after them cannot empty a field; an untouched scaffold, and the template's examples and
sample sentence left in, are refused."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from datetime import date

import pytest
import yaml

from conftest import PROJECT, copy_project, run_check

from scripts.tools.scaffold import ORGANISATION, scaffold_text  # noqa: E402


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
    result = make(project, "deelnemer", "NAAM=Zorggroep Zonnebloem")
    assert result.returncode == 0, result.stdout + result.stderr
    created = project / "content" / "deelnemers" / "zorggroep-zonnebloem.md"
    assert created.is_file()
    assert "Gemaakt: content/deelnemers/zorggroep-zonnebloem.md" in result.stdout
    assert "Zo ga je verder" in result.stdout and "make check" in result.stdout
    text = created.read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---")[1])
    assert front["naam"] == "Zorggroep Zonnebloem"
    assert front["sinds"] == "2026-11"  # this month: the day the organisation joins
    assert front["bewegingen"] == ["zorg"] and front["rol"] == "deelnemer"
    assert "logos/zorggroep-zonnebloem.png" in text  # the slug, as a hint
    # No example after a value: every '#' starts its own line.
    assert all(line.startswith("#") or " #" not in line for line in text.split("---")[1].splitlines())

    check = make(project, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "geen problemen" in check.stdout


def test_make_deelnemer_never_overwrites(project):
    assert make(project, "deelnemer", "NAAM=Zorggroep Zonnebloem").returncode == 0
    created = project / "content" / "deelnemers" / "zorggroep-zonnebloem.md"
    created.write_text(created.read_text(encoding="utf-8") + "\nMijn eigen tekst.\n", encoding="utf-8")
    before = created.read_bytes()
    again = make(project, "deelnemer", "NAAM=Zorggroep Zonnebloem")
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
    text = scaffold_text(ORGANISATION, template, "Zorg: Één", "zorg-een", date(2026, 11, 23))
    front = yaml.safe_load(text.split("---")[1])
    assert front == {"naam": "Zorg: Één", "website": None, "bewegingen": ["zorg"], "rol": "deelnemer",
                     "sinds": "2026-11", "nieuw_veld": None, "logo": None}
    assert "# Bijvoorbeeld: website: https://www.voorbeeld.nl\nwebsite:\n" in text
    assert "Tekst." not in text  # the template's sample body is not copied


def _fill(text: str, **values: str) -> str:
    for key, value in values.items():
        text = text.replace(f"\n{key}:\n", f"\n{key}: {value}\n", 1)
    return text


@pytest.mark.parametrize("values, body, line_field", [
    # typed on the value's own line, after the colon: kept
    ({"website": "https://www.zonnebloem.nl", "plaats": "Utrecht"}, "Wij zijn #1 in zorg.", None),
    ({"beschrijving": "Zorggroep Voorbeeld biedt zorg thuis en in twee kleine woonhuizen."}, "",
     "beschrijving: 'Zorggroep Voorbeeld biedt"),
    ({"website": "https://www.voorbeeld.nl"}, "", "website: 'https://www.voorbeeld.nl' is"),
    ({}, "Schrijf hier in een paar zinnen wat jullie doen en waarom jullie meedoen aan de beweging.",
     "tekst: Deze zin is het voorbeeld"),
    ({"beschrijving": "Wij zijn #1 in de regio"}, "", "beschrijving: Na ' #'"),
])
def test_typing_into_the_scaffold_cannot_trap_anyone(tmp_path, values, body, line_field):
    content = tmp_path / "content"
    shutil.copytree(PROJECT / "content", content)
    result = subprocess.run([sys.executable, "-m", "scripts", "--content", str(content), "deelnemer",
                             "Zorggroep Zonnebloem"], cwd=PROJECT, capture_output=True, text=True,
                            timeout=120, env=dict(os.environ, BUILD_DATE="2026-11-23"))
    assert result.returncode == 0, result.stdout
    created = content / "deelnemers" / "zorggroep-zonnebloem.md"
    created.write_text(_fill(created.read_text(encoding="utf-8"), **values) + body + "\n", encoding="utf-8")
    check = run_check(content)
    assert "Traceback" not in check.stdout + check.stderr
    if line_field is None:
        assert check.returncode == 0, check.stdout
        front = yaml.safe_load(created.read_text(encoding="utf-8").split("---")[1])
        assert {k: front[k] for k in values} == values
    else:
        assert check.returncode == 1
        assert re.search(r"content/deelnemers/zorggroep-zonnebloem\.md:\d+: " + re.escape(line_field),
                         check.stdout), check.stdout


def _scaffold(content: Path, command: str, title: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scripts", "--content", str(content), command, title],
                          cwd=PROJECT, capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, BUILD_DATE="2026-11-23"))


# (command, folder, title, slug, what a person types after the colons, the fields the untouched
# scaffold lacks: refused, in this order)
NEW_KINDS = [
    ("bijeenkomst", "bijeenkomsten", "Kampvuur: Één avond", "kampvuur-een-avond",
     {"start": "2027-03-11 13:30", "eind": "2027-03-11 16:00", "beweging": "zorg",
      "themas": "[zinvolle-daginvulling]", "organisatoren": "[loc]",
      "samenvatting": "Wij praten met elkaar over een zinvolle dag."},
     ["start", "beweging"]),
    ("bericht", "actueel", "Nieuws uit Noord: Één regel minder", "nieuws-uit-noord-een-regel-minder",
     {"samenvatting": "De regio schrapt een regel die niemand hielp.", "themas": "[belemmerende-regels]",
      "trefwoorden": "[regels]", "organisaties": "[loc]"},
     ["samenvatting", "themas"]),
]


@pytest.mark.parametrize("command, folder, title, slug, values, missing", NEW_KINDS)
def test_new_kind_filled_in_passes_check(tmp_path, command, folder, title, slug, values, missing):
    content = tmp_path / "content"
    shutil.copytree(PROJECT / "content", content)
    result = _scaffold(content, command, title)
    assert result.returncode == 0, result.stdout + result.stderr
    created = content / folder / f"{slug}.md"
    assert f"Gemaakt: content/{folder}/{slug}.md" in result.stdout
    assert "Zo ga je verder" in result.stdout and "make check" in result.stdout
    text = created.read_text(encoding="utf-8")
    front_text = text.split("---")[1]
    # Examples stand on comment lines of their own, never after a value.
    assert all(line.startswith("#") or " #" not in line for line in front_text.splitlines())
    front = yaml.safe_load(front_text)
    assert front["titel"] == title
    if command == "bijeenkomst":
        assert front["uid"] == f"{slug}@radicalevernieuwing.nl"
        assert front["status"] == "gepland"
        assert "# Bijvoorbeeld: locatie:\n#   naam: Buurthuis De Brug\n" in text
    else:
        assert front["datum"] == date(2026, 11, 23)  # today, read at the edge (BUILD_DATE)
    assert all(front[key] is None for key in values)  # empty, with the example above

    # Untouched: refused, with a Dutch message per missing required field, at its line.
    check = run_check(content)
    assert check.returncode == 1, check.stdout
    assert "Traceback" not in check.stdout + check.stderr
    lines = text.splitlines()
    found = re.findall(rf"content/{folder}/{slug}\.md:(\d+): ([a-z]+): Het verplichte veld", check.stdout)
    assert [key for _, key in found] == missing, check.stdout
    for number, key in found:
        assert lines[int(number) - 1] == f"{key}:"

    created.write_text(_fill(text, **values) + "Een eerste alinea.\n", encoding="utf-8")
    check = run_check(content)
    assert check.returncode == 0, check.stdout
    front = yaml.safe_load(created.read_text(encoding="utf-8").split("---")[1])
    assert front["samenvatting"] == values["samenvatting"]  # typed after the colon: kept


def test_news_template_examples_left_in_are_refused(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(PROJECT / "content", content)
    assert _scaffold(content, "bericht", "Titel van het bericht").returncode == 0
    created = content / "actueel" / "titel-van-het-bericht.md"
    created.write_text(_fill(created.read_text(encoding="utf-8"),
                             samenvatting="Eén of twee zinnen die zeggen waar het bericht over gaat.",
                             themas="[belemmerende-regels]")
                       + "Schrijf hier het bericht. Gebruik korte zinnen en tussenkopjes met ##.\n",
                       encoding="utf-8")
    check = run_check(content)
    assert check.returncode == 1
    for field in ("titel: 'Titel van het bericht' is het voorbeeld", "samenvatting: 'Eén of twee",
                  "tekst: Deze zin is het voorbeeld"):
        assert re.search(r"content/actueel/titel-van-het-bericht\.md:\d+: " + re.escape(field),
                         check.stdout), check.stdout


@pytest.mark.parametrize("command, folder, title, slug, values, missing", NEW_KINDS)
def test_new_kind_never_overwrites(tmp_path, command, folder, title, slug, values, missing):
    content = tmp_path / "content"
    shutil.copytree(PROJECT / "content", content)
    assert _scaffold(content, command, title).returncode == 0
    created = content / folder / f"{slug}.md"
    created.write_text("mijn eigen werk\n", encoding="utf-8")
    again = _scaffold(content, command, title)
    assert again.returncode == 1
    assert "Er is al een bestand voor deze naam" in again.stdout
    assert created.read_text(encoding="utf-8") == "mijn eigen werk\n"


@pytest.mark.parametrize("command, folder, reserved", [("bijeenkomst", "bijeenkomsten", "Archief"),
                                                       ("bericht", "actueel", "Feed")])
def test_new_kind_refuses_reserved_names(tmp_path, command, folder, reserved):
    content = tmp_path / "content"
    shutil.copytree(PROJECT / "content", content)
    before = sorted(p.name for p in (content / folder).iterdir())
    result = _scaffold(content, command, reserved)
    assert result.returncode == 2 and f"make {command} TITEL=" in result.stdout
    assert sorted(p.name for p in (content / folder).iterdir()) == before


@pytest.mark.parametrize("command", ["bijeenkomst", "bericht"])
def test_make_new_kind_without_a_title_explains(project, command):
    result = make(project, command)
    assert result.returncode != 0
    assert f'make {command} TITEL="' in result.stdout + result.stderr
