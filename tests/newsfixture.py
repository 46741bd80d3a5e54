"""News fixture: the real content plus generated articles, enough to fill several list pages.

The articles are generated into a copy of content/ (not kept as files) so that the fixture
follows the real themes, movements and organisations. Helpers read the built HTML the way a
visitor's browser would: following links, not guessing file names.
"""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml

from conftest import PROJECT

GENERATED = 45  # > 2 × 20: the news index gets three pages
# The validator refuses HTML tags; everything else that means something in Markdown, HTML or
# XML must still come out as the same text.
HOSTILE_TITLE = 'Zorg & "zeggenschap" [klik](javascript:alert(1)) *vet* 1 < 2 > 0 `x`'


def minimal_pdf(text: str) -> bytes:
    """A small valid PDF (one page, one line of text) with a correct cross-reference table."""
    content = f"BT /F1 24 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def _article(title: str, day: str, summary: str, themes: list[str], body: str, **more) -> str:
    fields = {"titel": title, "datum": day, "samenvatting": summary, "themas": themes, **more}
    # JSON values are valid YAML: quoting stays right whatever the text holds.
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n" + body + "\n"


def make_news_content(target: Path) -> Path:
    """A copy of content/ with GENERATED extra articles, a PDF download and a hostile title."""
    shutil.copytree(PROJECT / "content", target)
    folder = target / "actueel" / "test"
    folder.mkdir()
    theme_sets = [["actieteams"], ["jeugd", "zorgonderwijs"], ["werkbezoeken"], ["bekostiging"]]
    for i in range(GENERATED):
        themes = list(theme_sets[i % len(theme_sets)])
        if i % 2 == 0:
            themes.append("zeggenschap")  # > 20 articles: the theme page gets a second page
        more = {"trefwoorden": ["testreeks", f"groep {i % 3}"]}
        if i % 3 == 0:
            more["bewegingen"] = ["jeugdzorg"]
        (folder / f"testbericht-{i:02d}.md").write_text(_article(
            f"Testbericht {i:02d} over zorg dichtbij", f"2024-{1 + i // 28:02d}-{1 + i % 28:02d}",
            f"Samenvatting van testbericht {i:02d}.", themes,
            f"Tekst van testbericht {i:02d}. Het woord wijkverpleegkundigen staat alleen in "
            f"testberichten.", **more), encoding="utf-8")
    downloads = target / "actueel" / "downloads"
    downloads.mkdir(exist_ok=True)
    (downloads / "test-brief.pdf").write_bytes(minimal_pdf("Brief aan de Tweede Kamer"))
    (folder / "brief-met-bijlage.md").write_text(_article(
        "Brief met bijlage", "2024-03-01", "Een bericht met een brief als pdf, bronnen en organisaties.",
        ["landelijk-beleid", "clientenraden"],
        "De brief staat hieronder. De Kamerleden kregen hem per post.",
        trefwoorden=["Tweede Kamer", "brief"], bewegingen=["zorg", "langdurige-ggz"],
        organisaties=["loc", "topaz"],
        bronnen=[{"titel": "Tweede Kamer", "url": "https://www.tweedekamer.nl/"}],
        downloads=[{"titel": "De brief (pdf)", "bestand": "downloads/test-brief.pdf"},
                   {"titel": "Een brief elders", "url": "https://example.org/brief.pdf"}]),
        encoding="utf-8")
    (folder / "vijandige-titel.md").write_text(_article(
        HOSTILE_TITLE, "2024-03-02", 'Samenvatting met _nadruk_ & "aanhalingstekens" & 1 < 2.',
        ["zeggenschap"], "Gewone tekst.", trefwoorden=["a < b & c", "testreeks"]), encoding="utf-8")
    return target


# --- reading content ------------------------------------------------------------------------

def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1]) or {}


def content_articles(content: Path) -> dict[str, dict]:
    """slug → front matter of every article (files in folders starting with '_' are skipped)."""
    return {p.stem: front_matter(p) for p in sorted((content / "actueel").rglob("*.md"))
            if not any(part.startswith("_") for part in p.relative_to(content).parts)}


def theme_ancestors(content: Path) -> dict[str, list[str]]:
    """theme slug → the theme and all its parents."""
    parents = {p.stem: front_matter(p).get("ouder") for p in (content / "themas").glob("*.md")}
    result = {}
    for slug in parents:
        chain, current = [], slug
        while current and current not in chain:
            chain.append(current)
            current = parents.get(current)
        result[slug] = chain
    return result


# --- reading the built site -----------------------------------------------------------------

class _Links(HTMLParser):
    """Collects <a> elements (href, rel, text) and the article items of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[dict] = []
        self.items: list[str] = []  # first link of each news item, in page order
        self._in_item = 0
        self._item_has_link = False
        self._current: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article" and "rv-item--artikel" in (attrs.get("class") or ""):
            self._in_item += 1
            self._item_has_link = False
        if tag == "a":
            self._current = {"href": attrs.get("href", ""), "rel": attrs.get("rel", ""), "text": ""}
            if self._in_item and not self._item_has_link:
                self.items.append(attrs.get("href", ""))
                self._item_has_link = True

    def handle_data(self, data):
        if self._current is not None:
            self._current["text"] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._current is not None:
            self.links.append(self._current)
            self._current = None
        if tag == "article" and self._in_item:
            self._in_item -= 1


def url_of(site: Path, file: Path) -> str:
    rel = file.relative_to(site).as_posix()
    return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def file_of(site: Path, url: str) -> Path:
    path = urlsplit(url).path
    return site / (path.lstrip("/") + "index.html" if path.endswith("/") else path.lstrip("/"))


def parse(site: Path, url: str) -> _Links:
    parser = _Links()
    parser.feed(file_of(site, url).read_text(encoding="utf-8"))
    return parser


def article_slugs_on(site: Path, url: str) -> list[str]:
    """The news items listed on one page, as article slugs, in order."""
    found = []
    for href in parse(site, url).items:
        path = urlsplit(urljoin(url, href)).path
        match = re.fullmatch(r"/actueel/([^/]+)/", path)
        assert match, f"{url}: een bericht linkt naar {path}"
        found.append(match.group(1))
    return found


def pages_of(site: Path, url: str) -> list[str]:
    """A list page and the pages after it, found by following rel="next" links."""
    pages = [url]
    while True:
        nexts = [link for link in parse(site, pages[-1]).links if link["rel"] == "next"]
        if not nexts:
            return pages
        following = urlsplit(urljoin(pages[-1], nexts[0]["href"])).path
        assert following not in pages, f"de paginering loopt rond: {pages + [following]}"
        assert file_of(site, following).is_file(), f"{pages[-1]}: volgende pagina {following} ontbreekt"
        pages.append(following)


def listed_articles(site: Path, url: str) -> list[str]:
    """Every news item of a paginated list, in order, over all its pages."""
    return [slug for page in pages_of(site, url) for slug in article_slugs_on(site, page)]


def links_from(site: Path, url: str, prefix: str) -> set[str]:
    """Paths of the links on a page that start with `prefix` (resolved like a browser does)."""
    paths = {urlsplit(urljoin(url, link["href"])).path for link in parse(site, url).links}
    return {p for p in paths if p.startswith(prefix)}
