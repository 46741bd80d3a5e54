"""No page asks anything of a third party: no fonts, scripts, styles, images or analytics from
elsewhere. Links to other sites are fine; loading from them is not.

Two checks: Chromium loads one page of every kind (scrolled to the end, search opened) and every
request must go to the local server; and every built HTML file is read for resources
(src, srcset, stylesheet/icon/preload links, inline CSS url()) that point off-site.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from pagekinds import PATTERNS, REQUIRED, page_kinds

# Schemes that never leave the browser.
LOCAL_SCHEMES = ("data:", "blob:", "about:")


@pytest.fixture(scope="module")
def kinds(built_site) -> dict[str, str]:
    return page_kinds(built_site)


@pytest.mark.browser
@pytest.mark.parametrize("kind", PATTERNS)
def test_page_loads_nothing_from_elsewhere(browser, site_url, kinds, kind):
    if kind not in kinds:
        if kind in REQUIRED:
            pytest.fail(f"no page of kind {kind!r} in the built site")
        pytest.skip(f"the site has no page of kind {kind!r} (yet)")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    requests: list[str] = []
    # On the context, not the page: requests of the search worker count too.
    context.on("request", lambda request: requests.append(request.url))
    try:
        page = context.new_page()
        page.goto(site_url + kinds[kind], wait_until="load")
        # Lazy images and the search index load late: scroll down and open the search.
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.keyboard.press("/")
        page.keyboard.type("zorg")
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert requests, "the browser recorded no request at all"
    elsewhere = [url for url in requests
                 if not url.startswith(site_url + "/") and not url.startswith(LOCAL_SCHEMES)]
    assert not elsewhere, f"{kinds[kind]} asked other servers for: {elsewhere}"


class _Resources(HTMLParser):
    """Collects every URL an HTML page makes the browser fetch by itself."""

    LOADING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "prefetch",
                    "preconnect", "dns-prefetch", "modulepreload", "manifest"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "style":
            self._in_style = True
        for name in ("src", "poster", "data"):
            if a.get(name) and tag != "a":
                self.urls.append(a[name])
        if a.get("srcset"):
            self.urls += [part.split()[0] for part in a["srcset"].split(",") if part.strip()]
        if tag == "link" and a.get("href"):
            rels = set((a.get("rel") or "").lower().split())
            if rels & self.LOADING_RELS:
                self.urls.append(a["href"])
        if a.get("style"):
            self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", a["style"])

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", data)


def off_site(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme not in ("", "data", "blob")


def test_no_built_page_or_stylesheet_points_off_site(built_site: Path):
    problems = []
    for path in sorted(built_site.rglob("*.html")):
        parser = _Resources()
        parser.feed(path.read_text(encoding="utf-8"))
        problems += [f"{path.relative_to(built_site)}: {url}" for url in parser.urls if off_site(url)]
    for path in sorted(built_site.rglob("*.css")):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", path.read_text(encoding="utf-8")):
            if off_site(url):
                problems.append(f"{path.relative_to(built_site)}: {url}")
        for url in re.findall(r"@import\s+['\"]([^'\"]+)", path.read_text(encoding="utf-8")):
            if off_site(url):
                problems.append(f"{path.relative_to(built_site)}: @import {url}")
    assert not problems, "resources loaded from other sites:\n" + "\n".join(problems)
