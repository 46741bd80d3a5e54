"""What a meeting page tells a visitor: past or upcoming, cancelled or moved, where it is, how
to reach the organiser, what it belongs to (a series, a themed week, a report in the news), and
only what is known to search engines. Built from the real content plus the calendar fixture."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import icalendar
import pytest
from conftest import PROJECT

FIXTURE = PROJECT / "tests" / "fixtures" / "calendar_hard_cases"


@pytest.fixture(scope="module")
def site(site_for) -> Path:
    return site_for(FIXTURE)  # the same site as the calendar clients' tests


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def text(markup: str) -> str:
    main = markup[markup.index("<article"):markup.index("</article>")]
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main)))


def events(markup: str) -> list[dict]:
    found = [json.loads(block) for block in
             re.findall(r'<script type="application/ld\+json">(.*?)</script>', markup, re.DOTALL)]
    return [item for item in found if item.get("@type") == "Event"]


def test_a_past_meeting_says_so_shows_no_sign_up_and_links_its_report(site):
    markup = page(site, "bijeenkomsten/22-05-inspiratiebijeenkomst-bussum")
    body = text(markup)
    assert "Deze bijeenkomst was op maandag 22 mei 2017" in body
    assert "tijd nog niet bekend" not in body and "tijd niet bekend" in body
    assert 'href="../../actueel/inspiratiebijeenkomst-beweging-radicale-vernieuwing-verpleeghuiszorg/"' in markup
    report = page(site, "actueel/inspiratiebijeenkomst-beweging-radicale-vernieuwing-verpleeghuiszorg")
    assert 'href="../../bijeenkomsten/22-05-inspiratiebijeenkomst-bussum/"' in report
    past_with_sign_up = text(page(site, "bijeenkomsten/11-11-week-van-de-radicale-vernieuwing-voorbij-sectoren"))
    assert "Aanmelden" not in past_with_sign_up and "Meld je aan" not in past_with_sign_up
    assert "Deze bijeenkomst was op" in past_with_sign_up


def test_cancelled_and_moved_say_so_at_the_top(site):
    cancelled = text(page(site, "bijeenkomsten/geannuleerd"))
    assert cancelled.index("Geannuleerd") < cancelled.index("Wanneer")
    assert "Deze bijeenkomst gaat niet door" in cancelled
    moved = text(page(site, "bijeenkomsten/verplaatst"))
    assert moved.index("Verplaatst") < moved.index("Wanneer") and "11 februari 2027" in moved


def test_phone_and_e_mail_are_links(site):
    markup = page(site, "bijeenkomsten/verplaatst")
    assert 'href="tel:0301234567"' in markup and 'href="mailto:studie@example.org"' in markup


def test_coordinates_give_geo_and_a_plain_map_link(site):
    markup = page(site, "bijeenkomsten/tweede-dubbele-uur")
    assert 'href="https://www.openstreetmap.org/?mlat=52.0936&amp;mlon=5.1214#map=17/52.0936/5.1214"' in markup
    assert not re.search(r'<(img|iframe|script)[^>]+openstreetmap', markup)  # nothing loads from it
    event = icalendar.Calendar.from_ical((site / "ical/bijeenkomst/tweede-dubbele-uur.ics").read_bytes()).walk("VEVENT")[0]
    assert (event["GEO"].latitude, event["GEO"].longitude) == (52.0936, 5.1214)
    (data,) = events(markup)
    assert data["location"]["geo"] == {"@type": "GeoCoordinates", "latitude": 52.0936, "longitude": 5.1214}


def test_event_data_only_where_a_location_is_known(site):
    assert events(page(site, "bijeenkomsten/week-van-de-radicale-vernieuwing-2022")) == []
    without = [p.parent.name for p in (site / "bijeenkomsten").glob("*/index.html")
               if any("location" not in e for e in events(p.read_text(encoding="utf-8")))]
    assert without == []
    (hybrid,) = events(page(site, "bijeenkomsten/leerkring-door-het-jaar"))
    assert hybrid["eventAttendanceMode"].endswith("MixedEventAttendanceMode")
    assert [item["@type"] for item in hybrid["location"]] == ["Place", "VirtualLocation"]


def test_a_renamed_meeting_answers_at_its_earlier_address(site):
    redirect = (site / "bijeenkomsten/nachtwacht-oud/index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../tweede-dubbele-uur/">' in redirect
    assert '<link rel="canonical" href="https://www.radicalevernieuwing.nl/bijeenkomsten/tweede-dubbele-uur/">' in redirect
    assert '<a href="../tweede-dubbele-uur/">' in redirect
    assert (site / "ical/bijeenkomst/nachtwacht-oud.ics").read_bytes() == \
        (site / "ical/bijeenkomst/tweede-dubbele-uur.ics").read_bytes()


def test_series_page_and_themed_week_links(site):
    series = page(site, "bijeenkomsten/reeks/week-van-de-radicale-vernieuwing")
    for slug in ("week-van-de-radicale-vernieuwing-2021", "week-van-de-radicale-vernieuwing-2022",
                 "11-11-week-van-de-radicale-vernieuwing-voorbij-sectoren"):
        assert f'href="../../{slug}/"' in series, slug
    week = page(site, "bijeenkomsten/week-van-de-radicale-vernieuwing-2022")
    assert 'href="../reeks/week-van-de-radicale-vernieuwing/"' in week
    for day in ("08-11-week-van-de-radicale-vernieuwing-langdurige-ggz",
                "11-11-week-van-de-radicale-vernieuwing-voorbij-sectoren"):
        assert f'href="../{day}/"' in week, day
        assert 'href="../week-van-de-radicale-vernieuwing-2022/"' in page(site, f"bijeenkomsten/{day}"), day


def test_subscribe_block_offers_google_webcal_and_the_address(site):
    markup = page(site, "bijeenkomsten")
    google = re.search(r'class="[^"]*rv-abonneren__google[^"]*" href="([^"]+)"', markup).group(1)
    assert html.unescape(google) == ("https://calendar.google.com/calendar/render?cid="
                                     "https%3A%2F%2Fwww.radicalevernieuwing.nl%2Fical%2Falle.ics")
    assert 'href="webcal://www.radicalevernieuwing.nl/ical/alle.ics"' in markup
    assert 'value="https://www.radicalevernieuwing.nl/ical/alle.ics"' in markup
    assert markup.index("rv-abonneren__google") < markup.index("rv-abonneren__webcal")  # main path


def test_open_data_schemas_are_published_on_the_sites_address_and_fit_the_files(site):
    import jsonschema
    site_url = re.search(r"^site_url: (\S+)$", (PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE).group(1)
    for name in ("deelnemers", "bijeenkomsten"):
        schema = json.loads((site / f"schemas/data/{name}.schema.json").read_text(encoding="utf-8"))
        data = json.loads((site / f"data/{name}.json").read_text(encoding="utf-8"))
        assert schema["$id"] == f"{site_url}schemas/data/{name}.schema.json"
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.Draft202012Validator(schema).validate(data)
        broken = dict(data, aantal="veel")
        assert list(jsonschema.Draft202012Validator(schema).iter_errors(broken))
    for file in (PROJECT / "scripts/content/schemas").glob("*.schema.json"):  # the content files' schemas
        schema = json.loads(file.read_text(encoding="utf-8"))
        assert schema["$id"] == f"{site_url}schemas/{file.name}"
        assert (site / "schemas" / file.name).is_file()


def test_the_doubled_hour_says_which_one_on_the_page(site):
    body = text(page(site, "bijeenkomsten/tweede-dubbele-uur"))
    assert "zondag 25 oktober 2026, 02.30 (zomertijd)–02.30 (wintertijd) uur" in body
