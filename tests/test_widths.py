"""No page scrolls sideways, whatever fonts the visitor's device has (issue 17).

A phone has its own fonts, and a box that is as wide as its content (a select is as wide as its
longest option, a fieldset as its widest field) is then wider or narrower than on the machine
that ran the tests. So the result must not depend on this machine's fonts: every page kind is
measured with three fixed font sets from Debian (DejaVu, Liberation, Noto; `make fonts` unpacks
them into .cache/fonts/), each in its own Chromium that sees only that set (fontconfig reads a
configuration listing that one folder), at 320, 390 and 1280 px. Each measurement also checks,
through the browser's DevTools protocol, that the text really is drawn in the set's font.

Sideways scrolling is `scrollWidth` of the document beyond the viewport's width: Material sets
overflow-x: hidden on <html>, but scrollWidth still reports the overflow (see the last test).
No `is_mobile`: mobile emulation zooms out to fit a too-wide page and the overflow hides."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import CHROMIUM, PROJECT, FIXTURES, build, build_once, content_with, copy_project, serve
from pagekinds import PATTERNS, REQUIRED, page_kinds

pytestmark = pytest.mark.browser

FONTS = PROJECT / ".cache" / "fonts"
# set → (folder under FONTS, sans-serif family, serif family, monospace family). fonts-noto-core
# has no monospaced face: code is drawn in Noto Sans there, which is wider still.
FONT_SETS = {
    "dejavu": ("dejavu", "DejaVu Sans", "DejaVu Serif", "DejaVu Sans Mono"),
    "liberation": ("liberation", "Liberation Sans", "Liberation Serif", "Liberation Mono"),
    "noto": ("noto", "Noto Sans", "Noto Serif", "Noto Sans"),
}
WIDTHS = (1280, 390, 320)
LONG_OPTIONS = FIXTURES / "lange-opties"
LONG_SECTOR = "wijkverpleging-en-welzijnswerk-samen-in-de-buurt-met-ouderen"

FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>{folder}</dir>
  <cachedir>{cache}</cachedir>
{aliases}
</fontconfig>
"""

# The parts of the page wider than the screen, for the failure message.
CULPRITS = """(width) => [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > width + 1)
    .filter(e => !e.closest('[hidden]'))
    .slice(0, 8).map(e => e.tagName + '.' + e.className + ' → ' + Math.round(e.getBoundingClientRect().right) + 'px')"""

# Material animates the header's search field when the width changes: measure the layout at rest.
# (Endless animations are not waited for, and no wait is longer than two seconds.)
SETTLED_WIDTH = """() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(async () => {
    const ending = document.getAnimations()
        .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
        .map(a => a.finished.catch(() => null));
    await Promise.race([Promise.all(ending), new Promise(r => setTimeout(r, 2000))]);
    done(document.documentElement.scrollWidth);
})))"""


def fonts_conf(name: str, home: Path) -> Path:
    folder, sans, serif, mono = FONT_SETS[name]
    if not (FONTS / folder).is_dir() or not any((FONTS / folder).glob("*.ttf")):
        pytest.fail(f"De lettertypen voor deze test ontbreken in {FONTS / folder}: run `make fonts` "
                    "(make test doet dat ook).")
    aliases = "\n".join(f"  <alias binding=\"same\"><family>{generic}</family><prefer><family>{family}</family>"
                        "</prefer></alias>"
                        for generic, family in (("sans-serif", sans), ("serif", serif), ("monospace", mono),
                                                ("system-ui", sans)))
    conf = home / name / "fonts.conf"
    conf.parent.mkdir(parents=True, exist_ok=True)
    conf.write_text(FONTS_CONF.format(folder=FONTS / folder, cache=home / name / "cache", aliases=aliases),
                    encoding="utf-8")
    return conf


@pytest.fixture(scope="module")
def playwright_api():
    api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium ontbreekt op {CHROMIUM}: installeer het Debian-pakket 'chromium'.")
    with api.sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="module", params=FONT_SETS)
def font_page(request, playwright_api, tmp_path_factory):
    """A page in a Chromium that sees only one font set; (set name, page, DevTools session)."""
    name = request.param
    conf = fonts_conf(name, tmp_path_factory.mktemp("fonts"))
    browser = playwright_api.chromium.launch(
        executable_path=CHROMIUM, headless=True, env={**os.environ, "FONTCONFIG_FILE": str(conf)},
        args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync"])
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": 900}, locale="nl-NL")
    page = context.new_page()
    devtools = context.new_cdp_session(page)
    devtools.send("DOM.enable")
    devtools.send("CSS.enable")
    yield name, page, devtools
    browser.close()


def drawn_fonts(devtools, selector: str) -> list[str]:
    """The font families Chromium really drew the element's text with."""
    root = devtools.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = devtools.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    assert node, f"no {selector} on the page"
    return [f["familyName"] for f in devtools.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]]


def overflow(font_page, url: str) -> list[str]:
    """Open `url` once and measure it at every width: what is wider than the screen, per width."""
    name, page, devtools = font_page
    page.set_viewport_size({"width": WIDTHS[0], "height": 900})
    page.goto(url)
    page.wait_for_load_state("networkidle")
    sans = FONT_SETS[name][1]
    # fontconfig sees only the set's folder, so any fallback for a rare character stays inside it.
    fonts = drawn_fonts(devtools, "h1")
    assert sans in fonts, f"{url}: the heading is drawn in {fonts}, not in {sans}"
    problems = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        scroll = page.evaluate(SETTLED_WIDTH)
        if scroll > width:
            problems.append(f"{width}px: the page is {scroll}px wide; widest: {page.evaluate(CULPRITS, width)}")
    return problems


@pytest.fixture(scope="module")
def kinds(built_site) -> dict[str, str]:
    return page_kinds(built_site)


@pytest.mark.parametrize("kind", PATTERNS)
def test_no_sideways_scrolling_with_any_font(font_page, site_url, kinds, kind):
    if kind not in kinds:
        if kind in REQUIRED:
            pytest.fail(f"no page of kind {kind!r} in the built site")
        pytest.skip(f"the site has no page of kind {kind!r} (yet)")
    problems = overflow(font_page, site_url + kinds[kind])
    assert not problems, f"{kinds[kind]} ({kind}) with the {font_page[0]} fonts:\n" + "\n".join(problems)


@pytest.fixture(scope="module")
def long_options_url(shared_dir):
    """The real content plus an organisation in a sector with a 60-character name. The sector
    list is the schema's, so this site's own copy of the schema has the sector added."""
    def make(folder: Path) -> Path:
        project = copy_project(folder / "project", content=content_with(folder / "content", LONG_OPTIONS))
        schema = project / "scripts" / "content" / "schemas" / "deelnemer.schema.json"
        data = json.loads(schema.read_text(encoding="utf-8"))
        data["properties"]["sector"]["items"]["enum"].append(LONG_SECTOR)
        schema.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        return build(project)
    site = build_once(shared_dir, "long-options", make)
    url, server = serve(site)
    yield url
    server.shutdown()


def test_a_sixty_character_option_does_not_widen_the_directory(font_page, long_options_url):
    name, page, _ = font_page
    problems = overflow(font_page, long_options_url + "/deelnemers/")
    label = LONG_SECTOR.replace("-", " ").capitalize()
    options = page.locator("select option").all_inner_texts()  # whatever the filter's markup
    assert label in [o.strip() for o in options], f"the long sector is not among the options: {options}"
    assert not problems, f"/deelnemers/ with a {len(label)}-character option, {name} fonts:\n" + "\n".join(problems)


def test_the_measurement_sees_a_too_wide_page(font_page, site_url):
    """Material sets overflow-x: hidden on <html>; the measurement must still see the overflow."""
    _, page, _ = font_page
    page.set_viewport_size({"width": 320, "height": 900})
    page.goto(site_url + "/over/")
    page.evaluate("document.querySelector('.md-content__inner').insertAdjacentHTML("
                  "'beforeend', '<p style=\"width: 1000px\">breed</p>')")
    assert page.evaluate(SETTLED_WIDTH) > 320
