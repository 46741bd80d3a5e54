"""Issue 12 points 3 and 4: the front page always shows something true, and the organisation
numbers are one set that agrees on the home page, the directory and the movement pages.

The expected numbers are counted here from the content files themselves (rol, tot and
bewegingen), not taken from the generator."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
import yaml

from browsing import MEETING_SLUG, MEETING_TITLE
from conftest import PROJECT

QUIET_DATE = "2029-06-01"  # after every real meeting: nothing is planned

CONTENT = PROJECT / "content"
TAKING_PART, SUPPORTING = ("deelnemer", "kernteam"), ("partner", "ondersteuner")


def organisations() -> list[dict]:
    found = []
    for file in sorted((CONTENT / "deelnemers").glob("*.md")):
        front = yaml.safe_load(file.read_text(encoding="utf-8").split("---", 2)[1])
        found.append({"rol": front.get("rol", "deelnemer"), "former": "tot" in front,
                      "bewegingen": front.get("bewegingen") or []})
    return found


def expected(movement: str | None = None) -> dict[str, int]:
    items = [o for o in organisations() if movement is None or movement in o["bewegingen"]]
    current = [o for o in items if not o["former"]]
    return {"taking_part": sum(o["rol"] in TAKING_PART for o in current),
            "core_team": sum(o["rol"] == "kernteam" for o in current),
            "supporting": sum(o["rol"] in SUPPORTING for o in current),
            "former": len(items) - len(current)}


def text_of(site: Path, rel: str) -> str:
    html = (site / rel).read_text(encoding="utf-8")
    main = html.split('<article class="md-content__inner', 1)[1]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", main)).split())


def counts_sentence(n: dict[str, int]) -> str:
    return (f"{n['taking_part']} organisaties doen mee, {n['core_team']} daarvan in het kernteam. "
            f"{n['supporting']} partners en ondersteuners steunen de bewegingen. "
            f"{n['former']} organisaties deden eerder mee.")


@pytest.fixture(scope="module")
def quiet_site(site_for) -> Path:
    """The real content, built on a date with nothing upcoming."""
    return site_for(build_date=QUIET_DATE)


def test_the_front_page_shows_recent_meetings_when_nothing_is_planned(quiet_site):
    built_site = quiet_site
    html = (built_site / "index.html").read_text(encoding="utf-8")
    text = text_of(built_site, "index.html")
    assert "Er is nu geen nieuwe bijeenkomst gepland" in text
    section = html.split('id="bijeenkomsten"', 1)[1].split("</ul>", 1)[0]
    cards = re.findall(r'<a href="bijeenkomsten/([^/"]+)/"', section)
    assert len(cards) == 3 and len(set(cards)) == 3
    for slug in cards:
        assert (built_site / "bijeenkomsten" / slug / "index.html").is_file()
    days = re.findall(r'<time class="rv-datum" datetime="(\d{4}-\d\d-\d\d)"', section)
    assert days == sorted(days, reverse=True) and all(d < QUIET_DATE for d in days)  # most recent first
    news = html.split('id="nieuws"', 1)[1].split("</ul>", 1)[0]
    assert len(re.findall(r'<article class="rv-kaart">', news)) == 3
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\d">\d+ \w+ \d{4}</time> · <a href="themas/', news)


def test_the_front_page_shows_the_next_meeting_when_one_is_planned(journey_site):
    site = journey_site
    html = (site / "index.html").read_text(encoding="utf-8")
    section = html.split('id="bijeenkomsten"', 1)[1].split("</ul>", 1)[0]
    assert ">Binnenkort</h2>" in section and "Er is nu geen nieuwe bijeenkomst" not in section
    assert f'<a href="bijeenkomsten/{MEETING_SLUG}/">{MEETING_TITLE}</a>' in section
    assert '<span class="rv-datum__dag">10</span><span class="rv-datum__maand">dec</span>' in section


def test_no_zero_as_a_headline_figure(quiet_site):
    built_site = quiet_site
    html = (built_site / "index.html").read_text(encoding="utf-8")
    figures = re.findall(r"<strong>(\d+)</strong>", html.split('class="rv-cijfers"', 1)[1].split("</div>", 1)[0])
    assert len(figures) >= 3 and "0" not in figures
    assert not re.search(r"\b0 (bijeenkomsten|organisaties|berichten)", text_of(built_site, "index.html"))


def test_organisation_counts_agree_on_home_directory_and_movements(built_site):
    n = expected()
    assert n["taking_part"] and n["supporting"] and n["former"]  # the real content has all three
    home = text_of(built_site, "index.html")
    assert f"{n['taking_part']} organisaties doen mee" in home
    assert f"{n['supporting']} partners en ondersteuners" in home
    assert counts_sentence(n) in text_of(built_site, "deelnemers/index.html")
    assert counts_sentence(n) in text_of(built_site, "bewegingen/index.html")
    for movement in ("zorg", "langdurige-ggz", "jeugdzorg", "zorgonderwijs"):
        m = expected(movement)
        page = text_of(built_site, f"bewegingen/{movement}/index.html")
        if m["taking_part"]:
            assert f"Doen mee: {m['taking_part']} organisatie" in page, movement
        if m["supporting"]:
            assert f"Partners en ondersteuners: {m['supporting']}" in page, movement
    # The directory's script no longer prints a total of its own that could disagree.
    script = (PROJECT / "docs" / "assets" / "javascripts" / "filters.js").read_text(encoding="utf-8")
    assert "staan in de lijst" not in script
