"""Issue 4: a contributed file can hold anything.

1. A corpus of bad contributions (every injection case of the issue and more): each one alone
   makes `python -m scripts check` exit 1 with a Dutch message naming the file and the line,
   never a traceback; with `--github` each problem is also a workflow annotation.
2. Escaping alone must hold: the validator is bypassed (the loader is replaced by one that
   returns a model full of malicious strings), the real generator and MkDocs build the site,
   and no injected markup reaches a page, the JSON, a feed or a calendar unescaped.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import feedparser
import markdown
import pytest

from conftest import PROJECT, copy_project, run_mkdocs
from trustscan import site_markdown

from scripts.assembly import generate  # noqa: E402
from scripts.__main__ import main  # noqa: E402
from scripts.content.loader import Loaded, load_content  # noqa: E402
from scripts.model.items import Article, Link, Meeting, Online, Organisation, Place, Registration, Theme  # noqa: E402
from scripts.content.problems import ProblemList  # noqa: E402
from scripts.content.safety import body_problems  # noqa: E402
from scripts.render.environment import body as emit_body  # noqa: E402
from scripts.model.values import PartialDate  # noqa: E402
from scripts.assembly.writer import write_output  # noqa: E402


def png(width: int, height: int, tail: bytes = b"") -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"") + tail)


def organisation(name: str, extra: str = "", body: str = "Gewone tekst.") -> str:
    """Lines: 1 '---', 2 naam, 3 bewegingen, 4 rol, extra from 5, then '---', a blank line, body."""
    return f"---\nnaam: {name}\nbewegingen: [zorg]\nrol: deelnemer\n{extra}---\n\n{body}\n"


# file under content/ → (text or bytes, [(line, field, words in the Dutch message)])
CORPUS: dict[str, tuple[str | bytes, list[tuple[int, str, str]]]] = {}


def case(path: str, text, *problems) -> None:
    CORPUS[path] = (text, list(problems))


def body(path: str, name: str, text: str, words: str, line: int = 8) -> None:
    case(path, organisation(name, body="Eerste regel.\n" + text), (line, "tekst", words))


# Raw HTML in bodies
body("deelnemers/script.md", "Zorg Script", "Hallo <script>alert(1)</script>", "hier staat een script")
body("deelnemers/iframe.md", "Zorg Iframe", '<iframe src="https://evil.example/"></iframe>', "iframe")
body("deelnemers/style.md", "Zorg Style", "<style>body { display: none }</style>", "<style>")
body("deelnemers/onerror.md", "Zorg Onerror", "Kijk: <img src=x onerror=alert(1)>", "gebeurtenis zoals onclick")
body("deelnemers/svg.md", "Zorg Svg", "<svg/onload=alert(1)>", "gebeurtenis")
body("deelnemers/commentaar.md", "Zorg Commentaar", "<!-- verborgen -->", "HTML-opmerking")
body("deelnemers/code-span.md", "Zorg Codespan", "`x\n<script>alert(1)</script>`", "script", line=9)
body("deelnemers/verkeerd-hek.md", "Zorg Hek", "```\n<script>alert(1)</script>\n````", "script", line=9)
# Dangerous link targets in bodies
body("deelnemers/js-link.md", "Zorg Jslink", "[klik](javascript:alert(1))", "'javascript:alert(1)' is niet toegestaan")
body("deelnemers/js-gesplitst.md", "Zorg Gesplitst", "[klik](java\nscript:alert(1))", "is niet toegestaan")
body("deelnemers/js-hoofdletters.md", "Zorg Hoofdletters", "[klik]( JaVaScRiPt:alert(1) )", "is niet toegestaan")
body("deelnemers/js-entiteit.md", "Zorg Entiteit", "[klik](javascript&#58;alert(1))", "is niet toegestaan")
body("deelnemers/js-haakjes.md", "Zorg Haakjes", "[klik](<javascript:alert(1)>)", "is niet toegestaan")
body("deelnemers/js-verwijzing.md", "Zorg Verwijzing", "[klik][a]\n\n[a]: javascript:alert(1)", "is niet toegestaan",
     line=10)
body("deelnemers/data-link.md", "Zorg Datalink", "[klik](data:text/html;base64,PHNjcmlwdD4=)", "'data:text")
body("deelnemers/file-link.md", "Zorg Filelink", "[wachtwoorden](file:///etc/passwd)", "niet toegestaan")
body("deelnemers/dubbele-slash.md", "Zorg Slash", "[ergens](//evil.example/pad)", "niet toegestaan")
# Other Markdown that runs or loads something
body("deelnemers/kenmerken.md", "Zorg Kenmerken", "[site](https://example.org){: onclick=\"alert(1)\" }",
     "accolades")
body("deelnemers/kenmerken-alinea.md", "Zorg Alinea", "Tekst\n{: onmouseover=\"alert(1)\" }", "accolades", line=9)
body("deelnemers/afbeelding.md", "Zorg Afbeelding", "![pixel](https://tracker.example/p.png)", "Afbeeldingen")
body("deelnemers/snippet.md", "Zorg Snippet", '--8<-- "home-cijfers.md"', "--8<--")
body("deelnemers/stuurteken-tekst.md", "Zorg Stuurteken", "Piep\x1b[31m rood", "stuurteken")
# Fields: URLs that are not http(s), control characters, markup, absurd lengths
case("deelnemers/website-js.md", organisation("Zorg Website", "website: javascript:alert(1)\n"),
     (5, "website", "geen geldig webadres"))
case("deelnemers/website-data.md", organisation("Zorg Websitedata", "website: 'data:text/html,<b>x</b>'\n"),
     (5, "website", "geen geldig webadres"))
case("deelnemers/website-ftp.md", organisation("Zorg Ftp", "website: ftp://example.org/\n"),
     (5, "website", "geen geldig webadres"))
case("deelnemers/naam-stuurteken.md", organisation('"Zorg\\x07 Bel"'), (2, "naam", "stuurteken"))
case("deelnemers/plaats-omkeren.md", organisation("Zorg Omkeren", 'plaats: "Utrecht\\u202e"\n'),
     (5, "plaats", "stuurteken"))
case("deelnemers/naam-regels.md", organisation('"Zorg Regels\\r\\nX-INJECTED: 1"'), (2, "naam", "één regel"))
case("deelnemers/naam-te-lang.md", organisation("Zorg " + "heel " * 80), (2, "naam", "te lang"))
case("deelnemers/beschrijving-te-lang.md", organisation("Zorg Lang", "beschrijving: " + "woord " * 100 + "\n"),
     (5, "beschrijving", "te lang"))
case("deelnemers/tekst-te-lang.md", organisation("Zorg Boek", body="x" * 61_000), (7, "tekst", "te lang"))
case("deelnemers/bestand-te-groot.md", organisation("Zorg Groot", body="x\n" * 110_000), (0, "", "te groot"))
case("deelnemers/yaml-label.md", "---\nnaam: !!python/object:os.system echo\nbewegingen: [zorg]\nrol: deelnemer\n---\n",
     (2, "", "niet toegestaan"))
case("deelnemers/yaml-anker.md",
     "---\nnaam: &a Zorg Anker\nbeschrijving: *a\nbewegingen: [zorg]\nrol: deelnemer\n---\n",
     (2, "naam", "anker"))
case("bijeenkomsten/online-js.md",
     "---\ntitel: Test online\nuid: online-js@radicalevernieuwing.nl\nstart: 2026-05-01\nbeweging: zorg\n"
     "online:\n  link: javascript:alert(1)\n---\n", (7, "online.link", "geen geldig webadres"))
case("actueel/bron-js.md",
     "---\ntitel: Test bron\ndatum: 2026-01-01\nsamenvatting: Test\nthemas: [zorgonderwijs]\n"
     "bronnen:\n  - titel: Bron\n    url: javascript:alert(1)\n---\n", (8, "bronnen[1].url", "geen geldig webadres"))
# Logos and other published files
case("deelnemers/logo-html.md", organisation("Zorg Logohtml", "logo: logos/logo-html.png\n"),
     (5, "logo", "geen PNG-, JPG- of WebP-afbeelding"))
case("deelnemers/logos/logo-html.png", b"<html><script>alert(1)</script></html>")
case("deelnemers/logo-staart.md", organisation("Zorg Logostaart", "logo: logos/logo-staart.png\n"),
     (5, "logo", "geen volledige PNG-afbeelding"))
case("deelnemers/logos/logo-staart.png", png(32, 32, tail=b"<script>alert(1)</script>"))
case("deelnemers/logo-kapot.md", organisation("Zorg Logokapot", "logo: logos/logo-kapot.png\n"),
     (5, "logo", "geen volledige PNG-afbeelding"))
case("deelnemers/logos/logo-kapot.png", png(32, 32)[:60])
case("deelnemers/logo-reus.md", organisation("Zorg Logoreus", "logo: logos/logo-reus.png\n"),
     (5, "logo", "5000×16 pixels"))
case("deelnemers/logos/logo-reus.png", png(5000, 16))
case("deelnemers/logo-extensie.md", organisation("Zorg Logoextensie", "logo: logos/logo-extensie.jpg\n"),
     (5, "logo", "maar is een PNG-bestand"))
case("deelnemers/logos/logo-extensie.jpg", png(32, 32))
case("deelnemers/logo-svg.md", organisation("Zorg Logosvg", "logo: logos/logo.svg\n"), (5, "logo", "goede vorm"))
case("deelnemers/logo-pad.md", organisation("Zorg Logopad", "logo: ../../.ssh/id_rsa\n"), (5, "logo", "goede vorm"))
case("deelnemers/logo-weg.md", organisation("Zorg Logoweg", "logo: logos/bestaat-niet.png\n"), (5, "logo", "bestaat niet"))
case("deelnemers/logos/pagina.html", b"<script>alert(document.cookie)</script>",
     (0, "", "hoort niet in deze map"))
case("deelnemers/logos/beeld.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
     (0, "", "hoort niet in deze map"))
case("deelnemers/logos/los.png", b"GIF89a<script>alert(1)</script>", (0, "", "geen goede PNG-, JPG- of WebP"))
# Issue 19: a file in downloads/ that no article offers is refused as such (and never published).
case("actueel/downloads/brief.pdf", b"<html>geen pdf</html>", (0, "", "Geen bericht verwijst naar 'brief.pdf'"))


def _content_with(tmp: Path, files: dict) -> Path:
    content = tmp / "content"
    shutil.copytree(PROJECT / "content", content, ignore=shutil.ignore_patterns("__pycache__"))
    for name, text in files.items():
        target = content / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8")
    return content


def _companions(name: str) -> dict:
    """A case's own files: a logo case needs its image, an image its page (not the others)."""
    stem = Path(name).stem
    return {n: CORPUS[n][0] for n in CORPUS if n == name or (Path(n).stem == stem and "logos/" in n)}


def test_corpus_is_big_enough():
    assert len([c for c in CORPUS.values() if c[1]]) >= 25


@pytest.mark.parametrize("name", [n for n in sorted(CORPUS) if CORPUS[n][1]])
def test_each_bad_contribution_alone_fails_in_dutch_with_file_and_line(tmp_path, capsys, name):
    content = _content_with(tmp_path, _companions(name))
    code = main(["--content", str(content), "check"])
    out = capsys.readouterr().out
    assert code == 1, out
    assert "Traceback" not in out
    for line, field, words in CORPUS[name][1]:
        where = f"content/{name}:{line}:" if line else f"content/{name}:"
        matching = [l for l in out.splitlines() if l.startswith(where)]
        assert matching, f"niets gemeld voor {where}\n{out}"
        if field:
            matching = [l for l in matching if l.startswith(f"{where} {field}:")]
            assert matching, f"veld {field} niet genoemd voor {where}\n{out}"
        assert any(words in l for l in matching), f"'{words}' ontbreekt bij {where}\n{out}"
    # every problem comes with a hint in Dutch on the next line
    lines = out.splitlines()
    assert all(lines[i + 1].strip().startswith("→") for i, l in enumerate(lines) if l.startswith("content/"))


@pytest.fixture(scope="module")
def whole_corpus(tmp_path_factory):
    """All bad contributions at once, as `make check` runs it (a subprocess)."""
    content = _content_with(tmp_path_factory.mktemp("corpus"), {n: t for n, (t, _) in CORPUS.items()})
    return subprocess.run([sys.executable, "-m", "scripts", "--content", str(content), "check", "--github"],
                          cwd=PROJECT, capture_output=True, text=True, timeout=300)


def test_whole_corpus_exits_1_without_traceback(whole_corpus):
    assert whole_corpus.returncode == 1
    assert "Traceback" not in whole_corpus.stdout + whole_corpus.stderr
    assert whole_corpus.stderr == ""


def test_github_annotations_name_file_and_line(whole_corpus):
    annotations = [l for l in whole_corpus.stdout.splitlines() if l.startswith("::error ")]
    expected = sum(len(p) for _, p in CORPUS.values())
    assert len(annotations) >= expected
    pattern = re.compile(r"^::error file=([^,:]+)(?:,line=(\d+))?,title=([^:]*)::(.+)$")
    for line in annotations:
        match = pattern.match(line)
        assert match, line
        assert "\n" not in match.group(4) and "\r" not in match.group(4)
    found = {(m.group(1), int(m.group(2) or 0)) for m in map(pattern.match, annotations)}
    for name, (_, problems) in CORPUS.items():
        for line, _, _ in problems:
            assert (f"content/{name}", line) in found, (name, line)
    # the hint follows on a second line inside the same annotation (%0A), '%' itself escaped
    assert any("%0A→ " in l for l in annotations)
    assert not any(re.search(r"%(?!25|0A|0D|3A|2C)", l) for l in annotations)


def test_a_value_cannot_inject_a_workflow_command(tmp_path):
    content = _content_with(tmp_path, {"deelnemers/commando.md": organisation(
        "Zorg Commando", 'website: "x\\n::add-mask::geheim\\r\\n::error file=README.md::nep 100%"\n')})
    result = subprocess.run([sys.executable, "-m", "scripts", "--content", str(content), "check", "--github"],
                            cwd=PROJECT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert not [l for l in result.stdout.splitlines() if l.startswith("::") and not l.startswith("::error file=content/")]
    assert "nep 100%25" in result.stdout


def test_symlinks_are_refused(tmp_path):
    if not hasattr(os, "symlink"):
        pytest.skip("no symlinks here")
    content = _content_with(tmp_path, {})
    os.symlink("/etc/hostname", content / "deelnemers" / "koppeling.md")
    result = subprocess.run([sys.executable, "-m", "scripts", "--content", str(content), "check"],
                            cwd=PROJECT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "content/deelnemers/koppeling.md: Dit bestand is een koppeling (symlink)" in result.stdout


# --- escaping alone ----------------------------------------------------------------------------

MARK = "XSS"
PAYLOADS = [
    '<script>alert("XSS1")</script>',
    '<img src=x onerror=alert("XSS2")>',
    '<iframe src="https://evil.example/XSS3"></iframe>',
    "<style>body{display:none}/*XSS4*/</style>",
    "<svg/onload=alert('XSS5')>",
    "[klik](javascript:alert('XSS6'))",
    "[klik](java\nscript:alert('XSS7'))",
    "[klik](<javascript:alert('XSS8')>)",
    "[klik](data:text/html;base64,WFNTOQ==)",
    "![pixel](https://evil.example/XSS10.png)",
    "[klik][r]\n\n[r]: javascript:alert('XSS11')",
    "[site](https://example.org){: onclick=\"alert('XSS12')\" }",
    "Alinea\n{: onmouseover=\"alert('XSS13')\" }",
    '<div/onmouseover=alert("XSS14")@example.nl>',
    "`x\n<script>alert('XSS15')</script>`",
    "```\n<script>alert('XSS16')</script>\n````",
    '--8<-- "home-cijfers.md"',
    "<!-- XSS18 -->",
    '"><script>alert("XSS19")</script>',
    "</script><script>alert('XSS20')</script>",
    "]]></title><script xmlns=\"http://www.w3.org/1999/xhtml\">alert('XSS21')</script>",
    "Regel\r\nX-INJECTED:XSS22\r\nBEGIN:VEVENT",
]
TEXT = " ".join(p.replace("\n", " ").replace("\r", " ") for p in PAYLOADS[:6]) + " & \"co\" 'x'"
BODY = "\n\n".join(PAYLOADS)


def hostile_site(site):
    """The real model plus an organisation, a theme, a meeting and an article full of attacks."""
    org = Organisation(
        slug="kwaadaardig", name="Zorg " + TEXT, movements=("zorg",), role="deelnemer",
        website="javascript:alert('XSS-website')", place=Place(city=TEXT), province=TEXT,
        sectors=("ggz",), since=PartialDate(2026, 11), logo="logos/kwaad.png", logo_alt=TEXT, description=TEXT, body=BODY,
        source="content/deelnemers/kwaadaardig.md")
    theme = Theme(slug="kwaadaardig-thema", title="Thema " + TEXT, description=TEXT, body=BODY,
                  source="content/themas/kwaadaardig-thema.md")
    meeting = Meeting(
        slug="kwaadaardige-bijeenkomst", title="Bijeenkomst " + TEXT, uid="kwaad@radicalevernieuwing.nl",
        start=date(2026, 12, 1), movement="zorg", themes=("kwaadaardig-thema",), organisers=("kwaadaardig",),
        place=Place(city=TEXT, name=TEXT, address=TEXT, postcode="1234 AB"),
        online=Online(link="javascript:alert('XSS-online')", note=TEXT),
        registration=Registration(link="javascript:alert('XSS-aanmelden')", email="x@example.org", note=TEXT),
        summary=TEXT, body=BODY, source="content/bijeenkomsten/kwaadaardige-bijeenkomst.md")
    article = Article(
        slug="kwaadaardig-bericht", title="Bericht " + TEXT, date=date(2026, 11, 1), summary=TEXT,
        themes=("kwaadaardig-thema",), keywords=("trefwoord " + TEXT,), organisations=("kwaadaardig",),
        movements=("zorg",), sources=(Link(TEXT, "javascript:alert('XSS-bron')"),), body=BODY,
        source="content/actueel/kwaadaardig-bericht.md")
    return replace(site, organisations={**site.organisations, org.slug: org},
                   themes={**site.themes, theme.slug: theme},
                   meetings={**site.meetings, meeting.slug: meeting},
                   articles={**site.articles, article.slug: article})


CONFIG_ONLY_HOOK = '''"""Test-only hook: the generated pages are already in docs/; nothing is regenerated."""
from pathlib import Path


def on_config(config):
    snippets = config.mdx_configs.setdefault("pymdownx.snippets", {})
    snippets["base_path"] = [str(Path(config.docs_dir) / "_fragmenten")]
    return config
'''


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    from scripts.render.context import Settings
    real = load_content(PROJECT / "content")
    assert not real.problems
    hostile = Loaded(hostile_site(real.site), ProblemList(), {})
    original = generate.load_content
    generate.load_content = lambda *args, **kwargs: hostile  # the validator is bypassed
    try:
        problems, out = generate.render_site(PROJECT / "content", Settings(
            build_date=date(2026, 11, 23), edit_base="https://github.com/voorbeeld/site/edit/main/"))
    finally:
        generate.load_content = original
    assert not problems
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    write_output(project / "docs", out.with_front_matter())
    (project / "overrides" / "hooks" / "generate.py").write_text(CONFIG_ONLY_HOOK, encoding="utf-8")
    result = run_mkdocs(project, "build", "--clean")  # not --strict: blocked links warn, as they should
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


# Elements that must never carry an injected marker (an <img> or <meta> may: as escaped alt or
# content text; what would make those run is an on… attribute or a URL, checked separately).
DANGEROUS_TAGS = {"script", "iframe", "style", "object", "embed", "svg", "math", "base", "form", "frame",
                  "frameset", "template"}


class Scan(HTMLParser):
    """Collects what would run: elements, attributes and URLs that carry an injected marker."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.stack: list[str] = []
        self.ld_json: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        text = " ".join(f"{k}={v}" for k, v in attrs)
        if MARK in text and tag in DANGEROUS_TAGS:
            self.found.append(f"<{tag} {text}>")
        for key, value in attrs:
            value = value or ""
            if key.startswith("on") and (MARK in value or "alert" in value):
                self.found.append(f"<{tag} {key}={value}>")
            plain = re.sub(r"[\x00-\x20]", "", value).lower()
            if key in ("href", "src", "action", "formaction", "srcdoc", "data", "xlink:href") and \
                    plain.startswith(("javascript:", "data:", "vbscript:")):
                self.found.append(f"<{tag} {key}={value}>")
            # A link to another site is content; loading from it (an image, a frame) is not.
            if key != "href" and plain.startswith(("//evil", "https://evil")):
                self.found.append(f"<{tag} {key}={value}>")
            if key == "style" and MARK in value:
                self.found.append(f"<{tag} style={value}>")
        self._in_ld = tag == "script" and attributes.get("type") == "application/ld+json"
        self.stack.append(tag)

    def handle_endtag(self, tag):
        self._in_ld = False

    def handle_data(self, data):
        if self.stack and self.stack[-1] in ("script", "style") and MARK in data and not self._in_ld:
            self.found.append(f"<{self.stack[-1]}>{data[:80]}")
        if self._in_ld:
            self.ld_json.append(data)

    def handle_comment(self, data):
        if MARK in data:
            self.found.append(f"<!--{data}-->")


HOSTILE_PAGES = ("deelnemers/kwaadaardig/index.html", "deelnemers/index.html", "themas/kwaadaardig-thema/index.html",
                 "bijeenkomsten/kwaadaardige-bijeenkomst/index.html", "actueel/kwaadaardig-bericht/index.html",
                 "bijeenkomsten/index.html", "actueel/index.html")


def test_escaping_alone_the_hostile_pages_exist_and_show_the_text(hostile_build):
    for page in HOSTILE_PAGES:
        assert (hostile_build / page).is_file(), page
    html = (hostile_build / "deelnemers" / "kwaadaardig" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in html  # shown as text, not dropped and not run


def test_escaping_alone_no_markup_reaches_a_page(hostile_build):
    found = {}
    for page in sorted(hostile_build.rglob("*.html")):
        scan = Scan()
        scan.feed(page.read_text(encoding="utf-8"))
        if scan.found:
            found[page.relative_to(hostile_build).as_posix()] = scan.found[:5]
        for block in scan.ld_json:
            json.loads(block)  # JSON-LD cannot be broken out of: still one valid JSON value
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)


def test_escaping_alone_json_holds_the_text_as_data(hostile_build):
    for name in ("deelnemers.json", "bijeenkomsten.json"):
        raw = (hostile_build / "data" / name).read_text(encoding="utf-8")
        assert "<" not in raw and ">" not in raw  # written as \\u003c, safe to embed anywhere
        json.loads(raw)
    data = json.loads((hostile_build / "data" / "deelnemers.json").read_text(encoding="utf-8"))
    org = next(o for o in data["deelnemers"] if o["id"] == "kwaadaardig")
    assert org["naam"] == "Zorg " + TEXT  # exactly the text: escaping is not mangling


def test_escaping_alone_feeds_hold_the_text_as_text(hostile_build):
    for feed_file in sorted((hostile_build / "feeds").rglob("*.xml")):
        tree = ElementTree.parse(feed_file)
        for element in tree.iter():
            assert element.tag.startswith("{http://www.w3.org/2005/Atom}"), (feed_file, element.tag)
        parsed = feedparser.parse(feed_file.read_bytes())
        assert not parsed.bozo, (feed_file, parsed.bozo_exception)
    feed = feedparser.parse((hostile_build / "feeds" / "nieuwe-deelnemers.xml").read_bytes())
    entry = next(e for e in feed.entries if e.link.endswith("/deelnemers/kwaadaardig/"))
    assert entry.title == "Zorg " + TEXT


def test_escaping_alone_calendars_hold_one_event_each(hostile_build):
    ical_dir = hostile_build / "ical"
    if not ical_dir.is_dir():
        pytest.skip("no calendar feeds in this build")
    for ics in sorted(ical_dir.rglob("*.ics")):
        text = ics.read_text(encoding="utf-8")
        unfolded = re.sub(r"\r\n[ \t]", "", text)
        assert not re.search(r"^X-INJECTED", unfolded, re.MULTILINE), ics
    one = (ical_dir / "bijeenkomst" / "kwaadaardige-bijeenkomst.ics").read_text(encoding="utf-8")
    assert re.sub(r"\r\n[ \t]", "", one).count("BEGIN:VEVENT") == 1


# --- the trust boundary on its own, its output rendered again by the site's Markdown -----------

def _site_markdown() -> markdown.Markdown:
    return site_markdown(PROJECT / "docs" / "_fragmenten")


WRAPPERS = ["{p}", "`{p}`", "`x\n{p}`", "`\n\n{p}\n\n`", "```\n{p}\n````", "~~~\n{p}\n~~~~", "    ```\n{p}\n    ```",
            "> ```\n{p}\n> ```", "- item\n```\n{p}\n```", "> q\n```\n{p}\n```", "```\n```\n{p}\n```",
            "``` x y\n{p}\n```", "# Titel {p}", "| a |\n|---|\n| {p} |", "!!! note\n    {p}", "- a\n    - {p}",
            "*[X]: {p}\n\nX", "1. {p}", "```python\n{p}\n```\n```", "<div markdown>\n{p}\n</div>", "\\{p}"]


@pytest.mark.parametrize("wrapper", WRAPPERS)
def test_escaped_bodies_render_without_markup(wrapper):
    """Every payload in every context: through the trust boundary (as the templates emit a
    body), the site's Markdown makes no markup of it, and outside real code blocks the
    validator reports it."""
    md = _site_markdown()
    for payload in PAYLOADS[:-1]:
        source = wrapper.replace("{p}", payload)
        html = md.reset().convert(str(emit_body(source)))
        scan = Scan()
        scan.feed(html)
        assert not scan.found, (source, html)
        assert "<img" not in html and "<svg" not in html, (source, html)
        if "<code>" not in html and "<pre" not in html and "--8<--" not in payload:
            assert body_problems(source), source
