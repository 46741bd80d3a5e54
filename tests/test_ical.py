"""Issue 3: the calendar feeds behave right in subscribers' apps.

The fixture content (tests/fixtures/agenda/: the real content plus meetings after the build
date 2026-11-23) is built with MkDocs three times: twice unchanged, once with a changed title
and a meeting that is not (yet) cancelled. Every .ics is read by two parsers: icalendar and the
strict `ical` package."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil.rrule import rrulestr
from ical.calendar_stream import IcsCalendarStream
from ical.timezone import IcsTimezoneInfo

from conftest import PROJECT, build, copy_project

FIXTURE = PROJECT / "tests" / "fixtures" / "agenda"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
UTC = timezone.utc
SITE = "https://www.radicalevernieuwing.nl/"
TOEKOMST = "bijeenkomsten/toekomst"


def uid(slug: str) -> str:
    text = (FIXTURE / TOEKOMST / f"{slug}.md").read_text(encoding="utf-8")
    return re.search(r'^uid: "([^"]+)"', text, re.M).group(1)


@pytest.fixture(scope="module")
def sites(tmp_path_factory, agenda_site, site_for) -> dict[str, Path]:
    """The agenda site (shared with the agenda tests), a second build of the same content made
    here on purpose (two builds must give the same bytes), and a variant with two edits."""
    content = agenda_site.parent / "content"
    again = build(copy_project(tmp_path_factory.mktemp("ical") / "again", content=content))
    camp_path = f"{TOEKOMST}/kampvuurgesprek-december.md"
    cancelled_path = f"{TOEKOMST}/geannuleerd-december.md"
    camp = (content / camp_path).read_text(encoding="utf-8").replace(
        'titel: "Kampvuurgesprek: zorg, wonen; thuis & samen"', 'titel: "Kampvuurgesprek bij De Brug"')
    # as it was before it was cancelled
    cancelled = re.sub(r"^(status|volgnummer|gewijzigd): .*\n", "",
                       (content / cancelled_path).read_text(encoding="utf-8"), flags=re.M)
    variant = site_for(FIXTURE, files={camp_path: camp, cancelled_path: cancelled})
    return {"main": agenda_site, "again": again, "variant": variant}


def ics_files(site: Path) -> list[Path]:
    return sorted((site / "ical").rglob("*.ics"))


def parse(path: Path):
    data = path.read_bytes()
    return icalendar.Calendar.from_ical(data), IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))


def events(calendar, meeting_uid: str) -> list:
    return [e for e in calendar.walk("VEVENT") if str(e["UID"]) == meeting_uid]


def master(calendar, meeting_uid: str):
    (found,) = [e for e in events(calendar, meeting_uid) if "RECURRENCE-ID" not in e]
    return found


def vevent_text(path: Path, meeting_uid: str) -> list[bytes]:
    data = path.read_bytes().replace(b"\r\n ", b"")  # unfolded
    blocks = re.findall(rb"BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", data, re.S)
    return [b for b in blocks if f"\r\nUID:{meeting_uid}\r\n".encode() in b]


# --- every file -------------------------------------------------------------------------------

def test_every_feed_parses_without_errors_in_both_parsers(sites):
    files = ics_files(sites["main"])
    assert len(files) > 100  # all, 4 movements, every theme, every organisation, every meeting
    for path in files:
        calendar, strict = parse(path)
        for component in calendar.walk():
            assert component.errors == [], (path, component.name, component.errors)
        assert strict.prodid and strict.version == "2.0", path
        assert len(strict.events) == len(calendar.walk("VEVENT")), path


def test_every_feed_has_crlf_folded_lines_and_whole_characters(sites):
    for path in ics_files(sites["main"]):
        data = path.read_bytes()
        assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n"), path
        assert b"\n" not in data.replace(b"\r\n", b""), f"{path}: a line end without CR"
        for line in data.split(b"\r\n"):
            assert len(line) <= 75, (path, line)
            line.decode("utf-8")  # folding never splits a character


def test_feed_names_descriptions_and_refresh_hints(sites):
    path = sites["main"] / "ical" / "alle.ics"
    text = path.read_bytes().decode().replace("\r\n ", "")
    for line in ("NAME;VALUE=TEXT:Radicale vernieuwing: bijeenkomsten",
                 "X-WR-CALNAME;VALUE=TEXT:Radicale vernieuwing: bijeenkomsten",
                 "REFRESH-INTERVAL;VALUE=DURATION:PT6H", "X-PUBLISHED-TTL:PT6H",
                 f"SOURCE:{SITE}ical/alle.ics"):
        assert f"\r\n{line}\r\n" in text, line
    # No METHOD (RFC 5546 would want an ORGANIZER on every event, and only without METHOD may
    # DTSTAMP mean "last modified"); no X-WR-TIMEZONE (it moves UTC times in some clients).
    assert "\r\nMETHOD:" not in text and "X-WR-TIMEZONE" not in text
    assert re.search(r"\r\nDESCRIPTION:Alle bijeenkomsten", text)
    calendar, strict = parse(sites["main"] / "ical" / "thema" / "zeggenschap.ics")
    title = re.search(r"^titel: (.+)$", (PROJECT / "content" / "themas" / "zeggenschap.md").read_text(encoding="utf-8"),
                      re.M).group(1).strip('"')
    assert str(calendar["X-WR-CALNAME"]) == str(calendar["NAME"]) == f"Radicale vernieuwing: {title}"
    assert "zeggenschap" in str(calendar["DESCRIPTION"]).lower()


# --- identity and reproducibility -------------------------------------------------------------

def test_uids_are_unique_per_file(sites):
    for path in ics_files(sites["main"]):
        calendar, _ = parse(path)
        keys = [(str(e["UID"]), e.get("RECURRENCE-ID").to_ical() if "RECURRENCE-ID" in e else b"")
                for e in calendar.walk("VEVENT")]
        assert len(keys) == len(set(keys)), path
        masters = [k for k, rid in keys if not rid]
        assert len(masters) == len(set(masters)), path


def test_uids_are_the_same_across_builds_and_a_title_change(sites):
    def uids(site):
        return {p.relative_to(site).as_posix(): sorted(str(e["UID"]) for e in parse(p)[0].walk("VEVENT"))
                for p in ics_files(site)}
    assert uids(sites["main"]) == uids(sites["again"]) == uids(sites["variant"])
    camp = uid("kampvuurgesprek-december")
    before = master(parse(sites["main"] / "ical" / "alle.ics")[0], camp)
    after = master(parse(sites["variant"] / "ical" / "alle.ics")[0], camp)
    assert str(before["SUMMARY"]) != str(after["SUMMARY"]) == "Kampvuurgesprek bij De Brug"


def test_two_builds_give_byte_identical_feeds(sites):
    first, second = ics_files(sites["main"]), ics_files(sites["again"])
    assert [p.relative_to(sites["main"]) for p in first] == [p.relative_to(sites["again"]) for p in second]
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a


def test_stamps_are_never_after_the_build_date(sites):
    """New to the baseline: 'gewijzigd' when it is earlier, else the build date (its start in
    Amsterdam); never a meeting's own future date. tests/test_deploys.py follows them over
    several deploys."""
    calendar, _ = parse(sites["main"] / "ical" / "alle.ics")
    built = datetime(2026, 11, 22, 23, 0, tzinfo=UTC)  # 2026-11-23 00:00 in Amsterdam
    camp = master(calendar, uid("kampvuurgesprek-december"))  # in the baseline, no stamp yet
    assert camp.DTSTAMP == camp.LAST_MODIFIED <= built
    week = master(calendar, uid("themaweek-2027"))  # first day in 2027
    assert week.DTSTAMP == week.LAST_MODIFIED == built
    for event in calendar.walk("VEVENT"):
        assert event.DTSTAMP <= built


# --- time ------------------------------------------------------------------------------------

def utc_times(path: Path, meeting_uid: str):
    calendar, strict = parse(path)
    event = master(calendar, meeting_uid)
    (strict_event,) = [e for e in strict.events if e.uid == meeting_uid and not e.recurrence_id]
    from_icalendar = (event.start.astimezone(UTC), event.end.astimezone(UTC))
    from_strict = (strict_event.dtstart.astimezone(UTC), strict_event.dtend.astimezone(UTC))
    return from_icalendar, from_strict


def test_meeting_over_the_march_change_has_the_right_utc_times(sites):
    path = sites["main"] / "ical" / "bijeenkomst" / "nachtwake-zomertijd.ics"
    expected = (datetime(2027, 3, 27, 22, 0, tzinfo=UTC), datetime(2027, 3, 28, 1, 30, tzinfo=UTC))
    assert utc_times(path, uid("nachtwake-zomertijd")) == (expected, expected)
    assert b"DTSTART;TZID=Europe/Amsterdam:20270327T230000\r\n" in path.read_bytes()


def test_meeting_over_the_october_change_has_the_right_utc_times(sites):
    path = sites["main"] / "ical" / "bijeenkomst" / "nachtwake-wintertijd.ics"
    # ends at the second 02:30 (+01:00); a local 02:30 would mean the first one (RFC 5545 3.3.5)
    expected = (datetime(2027, 10, 30, 20, 0, tzinfo=UTC), datetime(2027, 10, 31, 1, 30, tzinfo=UTC))
    assert utc_times(path, uid("nachtwake-wintertijd")) == (expected, expected)
    assert b"DTEND:20271031T013000Z\r\n" in path.read_bytes()


def test_weekly_series_keeps_its_local_time_across_the_change(sites):
    path = sites["main"] / "ical" / "alle.ics"
    series = uid("leerkring-wekelijks")
    _, strict = parse(path)
    starts = [e.dtstart for e in strict.timeline_tz(AMSTERDAM)
              .overlapping(datetime(2027, 1, 1, tzinfo=AMSTERDAM), datetime(2027, 6, 1, tzinfo=AMSTERDAM))
              if e.uid == series]
    local = [s.astimezone(AMSTERDAM) for s in starts]
    assert [s.date() for s in local] == [date(2027, 2, 16), date(2027, 2, 23), date(2027, 3, 2),
                                         date(2027, 3, 16), date(2027, 3, 23), date(2027, 4, 1),
                                         date(2027, 4, 6), date(2027, 4, 13), date(2027, 4, 20)]
    assert {(s.hour, s.minute) for s in local} == {(19, 30)}
    in_utc = {s.date(): s.astimezone(UTC).hour for s in local}
    assert in_utc[date(2027, 3, 23)] == 18 and in_utc[date(2027, 4, 6)] == 17  # 19:30 CET, CEST
    # icalendar's side: the raw rule, the skipped date and the moved repetition
    calendar, _ = parse(path)
    event = master(calendar, series)
    assert event["RRULE"].to_ical() == b"FREQ=WEEKLY;COUNT=10"
    assert [d.dt for d in event["EXDATE"].dts] == [datetime(2027, 3, 9, 19, 30, tzinfo=AMSTERDAM)]
    (moved,) = [e for e in events(calendar, series) if "RECURRENCE-ID" in e]
    assert moved["RECURRENCE-ID"].dt == datetime(2027, 3, 30, 19, 30, tzinfo=AMSTERDAM)
    assert moved.start == datetime(2027, 4, 1, 19, 30, tzinfo=AMSTERDAM)
    assert moved["SEQUENCE"] == event["SEQUENCE"]


def local_times(calendar) -> list[datetime]:
    """Every local (TZID) time in a file, with every repetition of every series."""
    found = []
    for event in calendar.walk("VEVENT"):
        for name in ("DTSTART", "DTEND", "RECURRENCE-ID"):
            value = event.get(name)
            if value is not None and isinstance(value.dt, datetime) and "TZID" in value.params:
                found.append(value.dt.replace(tzinfo=None))
        for exdate in event.get("EXDATE").dts if "EXDATE" in event else ():
            if isinstance(exdate.dt, datetime):
                found.append(exdate.dt.replace(tzinfo=None))
        if "RRULE" in event and isinstance(event.start, datetime):
            start = event.start.replace(tzinfo=None)
            length = event.end.replace(tzinfo=None) - start
            rule = event["RRULE"].to_ical().decode()
            rule = re.sub(r"UNTIL=(\d{8}T\d{6})Z", lambda m: "UNTIL=" + datetime.strptime(
                m.group(1), "%Y%m%dT%H%M%S").replace(tzinfo=UTC).astimezone(AMSTERDAM)
                .strftime("%Y%m%dT%H%M%S"), rule)  # compare local with local
            for repetition in rrulestr(rule, dtstart=start):
                found += [repetition, repetition + length]
    return found


def test_embedded_vtimezone_gives_zoneinfos_offset_for_every_occurrence(sites):
    checked = 0
    for path in ics_files(sites["main"]):
        calendar, strict = parse(path)
        (vtimezone,) = calendar.walk("VTIMEZONE")
        embedded = vtimezone.to_tz(lookup_tzid=False)  # from the file, not from the TZID name
        (strict_zone,) = strict.timezones
        strict_tz = IcsTimezoneInfo(strict_zone)
        for local in local_times(calendar):
            expected = local.replace(tzinfo=AMSTERDAM).utcoffset()
            assert local.replace(tzinfo=embedded).utcoffset() == expected, (path, local)
            assert strict_tz.utcoffset(local) == expected, (path, local)
            checked += 1
    assert checked > 200
    # also years ahead: every half hour around each change from 2027 to 2035 (local times that
    # exist once; the validator refuses the others, or they are written in UTC)
    calendar, strict = parse(sites["main"] / "ical" / "alle.ics")
    embedded = calendar.walk("VTIMEZONE")[0].to_tz(lookup_tzid=False)
    strict_tz = IcsTimezoneInfo(strict.timezones[0])
    ahead = 0
    for year in range(2027, 2036):
        for month in (3, 10):
            moment = datetime(year, month, 24)
            while moment < datetime(year, month + 1, 1):
                expected = moment.replace(tzinfo=AMSTERDAM).utcoffset()
                if expected == moment.replace(tzinfo=AMSTERDAM, fold=1).utcoffset():
                    assert moment.replace(tzinfo=embedded).utcoffset() == expected, moment
                    assert strict_tz.utcoffset(moment) == expected, moment
                    ahead += 1
                moment += timedelta(minutes=30)
    assert ahead == 9 * (2 * 8 * 48 - 4)  # two skipped and two doubled half hours a year


def test_whole_day_meetings_end_on_the_exclusive_next_day_and_leave_time_free(sites):
    for slug, first, end in (("studiedag-januari", date(2027, 1, 15), date(2027, 1, 16)),
                             ("themaweek-2027", date(2027, 11, 8), date(2027, 11, 13))):
        path = sites["main"] / "ical" / "bijeenkomst" / f"{slug}.ics"
        calendar, strict = parse(path)
        event = master(calendar, uid(slug))
        assert (event.start, event.end) == (first, end)
        assert str(event["TRANSP"]) == "TRANSPARENT"
        (strict_event,) = strict.events
        assert (strict_event.dtstart, strict_event.dtend) == (first, end)
        text = path.read_bytes()
        assert f"DTSTART;VALUE=DATE:{first:%Y%m%d}\r\n".encode() in text
        assert f"DTEND;VALUE=DATE:{end:%Y%m%d}\r\n".encode() in text


# --- status, place, links ---------------------------------------------------------------------

def test_cancelled_meeting_is_cancelled_with_a_higher_sequence(sites):
    cancelled = uid("geannuleerd-december")
    now = master(parse(sites["main"] / "ical" / "alle.ics")[0], cancelled)
    before = master(parse(sites["variant"] / "ical" / "alle.ics")[0], cancelled)
    assert str(now["STATUS"]) == "CANCELLED" and str(before["STATUS"]) == "CONFIRMED"
    assert now["SEQUENCE"] > before["SEQUENCE"]
    (strict_event,) = [e for e in parse(sites["main"] / "ical" / "alle.ics")[1].events if e.uid == cancelled]
    assert strict_event.status.value == "CANCELLED" and strict_event.sequence == 1


def test_status_of_tentative_and_moved_meetings(sites):
    calendar, _ = parse(sites["main"] / "ical" / "alle.ics")
    assert str(master(calendar, uid("onder-voorbehoud-mei"))["STATUS"]) == "TENTATIVE"
    moved = master(calendar, uid("verplaatst-februari"))
    assert str(moved["STATUS"]) == "CONFIRMED" and moved["SEQUENCE"] == 1
    assert moved.start == datetime(2027, 2, 4, 13, 0, tzinfo=AMSTERDAM)
    assert "21 januari 2027" in str(moved["DESCRIPTION"])


def test_join_link_only_when_public_and_the_page_as_url(sites):
    calendar, _ = parse(sites["main"] / "ical" / "alle.ics")
    public = master(calendar, uid("online-openbaar"))
    assert "https://meet.example.org/kennissessie-wzd" in str(public["DESCRIPTION"])
    assert str(public["CONFERENCE"]) == "https://meet.example.org/kennissessie-wzd"
    private = master(calendar, uid("online-na-aanmelding"))
    assert "CONFERENCE" not in private
    assert "Je krijgt de link na aanmelding." in str(private["DESCRIPTION"])
    assert "meet." not in private.to_ical().decode()
    hybrid = master(calendar, uid("hybride-ontmoeting"))
    assert str(hybrid["LOCATION"]) == "Bar Beton, Utrecht"  # the venue; a public link is the CONFERENCE
    for event in calendar.walk("VEVENT"):
        assert str(event["URL"]).startswith(SITE + "bijeenkomsten/"), event["UID"]
    assert str(public["URL"]) == SITE + "bijeenkomsten/online-openbaar/"


def test_text_is_escaped(sites):
    path = sites["main"] / "ical" / "bijeenkomst" / "kampvuurgesprek-december.ics"
    text = path.read_bytes().decode().replace("\r\n ", "")
    assert "\r\nSUMMARY:Kampvuurgesprek: zorg\\, wonen\\; thuis & samen\r\n" in text
    calendar, strict = parse(path)
    assert str(master(calendar, uid("kampvuurgesprek-december"))["SUMMARY"]) == \
        "Kampvuurgesprek: zorg, wonen; thuis & samen"
    assert strict.events[0].summary == "Kampvuurgesprek: zorg, wonen; thuis & samen"
    assert "één avond" in strict.events[0].description


# --- which meetings are in which feed ---------------------------------------------------------

def in_file(path: Path) -> set[str]:
    return {str(e["UID"]) for e in parse(path)[0].walk("VEVENT")}


def test_feeds_keep_history_and_let_cancelled_meetings_go(sites):
    site = sites["main"]
    everything = in_file(site / "ical" / "alle.ics")
    assert uid("terugblik-juni") in everything  # past, within a year
    assert "2022-11-07-week-van-de-radicale-vernieuwing@radicalevernieuwing.nl" in everything
    assert uid("geannuleerd-kort-geleden") in everything  # cancelled, two weeks ago
    assert uid("geannuleerd-lang-geleden") not in everything  # cancelled, months ago: gone
    assert uid("geannuleerd-lang-geleden") in in_file(site / "ical" / "bijeenkomst" / "geannuleerd-lang-geleden.ics")
    assert "2017-05-22-inspiratiebijeenkomst-bussum@radicalevernieuwing.nl" not in everything  # > 5 years
    series = uid("leerkring-wekelijks")
    for feed in ("thema/zeggenschap.ics", "deelnemer/trimbos.ics", "beweging/langdurige-ggz.ics"):
        assert series in in_file(site / "ical" / feed), feed
    assert series not in in_file(site / "ical" / "beweging" / "zorg.ics")


def test_a_meeting_is_written_identically_in_every_feed(sites):
    site = sites["main"]
    for slug, feeds in (("leerkring-wekelijks", ("alle.ics", "thema/zeggenschap.ics", "deelnemer/trimbos.ics",
                                                   "beweging/langdurige-ggz.ics")),
                        ("kampvuurgesprek-december", ("alle.ics", "thema/wonen-en-zorg-thuis.ics",
                                                        "deelnemer/brentano.ics", "beweging/zorg.ics"))):
        own = vevent_text(site / "ical" / "bijeenkomst" / f"{slug}.ics", uid(slug))
        assert own
        for feed in feeds:
            assert vevent_text(site / "ical" / feed, uid(slug)) == own, (slug, feed)


def test_the_preview_server_sends_ics_as_text_calendar_without_etc_mime_types():
    """`make serve` guesses types with mimetypes; on a machine without /etc/mime.types Python
    knows no .ics. The hook registers it (the import is what MkDocs does with the hook)."""
    import subprocess
    import sys
    script = (
        "import mimetypes, importlib.util, sys\n"
        "mimetypes.knownfiles[:] = []\n"
        "mimetypes.init(files=[])\n"
        "assert mimetypes.guess_type('a.ics')[0] is None\n"
        "sys.path.insert(0, 'overrides/hooks')  # as MkDocs does while it loads a hook\n"
        "spec = importlib.util.spec_from_file_location('hook', 'overrides/hooks/generate.py')\n"
        "spec.loader.exec_module(importlib.util.module_from_spec(spec))\n"
        "print(mimetypes.guess_type('a.ics')[0])\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=PROJECT, capture_output=True, text=True,
                          timeout=120)
    assert done.stdout.strip() == "text/calendar", done.stderr
