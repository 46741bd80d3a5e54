"""The last published state of every meeting, so that the validator can ask for a raised
`volgnummer` (the iCalendar SEQUENCE) when a meeting's time, place or status changes.

Calendar apps only replace their copy of a meeting when its SEQUENCE rises; a changed time
with the same number leaves some subscribers with the old time. The state lives in
content/bijeenkomsten/_gepubliceerd.json (the loader skips names that start with '_'), per uid.
`python -m scripts publiceer` (or `make publiceer`) writes it from the current content: run it
after each publication and commit the file with the content.
"""

from __future__ import annotations

from typing import Any

import json
from datetime import datetime
from pathlib import Path

from scripts.model.items import Meeting, Moment, Site, location_text
from scripts.content.problems import ProblemList

FILE = Path("bijeenkomsten") / "_gepubliceerd.json"
TRACKED = {  # key in the file → (Dutch noun, front-matter key that holds it)
    "start": ("het begin", "start"), "eind": ("het einde", "eind"),
    "plaats": ("de plaats", "locatie"), "status": ("de status", "status"),
    "herhaling": ("de herhaling", "herhaling")}


def _moment(value: Moment | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M %z")[:-2] + ":" + value.strftime("%z")[-2:]
    return value.isoformat()


def state(meeting: Meeting, file: str) -> dict:
    """What subscribers' calendars received of a meeting; `file` is relative to content/."""
    rule = meeting.recurrence
    recurrence = None
    if rule is not None:
        recurrence = {"frequentie": rule.frequency, "interval": rule.interval, "aantal": rule.count,
                      "tot": _moment(rule.until), "behalve": [_moment(d) for d in sorted(rule.except_dates)],
                      "verplaatst": [[_moment(a), _moment(b)] for a, b in sorted(rule.moved)]}
    return {"bestand": file, "start": _moment(meeting.start), "eind": _moment(meeting.end),
            "plaats": location_text(meeting), "status": meeting.status, "herhaling": recurrence,
            "volgnummer": meeting.sequence}


def load(content_dir: Path, problems: ProblemList, project_dir: Path) -> dict:
    path = Path(content_dir) / FILE
    if not path.is_file():
        return {}
    rel = _relative(path, project_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        problems.add(rel, getattr(error, "lineno", 0), "", "Dit bestand is geen geldige JSON meer.",
                     "Dit bestand wordt gemaakt met 'make publiceer'. Zet de vorige versie terug "
                     "of maak het opnieuw.")
        return {}
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        problems.add(rel, 1, "", "Dit bestand heeft niet de verwachte vorm.",
                     "Dit bestand wordt gemaakt met 'make publiceer'. Maak het opnieuw.")
        return {}
    return data


def check(site: Site, sources: dict, content_dir: Path, problems: ProblemList,
          project_dir: Path) -> None:
    published = load(content_dir, problems, project_dir)
    if not published:
        return
    current_uids = {m.uid for m in site.meetings.values()}
    uid_of_file = {entry.get("bestand"): uid for uid, entry in published.items()}
    for slug, meeting in site.meetings.items():
        source = sources[("bijeenkomsten", slug)]
        file = _in_content(meeting, content_dir, project_dir)
        before = published.get(meeting.uid)
        if before is None:
            old = uid_of_file.get(file)
            if old and old not in current_uids:
                problems.add(source.path, source.line("uid"), "uid",
                             f"De uid is veranderd. Bij de publicatie was het '{old}'.",
                             "Zet de oude uid terug: een uid verandert nooit. Anders staat de "
                             "bijeenkomst in de agenda's van abonnees twee keer.")
            continue
        previous = before.get("volgnummer") if isinstance(before.get("volgnummer"), int) else 0
        if meeting.sequence < previous:
            problems.add(source.path, source.line("volgnummer"), "volgnummer",
                         f"Het volgnummer ({meeting.sequence}) is lager dan bij de publicatie ({previous}).",
                         f"Een volgnummer gaat alleen omhoog. Zet 'volgnummer: {previous}' terug, "
                         f"of {previous + 1} als je iets aan de tijd, plaats of status verandert.")
            continue
        now = state(meeting, file)
        changed = [key for key in TRACKED if now[key] != before.get(key)]
        if not changed or meeting.sequence > previous:
            continue
        details = "; ".join(_difference(key, before.get(key), now[key]) for key in changed)
        field = "volgnummer" if "volgnummer" in source.data else TRACKED[changed[0]][1]
        problems.add(source.path, source.line(field), field,
                     f"Sinds de publicatie is veranderd: {details}. Maar het volgnummer is niet "
                     f"verhoogd.",
                     f"Zet 'volgnummer: {previous + 1}' en 'gewijzigd:' met de datum van vandaag. "
                     "Dan nemen de agenda's van abonnees de wijziging over.")


def _difference(key: str, before: Any, now: Any) -> str:
    noun = TRACKED[key][0]
    if key == "herhaling" or before is None or now is None:
        return noun
    return f"{noun} (was '{before}', nu '{now}')" if before or now else noun


def write(site: Site, content_dir: Path, project_dir: Path | None = None) -> Path:
    """Record the current state of every meeting; entries of removed meetings stay."""
    project_dir = project_dir or Path(content_dir).parent
    path = Path(content_dir) / FILE
    data = {}
    if path.is_file():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            data = {}
    for meeting in site.meetings.values():
        data[meeting.uid] = state(meeting, _in_content(meeting, content_dir, project_dir))
    text = json.dumps(dict(sorted(data.items())), ensure_ascii=False, indent=2) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _in_content(meeting: Meeting, content_dir: Path, project_dir: Path) -> str:
    """The meeting's file relative to content/, wherever the content folder is."""
    file = (Path(project_dir) / meeting.source).resolve()
    try:
        return file.relative_to(Path(content_dir).resolve()).as_posix()
    except ValueError:
        return meeting.source


def _relative(file: Path, project_dir: Path) -> str:
    try:
        return file.resolve().relative_to(Path(project_dir).resolve()).as_posix()
    except ValueError:
        return file.as_posix()
