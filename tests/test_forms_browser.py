"""The contribution forms, used as a person would in Debian's chromium (issue 18).

Each form is filled with a wrong value first: the message at the field must be the one that
`python -m scripts check` gives for a file with that value (run for real on a copy of content/).
Then with good values: the file in the GitHub address, in the e-mail and in the preview must be
one and the same, pass the check unchanged, and the site built with it must show exactly the card
the preview showed. axe finds nothing on the forms at 390 and 1280 px (empty, with errors, with
the preview), nothing scrolls sideways and every control has a label. Screenshots of every step
go to SCREENS (not committed) when that folder exists.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from conftest import PROJECT, run_check, serve
from pageload import RUN_AXE
from pageload import AXE_TAGS as TAGS
from test_accessibility import describe

pytestmark = pytest.mark.browser

SCREENS = Path("/work/wt/screens/forms")
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = (390, 1280)

ORGANISATION = {
    "path": "/meedoen/", "folder": "deelnemers", "slug": "zorggroep-de-linde-co-s-huis",
    "wrong": [("text", "Website", "www.delinde.nl", "website"),
              ("text", "Sinds wanneer doen jullie mee?", "2025-13", "sinds")],
    "good": [("text", "Naam van de organisatie", "Zorggroep De Linde & Co's \"huis\""),
             ("check", "Radicale vernieuwing zorg"), ("check", "Radicale vernieuwing langdurige ggz"),
             ("select", "Rol in de beweging", "partner"),
             ("text", "Plaats", "Zwolle"), ("select", "Provincie", "Overijssel"),
             ("text", "Website", "https://www.delinde.nl"), ("check", "Ouderenzorg"), ("check", "Cliëntenorganisatie"),
             ("text", "Sinds wanneer doen jullie mee?", "2025-11"),
             ("text", "Eén zin over jullie organisatie", "Wij bieden zorg thuis: #1 in Zwolle."),
             ("text", "Over jullie organisatie", "Wij doen mee omdat *mensen* tellen.\n\nNog een alinea.")],
}
MEETING = {
    "path": "/insturen/bijeenkomst/", "folder": "bijeenkomsten", "slug": "2027-03-11-kampvuur-in-zwolle",
    "wrong": [("text", "Begin (datum en tijd)", "2025-13-01", "start"),
              ("text", "Postcode", "8000ab", "locatie.postcode")],
    "good": [("text", "Titel van de bijeenkomst", "Kampvuur in Zwolle"),
             ("text", "Begin (datum en tijd)", "2027-03-11 13:30"),
             ("select", "Beweging", "zorg"), ("text", "Einde", "2027-03-11 16:00"),
             ("text", "Naam van de plek", "Buurthuis De Brug"), ("text", "Postcode", "8011 AB"),
             ("text", "Plaats", "Zwolle"),
             ("text", "Uitleg over online meedoen", "Je krijgt de link na aanmelding."),
             ("select", "Gaat de bijeenkomst door?", "onder-voorbehoud"),
             ("text", "Eén zin over de bijeenkomst", "We praten over <zinvolle> dagen."),
             ("text", "Wat er gebeurt en voor wie", "Voor iedereen die mee wil praten.")],
}
ARTICLE = {
    "path": "/insturen/bericht/", "folder": "actueel", "slug": "nieuw-kwaliteitskader-gepubliceerd",
    "wrong": [("text", "Datum", "2025-02-30", "datum")],
    "good": [("text", "Titel van het bericht", "Nieuw kwaliteitskader gepubliceerd"),
             ("text", "Datum", "2026-11-22"),
             ("text", "Samenvatting", "Het kader is uit [eindelijk] en_wij zijn blij."),
             ("check", "Belemmerende regels"), ("check", "Radicale vernieuwing jeugdzorg"),
             ("text", "Trefwoorden", "kader, Tweede Kamer"),
             ("text", "Het bericht", "## Wat staat erin\n\nVeel goeds.")],
}
FORMS = {"deelnemer": ORGANISATION, "bijeenkomst": MEETING, "artikel": ARTICLE}


def without_filter_data(html: str) -> str:
    return re.sub(r' data-(?:rv-item|rv-static|rv-in|beweging|thema|plaats|maand|jaar|provincie|sector)(?:="[^"]*")?', "", html)


@pytest.fixture(scope="module")
def axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def form_url(built_site):
    url, server = serve(built_site)
    yield url
    server.shutdown()


def shoot(page, name: str) -> None:
    if SCREENS.is_dir():
        page.screenshot(path=str(SCREENS / f"{name}.png"), full_page=True)


def labelled(form, label: str):
    """The control with this label, with or without ' (verplicht)' after it."""
    return form.get_by_label(re.compile("^" + re.escape(label) + r"( \(verplicht\))?$"))


def fill(page, steps) -> None:
    form = page.locator("[data-rv-form]")
    for kind, label, *value in steps:
        if kind == "check":
            labelled(form, label).check()
        elif kind == "select":
            labelled(form, label).select_option(value[0])
        else:
            control = labelled(form, label)
            control.fill("")
            control.press_sequentially(value[0]) if "\n" not in value[0] else control.fill(value[0])
            control.blur()


def check_output(content: Path) -> dict[str, str]:
    """field → 'message hint' as `python -m scripts check` prints them: the first for each
    field (the form shows one message at a time, the check's first)."""
    result = run_check(content)
    found: dict[str, str] = {}
    lines = result.stdout.splitlines()
    for i, line in enumerate(lines):
        match = re.match(r"^\S+:\d+: ([\w.\[\]]+): (.*)$", line)
        if match:
            hint = lines[i + 1].strip()[2:] if i + 1 < len(lines) and lines[i + 1].startswith("    →") else ""
            found.setdefault(match.group(1), "")
            if found[match.group(1)]:
                continue
            found[match.group(1)] = (match.group(2) + (" " + hint if hint else "")).strip()
    return found


def content_copy(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(PROJECT / "content", content)
    return content


def no_sideways_scroll(page, width: int) -> None:
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"the page scrolls sideways at {width}px ({scroll}px wide)"


def every_control_labelled(page) -> None:
    unlabelled = page.evaluate("""() => Array.from(document.querySelectorAll(
        '[data-rv-form] input, [data-rv-form] select, [data-rv-form] textarea'))
        .filter(c => c.labels.length === 0).map(c => c.outerHTML.slice(0, 120))""")
    assert unlabelled == []


def axe(page, axe_source: str, what: str) -> None:
    # A click that moves focus scrolls the page, and Material fades its tabs out and in: axe
    # would measure colours halfway through the transition. Wait until nothing moves.
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    page.add_script_tag(content=axe_source)
    violations = page.evaluate(RUN_AXE, TAGS)
    assert not violations, f"axe on {what}:\n" + describe(violations)


CARD_HTML = """(el) => { const copy = el.cloneNode(true);
  for (const a of copy.querySelectorAll('a')) a.setAttribute('href', a.href);
  return copy.outerHTML; }"""


def built_card(page, url: str, selector: str) -> str:
    page.goto(url)
    return page.locator(selector).first.evaluate(CARD_HTML)


@pytest.mark.parametrize("kind", FORMS)
def test_a_form_filled_as_a_person_would(browser, form_url, site_for, tmp_path, kind):
    spec = FORMS[kind]
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam",
                                  viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(form_url + spec["path"])
    page.wait_for_selector("[data-rv-formulier][data-rv-ready]")

    # A wrong value: the validator's own message at the field, as soon as the person leaves it.
    content = content_copy(tmp_path)
    wrong_file = compose_wrong(kind, spec)
    (content / spec["folder"] / "fout.md").write_text(wrong_file, encoding="utf-8")
    said = check_output(content)
    fill(page, [("text", label, value) for _, label, value, _ in spec["wrong"]])
    for _, _label, value, key in spec["wrong"]:
        field = page.locator(f'[data-rv-veld="{key}"] [data-rv-fout]')
        assert field.is_visible(), f"no message at {key} for {value!r}"
        # The check's message and hint; a hint that only repeats the help above the field is left out.
        help_text = page.locator(f'[data-rv-veld="{key}"] .rv-veld__uitleg').inner_text().strip()
        expected = said[key].removesuffix(" " + help_text) if said[key].endswith(" " + help_text) else said[key]
        assert field.inner_text().strip() == expected, (key, said)
        control = page.locator(f'[data-rv-veld="{key}"] input')
        assert control.get_attribute("aria-invalid") == "true"
    shoot(page, f"{kind}-1-fout-1280")

    # Sending with a required field empty: an error summary that links to the fields.
    page.get_by_role("button", name="Bekijk hoe het eruitziet").click()
    summary = page.locator("[data-rv-fouten]")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.hasAttribute('data-rv-fouten')")
    assert "Het verplichte veld" in summary.inner_text()

    # Good values: the preview, and one file in all three ways to send it.
    fill(page, spec["good"])
    page.get_by_role("button", name="Bekijk hoe het eruitziet").click()
    preview = page.locator("[data-rv-voorbeeld]")
    preview.wait_for(state="visible")
    shoot(page, f"{kind}-2-voorbeeld-1280")
    shown = page.locator("[data-rv-bestand]").text_content()
    github = page.locator("[data-rv-github]").get_attribute("href")
    mail = page.locator("[data-rv-mail]").get_attribute("href")
    download = page.locator("[data-rv-download]")
    address = urlsplit(github)
    assert address.netloc == "github.com"
    assert address.path == f"/loc-waardevolle-zorg/radicale-vernieuwing/new/main/content/{spec['folder']}"
    query = parse_qs(address.query)
    assert query["filename"] == [spec["slug"] + ".md"]
    assert query["value"] == [shown]
    assert len(github) < 8000
    assert mail.startswith("mailto:radicalevernieuwing@loc.nl?")
    mail_query = parse_qs(urlsplit(mail).query)
    body = mail_query["body"][0]
    assert f"content/{spec['folder']}/{spec['slug']}.md" in body
    assert body[body.index("---\n"):] == shown
    assert download.get_attribute("download") == spec["slug"] + ".md"
    with page.expect_download() as fetched:
        download.click()
    assert Path(fetched.value.path()).read_text(encoding="utf-8") == shown

    # The decoded file passes the check unchanged …
    (content / spec["folder"] / "fout.md").unlink()
    (content / spec["folder"] / (spec["slug"] + ".md")).write_text(unquote(address.query.split("value=")[1]),
                                                                     encoding="utf-8")
    result = run_check(content)
    assert result.returncode == 0, result.stdout
    # … and the site built with it shows exactly the card of the preview.
    preview_card = page.locator("[data-rv-kaart] .rv-item, [data-rv-kaart] li").first.evaluate(CARD_HTML)
    site = site_for(files={f"{spec['folder']}/{spec['slug']}.md": shown})
    url, server = serve(site)
    try:
        listing = {"bijeenkomst": "/bijeenkomsten/", "artikel": "/actueel/"}.get(kind, "")
        selector = {"deelnemer": f'li[data-rv-org="{spec["slug"]}"]',
                    "bijeenkomst": f'article.rv-item:has(a[href$="{spec["slug"]}/"])',
                    "artikel": f'article.rv-item:has(a[href$="{spec["slug"]}/"])'}[kind]
        card = built_card(page, url + directory_page(site, spec["slug"]) if kind == "deelnemer" else url + listing,
                          selector)
    finally:
        server.shutdown()
    origin = form_url
    # The list's data-* attributes are the filter script's (docs/assets/javascripts/filters.js),
    # not what a reader sees; the card itself must be the same markup, byte for byte.
    assert without_filter_data(card.replace(url, origin)) == without_filter_data(preview_card)
    assert errors == []
    context.close()


def directory_page(site: Path, slug: str) -> str:
    """The page of the directory that lists the organisation."""
    for page in sorted(site.glob("deelnemers/**/index.html")):
        rel = page.relative_to(site).as_posix()
        if rel.count("/") <= 3 and (rel == "deelnemers/index.html" or rel.startswith("deelnemers/pagina/")):
            if f'data-rv-org="{slug}"' in page.read_text(encoding="utf-8"):
                return "/" + rel[: -len("index.html")]
    raise AssertionError(f"{slug} is on no page of the directory")


def compose_wrong(kind: str, spec: dict) -> str:
    """A file with the wrong values as a person would write them (the other fields valid)."""
    base = {"deelnemer": 'naam: "Fout"\nbewegingen: [zorg]\nrol: deelnemer\n',
            "bijeenkomst": 'titel: "Fout"\nuid: fout@radicalevernieuwing.nl\nbeweging: zorg\n',
            "artikel": 'titel: "Fout"\nsamenvatting: "Fout."\nthemas: [belemmerende-regels]\n'}[kind]
    lines = []
    for _, _, value, key in spec["wrong"]:
        if "." in key:
            group, name = key.split(".")
            lines.append(f"{group}:\n  plaats: Zwolle\n  {name}: {value}")
        else:
            lines.append(f"{key}: {value}")
    return "---\n" + base + "\n".join(lines) + "\n---\n"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", FORMS)
def test_forms_are_accessible(browser, form_url, axe_source, kind, width):
    spec = FORMS[kind]
    context = browser.new_context(locale="nl-NL", viewport={"width": width, "height": 900},
                                  is_mobile=width < 600, has_touch=width < 600)
    page = context.new_page()
    page.goto(form_url + spec["path"])
    page.wait_for_selector("[data-rv-formulier][data-rv-ready]")
    every_control_labelled(page)
    no_sideways_scroll(page, width)
    axe(page, axe_source, f"{spec['path']} empty at {width}px")
    page.get_by_role("button", name="Bekijk hoe het eruitziet").click()
    page.locator("[data-rv-fouten]").wait_for(state="visible")
    shoot(page, f"{kind}-fouten-{width}")
    no_sideways_scroll(page, width)
    axe(page, axe_source, f"{spec['path']} with errors at {width}px")
    fill(page, spec["good"])
    page.get_by_role("button", name="Bekijk hoe het eruitziet").click()
    page.locator("[data-rv-voorbeeld]").wait_for(state="visible")
    page.locator(".rv-voorbeeld__bestand summary").click()
    shoot(page, f"{kind}-voorbeeld-{width}")
    no_sideways_scroll(page, width)
    axe(page, axe_source, f"{spec['path']} with the preview at {width}px")
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_from_the_home_page_to_a_sent_organisation_in_three_screens(browser, form_url, width):
    """Home → Meedoen (the form and its preview on one page) → the e-mail program: no GitHub
    instructions on the way."""
    context = browser.new_context(locale="nl-NL", viewport={"width": width, "height": 900},
                                  is_mobile=width < 600, has_touch=width < 600)
    page = context.new_page()
    page.goto(form_url + "/")
    shoot(page, f"reis-1-home-{width}")
    page.locator("main a.rv-deur--meedoen").click()
    page.wait_for_url("**/meedoen/")
    page.wait_for_selector("[data-rv-formulier][data-rv-ready]")
    before_form = page.evaluate("""() => { const form = document.querySelector('[data-rv-formulier]');
        const range = document.createRange(); range.setStartBefore(document.querySelector('.md-content__inner'));
        range.setEndBefore(form); return range.toString(); }""")
    assert "GitHub" not in before_form and "pull request" not in before_form
    shoot(page, f"reis-2-meedoen-{width}")
    fill(page, ORGANISATION["good"])
    page.get_by_role("button", name="Bekijk hoe het eruitziet").click()
    page.locator("[data-rv-voorbeeld]").wait_for(state="visible")
    assert page.evaluate("document.activeElement.hasAttribute('data-rv-voorbeeld')")
    shoot(page, f"reis-3-voorbeeld-en-versturen-{width}")
    mail = page.get_by_role("link", name="Per e-mail versturen")
    assert mail.get_attribute("href").startswith("mailto:radicalevernieuwing@loc.nl?subject=")
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_without_javascript_the_page_explains_the_e_mail_way(browser, form_url, width):
    context = browser.new_context(locale="nl-NL", java_script_enabled=False, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(form_url + "/meedoen/")
    explained = page.locator(".rv-formulier__zonder-js")
    assert explained.is_visible()
    assert explained.get_by_role("link", name="radicalevernieuwing@loc.nl").get_attribute("href") == \
        "mailto:radicalevernieuwing@loc.nl"
    assert "Naam van de organisatie (verplicht)" in explained.inner_text()
    assert not page.locator("[data-rv-form]").is_visible()
    shoot(page, f"zonder-javascript-{width}")
    context.close()


def test_a_long_text_is_not_offered_through_the_address_bar(browser, form_url):
    """The host's new-file editor takes the file in its address; over about 8 KB that fails,
    so the form then offers only e-mail and the download (same file)."""
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(form_url + "/meedoen/")
    page.wait_for_selector("[data-rv-formulier][data-rv-ready]")
    long_text = ("Wij werken samen met bewoners, naasten en medewerkers aan zorg die past. " * 120).strip()
    fill(page, [step for step in ORGANISATION["good"] if step[1] != "Over jullie organisatie"])
    labelled(page.locator("[data-rv-form]"), "Over jullie organisatie").fill(long_text)
    page.get_by_role("button", name="Bekijk hoe het eruitziet").click()
    page.locator("[data-rv-voorbeeld]").wait_for(state="visible")
    assert not page.locator("[data-rv-github]").is_visible()
    assert page.locator("[data-rv-github-te-lang]").is_visible()
    body = parse_qs(urlsplit(page.locator("[data-rv-mail]").get_attribute("href")).query)["body"][0]
    assert body.endswith(long_text + "\n")
    context.close()
