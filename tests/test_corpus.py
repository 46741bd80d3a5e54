"""Issue 10: a corpus of bad and good contributions (tests/corpus/), every case of the issue.

The invariant, for every case: either the check fails with a Dutch problem `path:line: veld:`
(or `path:` for a problem with the file itself) and a hint, and never a traceback; or the
build succeeds and its output is clean (parsed: no on* attribute, no script/style/iframe/
object/embed/base from content, no URL with a scheme outside the allow-list).

- tests/corpus/bad/<case>/ is a content overlay that must be refused; EXPECTED names where.
- tests/corpus/good/<case>/ must be accepted, and the pages it changes are clean.

The check is the build in memory (scripts.assembly.generate.render_site), as `make check` runs
it; the pages are rendered by the site's own Markdown configuration; one real MkDocs build of
all good cases together is scanned too, and `make check` runs once over all bad cases.
"""

from __future__ import annotations

import re
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import PROJECT, build, copy_project, run_check
from trustscan import page_html, scan, scan_attributes, site_markdown

from scripts.assembly.generate import render_site
from scripts.content.loader import load_content
from scripts.render.context import Settings

CORPUS = Path(__file__).parent / "corpus"
BAD = sorted(p.name for p in (CORPUS / "bad").iterdir())
GOOD = sorted(p.name for p in (CORPUS / "good").iterdir())
SETTINGS = Settings(build_date=date(2026, 11, 23))
PROBLEM = re.compile(r"^(content/\S+?)(?::(\d+): ([^\s:]+):|:) \S")
LAST_RESORT = ("kan niet worden verwerkt", "De site kan niet worden gemaakt",
               "kunnen niet worden gecontroleerd")

# case → (file under content/, line, field, words in the message); line 0: the file itself.
EXPECTED = {
    "yaml-open-aanhalingsteken": ("deelnemers/yaml-open-aanhalingsteken.md", 5, "beschrijving", "niet afgesloten"),
    "yaml-open-enkel": ("deelnemers/yaml-open-enkel.md", 5, "beschrijving", "niet afgesloten"),
    "yaml-aanhalingsteken-in-tekst": ("deelnemers/yaml-aanhalingsteken-in-tekst.md", 2, "naam", "aanhalingsteken"),
    "yaml-nadruk-begin": ("deelnemers/yaml-nadruk-begin.md", 5, "beschrijving", "verwijzing"),
    "yaml-vet-begin": ("deelnemers/yaml-vet-begin.md", 5, "beschrijving", "verwijzing"),
    "yaml-anker": ("deelnemers/yaml-anker.md", 5, "beschrijving", "anker"),
    "yaml-label": ("deelnemers/yaml-label.md", 5, "beschrijving", "label"),
    "yaml-python-label": ("deelnemers/yaml-python-label.md", 5, "beschrijving", "label"),
    "yaml-stuurteken-bel": ("deelnemers/yaml-stuurteken-bel.md", 5, "beschrijving", "stuurteken"),
    "yaml-stuurteken-escape": ("deelnemers/yaml-stuurteken-escape.md", 5, "plaats", "stuurteken"),
    "yaml-tab": ("deelnemers/yaml-tab.md", 5, "plaats", "tab"),
    "yaml-dubbele-punt": ("deelnemers/yaml-dubbele-punt.md", 5, "beschrijving", "dubbele punt"),
    "yaml-geen-dubbele-punt": ("deelnemers/yaml-geen-dubbele-punt.md", 5, "rol", "dubbele punt"),
    "yaml-lijst-open": ("deelnemers/yaml-lijst-open.md", 6, "plaats", "lijst"),
    "yaml-apenstaart": ("deelnemers/yaml-apenstaart.md", 5, "beschrijving", "teken"),
    "yaml-backtick": ("deelnemers/yaml-backtick.md", 5, "beschrijving", "teken"),
    "yaml-procent": ("deelnemers/yaml-procent.md", 5, "beschrijving", "teken"),
    "yaml-hekje-knipt": ("deelnemers/yaml-hekje-knipt.md", 5, "beschrijving", "blijft alleen 'Wij zijn' over"),
    "yaml-hekje-knipt-plaats": ("deelnemers/yaml-hekje-knipt-plaats.md", 5, "plaats", "aanhalingstekens"),
    "yaml-blok-tekst": ("deelnemers/yaml-blok-tekst.md", 5, "beschrijving", "na | of >"),
    "yaml-twee-delen": ("deelnemers/yaml-twee-delen.md", 7, "provincie", "meer dan één deel"),
    "yaml-onbekende-verwijzing": ("deelnemers/yaml-onbekende-verwijzing.md", 5, "plaats", "verwijzing"),
    "yaml-anker-verwijzing": ("deelnemers/yaml-anker-verwijzing.md", 2, "naam", "anker"),
    "yaml-dubbel-veld": ("deelnemers/yaml-dubbel-veld.md", 6, "plaats", "twee keer"),
    "yaml-onbekende-escape": ("deelnemers/yaml-onbekende-escape.md", 5, "beschrijving", "na een \\"),
    "yaml-diep-500": ("deelnemers/yaml-diep-500.md", 5, "sector", "te diep genest"),
    "yaml-diep-25000": ("deelnemers/yaml-diep-25000.md", 1, "", "te lang"),
    "yaml-diep-accolades": ("deelnemers/yaml-diep-accolades.md", 5, "sector", "te diep genest"),
    "yaml-diep-inspringen": ("deelnemers/yaml-diep-inspringen.md", 26, "sector", "te diep genest"),
    "yaml-te-lang": ("deelnemers/yaml-te-lang.md", 1, "", "te lang"),
    "yaml-lijst-bovenaan": ("deelnemers/yaml-lijst-bovenaan.md", 2, "", "'veld: waarde'"),
    "geen-voorwerk": ("deelnemers/geen-voorwerk.md", 1, "", "begint niet met gegevens"),
    "geen-utf8": ("deelnemers/geen-utf8.md", 2, "", "UTF-8"),
    "bestand-te-groot": ("deelnemers/bestand-te-groot.md", 0, "", "te veel (hoogstens 200 kB)"),
    "basis-zestig": ("bijeenkomsten/basis-zestig.md", 6, "volgnummer", "heel getal"),
    "basis-zestig-tijd": ("bijeenkomsten/basis-zestig-tijd.md", 8, "programma[1].tijd", "geen tijd"),
    "naam-spaties": ("deelnemers/naam-spaties.md", 2, "naam", "ontbreekt of is leeg"),
    "naam-nbsp": ("deelnemers/naam-nbsp.md", 2, "naam", "ontbreekt of is leeg"),
    "titel-spaties": ("themas/titel-spaties.md", 2, "titel", "ontbreekt of is leeg"),
    "jaar-9999": ("bijeenkomsten/jaar-9999.md", 4, "start", "Het jaar 9999"),
    "jaar-0001": ("bijeenkomsten/jaar-0001.md", 4, "start", "Het jaar 1 "),
    "jaar-9999-bericht": ("actueel/jaar-9999-bericht.md", 3, "datum", "Het jaar 9999"),
    "jaar-0001-sinds": ("deelnemers/jaar-0001-sinds.md", 5, "sinds", "Het jaar 1 "),
    "herhaling-9999": ("bijeenkomsten/herhaling-9999.md", 8, "herhaling.tot", "Het jaar 9999"),
    "website-ipv6-open": ("deelnemers/website-ipv6-open.md", 5, "website", "kan niet worden gelezen"),
    "website-poort": ("deelnemers/website-poort.md", 5, "website", "kan niet worden gelezen"),
    "website-geen-domein": ("deelnemers/website-geen-domein.md", 5, "website", "geen domeinnaam"),
    "website-twee-punten": ("deelnemers/website-twee-punten.md", 5, "website", "geen domeinnaam"),
    "website-javascript": ("deelnemers/website-javascript.md", 5, "website", "geen geldig webadres"),
    "website-spatie": ("deelnemers/website-spatie.md", 5, "website", "geen geldig webadres"),
    "email-met-bcc": ("bijeenkomsten/email-met-bcc.md", 7, "aanmelden.email", "geen geldig e-mailadres"),
    "email-met-regel": ("bewegingen/email-met-regel.md", 5, "email", "één regel"),
    "aanmelden-link-javascript": ("bijeenkomsten/aanmelden-link-javascript.md", 7, "aanmelden.link", "webadres"),
    "bron-data-url": ("actueel/bron-data-url.md", 8, "bronnen[1].url", "webadres"),
    "naam-te-lang": ("deelnemers/naam-te-lang.md", 2, "naam", "tekens, hoogstens 200"),
    "te-veel-bewegingen": ("deelnemers/te-veel-bewegingen.md", 3, "bewegingen", "60 waarden, hoogstens 50"),
    "tekst-te-lang": ("deelnemers/tekst-te-lang.md", 7, "tekst", "te lang (66001 tekens)"),
    "naam-stuurteken": ("deelnemers/naam-stuurteken.md", 2, "naam", "stuurteken"),
    "naam-regelscheiding": ("deelnemers/naam-regelscheiding.md", 2, "naam", "stuurteken"),
    "index-deelnemers": ("deelnemers/index.md", 0, "", "'index.md' is al in gebruik"),
    "index-actueel": ("actueel/index.md", 0, "", "'index.md' is al in gebruik"),
    "index-submap": ("bijeenkomsten/2026/index.md", 0, "", "'index.md' is al in gebruik"),
    "gereserveerd-provincie": ("deelnemers/provincie.md", 0, "", "al in gebruik"),
    "gereserveerd-logos": ("deelnemers/logos.md", 0, "", "al in gebruik"),
    "gereserveerd-archief": ("bijeenkomsten/archief.md", 0, "", "al in gebruik"),
    "map-verkeerd-deelnemer": ("deelnemer/zorg-verkeerde-map.md", 0, "", "Bedoel je 'deelnemers'?"),
    "map-verkeerd-hoofdletter": ("Bijeenkomsten/hoofdletter.md", 0, "", "Bedoel je 'bijeenkomsten'?"),
    "bestand-los": ("los-bestand.md", 0, "", "niet in een map van de site"),
    "dubbele-naam-submap": ("deelnemers/2026/loc.md", 0, "", "Twee bestanden hebben de naam 'loc.md'"),
    "dubbele-website": ("deelnemers/dubbele-website.md", 5, "website", "staat ook in content/deelnemers/basis-zorg.md"),
    "dubbele-uid": ("bijeenkomsten/dubbele-uid-b.md", 3, "uid", "staat ook in content/bijeenkomsten/dubbele-uid-a.md"),
    "sjabloon-zin": ("deelnemers/sjabloon-zin.md", 7, "tekst", "voorbeeld uit het sjabloon"),
    "sjabloon-beschrijving": ("deelnemers/sjabloon-beschrijving.md", 5, "beschrijving", "voorbeeld uit het sjabloon"),
    "sjabloon-website": ("deelnemers/sjabloon-website.md", 5, "website", "voorbeeld"),
    "sjabloon-naam": ("deelnemers/sjabloon-naam.md", 2, "naam", "voorbeeld uit het sjabloon"),
    "tekst-script": ("deelnemers/tekst-script.md", 7, "tekst", "script"),
    "tekst-img-onerror": ("deelnemers/tekst-img-onerror.md", 7, "tekst", "onclick"),
    "tekst-iframe": ("deelnemers/tekst-iframe.md", 7, "tekst", "iframe"),
    "tekst-javascript-link": ("deelnemers/tekst-javascript-link.md", 7, "tekst", "niet toegestaan"),
    "tekst-entiteit-link": ("deelnemers/tekst-entiteit-link.md", 7, "tekst", "niet toegestaan"),
    "tekst-hoofdletters-link": ("deelnemers/tekst-hoofdletters-link.md", 7, "tekst", "niet toegestaan"),
    "tekst-snippet": ("deelnemers/tekst-snippet.md", 7, "tekst", "--8<--"),
    "tekst-afbeelding": ("deelnemers/tekst-afbeelding.md", 7, "tekst", "Afbeeldingen"),
    "tekst-attribuut": ("deelnemers/tekst-attribuut.md", 8, "tekst", "accolades"),
    "tekst-commentaar": ("deelnemers/tekst-commentaar.md", 7, "tekst", "HTML-opmerking"),
    "tekst-autolink-javascript": ("deelnemers/tekst-autolink-javascript.md", 7, "tekst", "HTML"),
    "tekst-definitie-javascript": ("deelnemers/tekst-definitie-javascript.md", 9, "tekst", "niet toegestaan"),
    "tekst-haakjes": ("deelnemers/tekst-haakjes.md", 7, "tekst", "te veel haakjes"),
    "tekst-stuurteken": ("deelnemers/tekst-stuurteken.md", 7, "tekst", "stuurteken"),
    "logo-html-jpeg": ("deelnemers/logo-html-jpeg.md", 5, "logo", "JPEG"),
    "logo-png-met-staart": ("deelnemers/logo-png-met-staart.md", 5, "logo", "geen volledige PNG"),
    "logo-png-kapot": ("deelnemers/logo-png-kapot.md", 5, "logo", "geen volledige PNG"),
    "logo-reus": ("deelnemers/logo-reus.md", 5, "logo", "5000×16 pixels"),
    "logo-extensie": ("deelnemers/logo-extensie.md", 5, "logo", "maar is een PNG-bestand"),
    "logo-html": ("deelnemers/logo-html.md", 5, "logo", "geen PNG-, JPG- of WebP"),
    "logo-svg": ("deelnemers/logo-svg.md", 5, "logo", "goede vorm"),
    "logo-ontbreekt": ("deelnemers/logo-ontbreekt.md", 5, "logo", "bestaat niet"),
    "logo-pad": ("deelnemers/logo-pad.md", 5, "logo", "goede vorm"),
    "logo-los-html": ("deelnemers/logos/los.png", 0, "", "geen goede PNG"),
    "logo-los-svg": ("deelnemers/logos/los.svg", 0, "", "alleen logo's"),
    "logo-zelfde-naam": ("deelnemers/logos/dubbel.png", 0, "", "allebei gepubliceerd als dubbel.png"),
    "pdf-kapot": ("actueel/pdf-kapot.md", 6, "downloads", "kan niet worden gelezen als pdf"),
    "pdf-wachtwoord": ("actueel/pdf-wachtwoord.md", 6, "downloads", "wachtwoord"),
    "pdf-niemand": ("actueel/downloads/pdf-niemand.pdf", 0, "", "Geen bericht verwijst naar"),
    "pdf-html": ("actueel/pdf-html.md", 6, "downloads", "geen pdf-bestand"),
    "pdf-polyglot": ("actueel/pdf-polyglot.md", 6, "downloads", "bevat HTML"),
    "pdf-zonder-einde": ("actueel/pdf-zonder-einde.md", 6, "downloads", "het einde ontbreekt"),
    "eind-voor-start": ("bijeenkomsten/eind-voor-start.md", 6, "eind", "niet na het begin"),
    "zomertijd": ("bijeenkomsten/zomertijd.md", 4, "start", "bestaat niet"),
    "wintertijd": ("bijeenkomsten/wintertijd.md", 4, "start", "twee keer"),
    "herhaling-zonder-einde": ("bijeenkomsten/herhaling-zonder-einde.md", 6, "herhaling", "einde nodig"),
    "online-leeg": ("bijeenkomsten/online-leeg.md", 6, "online", "link of een toelichting"),
    "verplaatst-zonder-datum": ("bijeenkomsten/verplaatst-zonder-datum.md", 6, "status", "oude datum"),
    "onbekend-thema": ("bijeenkomsten/onbekend-thema.md", 6, "themas[1]", "bestaat niet"),
    "onbekend-veld": ("deelnemers/onbekend-veld.md", 5, "websiet", "Bedoel je 'website'?"),
    "download-beide": ("actueel/download-beide.md", 7, "downloads.0", "óf 'bestand' óf 'url'"),
    "datum-maand-13": ("actueel/datum-maand-13.md", 3, "datum", "maand 13 bestaat niet"),
    "bestandsnaam-hoofdletters": ("deelnemers/Hoofdletters.md", 0, "", "kleine letters"),
    "bestandsnaam-html": ("deelnemers/pagina.html", 0, "", "alleen .md-bestanden"),
    "code-span": ("deelnemers/code-span.md", 7, "tekst", "script"),
    "snippet-ingesprongen-hek": ("deelnemers/snippet-ingesprongen-hek.md", 10, "tekst", "--8<--"),
    "thema-tekst-aanval": ("themas/thema-tekst-aanval.md", 6, "tekst", "HTML"),
    "mailto-met-bcc-in-tekst": ("deelnemers/mailto-met-bcc-in-tekst.md", 7, "tekst", "niet toegestaan"),
    # Issue 19: one register of addresses; a collision is reported on the newcomer's line.
    "eerder-agenda": ("bijeenkomsten/eerder-agenda.md", 6, "eerdere_namen[1]", "/bijeenkomsten/agenda/ is al in gebruik"),
    "eerder-reeks": ("bijeenkomsten/eerder-reeks.md", 6, "eerdere_namen[1]", "/bijeenkomsten/reeks/ is al in gebruik"),
    "eerder-archief": ("bijeenkomsten/eerder-archief.md", 6, "eerdere_namen[1]", "/bijeenkomsten/archief/ is al in gebruik"),
    "eerder-levende-bijeenkomst": ("bijeenkomsten/nieuwkomer.md", 6, "eerdere_namen[1]", "bijeenkomsten/kampvuur-live.md)"),
    "reeks-zelfde-adres": ("bijeenkomsten/reeks-b.md", 6, "reeks", "/bijeenkomsten/reeks/week-van-de-zorg/ is al in gebruik"),
    "oud-adres-data": ("_oude-adressen.yml", 4, "van", "botst met /data/deelnemers.json"),
    "oud-adres-zoekindex": ("_oude-adressen.yml", 4, "van", "de zoekfunctie"),
    "oud-adres-script": ("_oude-adressen.yml", 4, "van", "ligt in /assets/"),
    "oud-adres-ical": ("_oude-adressen.yml", 4, "van", "/ical/alle.ics"),
    # Issue 19: who is who.
    "website-gebruikersinfo": ("deelnemers/website-gebruikersinfo.md", 5, "website", "gaat de browser naar 'evil.example'"),
    "tekst-link-gebruikersinfo": ("deelnemers/tekst-link-gebruikersinfo.md", 7, "tekst", "geen @ voor de domeinnaam"),
    "naam-cyrillisch": ("deelnemers/naam-cyrillisch.md", 2, "naam", "Latijns en Cyrillisch"),
    "naam-lijkt-op": ("deelnemers/naam-lijkt-op.md", 2, "naam", "lijkt sterk op die in content/deelnemers/basis-zorg.md"),
    "website-punycode": ("deelnemers/website-punycode.md", 5, "website", "(www.xn--basis-zrg-62h.nl) mengt"),
    "website-lijkt-op": ("deelnemers/website-lijkt-op.md", 5, "website", "lijkt sterk op die in content/deelnemers/basis-"),
    # Issue 19: nothing ignored silently, and clear refusals.
    "yaml-lijst-open-einde": ("deelnemers/yaml-lijst-open-einde.md", 6, "sector", "lijst"),
    "punt-bestand": ("deelnemers/.punt-bestand.md", 0, "", "begint met een punt"),
    "punt-map": ("deelnemers/.verborgen/zorg.md", 0, "", "staat in '.verborgen'"),
    "streep-map": ("actueel/_concept/bericht.md", 0, "", "begint met _"),
    "streep-bovenaan": ("_eigen/notities.md", 0, "", "begint met _"),
    "trefwoord-index": ("actueel/trefwoord-index.md", 6, "trefwoorden[2]", "/trefwoord/ is al in gebruik"),
}


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    """A small real content folder: the movements, themes and templates, the organisation
    'loc' and one with a website; every case is laid over a copy of it."""
    root = tmp_path_factory.mktemp("corpus-base") / "content"
    for folder in ("bewegingen", "themas", "_sjablonen"):
        shutil.copytree(PROJECT / "content" / folder, root / folder)
    (root / "deelnemers").mkdir()
    shutil.copy2(PROJECT / "content" / "deelnemers" / "loc.md", root / "deelnemers" / "loc.md")
    (root / "deelnemers" / "basis-zorg.md").write_text(
        "---\nnaam: Basis Zorg\nwebsite: https://www.basis-zorg.nl/\nbewegingen: [zorg]\nrol: deelnemer\n"
        "---\n\nDe organisatie waar de andere gevallen naast staan.\n", encoding="utf-8")
    for folder in ("bijeenkomsten", "actueel"):
        (root / folder).mkdir()
    problems, out = render_site(root, SETTINGS)
    assert out is not None, problems.report()
    return root


def _with_case(base: Path, tmp_path: Path, kind: str, case: str) -> Path:
    content = tmp_path / "content"
    shutil.copytree(base, content)
    shutil.copytree(CORPUS / kind / case, content, dirs_exist_ok=True)
    return content


def test_the_corpus_is_big_and_every_bad_case_has_an_expectation():
    files = [p for p in CORPUS.rglob("*") if p.is_file()]
    assert len(files) >= 100 and len(BAD) >= 100 and len(GOOD) >= 25
    assert sorted(EXPECTED) == BAD


@pytest.mark.parametrize("case", BAD)
def test_each_bad_case_is_refused_in_dutch_at_its_line(base, tmp_path, case):
    content = _with_case(base, tmp_path, "bad", case)
    problems, out = render_site(content, SETTINGS)
    report = [p for p in problems.sorted()]
    expected_file, line, field, words = EXPECTED[case]
    assert out is None and report, f"{case}: accepted"
    for problem in report:
        text = problem.format()
        shown = text.replace(str(content.parent) + "/", "")
        assert PROBLEM.match(shown), shown
        assert problem.hint, shown
        assert not any(words_ in problem.message for words_ in LAST_RESORT), shown
    path = f"content/{expected_file}"
    matching = [p for p in report if p.path.endswith(path) and p.line == line
                and (not field or p.field == field)]
    assert matching, f"{case}: nothing at {path}:{line}: {field}:\n" + problems.report()
    assert any(words in p.message + " " + p.hint for p in matching), f"{case}: '{words}' missing\n" + problems.report()


@pytest.mark.parametrize("case", GOOD)
def test_each_good_case_is_accepted_and_its_pages_are_clean(base, tmp_path, case):
    _, before = render_site(base, SETTINGS)
    content = _with_case(base, tmp_path, "good", case)
    problems, out = render_site(content, SETTINGS)
    assert out is not None, problems.report()
    fragments = tmp_path / "_fragmenten"
    fragments.mkdir()
    for path, data in out.files.items():
        if path.startswith("_fragmenten/"):
            (fragments / path.split("/", 1)[1]).write_bytes(data)
    md = site_markdown(fragments)
    changed = [path for path, data in out.files.items()
               if path.endswith(".md")
               and (before.files.get(path), before.meta.get(path)) != (data, out.meta.get(path))]
    assert changed, "the case changed no page"
    for path in changed:
        html = page_html(md, out.files[path], out.meta.get(path, {}))
        found = scan(html)
        assert not found, (path, found)
        assert "/etc/passwd" not in html or "--8&lt;--" in html or "--8<--" in html  # shown, not included


def test_the_doubled_hour_pair_is_a_meeting_of_three_quarters_of_an_hour(base, tmp_path):
    """02:30 +02:00 to 02:15 +01:00 on the night the clocks go back: the end reads earlier on
    the wall clock but is 45 minutes later. Times are compared in UTC, so the meeting is
    accepted, and its feed writes both ends in UTC (the doubled hour has no single local name)."""
    content = _with_case(base, tmp_path, "good", "oktober-paar")
    problems, out = render_site(content, SETTINGS)
    assert out is not None, problems.report()
    feed = out.files["ical/bijeenkomst/oktober-paar.ics"].decode("utf-8")
    assert "DTSTART:20261025T003000Z" in feed and "DTEND:20261025T011500Z" in feed, feed
    result = run_check(content)
    assert result.returncode == 0 and "Traceback" not in result.stdout + result.stderr


def test_all_bad_cases_at_once_exit_1_without_traceback(base, tmp_path):
    """`make check` (a real process) over every bad case together: all problems in one run."""
    content = tmp_path / "content"
    shutil.copytree(base, content)
    for case in BAD:
        shutil.copytree(CORPUS / "bad" / case, content, dirs_exist_ok=True)
    result = run_check(content)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr and "Error" not in result.stderr
    files = {m.group(1) for m in map(PROBLEM.match, result.stdout.splitlines()) if m}
    assert len(files) >= 90, result.stdout[-2000:]


def test_a_clash_is_blamed_on_the_new_file_only(base, tmp_path):
    """A pull request adds deelnemers/2026/loc.md next to the existing deelnemers/loc.md:
    with the new files known (as `check` learns them from git), only the new file is named,
    so the annotation lands in the pull request."""
    content = _with_case(base, tmp_path, "bad", "dubbele-naam-submap")
    new = frozenset({"content/deelnemers/2026/loc.md"})
    problems = load_content(content, new_files=new).problems.sorted()
    assert [p.path for p in problems] == ["content/deelnemers/2026/loc.md"], problems
    assert "content/deelnemers/loc.md" in problems[0].message
    both = load_content(content).problems.sorted()
    assert {p.path for p in both} == {"content/deelnemers/2026/loc.md", "content/deelnemers/loc.md"}


def test_a_clash_in_a_pull_request_is_annotated_on_the_new_file(tmp_path):
    """The same through git and `check --github`: the file the change adds is the one blamed."""
    import subprocess
    project = tmp_path / "project"
    project.mkdir()
    content = project / "content"
    shutil.copytree(PROJECT / "content", content)
    git = ["git", "-C", str(project), "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
    subprocess.run(git + ["init", "-q"], check=True)
    subprocess.run(git + ["add", "-A"], check=True)
    subprocess.run(git + ["commit", "-qm", "main"], check=True)
    (content / "deelnemers" / "2026").mkdir()
    shutil.copy2(CORPUS / "bad" / "dubbele-naam-submap" / "deelnemers" / "2026" / "loc.md",
                 content / "deelnemers" / "2026" / "loc.md")
    result = subprocess.run([sys.executable, "-m", "scripts", "--content", str(content), "check", "--github"],
                            cwd=PROJECT, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 1
    annotations = [l for l in result.stdout.splitlines() if l.startswith("::error")]
    assert annotations and all("file=content/deelnemers/2026/loc.md" in a for a in annotations), result.stdout


def test_one_real_build_of_all_good_cases_is_clean(base, tmp_path):
    """MkDocs itself (Material, every extension) over all good cases together."""
    content = tmp_path / "content"
    shutil.copytree(base, content)
    for case in GOOD:
        shutil.copytree(CORPUS / "good" / case, content, dirs_exist_ok=True)
    site = build(copy_project(tmp_path / "project", content=content))
    found = {}
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        article = re.search(r"<article\b.*?</article>", html, re.DOTALL)
        problems = scan(article.group(0)) if article else []
        problems += scan_attributes(html)
        if problems:
            found[page.relative_to(site).as_posix()] = problems[:5]
    assert not found, found
    logo = site / "deelnemers" / "logos" / "logo-jpeg.png"
    assert logo.read_bytes().startswith(b"\x89PNG")  # re-encoded, not the contributed bytes
    assert not (site / "deelnemers" / "logos" / "logo-jpeg.jpg").exists()
