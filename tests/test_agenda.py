"""Issue 3: the agenda, the archive, meeting pages, the subscribe and add-to-calendar blocks,
schema.org Event data and the validator rules for meetings.

The real content (all meetings in the past) must give an honest empty agenda; the fixture
content (tests/fixtures/agenda/) adds meetings after the build date 2026-11-23."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
from ical.calendar_stream import IcsCalendarStream

from conftest import PROJECT, content_with, run_check, serve

FIXTURE = PROJECT / "tests" / "fixtures" / "agenda"
SITE = "https://www.radicalevernieuwing.nl/"
MEETINGS = "bijeenkomsten/toekomst"


@pytest.fixture(scope="module")
def fixture_site(agenda_site) -> Path:
    """The real content plus tests/fixtures/agenda/, built once per run (conftest.site_for)."""
    return agenda_site


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def content_of(text: str) -> str:
    """The page's own article, without navigation, head and footer."""
    return text.split('<article class="md-content__inner', 1)[1].rsplit("</article>", 1)[0]


def head_links(text: str) -> list[dict]:
    head = text.split("</head>", 1)[0]
    return [dict(re.findall(r'(\w+)="([^"]*)"', tag)) for tag in re.findall(r"<link [^>]*>", head)]


def json_ld(text: str) -> dict:
    (data,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    return json.loads(data)


# --- the real content -------------------------------------------------------------------------

def test_real_agenda_is_honestly_empty_and_points_to_the_archive(built_site):
    text = content_of(page(built_site, "bijeenkomsten"))
    assert "rv-item--bijeenkomst" not in text  # no invented meetings
    assert "Er staan nog geen nieuwe bijeenkomsten in de agenda" in text
    assert 'href="archief/"' in text and "Abonneer je op de agenda" in text
    assert 'id="abonneren"' in text


def test_real_archive_has_every_meeting_by_year(built_site):
    text = content_of(page(built_site, "bijeenkomsten/archief"))
    for year in range(2017, 2024):
        assert f'href="{year}/"' in text, year
    week = content_of(page(built_site, "bijeenkomsten/archief/2022"))
    assert "Week van de Radicale vernieuwing 2022" in week and "7 t/m 11 november 2022" in week


def test_real_feeds_hold_a_themed_week_and_a_series(built_site):
    for path in sorted((built_site / "ical").rglob("*.ics")):
        data = path.read_bytes()
        for component in icalendar.Calendar.from_ical(data).walk():
            assert component.errors == [], path
        IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    calendar = icalendar.Calendar.from_ical((built_site / "ical" / "alle.ics").read_bytes())
    found = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    week = found["2022-11-07-week-van-de-radicale-vernieuwing@radicalevernieuwing.nl"]
    assert week.end.isoformat() == "2022-11-12"  # Monday 7 to Friday 11 November, exclusive end
    series = [e for e in found.values() if "alternatieven jeugdzorg" in str(e["SUMMARY"]).lower()]
    assert len(series) >= 2  # meetings of the series 'Aan de slag met alternatieven jeugdzorg'
    assert "Programma:" in str(week["DESCRIPTION"])


def test_real_meeting_page_has_event_data_and_its_calendar_file(built_site):
    text = page(built_site, "bijeenkomsten/aan-de-slag-met-alternatieven-jeugdzorg-wat-als-vervolg-3")
    data = json_ld(text)
    assert data["@type"] == "Event" and data["startDate"] == "2023-06-20T10:00:00+02:00"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert {loc["@type"] for loc in data["location"]} == {"Place", "VirtualLocation"}
    calendars = [link for link in head_links(text) if link.get("type") == "text/calendar"]
    assert calendars and calendars[0]["href"].endswith(
        "ical/bijeenkomst/aan-de-slag-met-alternatieven-jeugdzorg-wat-als-vervolg-3.ics")
    assert "Deze bijeenkomst was op" in content_of(text)
    assert 'id="zet-in-je-agenda"' not in text  # past: nothing to put in a calendar


@pytest.mark.parametrize("path, feed", [
    ("bijeenkomsten", "ical/alle.ics"), ("themas/jeugd", "ical/thema/jeugd.ics"),
    ("bewegingen/zorg", "ical/beweging/zorg.ics"), ("deelnemers/loc", "ical/deelnemer/loc.ics")])
def test_pages_with_a_feed_offer_it_in_the_head_and_in_a_subscribe_block(built_site, path, feed):
    text = page(built_site, path)
    calendars = [link for link in head_links(text) if link.get("type") == "text/calendar"]
    assert len(calendars) == 1 and calendars[0]["rel"] == "alternate"
    target = (built_site / path / calendars[0]["href"]).resolve()
    assert target == (built_site / feed).resolve() and target.is_file()
    body = content_of(text)
    if b"BEGIN:VEVENT" not in target.read_bytes():  # an empty calendar says so (test_visible.py)
        assert "deze agenda is leeg" in body and "webcal://" not in body
        return
    assert f'href="webcal://www.radicalevernieuwing.nl/{feed}"' in body
    assert f'value="{SITE}{feed}"' in body and "readonly" in body
    for app in ("Google Agenda", "Apple Agenda", "Outlook"):
        assert app in body
    if path == "bijeenkomsten":  # the whole explanation on the agenda only; elsewhere one disclosure
        assert "tot een dag" in body  # Google is slow to show changes
    else:
        assert "tot een dag" not in body and 'class="rv-abonneren rv-abonneren--kort"' in body


# --- the fixture content ----------------------------------------------------------------------

def test_agenda_groups_upcoming_meetings_by_month(fixture_site):
    text = content_of(page(fixture_site, "bijeenkomsten"))
    months = re.findall(r"<h2[^>]*>([^<]+)<", text)
    assert months[:3] == ["december 2026", "januari 2027", "februari 2027"]
    assert "Er staan nog geen nieuwe bijeenkomsten" not in text
    assert text.index("Kampvuurgesprek") < text.index("Studiedag zorgonderwijs")
    assert "Geannuleerd" in text and "Onder voorbehoud" in text


def test_meeting_page_in_dutch_with_place_organisers_and_registration(fixture_site):
    text = content_of(page(fixture_site, "bijeenkomsten/kampvuurgesprek-december"))
    assert "woensdag 9 december 2026, 19.30–21.00 uur" in text
    assert "<strong>Buurthuis De Brug</strong><br>Voorbeeldstraat 1<br>3511 AA Utrecht" in text
    assert "openstreetmap.org/search?query=Voorbeeldstraat%201" in text
    assert 'href="../../deelnemers/loc/"' in text and 'href="../../deelnemers/brentano/"' in text
    assert "https://www.example.org/aanmelden/kampvuur" in text


def test_multi_day_week_has_dates_and_a_programme_per_day(fixture_site):
    text = content_of(page(fixture_site, "bijeenkomsten/themaweek-2027"))
    assert "8 t/m 12 november 2027" in text
    days = re.findall(r"<h3[^>]*>([^<]+)<", text)
    assert days == ["maandag 8 november 2027", "dinsdag 9 november 2027", "woensdag 10 november 2027",
                    "donderdag 11 november 2027", "vrijdag 12 november 2027"]


def test_statuses_and_series_are_shown_clearly(fixture_site):
    assert "Deze bijeenkomst gaat niet door" in content_of(page(fixture_site, "bijeenkomsten/geannuleerd-december"))
    moved = content_of(page(fixture_site, "bijeenkomsten/verplaatst-februari"))
    assert "Verplaatst" in moved and "21 januari 2027" in moved
    assert "Onder voorbehoud" in content_of(page(fixture_site, "bijeenkomsten/onder-voorbehoud-mei"))
    series = content_of(page(fixture_site, "bijeenkomsten/leerkring-wekelijks"))
    assert "elke week, 9 keer" in series  # ten, less the skipped date
    assert "Gaat niet door op:</strong> dinsdag 9 maart 2027" in series
    assert "dinsdag 30 maart 2027 is op donderdag 1 april 2027, 19.30–21.00 uur" in series


def test_event_data_of_cancelled_moved_online_and_series(fixture_site):
    cancelled = json_ld(page(fixture_site, "bijeenkomsten/geannuleerd-december"))
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"
    moved = json_ld(page(fixture_site, "bijeenkomsten/verplaatst-februari"))
    assert moved["eventStatus"] == "https://schema.org/EventRescheduled"
    assert moved["previousStartDate"] == "2027-01-21T13:00:00+01:00"
    assert moved["startDate"] == "2027-02-04T13:00:00+01:00"
    public = json_ld(page(fixture_site, "bijeenkomsten/online-openbaar"))
    assert public["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert public["location"] == {"@type": "VirtualLocation", "url": "https://meet.example.org/kennissessie-wzd"}
    private = json_ld(page(fixture_site, "bijeenkomsten/online-na-aanmelding"))
    assert private["location"]["url"] == SITE + "bijeenkomsten/online-na-aanmelding/"
    assert private["organizer"]["name"] == "Radicale vernieuwing jeugdzorg"  # no organiser: the movement
    week = json_ld(page(fixture_site, "bijeenkomsten/themaweek-2027"))
    assert (week["startDate"], week["endDate"]) == ("2027-11-08", "2027-11-12")
    series = json_ld(page(fixture_site, "bijeenkomsten/leerkring-wekelijks"))
    assert series["eventSchedule"]["repeatFrequency"] == "P1W"
    assert series["eventSchedule"]["exceptDate"] == ["2027-03-09", "2027-03-30"]


def add_links(text: str) -> dict[str, str]:
    block = content_of(text).split('id="zet-in-je-agenda"', 1)[1]
    return {name: html.unescape(href) for href, name in
            re.findall(r'<a [^>]*href="([^"]+)"[^>]*>([^<]+)</a>', block)}


def test_add_to_calendar_links_have_utc_times_and_whole_days(fixture_site):
    links = add_links(page(fixture_site, "bijeenkomsten/nachtwake-zomertijd"))
    google = parse_qs(urlsplit(links["Google Agenda"]).query)
    assert google["dates"] == ["20270327T220000Z/20270328T013000Z"]
    assert google["text"] == ["Nachtwake in de nacht van de zomertijd"]
    outlook = parse_qs(urlsplit(links["Outlook.com"]).query)
    assert urlsplit(links["Outlook.com"]).netloc == "outlook.live.com"
    assert (outlook["startdt"], outlook["enddt"], outlook["allday"]) == (
        ["2027-03-27T22:00:00Z"], ["2027-03-28T01:30:00Z"], ["false"])
    assert urlsplit(links["Outlook van je werk of school"]).netloc == "outlook.office.com"
    day = add_links(page(fixture_site, "bijeenkomsten/themaweek-2027"))
    assert parse_qs(urlsplit(day["Google Agenda"]).query)["dates"] == ["20271108/20271113"]
    outlook = parse_qs(urlsplit(day["Outlook.com"]).query)
    assert (outlook["startdt"], outlook["enddt"], outlook["allday"]) == (["2027-11-08"], ["2027-11-13"], ["true"])


# --- the validator ----------------------------------------------------------------------------

def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_validator_reports_each_calendar_problem_with_file_and_line(tmp_path):
    content = tmp_path / "content"
    content_with(content, FIXTURE)
    meetings = content / MEETINGS
    edit(meetings / "kampvuurgesprek-december.md", "start: 2026-12-09 19:30", "start: 2027-03-28 02:30")
    edit(meetings / "nachtwake-wintertijd.md", "eind: 2027-10-31 02:30 +01:00", "eind: 2027-10-31 02:30")
    edit(meetings / "studiedag-januari.md", "start: 2027-01-15", "start: 2027-01-15 10:00\neind: 2027-01-15 09:00")
    edit(meetings / "online-openbaar.md", '  link: "https://meet.example.org/kennissessie-wzd"', "  {}")
    edit(meetings / "spreekuur-maandelijks.md", "organisatoren: [loc]", "organisatoren: [loc, locc]")
    # Issue 10: every instant in UTC. 02:15 in winter time ends at 02:45 in summer time: before it.
    edit(meetings / "verplaatst-februari.md", "start: 2027-02-04 13:00\neind: 2027-02-04 16:00",
         "start: 2027-10-31 02:15 +01:00\neind: 2027-10-31 02:45 +02:00")
    edit(meetings / "onder-voorbehoud-mei.md", "beweging: zorg",
         "eerdere_namen: [kampvuurgesprek-december]\nverslag: bestaat-niet\nbeweging: zorg")
    edit(meetings / "leerkring-wekelijks.md", "behalve: [2027-03-09]", "behalve: [2027-03-10]")
    result = run_check(content)
    assert result.returncode == 1
    out = result.stdout
    expected = [
        (r"kampvuurgesprek-december\.md:4: start: .*bestaat niet", "nonexistent local time"),
        (r"nachtwake-wintertijd\.md:5: eind: .*komt twee keer voor", "ambiguous local time"),
        (r"studiedag-januari\.md:5: eind: .*ligt niet na het begin", "end before start"),
        (r"online-openbaar\.md:\d+: online.*link of een toelichting", "online without link or note"),
        (r"spreekuur-maandelijks\.md:\d+: organisatoren\[2\]: De deelnemer 'locc' bestaat niet", "unknown organiser"),
        (r"verplaatst-februari\.md:\d+: eind: .*ligt niet na het begin", "end before start in UTC"),
        # Issue 19: the newcomer (the line claiming a live meeting's address) is blamed.
        (r"onder-voorbehoud-mei\.md:\d+: eerdere_namen\[1\]: Het adres /bijeenkomsten/kampvuurgesprek-december/ "
         r"is al in gebruik", "an earlier name taking a live meeting's address"),
        (r"onder-voorbehoud-mei\.md:\d+: verslag: Het bericht 'bestaat-niet' bestaat niet", "unknown report"),
        (r"leerkring-wekelijks\.md:\d+: herhaling\.behalve\.0: Op 2027-03-10 is er geen bijeenkomst", "skipped date"),
    ]
    for pattern, what in expected:
        assert re.search(pattern, out), f"{what} not reported:\n{out}"


def test_organisers_edit_times_without_counting_and_uids_stay(tmp_path):
    """No 'volgnummer' to raise (the build derives SEQUENCE, tests/test_deploys.py); a valid
    hour in the doubled October night passes; a changed uid of a published file is refused."""
    content = tmp_path / "content"
    content_with(content, FIXTURE)
    meetings = content / MEETINGS
    edit(meetings / "kampvuurgesprek-december.md", "start: 2026-12-09 19:30", "start: 2026-12-09 20:00")
    edit(meetings / "studiedag-januari.md", "start: 2027-01-15", "start: 2027-10-31 02:30 +02:00\n"
         "eind: 2027-10-31 02:30 +01:00")
    result = run_check(content)
    assert result.returncode == 0, result.stdout
    edit(meetings / "kampvuurgesprek-december.md", "uid: \"2026-12-09-kampvuurgesprek@", "uid: \"2026-12-10-kampvuurgesprek@")
    result = run_check(content)
    assert result.returncode == 1 and "De uid is veranderd" in result.stdout
    edit(meetings / "kampvuurgesprek-december.md", "uid: \"2026-12-10-kampvuurgesprek@", "uid: \"2026-12-09-kampvuurgesprek@")

    # A renamed file: the validator knows the published name and asks to keep it answering.
    (meetings / "kampvuurgesprek-december.md").rename(meetings / "kampvuur-in-december.md")
    result = run_check(content)
    assert result.returncode == 1
    assert re.search(r"kampvuur-in-december\.md:\d+: eerdere_namen: Dit bestand heette bij de publicatie "
                     r"'kampvuurgesprek-december\.md'", result.stdout), result.stdout
    edit(meetings / "kampvuur-in-december.md", "beweging: zorg", "eerdere_namen: [kampvuurgesprek-december]\nbeweging: zorg")
    assert run_check(content).returncode == 0, run_check(content).stdout


# --- in a real browser ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def fixture_url(fixture_site):
    url, server = serve(fixture_site)
    yield url
    server.shutdown()


@pytest.mark.browser
def test_meeting_page_add_to_calendar_links_in_a_browser(page, fixture_url):
    page.goto(f"{fixture_url}/bijeenkomsten/kampvuurgesprek-december/")
    block = page.locator(".rv-in-agenda")
    assert block.is_visible()
    google = block.get_by_role("link", name="Google Agenda")
    query = parse_qs(urlsplit(google.get_attribute("href")).query)
    assert query["dates"] == ["20261209T183000Z/20261209T200000Z"]  # 19:30–21:00 in winter time
    assert query["location"] == ["Buurthuis De Brug, Voorbeeldstraat 1, 3511 AA Utrecht"]
    outlook = block.get_by_role("link", name="Outlook.com")
    query = parse_qs(urlsplit(outlook.get_attribute("href")).query)
    assert (query["startdt"], query["enddt"], query["rru"]) == (
        ["2026-12-09T18:30:00Z"], ["2026-12-09T20:00:00Z"], ["addevent"])
    ics = block.get_by_role("link", name=re.compile("agendabestand"))
    response = page.request.get(ics.evaluate("a => a.href"))
    assert response.ok and response.headers["content-type"].startswith("text/calendar")
    assert "UID:2026-12-09-kampvuurgesprek@radicalevernieuwing.nl" in response.text()
    subscribe = block.get_by_role("link", name="Abonneer je op deze bijeenkomst")
    assert subscribe.get_attribute("href") == \
        "webcal://www.radicalevernieuwing.nl/ical/bijeenkomst/kampvuurgesprek-december.ics"
    feeds = page.locator('head link[rel="alternate"][type="text/calendar"]')
    assert feeds.count() == 1


@pytest.mark.browser
def test_subscribe_block_copy_button_in_a_browser(page, fixture_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=fixture_url)
    page.goto(f"{fixture_url}/bijeenkomsten/")
    block = page.locator(".rv-abonneren")
    webcal = block.get_by_role("link", name="Abonneren in Apple Agenda of Outlook")
    assert webcal.get_attribute("href") == "webcal://www.radicalevernieuwing.nl/ical/alle.ics"
    google = block.get_by_role("link", name="Abonneren met Google Agenda (ook op Android)")
    assert google.get_attribute("href").startswith("https://calendar.google.com/calendar/render?cid=https%3A")
    field = block.get_by_label("Of kopieer het adres van deze agenda:")
    assert field.input_value() == SITE + "ical/alle.ics" and not field.is_editable()
    button = block.get_by_role("button", name="Kopieer")
    assert button.is_visible()  # the script shows it
    button.click()
    assert page.evaluate("navigator.clipboard.readText()") == SITE + "ical/alle.ics"
    assert "gekopieerd" in block.get_by_role("status").inner_text()
    block.get_by_text("Zo doe je het in Google Agenda").click()
    assert block.get_by_text("Via URL", exact=True).is_visible()


@pytest.mark.browser
def test_subscribe_block_without_javascript(browser, fixture_url):
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(f"{fixture_url}/themas/zeggenschap/")
        block = page.locator(".rv-abonneren")
        block.locator("summary").click()  # the compact "Abonneren" opens without JavaScript too
        assert not block.get_by_role("button", name="Kopieer").is_visible()  # no dead button
        field = block.get_by_label("Of kopieer het adres van deze agenda:")
        assert field.is_visible() and field.input_value() == SITE + "ical/thema/zeggenschap.ics"
        assert field.get_attribute("readonly") is not None and not field.is_disabled()
        field.select_text()  # a person can select the address and copy it
        page.keyboard.press("Backspace")  # read-only: the address stays whole
        assert field.input_value() == SITE + "ical/thema/zeggenschap.ics"
    finally:
        context.close()


@pytest.mark.browser
def test_calendar_blocks_pass_axe(page, fixture_url):
    axe = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
    if not axe.is_file():
        pytest.fail(f"{axe} ontbreekt: run `npm ci` in {PROJECT}.")
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        for path, block in (("/bijeenkomsten/kampvuurgesprek-december/", ".rv-in-agenda"),
                            ("/bijeenkomsten/", ".rv-abonneren")):
            page.goto(fixture_url + path)
            page.add_script_tag(content=axe.read_text(encoding="utf-8"))
            page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
            found = page.evaluate("""async (block) => (await axe.run(block, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations.map(
                v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))""", block)
            assert found == [], (path, width, found)
