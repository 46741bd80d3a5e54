"""Real calendar clients read every feed of a site with the hard cases the same way, and the
way the front matter means it.

The clients: ical.js (Thunderbird's parser, from npm), libical (Evolution's, Debian's
gir1.2-ical-3.0 through /usr/bin/python3), vobject (Radicale's parser) and a running Radicale
CalDAV server (tests/clients/radicale_server.py) that each feed is PUT to and read back from. The fixture
(tests/fixtures/calendar_hard_cases/) holds the doubled October hour (both the first and the
second 02:xx), series over both changes of the clock with skipped and moved repetitions, a
cancelled and a moved meeting, whole-day weeks over a clock change, and names with , ; \\ and
emoji, a meeting from before the doubled hour into it, a hybrid meeting "onder voorbehoud"
(its add-to-calendar links against the feed), and (in themaweek/) a themed week with a day of
its own. The expected times are computed here from the front matter with zoneinfo, not with
the generator's code.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
import yaml
from ical.calendar_stream import IcsCalendarStream
from conftest import PROJECT

from clients.radicale_server import RadicaleServer

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
FIXTURE = PROJECT / "tests" / "fixtures" / "calendar_hard_cases"
CLIENTS = PROJECT / "tests" / "clients"
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's python3-gi lives there, not in .venv
THEME_NAME = "Radicale vernieuwing: Zorg, welzijn; wonen \\ samen 🌱"


# --- the site and what each client reads ------------------------------------------------------

@pytest.fixture(scope="module")
def hard_site(site_for) -> Path:
    return site_for(FIXTURE)  # the same site as the meeting page tests


@pytest.fixture(scope="module")
def feeds(hard_site) -> dict[str, Path]:
    return {path.relative_to(hard_site).as_posix(): path for path in sorted(hard_site.glob("ical/**/*.ics"))}


def _run(command: list[str]) -> dict:
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=PROJECT, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def icaljs(feeds) -> dict[str, dict]:
    if not (PROJECT / "node_modules" / "ical.js").is_dir() or not shutil.which("node"):
        pytest.fail("ical.js ontbreekt: npm ci --ignore-scripts (make tools)")
    raw = _run(["node", str(CLIENTS / "icaljs_view.mjs"), *map(str, feeds.values())])
    return {name: raw[str(path)] for name, path in feeds.items()}


@pytest.fixture(scope="module")
def libical(feeds) -> dict[str, dict]:
    raw = _run([SYSTEM_PYTHON, str(CLIENTS / "libical_view.py"), *map(str, feeds.values())])
    return {name: raw[str(path)] for name, path in feeds.items()}


def _vobject_instant(value) -> str:
    if not isinstance(value, datetime):
        return value.isoformat()
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def vobject_view(text: str) -> dict:
    calendar = vobject.readOne(text)
    name = calendar.contents["x-wr-calname"][0].value if "x-wr-calname" in calendar.contents else None
    masters, moved = {}, {}
    for event in calendar.contents.get("vevent", []):
        uid = event.uid.value
        if "recurrence-id" in event.contents:
            moved.setdefault(uid, {})[_vobject_instant(event.recurrence_id.value)] = [
                _vobject_instant(event.dtstart.value), _vobject_instant(event.dtend.value)]
        else:
            masters[uid] = event
    events = {}
    for uid, event in masters.items():
        start, end = event.dtstart.value, event.dtend.value
        if "rrule" in event.contents:
            found = []
            for repetition in event.getrruleset(addRDate=True):
                key = _vobject_instant(repetition)
                found.append(moved.get(uid, {}).get(key) or [key, _vobject_instant(repetition + (end - start))])
        else:
            found = [[_vobject_instant(start), _vobject_instant(end)]]
        events[uid] = {"summary": event.summary.value, "status": event.status.value,
                       "occurrences": sorted(found)}
    return {"name": name, "events": events}


@pytest.fixture(scope="module")
def radicale(feeds) -> dict[str, dict]:
    return {name: vobject_view(path.read_text(encoding="utf-8")) for name, path in feeds.items()}


@pytest.fixture(scope="module")
def radicale_server(feeds, tmp_path_factory) -> dict[str, dict]:
    """A running Radicale: each feed PUT whole to its own collection, then read back as served:
    the name from PROPFIND D:displayname, the events from a GET of the collection."""
    server = RadicaleServer(tmp_path_factory.mktemp("radicale"))
    try:
        assert server.request("MKCOL", "/feeds/")[0] == 201
        views = {}
        for name, path in feeds.items():
            collection = "/feeds/" + name.removesuffix(".ics").replace("/", "-") + "/"
            status = server.put_calendar(collection, path.read_text(encoding="utf-8"))
            assert status in (200, 201, 204), (name, status)
            served = vobject_view(server.get(collection))
            views[name] = {"name": server.displayname(collection), "events": served["events"]}
        return views
    finally:
        server.stop()


# --- what the front matter means --------------------------------------------------------------

def _moment(text: str) -> date | datetime:
    day, _, rest = text.partition(" ")
    if not rest:
        return date.fromisoformat(day)
    clock, _, offset = rest.partition(" ")
    if offset:
        return datetime.fromisoformat(f"{day}T{clock}{offset}")
    return datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=AMSTERDAM)


def _instant(moment: date | datetime) -> str:
    return _vobject_instant(moment)


def _pair(start, end) -> list[str]:
    if isinstance(start, datetime):
        return [_instant(start), _instant(end)]
    return [start.isoformat(), ((end or start) + timedelta(days=1)).isoformat()]


def _local(day: date, like: datetime) -> datetime:
    return datetime.combine(day, like.astimezone(AMSTERDAM).time(), AMSTERDAM)


def expected() -> dict[str, dict]:
    """uid → title, status and occurrences, from the fixture's front matter."""
    meetings = {}
    for file in sorted((FIXTURE / "bijeenkomsten" / "lastig").rglob("*.md")):
        data = yaml.load(file.read_text(encoding="utf-8").split("---")[1], Loader=yaml.BaseLoader)
        start, end = _moment(data["start"]), _moment(data["eind"]) if "eind" in data else None
        found = []
        rule = data.get("herhaling")
        if rule is None:
            found.append(_pair(start, end))
        else:
            first = start.date() if isinstance(start, datetime) else start
            wall = (end.astimezone(AMSTERDAM).replace(tzinfo=None) - start.astimezone(AMSTERDAM).replace(tzinfo=None)) \
                if isinstance(start, datetime) else None
            skipped = set(rule.get("behalve", []))
            moved = {m["van"]: _moment(m["naar"]) for m in rule.get("verplaatst", [])}
            n, days = 0, []
            while len(days) < 200:
                if rule["frequentie"] == "wekelijks":
                    day = first + timedelta(weeks=n * int(rule.get("interval", "1")))
                else:
                    month = first.month - 1 + n * int(rule.get("interval", "1"))
                    day = first.replace(year=first.year + month // 12, month=month % 12 + 1)
                if "tot" in rule and day > date.fromisoformat(rule["tot"]):
                    break
                if "aantal" in rule and n >= int(rule["aantal"]):
                    break
                days.append(day)
                n += 1
            for day in days:
                if day.isoformat() in skipped:
                    continue
                begin = moved.get(day.isoformat()) or _local(day, start)
                local_end = (begin.astimezone(AMSTERDAM).replace(tzinfo=None) + wall).replace(tzinfo=AMSTERDAM)
                found.append(_pair(begin, local_end))
        status = data.get("status", "gepland")
        summary = {"geannuleerd": f"Geannuleerd: {data['titel']}",
                   "onder-voorbehoud": f"{data['titel']} (onder voorbehoud)"}.get(status, data["titel"])
        meetings[data["uid"]] = {
            "slug": file.stem, "title": data["titel"], "summary": summary,
            "status": {"geannuleerd": "CANCELLED", "onder-voorbehoud": "TENTATIVE"}.get(status, "CONFIRMED"),
            "occurrences": sorted(found)}
    return meetings


EXPECTED = expected()
CLIENT_NAMES = ("icaljs", "libical", "radicale", "radicale_server")


# --- the tests --------------------------------------------------------------------------------

def test_libical_restriction_check_passes_on_every_feed(feeds, libical):
    failing = {name: view["restriction_report"] for name, view in libical.items()
               if view["restriction_errors"]}
    assert not failing, next(iter(failing.items()))
    assert len(libical) > 50  # every feed of the site was checked, not a handful


@pytest.mark.parametrize("client", CLIENT_NAMES)
def test_each_client_reads_the_hard_cases_as_the_front_matter_means(client, request):
    views = request.getfixturevalue(client)
    theme = views["ical/thema/zorg-welzijn-wonen.ics"]
    assert theme["name"] == THEME_NAME  # not cut at the comma (Radicale/vobject did)
    assert set(theme["events"]) == set(EXPECTED)
    for uid, want in EXPECTED.items():
        for feed in ("ical/thema/zorg-welzijn-wonen.ics", f"ical/bijeenkomst/{want['slug']}.ics"):
            got = views[feed]["events"][uid]
            assert (got["summary"], got["status"]) == (want["summary"], want["status"]), (client, feed)
            assert got["occurrences"] == want["occurrences"], (client, feed, uid)
        assert views[f"ical/bijeenkomst/{want['slug']}.ics"]["name"] == want["title"]


def test_the_doubled_hour_is_read_in_utc_by_every_client(icaljs, libical, radicale):
    """02:15 the first time (+02:00) to 02:45 the second time (+01:00) is 90 minutes."""
    uid = "2026-10-25-nachtgesprek-dubbel@radicalevernieuwing.nl"
    for views in (icaljs, libical, radicale):
        assert views["ical/bijeenkomst/eerste-dubbele-uur.ics"]["events"][uid]["occurrences"] == [
            ["2026-10-25T00:15:00Z", "2026-10-25T01:45:00Z"]]


def test_all_clients_agree_on_every_feed_of_the_site(icaljs, libical, radicale, radicale_server):
    """The whole site, real content included: same names, titles, status and times."""
    assert set(radicale_server) == set(icaljs)
    for name in icaljs:
        views = [{"name": v[name]["name"], "events": v[name]["events"]}
                 for v in (icaljs, libical, radicale, radicale_server)]
        assert views[0] == views[1] == views[2] == views[3], name


def test_feeds_have_no_method_and_no_x_wr_timezone(feeds):
    for name, path in feeds.items():
        text = path.read_text(encoding="utf-8")
        assert "\nMETHOD:" not in text and "X-WR-TIMEZONE" not in text, name


# --- the cases of issue 21 --------------------------------------------------------------------

def vevent_lines(path: Path, uid: str) -> list[str]:
    """The unfolded content lines of the (single) VEVENT with this UID."""
    text = path.read_bytes().decode("utf-8").replace("\r\n ", "")
    (block,) = [b for b in re.findall(r"BEGIN:VEVENT\r\n.*?END:VEVENT", text, re.S) if f"\r\nUID:{uid}\r\n" in b]
    return block.split("\r\n")


def test_a_meeting_into_the_doubled_hour_has_both_ends_in_utc_and_every_client_reads_two_hours(
        feeds, icaljs, libical, radicale, radicale_server):
    """01:30 summer time to the second 02:30: DTSTART;TZID with a UTC DTEND was read an hour
    long by some clients (recurring-ical-events). Both ends in UTC are read alike by all."""
    uid = "2026-10-25-nachtdienst-tot-dubbel@radicalevernieuwing.nl"
    feed = "ical/bijeenkomst/voor-het-dubbele-uur.ics"
    lines = vevent_lines(feeds[feed], uid)
    assert "DTSTART:20261024T233000Z" in lines and "DTEND:20261025T013000Z" in lines, lines
    for views in (icaljs, libical, radicale, radicale_server):
        for name in (feed, "ical/alle.ics"):
            assert views[name]["events"][uid]["occurrences"] == [["2026-10-24T23:30:00Z", "2026-10-25T01:30:00Z"]]
    # the strict `ical` parser and icalendar agree
    strict = IcsCalendarStream.calendar_from_ics(feeds[feed].read_text(encoding="utf-8"))
    (event,) = [e for e in strict.events if e.uid == uid]
    assert (event.end - event.start) == timedelta(hours=2)
    (loose,) = [e for e in icalendar.Calendar.from_ical(feeds[feed].read_bytes()).walk("VEVENT")]
    assert loose["DTEND"].dt - loose["DTSTART"].dt == timedelta(hours=2)


def add_links(site: Path, slug: str) -> dict[str, dict[str, list[str]]]:
    """The add-to-calendar links on a meeting's page: 'google', 'live', 'office' → query."""
    page = (site / "bijeenkomsten" / slug / "index.html").read_text(encoding="utf-8")
    found = {}
    for href in re.findall(r'href="(https://[^"]+)"', page):
        address = urlsplit(html.unescape(href))
        if address.netloc == "calendar.google.com" and "action=TEMPLATE" in address.query:
            found["google"] = parse_qs(address.query)
        elif address.netloc in ("outlook.live.com", "outlook.office.com"):
            found[address.netloc.split(".")[1]] = parse_qs(address.query)
    assert set(found) == {"google", "live", "office"}, found
    return found


def test_add_links_of_a_tentative_hybrid_meeting_say_what_the_feed_says(hard_site, feeds):
    """A copy added by link never updates: it must carry "onder voorbehoud" itself, and give
    the same place as the feed (the venue; the online part is in the description)."""
    uid = "2027-01-20-ontmoeting-bar-beton@radicalevernieuwing.nl"
    text = feeds["ical/bijeenkomst/voorbehoud-hybride.ics"].read_text(encoding="utf-8")
    (event,) = vobject.readOne(text).contents["vevent"]  # Radicale's parser
    (strict,) = [e for e in IcsCalendarStream.calendar_from_ics(text).events if e.uid == uid]
    assert event.summary.value == strict.summary == "Ontmoeting in Bar Beton (onder voorbehoud)"
    assert event.location.value == strict.location == "Bar Beton, Utrecht"
    first_line = event.description.value.split("\n")[0]
    assert first_line.startswith("Onder voorbehoud")
    links = add_links(hard_site, "voorbehoud-hybride")
    assert links["google"]["text"] == [event.summary.value]
    assert links["google"]["location"] == [event.location.value]
    assert links["google"]["details"][0].startswith(first_line)
    assert "https://example.org/beton" in links["google"]["details"][0]  # the online part
    for kind in ("live", "office"):
        assert links[kind]["subject"] == [event.summary.value]
        assert links[kind]["location"] == [event.location.value]
        assert links[kind]["body"][0].startswith(first_line)


WEEK = "2027-04-12-testweek@radicalevernieuwing.nl"
WEEK_DAY = "2027-04-14-testweek-jeugdzorg@radicalevernieuwing.nl"


@pytest.mark.parametrize("client", CLIENT_NAMES)
def test_a_themed_week_is_in_a_feed_once_not_also_as_its_days(client, request):
    """Where the week is in a feed, its day is not beside it; a feed without the week (the
    day's own movement) keeps the day; the week's description names the day."""
    views = request.getfixturevalue(client)
    for feed in ("ical/alle.ics", "ical/thema/jeugd.ics", "ical/beweging/zorg.ics"):
        assert WEEK in views[feed]["events"] and WEEK_DAY not in views[feed]["events"], (client, feed)
    for feed in ("ical/beweging/jeugdzorg.ics", "ical/bijeenkomst/testweek-jeugdzorg.ics"):
        assert WEEK_DAY in views[feed]["events"] and WEEK not in views[feed]["events"], (client, feed)
    assert views["ical/alle.ics"]["events"][WEEK]["occurrences"] == [["2027-04-12", "2027-04-17"]]


def test_a_themed_weeks_description_names_its_days_and_real_weeks_are_once(feeds, built_site):
    (week,) = [e for e in vobject.readOne(feeds["ical/alle.ics"].read_text(encoding="utf-8")).contents["vevent"]
               if e.uid.value == WEEK]
    assert "Dagen met een eigen pagina:" in week.description.value
    assert "Testweek: dag van de jeugdzorg (Zwolle)" in week.description.value
    # the real themed weeks of 2021 and 2022: the week in the feed of all meetings, its days not
    real = {e.uid.value for e in vobject.readOne((built_site / "ical" / "alle.ics").read_text(encoding="utf-8"))
            .contents["vevent"]}
    assert "2022-11-07-week-van-de-radicale-vernieuwing@radicalevernieuwing.nl" in real
    assert "2022-11-11-voorbij-sectoren@radicalevernieuwing.nl" not in real
    assert "2022-11-08-week-langdurige-ggz@radicalevernieuwing.nl" not in real
    ggz = (built_site / "ical" / "beweging" / "langdurige-ggz.ics").read_text(encoding="utf-8")
    assert "UID:2022-11-08-week-langdurige-ggz@radicalevernieuwing.nl" in ggz  # its own movement keeps it
