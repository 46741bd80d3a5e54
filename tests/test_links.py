"""A crawl of the built site: every internal link and resource resolves to a file, and every
#anchor exists on the page it points to.

External links (http/https to other hosts), mailto:, webcal: and tel: are not followed; a link
with any other scheme (javascript:, vbscript:, data: in a link) is reported as broken, and one
test asserts that no such URL exists anywhere on the site. Links to
the site's own address (site_url in mkdocs.yml: canonical links, and sources in articles that
point at the movement's old site on the same address) are checked too, separately: once this
site is published there, they are internal links.
"""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import yaml

from conftest import PROJECT

SKIP_SCHEMES = {"mailto", "webcal", "tel"}  # not followed, but allowed
ALLOWED_SCHEMES = {"", "http", "https"} | SKIP_SCHEMES
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "xlink:href", "background",
                  "cite", "longdesc", "ping", "manifest", "codebase", "srcdoc"}


def scheme_of(url: str) -> str:
    """The scheme a browser sees (WHATWG URL parsing): leading and trailing C0 controls and
    spaces stripped, tabs and newlines removed; '' for a relative URL."""
    plain = url.strip("".join(chr(c) for c in range(0x21)))
    plain = plain.replace("\t", "").replace("\n", "").replace("\r", "")
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", plain)
    return match.group(1).lower() if match else ""


class _Page(HTMLParser):
    """The links, resources and ids of one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []  # (tag.attribute, url)
        self.ids: set[str] = set()
        self.urls: list[tuple[str, str]] = []  # every URL attribute, for the scheme test

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name in ("id",):
            if a.get(name):
                self.ids.add(a[name])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        for name, value in attrs:
            if name in URL_ATTRIBUTES and value is not None:
                self.urls.append((f"{tag}.{name}", value))
        if tag in ("a", "link", "area") and a.get("href") is not None:
            self.links.append((f"{tag}.href", a["href"]))
        if tag in ("img", "script", "source", "iframe", "audio", "video", "track", "embed", "input") \
                and a.get("src"):
            self.links.append((f"{tag}.src", a["src"]))
        if a.get("srcset"):
            for part in a["srcset"].split(","):
                if part.strip():
                    self.links.append((f"{tag}.srcset", part.split()[0]))


@functools.lru_cache(maxsize=None)
def parse(path: Path) -> _Page:
    parser = _Page()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def site_origin() -> str:
    with open(PROJECT / "mkdocs.yml", encoding="utf-8") as file:
        # mkdocs.yml has !!python/name tags in some projects; this one is plain YAML.
        url = yaml.safe_load(file)["site_url"]
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def page_url(site: Path, path: Path) -> str:
    """The URL a file is served at, on a made-up local origin."""
    return "http://site.invalid/" + path.relative_to(site).as_posix()


def target_file(site: Path, url_path: str) -> Path | None:
    """The file a server of site/ would answer with for this path, or None."""
    rel = unquote(url_path).lstrip("/")
    candidate = site / rel
    if rel == "" or rel.endswith("/"):
        candidate = candidate / "index.html"
    elif candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def broken_links(site: Path, origin: str | None = None) -> list[str]:
    """Relative and root-relative links; with `origin`, only absolute links to that address."""
    problems = []
    for path in sorted(site.rglob("*.html")):
        base = page_url(site, path)
        for where, raw in parse(path).links:
            link = raw.strip()
            if not link:
                if origin is None:
                    problems.append(f"{path.relative_to(site)}: empty {where}")
                continue
            own = link.startswith(origin + "/") or link == origin if origin else False
            if origin and not own:
                continue
            if own:
                link = "/" + link[len(origin):].lstrip("/")
            parts = urlsplit(link)
            if scheme_of(link) not in ALLOWED_SCHEMES:
                problems.append(f"{path.relative_to(site)}: {where} {raw!r} → scheme not allowed")
                continue
            if parts.scheme in SKIP_SCHEMES:
                continue
            if parts.netloc:  # another site
                continue
            resolved = urlsplit(urljoin(base, link))
            target = target_file(site, resolved.path)
            if target is None:
                problems.append(f"{path.relative_to(site)}: {where} {raw!r} → no file")
                continue
            fragment = unquote(resolved.fragment)
            if fragment and target.suffix == ".html" and fragment not in parse(target).ids:
                problems.append(f"{path.relative_to(site)}: {where} {raw!r} → no id {fragment!r} "
                                f"in {target.relative_to(site)}")
    return problems


def test_every_internal_link_and_anchor_resolves(built_site):
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 50, "the crawl found hardly any pages"
    problems = broken_links(built_site)
    assert not problems, f"{len(problems)} broken internal link(s):\n" + "\n".join(problems[:100])


def test_links_to_the_sites_own_address_resolve(built_site):
    """Absolute links to site_url: after publishing, a missing page there is a dead link."""
    problems = broken_links(built_site, origin=site_origin())
    assert not problems, (f"{len(problems)} link(s) to {site_origin()} point at pages this site "
                          "does not have:\n" + "\n".join(problems[:100]))


def test_no_url_on_the_site_has_a_scheme_outside_the_allow_list(built_site):
    """Site-wide: no javascript:, vbscript: or data: link or resource in any page (issue 10)."""
    found = []
    for path in sorted(built_site.rglob("*.html")):
        for where, url in parse(path).urls:
            if scheme_of(url) not in ALLOWED_SCHEMES:
                found.append(f"{path.relative_to(built_site)}: {where}={url[:80]!r}")
    assert not found, "\n".join(found[:50])


def test_the_crawl_notices_a_broken_link_and_anchor(tmp_path):
    """The checker itself: a made-up site with one good and two bad links."""
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<p id="top"><a href="a/">ok</a> <a href="#top">ok</a> <a href="a/#nope">bad anchor</a>'
        ' <a href="missing/">bad</a> <a href="https://example.org/x">external</a>'
        ' <a href="mailto:x@example.org">mail</a> <a href="webcal://example.org/x.ics">cal</a>'
        ' <a href="java\tscript:alert(1)">script</a></p>',
        encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text(
        '<h1 id="a">A</h1><img src="../logo.png" alt=""><a href="../index.html#top">ok</a>',
        encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"png")
    parse.cache_clear()
    problems = broken_links(tmp_path)
    own = broken_links(tmp_path, origin="https://example.org")
    parse.cache_clear()
    assert len(problems) == 3, problems
    assert any("nope" in p for p in problems) and any("missing/" in p for p in problems)
    assert any("scheme not allowed" in p for p in problems)
    assert len(own) == 1 and "example.org/x" in own[0], own
