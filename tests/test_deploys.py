"""Deploys in a row, as the publishing workflow runs them: fetch the live site's published state
into content/bijeenkomsten/_gepubliceerd.json, build, publish. Between deploys an organiser edits
meetings; nobody runs a command or raises a number.

SEQUENCE rises by one when time, place, status or recurrence change, and the stamps
(DTSTAMP, LAST-MODIFIED) become the build date; a change in words only (a title, a summary)
moves the stamps and leaves SEQUENCE; nothing changed, nothing moves; SEQUENCE never
goes down; DTSTAMP is never after the build date and never goes back.
"""

from __future__ import annotations

import re
import shutil
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from conftest import PROJECT, build, content_with, copy_project, run_mkdocs

FIXTURE = PROJECT / "tests" / "fixtures" / "calendar_hard_cases"
BASELINE = Path("content") / "bijeenkomsten" / "_gepubliceerd.json"
LIVE_STATE = Path("site") / "data" / "gepubliceerd.json"
LEERKRING = "2026-03-05-leerkring-jaar@radicalevernieuwing.nl"
NACHTWACHT = "2026-10-25-nachtwacht-uur@radicalevernieuwing.nl"
STUDIEMIDDAG = "2027-02-11-studiemiddag-verplaatst@radicalevernieuwing.nl"
SPREEKUUR = "2026-01-06-spreekuur-maand@radicalevernieuwing.nl"


def start_of(day: str) -> datetime:
    """The stamp of a build on `day`: the start of that day in Amsterdam, in UTC."""
    return datetime.combine(date.fromisoformat(day), time(0), ZoneInfo("Europe/Amsterdam")).astimezone(UTC)


def events(site: Path) -> dict[str, dict[str, tuple]]:
    """feed → uid → (SEQUENCE, LAST-MODIFIED, DTSTAMP) of the main VEVENT, for every feed."""
    found: dict[str, dict[str, tuple]] = {}
    for path in sorted(site.glob("ical/**/*.ics")):
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        feed = found.setdefault(path.relative_to(site).as_posix(), {})
        for event in calendar.walk("VEVENT"):
            values = (int(event["SEQUENCE"]), event["LAST-MODIFIED"].dt, event["DTSTAMP"].dt)
            if "RECURRENCE-ID" in event:
                assert values == feed[str(event["UID"])]  # an override moves with its series
                continue
            feed[str(event["UID"])] = values
    return found


def edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text, (file, old)
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def deploy(project: Path, day: str) -> dict[str, dict[str, tuple]]:
    """One run of the workflow: the live state becomes the baseline, then the build."""
    if (project / LIVE_STATE).is_file():
        shutil.copyfile(project / LIVE_STATE, project / BASELINE)  # the workflow's curl step
    site = build(project, build_date=day)
    found = events(site)
    for feed in found.values():
        for uid, (_, modified, stamp) in feed.items():
            assert modified == stamp <= start_of(day), (uid, stamp, day)
    return found


def main_feed(found: dict, uid: str) -> tuple:
    return found["ical/alle.ics"][uid]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("deploys")
    return copy_project(root / "project", content_with(root / "content", FIXTURE))


@pytest.mark.slow
def test_three_deploys_with_edits_move_sequence_and_stamps_exactly_as_described(project):
    meetings = project / "content" / "bijeenkomsten" / "lastig"
    # A meeting that still carries a hand-set 'volgnummer' keeps it as its lowest value.
    edit(meetings / "spreekuur-maandelijks.md", "beweging: zorg", "volgnummer: 4\nbeweging: zorg")

    first = deploy(project, "2026-11-23")
    assert main_feed(first, LEERKRING) == (0, start_of("2026-11-23"), start_of("2026-11-23"))
    assert main_feed(first, SPREEKUUR)[0] == 4

    # An organiser moves the series, cancels the study afternoon, and rewrites a summary.
    edit(meetings / "leerkring-door-het-jaar.md", "start: 2026-03-05 19:30", "start: 2026-03-05 20:00")
    edit(meetings / "leerkring-door-het-jaar.md", "eind: 2026-03-05 21:00", "eind: 2026-03-05 21:30")
    edit(meetings / "leerkring-door-het-jaar.md", "naar: 2026-11-13 19:30", "naar: 2026-11-13 20:00")
    edit(meetings / "verplaatst.md", "status: verplaatst", "status: geannuleerd")
    edit(meetings / "tweede-dubbele-uur.md", "Precies een uur", "Een heel uur")
    second = deploy(project, "2026-11-24")
    stamp = start_of("2026-11-24")
    assert main_feed(second, LEERKRING) == (1, stamp, stamp)
    assert main_feed(second, STUDIEMIDDAG) == (1, stamp, stamp)
    # Words only: LAST-MODIFIED and DTSTAMP move (RFC 5545: any revision), SEQUENCE stays.
    assert main_feed(second, NACHTWACHT) == (main_feed(first, NACHTWACHT)[0], stamp, stamp)
    assert main_feed(second, SPREEKUUR) == main_feed(first, SPREEKUUR)

    # The series moves a second time (the old manual baseline missed exactly this), the place of
    # the night watch changes, and the cancelled afternoon's file gets a lower hand-set number.
    edit(meetings / "leerkring-door-het-jaar.md", "start: 2026-03-05 20:00", "start: 2026-03-05 19:00")
    edit(meetings / "tweede-dubbele-uur.md", "Buurthuis De Klok", "Buurthuis De Toren")
    edit(meetings / "verplaatst.md", "status: geannuleerd", "status: geannuleerd\nvolgnummer: 0")
    third = deploy(project, "2026-11-26")
    stamp3 = start_of("2026-11-26")
    assert main_feed(third, LEERKRING) == (2, stamp3, stamp3)
    assert main_feed(third, NACHTWACHT) == (1, stamp3, stamp3)
    assert main_feed(third, STUDIEMIDDAG) == (1, stamp, stamp)  # never down, nothing moved

    # A deploy with no edit at all: not one number or stamp moves, in any feed.
    fourth = deploy(project, "2026-11-27")
    assert fourth == third

    # Over all four: per feed and uid, SEQUENCE never down and DTSTAMP never back.
    for before, after in ((first, second), (second, third), (third, fourth)):
        for feed, entries in after.items():
            for uid, (sequence, _, stamp_after) in entries.items():
                if uid in before.get(feed, {}):
                    assert sequence >= before[feed][uid][0] and stamp_after >= before[feed][uid][2]


def test_a_deploy_whose_baseline_cannot_be_read_fails_instead_of_resetting(tmp_path):
    project = copy_project(tmp_path / "project", content_with(tmp_path / "content", FIXTURE))
    (project / BASELINE).write_text('{"kapot": ', encoding="utf-8")
    result = run_mkdocs(project, "build", "--strict")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert re.search(r"_gepubliceerd\.json:\d+: .*geen geldige JSON", output), output[-2000:]
    assert not (project / "site" / "ical" / "alle.ics").exists()

    (project / BASELINE).write_text('{"x@radicalevernieuwing.nl": {"volgnummer": -1}}', encoding="utf-8")
    result = run_mkdocs(project, "build", "--strict")
    assert result.returncode != 0 and "niet de verwachte vorm" in result.stdout + result.stderr


def test_no_manual_publishing_command_is_left():
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    assert "publiceer" not in makefile
    workflow = (PROJECT / ".github" / "workflows" / "publiceren.yml").read_text(encoding="utf-8")
    assert "data/gepubliceerd.json" in workflow and "_gepubliceerd.json" in workflow


@pytest.mark.slow
def test_a_baseline_from_before_the_text_fingerprint_moves_nothing_then_a_new_title_moves_only_the_stamp(tmp_path):
    """The live baseline of today has no 'tekst'. The first build with it must not take every
    meeting for reworded; after that a new title moves DTSTAMP/LAST-MODIFIED, not SEQUENCE."""
    import json

    project = copy_project(tmp_path / "project", content_with(tmp_path / "content", FIXTURE))
    first = deploy(project, "2026-11-23")
    state = json.loads((project / LIVE_STATE).read_text(encoding="utf-8"))
    assert all(entry["tekst"].startswith("sha256:") for entry in state.values())
    for entry in state.values():
        del entry["tekst"]
    (project / LIVE_STATE).write_text(json.dumps(state, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    second = deploy(project, "2026-11-25")
    assert second == first
    edit(project / "content" / "bijeenkomsten" / "lastig" / "tweede-dubbele-uur.md",
         'titel: "Nachtwacht; een uur 🌙"', 'titel: "Nachtwacht: een uur 🌙"')
    third = deploy(project, "2026-11-26")
    assert main_feed(third, NACHTWACHT) == (main_feed(second, NACHTWACHT)[0], start_of("2026-11-26"),
                                            start_of("2026-11-26"))
    assert main_feed(third, LEERKRING) == main_feed(second, LEERKRING)
