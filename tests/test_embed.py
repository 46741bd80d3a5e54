"""Issue 21: the agenda to embed (/insluiten/<soort>/<slug>/) and the block that offers it.

The widget is served from the site's own port and embedded in a host page served from another
localhost port, as a member organisation's website would: at 280, 390 and 800 px wide there is
no sideways scrolling, every link opens in the top window, no request goes anywhere but the
site's own origin, and axe finds nothing. The files are small, script-free and valid HTML."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import AGENDA, serve
from pageload import AXE, RUN_AXE
from pageload import AXE_TAGS as TAGS
from test_accessibility import describe
from test_html_valid import run_vnu, summary

WIDTHS = (280, 390, 800)
MAX_BYTES = 30 * 1024


@pytest.fixture(scope="module")
def agenda(site_for) -> Path:
    return site_for(AGENDA)


def widgets(site: Path) -> list[Path]:
    return sorted((site / "insluiten").glob("*/*/index.html"))


def test_a_widget_for_every_movement_theme_and_organisation_light_and_script_free(agenda):
    content = agenda.parent / "content"
    expected = ({f"beweging/{p.stem}" for p in (content / "bewegingen").glob("*.md")}
                | {f"thema/{p.stem}" for p in (content / "themas").glob("*.md")}
                | {f"deelnemer/{p.stem}" for p in (content / "deelnemers").glob("*.md")})
    found = {p.parent.relative_to(agenda / "insluiten").as_posix() for p in widgets(agenda)}
    assert found == expected
    for path in widgets(agenda):
        data = path.read_bytes()
        assert len(data) <= MAX_BYTES, (path, len(data))
        text = data.decode("utf-8")
        assert "<script" not in text and "<link rel=\"stylesheet\"" not in text and "@import" not in text
        assert "@font-face" not in text and "url(" not in text  # no font or image of its own
        assert '<base target="_top">' in text
        assert all(t == "_top" for t in re.findall(r'<a [^>]*target="([^"]*)"', text))
        assert len(re.findall(r"<a ", text)) == len(re.findall(r'<a [^>]*target="_top"', text))


def test_upcoming_meetings_or_the_most_recent_said_so(agenda, built_site):
    upcoming = (agenda / "insluiten" / "beweging" / "zorg" / "index.html").read_text(encoding="utf-8")
    assert "De eerstvolgende bijeenkomsten." in upcoming
    assert 'href="../../../bijeenkomsten/kampvuurgesprek-december/"' in upcoming
    assert upcoming.count("<li>") <= 5
    assert "Onder voorbehoud" in upcoming or "Gaat niet door" in upcoming  # statuses are shown
    # the real content has nothing planned after the build date: the most recent, said so
    quiet = (built_site / "insluiten" / "beweging" / "zorg" / "index.html").read_text(encoding="utf-8")
    assert "Er staat nu geen bijeenkomst gepland. Dit waren de laatste." in quiet
    assert 0 < quiet.count("<li>") <= 3


def test_widgets_are_valid_html(agenda, built_site):
    samples = [agenda / "insluiten" / "beweging" / "zorg" / "index.html",
               built_site / "insluiten" / "beweging" / "zorg" / "index.html"]
    samples += [widgets(agenda)[0], max(widgets(agenda), key=lambda p: p.stat().st_size)]
    errors = [m for m in run_vnu(samples) if m.get("type") != "info"]
    assert not errors, summary(errors, agenda)


@pytest.fixture(scope="module")
def two_origins(agenda, tmp_path_factory):
    """The site on one port, a member's host page on another."""
    site_url, site_server = serve(agenda)
    host = tmp_path_factory.mktemp("host")
    for width in WIDTHS:
        (host / f"{width}.html").write_text(
            '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Onze site</title></head>'
            f'<body><main><h1>Onze organisatie</h1><iframe src="{site_url}/insluiten/beweging/zorg/" '
            f'title="Agenda" width="{width}" height="600" style="border:0"></iframe></main></body></html>',
            encoding="utf-8")
    host_url, host_server = serve(host)
    yield site_url, host_url
    site_server.shutdown()
    host_server.shutdown()


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_the_widget_embedded_on_another_site(browser, two_origins, width):
    site_url, host_url = two_origins
    context = browser.new_context(locale="nl-NL", viewport={"width": max(width + 40, 360), "height": 800})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    try:
        page.goto(f"{host_url}/{width}.html")
        frame = page.frame_locator("iframe").locator("body")
        frame.get_by_role("heading", level=1).wait_for()
        (widget,) = [f for f in page.frames if f.url.startswith(site_url)]
        widget.wait_for_load_state("load")
        assert widget.evaluate("document.documentElement.scrollWidth") <= width
        assert widget.evaluate("innerWidth") == width
        assert widget.evaluate("[...document.links].every(a => a.target === '_top')")
        widget.add_script_tag(content=AXE.read_text(encoding="utf-8"))  # inline: no request
        violations = widget.evaluate(RUN_AXE, TAGS)
        assert not violations, describe(violations)
        others = [url for url in requests
                  if not url.startswith(f"{host_url}/{width}.html") and urlsplit(url).netloc != urlsplit(site_url).netloc]
        assert not others, others
        assert any(url.startswith(f"{site_url}/insluiten/beweging/zorg/") for url in requests)
        # a link opens the meeting in the whole window, not inside the frame
        frame.get_by_role("link", name=re.compile("Kampvuurgesprek")).first.click()
        page.wait_for_url(f"{site_url}/bijeenkomsten/kampvuurgesprek-december/")
    finally:
        context.close()


@pytest.mark.browser
def test_the_block_on_a_theme_page_copies_the_code_and_previews_the_widget(browser, two_origins):
    site_url, _ = two_origins
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/bewegingen/zorg/")
        block = page.locator("details.rv-insluiten")
        assert block.get_attribute("open") is None  # closed: the page stays short
        block.get_by_text("Zet deze agenda op je eigen site").click()
        code = block.get_by_label("De code voor je website:").input_value()
        assert code.startswith('<iframe src="https://www.radicalevernieuwing.nl/insluiten/beweging/zorg/"')
        assert 'title="Agenda: Radicale vernieuwing zorg"' in code
        block.get_by_role("button", name="Kopieer de code").click()
        block.get_by_role("status").filter(has_text="gekopieerd").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == code
        link = block.get_by_role("link", name="bekijk het voorbeeld")  # without JavaScript: the widget itself
        assert link.get_attribute("href") == "../../insluiten/beweging/zorg/index.html"
        preview = page.frame_locator("iframe.rv-insluiten__frame")
        preview.get_by_role("heading", name="Agenda: Radicale vernieuwing zorg").wait_for()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()
