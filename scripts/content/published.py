"""What subscribers' calendars have now (the baseline), and what this build changes about it.

Calendar apps only replace their copy of a meeting when its SEQUENCE rises, and use DTSTAMP and
LAST-MODIFIED to tell which copy is newer. Organisers should not have to count: the build
compares every meeting with the baseline and derives both.

- The baseline is content/bijeenkomsten/_gepubliceerd.json (the loader skips names that start
  with '_'). The deploy job replaces the committed copy with the live site's own
  /data/gepubliceerd.json before it builds, so the baseline is what was last published; a
  deploy that cannot fetch it fails (.github/workflows/publiceren.yml). The committed copy is
  only the seed for local previews and the very first deploy.
- Every build publishes the next baseline at /data/gepubliceerd.json (`track`): per uid the
  tracked fields, the fingerprint of its words ('tekst'), the SEQUENCE and the stamp
  subscribers got (an entry without 'tekst', from before it, moves nothing). Entries of removed meetings stay,
  so a meeting that comes back never starts again at a lower SEQUENCE.
- A change to time, place, status or recurrence raises SEQUENCE by one and stamps the build
  date. A change in words only (title, summary, …: `text_fingerprint`) stamps the build date
  and leaves SEQUENCE as it is: RFC 5545 wants LAST-MODIFIED to tell any revision, and a
  re-imported single .ics would otherwise keep the old title. Nothing changed, nothing moves;
  a SEQUENCE never goes down and a stamp never goes back. A `volgnummer` in the front matter is still read, as a lowest value.
"""

from __future__ import annotations


import hashlib
import json
from dataclasses import asdict, dataclass, replace
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from scripts.content.addresses import Claim, Register
from scripts.content.problems import ProblemList
from scripts.content.source import Resolver, relative_path
from scripts.model.items import Meeting, Moment, Site, location_text
from scripts.model.moments import is_timed
from scripts.model.values import AMSTERDAM

FILE = Path("bijeenkomsten") / "_gepubliceerd.json"
PUBLISHED = "data/gepubliceerd.json"  # where each build publishes the next baseline
TRACKED = ("start", "eind", "plaats", "status", "herhaling")
TEXT = "tekst"  # a fingerprint of what the feeds say in words (text_fingerprint)
FIX_HINT = ("Bij publiceren haalt de site dit bestand zelf op van de live site. Zet de vorige "
            "versie terug (git checkout) in plaats van het met de hand te veranderen.")


def _moment(value: Moment | None) -> str | None:
    if value is None:
        return None
    if is_timed(value):
        return value.strftime("%Y-%m-%d %H:%M %z")[:-2] + ":" + value.strftime("%z")[-2:]
    return value.isoformat()


def state(meeting: Meeting, file: str) -> dict[str, Any]:
    """What subscribers' calendars received of a meeting; `file` is relative to content/."""
    rule = meeting.recurrence
    recurrence = None
    if rule is not None:
        recurrence = {"frequentie": rule.frequency, "interval": rule.interval, "aantal": rule.count,
                      "tot": _moment(rule.until), "behalve": [_moment(d) for d in sorted(rule.except_dates)],
                      "verplaatst": [[_moment(a), _moment(b)] for a, b in sorted(rule.moved)]}
    return {"bestand": file, "start": _moment(meeting.start), "eind": _moment(meeting.end),
            "plaats": location_text(meeting), "status": meeting.status, "herhaling": recurrence}


def text_fingerprint(meeting: Meeting) -> str:
    """What a calendar shows of a meeting in words, apart from TRACKED: title, summary, the
    online link and note, themes, organisers, registration, programme and address. A change
    there is a revision (LAST-MODIFIED and DTSTAMP move) but not a new time or place
    (SEQUENCE stays). The baseline keeps only this short digest, not the text itself: the
    same content gives the same value on every machine (sorted JSON, SHA-256)."""
    words = {"titel": meeting.title, "samenvatting": meeting.summary, "adres": meeting.slug,
             "online": asdict(meeting.online) if meeting.online else None,
             "themas": list(meeting.themes), "organisatoren": list(meeting.organisers),
             "aanmelden": asdict(meeting.registration) if meeting.registration else None,
             "programma": [[_moment(i.day), i.time, i.text] for i in meeting.programme]}
    data = json.dumps(words, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


# --- reading the baseline ---------------------------------------------------------------------

def _stamp_text(stamp: datetime) -> str:
    return stamp.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_stamp(text: object) -> datetime | None:
    if not isinstance(text, str):
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        return None


def _entry_ok(entry: object) -> bool:
    if not isinstance(entry, dict):
        return False
    sequence = entry.get("volgnummer", 0)
    if not isinstance(sequence, int) or isinstance(sequence, bool) or sequence < 0:
        return False
    if TEXT in entry and not isinstance(entry[TEXT], str):
        return False
    return "gewijzigd" not in entry or _parse_stamp(entry["gewijzigd"]) is not None


def load(content_dir: Path, problems: ProblemList, project_dir: Path) -> dict[str, dict[str, Any]]:
    """The baseline; {} when there is none (a new site). A baseline that cannot be read is a
    problem: building on without it would reset every SEQUENCE."""
    path = Path(content_dir) / FILE
    if not path.is_file():
        return {}
    rel = relative_path(path, project_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        problems.add(rel, getattr(error, "lineno", 0), "",
                     "Dit bestand is geen geldige JSON: de site weet niet meer wat de agenda's van "
                     "abonnees hebben.", FIX_HINT)
        return {}
    if not isinstance(data, dict) or not all(_entry_ok(v) for v in data.values()):
        problems.add(rel, 1, "", "Dit bestand heeft niet de verwachte vorm: de site weet niet meer "
                     "wat de agenda's van abonnees hebben.", FIX_HINT)
        return {}
    return data


def read(content_dir: Path) -> dict[str, dict[str, Any]]:
    """The baseline for the build (the check has already refused a bad one)."""
    return load(content_dir, ProblemList(), Path(content_dir).parent)


def check(site: Site, sources: dict, content_dir: Path, problems: ProblemList,
          project_dir: Path, resolver: Resolver | None = None, register: Register | None = None) -> None:
    """A published meeting keeps its uid, and no file takes an address another meeting had.
    `resolver`: the loader's, for its run; `register`: the loader's addresses (addresses.py),
    where every earlier name of a meeting is claimed."""
    resolver = resolver or Resolver()
    published = load(content_dir, problems, project_dir)
    current_uids = {m.uid for m in site.meetings.values()}
    uid_of_file = {entry.get("bestand"): uid for uid, entry in published.items()}
    if register is not None:
        _claim_earlier_names(sources, published, register)
    for slug, meeting in site.meetings.items():
        source = sources[("bijeenkomsten", slug)]
        if meeting.uid in published:
            old_file = published[meeting.uid].get("bestand")
            old_slug = Path(old_file).stem if isinstance(old_file, str) else slug
            if old_slug != slug and old_slug not in meeting.earlier_slugs:
                problems.add(source.path, source.line("titel"), "eerdere_namen",
                             f"Dit bestand heette bij de publicatie '{old_slug}.md'. Oude links en "
                             f"agenda-abonnementen wijzen nog naar '/bijeenkomsten/{old_slug}/'.",
                             f"Zet 'eerdere_namen: [{old_slug}]' erbij: dan blijven ze werken.")
            continue
        old = uid_of_file.get(_in_content(meeting, content_dir, project_dir, resolver))
        if old and old not in current_uids:
            problems.add(source.path, source.line("uid"), "uid",
                         f"De uid is veranderd. Bij de publicatie was het '{old}'.",
                         "Zet de oude uid terug: een uid verandert nooit. Anders staat de "
                         "bijeenkomst in de agenda's van abonnees twee keer.")


def _claim_earlier_names(sources: dict, published: dict[str, dict[str, Any]], register: Register) -> None:
    """Each name in `eerdere_namen` claims its old address. When that address is a file's
    own, the newcomer is blamed: the file the change adds (register.claim), else, when the
    baseline shows this meeting really was published under that name, the file that took
    it; otherwise the `eerdere_namen` line (a meeting cannot take a live meeting's address)."""
    published_as = {Path(entry["bestand"]).stem: uid for uid, entry in published.items()
                    if isinstance(entry.get("bestand"), str)}
    for (folder, slug), source in sorted(sources.items()):
        names = source.data.get("eerdere_namen") if folder == "bijeenkomsten" else None
        if not isinstance(names, list):
            continue
        for index, old in enumerate(names):
            if not isinstance(old, str) or not old or old == slug:
                continue
            claim = Claim(f"/bijeenkomsten/{old}/", "het oude adres van een andere bijeenkomst",
                          source.path, source.line("eerdere_namen", index), f"eerdere_namen[{index + 1}]",
                          hint="Zet hier alleen namen die deze bijeenkomst zelf eerder had. Een "
                               "adres van de site of van een andere bijeenkomst kan dat niet zijn.")
            existing = register.taken(claim)
            uid = source.data.get("uid")
            if existing is not None and existing.contributed and not existing.field \
                    and uid and published_as.get(old) == uid:
                # This meeting was published as old.md: the file now called so is the newcomer.
                register.refuse(replace(existing, hint="Kies een andere bestandsnaam: oude links en "
                                        "agenda-abonnementen wijzen nog naar die andere bijeenkomst."),
                                claim)
                continue
            register.claim(claim)


# --- this build's view ------------------------------------------------------------------------

@dataclass(frozen=True)
class Tracked:
    site: Site  # meetings with the SEQUENCE and stamp subscribers get from this build
    baseline: str  # the next baseline (JSON), published at PUBLISHED


def build_stamp(build_date: date) -> datetime:
    """The start of the build date in Amsterdam, in UTC: never after the moment of the build,
    even when a build just after midnight in Amsterdam is still on the day before in UTC."""
    return datetime.combine(build_date, time(0), AMSTERDAM).astimezone(UTC)


def track(site: Site, baseline: dict[str, dict[str, Any]], build_date: date,
          content_dir: Path) -> Tracked:
    stamp_now = build_stamp(build_date)
    project_dir = Path(content_dir).parent
    meetings, entries = {}, dict(baseline)
    resolver = Resolver()
    for slug, meeting in site.meetings.items():
        now = state(meeting, _in_content(meeting, content_dir, project_dir, resolver))
        text = text_fingerprint(meeting)
        before = baseline.get(meeting.uid)
        if before is None:  # first published by this build
            sequence = meeting.sequence
            written = (datetime.combine(meeting.modified, time(0), UTC)
                       if meeting.modified else stamp_now)
            stamp = min(written, stamp_now)
        else:
            previous = before.get("volgnummer", 0)
            changed = any(now[key] != before.get(key) for key in TRACKED)
            sequence = max(previous + (1 if changed else 0), meeting.sequence)
            # An entry from before the fingerprint (no 'tekst') says nothing about the words:
            # it takes this build's fingerprint without moving the stamp.
            reworded = TEXT in before and before[TEXT] != text
            earlier = _parse_stamp(before.get("gewijzigd")) or min(_seed_stamp(meeting), stamp_now)
            stamp = max(stamp_now if sequence > previous or reworded else earlier, earlier)
        meetings[slug] = replace(meeting, sequence=sequence, changed=stamp)
        entries[meeting.uid] = {**now, TEXT: text, "volgnummer": sequence, "gewijzigd": _stamp_text(stamp)}
    text = json.dumps(dict(sorted(entries.items())), ensure_ascii=False, indent=2) + "\n"
    return Tracked(replace(site, meetings=meetings), text)


def _seed_stamp(meeting: Meeting) -> datetime:
    """An entry of the committed seed has no stamp: what feeds used to say ('gewijzigd', else
    the first day), which the build date caps."""
    return datetime.combine(meeting.modified or meeting.first_day, time(0), UTC)


def _in_content(meeting: Meeting, content_dir: Path, project_dir: Path, resolver: Resolver) -> str:
    """The meeting's file relative to content/, wherever the content folder is."""
    file = resolver.resolve(Path(project_dir) / meeting.source)
    try:
        return file.relative_to(resolver.resolve(Path(content_dir))).as_posix()
    except ValueError:
        return meeting.source

