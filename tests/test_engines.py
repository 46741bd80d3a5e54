"""Issue 13 point 5: the site builds with both engines, MkDocs + Material (the hook hands the
generated pages over in memory) and Zensical (no hooks: `python -m scripts generate` writes
them under docs/ first), and both publish the same site.

Compared: the same set of pages and files, apart from each engine's own assets (its
JavaScript and CSS bundles, search index, sitemap); the generated files that are not pages
(calendars, feeds, open data, logos) byte for byte; every internal link and image of every page
resolves in both.
"""

from __future__ import annotations

import os
import posixpath
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import BUILD_DATE, build, copy_project

SITE_URL = "https://www.radicalevernieuwing.nl/"
ZENSICAL = Path(sys.executable).with_name("zensical")
# Files each engine brings itself, named differently per engine or only in one of them.
ENGINE_OWN = ("assets/javascripts/bundle.", "assets/javascripts/workers/", "assets/javascripts/lunr/",
              "assets/javascripts/LICENSE", "assets/stylesheets/main.", "assets/stylesheets/palette.",
              "assets/stylesheets/classic/", "assets/stylesheets/modern/", "assets/images/",
              "search/", "search.json", "sitemap.xml")


def build_zensical(project: Path) -> Path:
    env = dict(os.environ, BUILD_DATE=BUILD_DATE)
    env.pop("SOURCE_DATE_EPOCH", None)
    for command in ([sys.executable, "-m", "scripts", "generate"],
                    [str(ZENSICAL), "build", "--clean", "--strict"]):
        result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600, check=False)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Traceback" not in result.stdout + result.stderr
    return project / "site"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.links += [v for k, v in attrs if k in ("href", "src") and v]


def broken_links(site: Path) -> list[tuple[str, str]]:
    """(page, link) for every link to this site that names no published file."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        where = page.relative_to(site).as_posix()
        for link in parser.links:
            parts = urlsplit(link[len(SITE_URL) - 1:] if link.startswith(SITE_URL) else link)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            path = parts.path if parts.path.startswith("/") else "/" + posixpath.join(
                posixpath.dirname(where), parts.path)
            target = site / posixpath.normpath(unquote(path)).lstrip("/")
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.append((where, link))
    return broken


def published(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()
            and not p.relative_to(site).as_posix().startswith(ENGINE_OWN)}


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    root = tmp_path_factory.mktemp("engines")
    mkdocs_site = build(copy_project(root / "mkdocs"))
    zensical_site = build_zensical(copy_project(root / "zensical"))
    return mkdocs_site, zensical_site


@pytest.mark.slow
def test_both_engines_publish_the_same_pages_and_files(sites):
    mkdocs_site, zensical_site = sites
    assert published(mkdocs_site) == published(zensical_site)
    assert len([p for p in published(mkdocs_site) if p.endswith(".html")]) > 100
    # The hook stays the hook: no engine publishes it.
    assert not (zensical_site / "hooks").exists() and not (mkdocs_site / "hooks").exists()


@pytest.mark.slow
def test_feeds_calendars_and_data_are_the_same_bytes(sites):
    mkdocs_site, zensical_site = sites
    files = [p for p in published(mkdocs_site) if not p.endswith(".html")]
    assert any(p.endswith(".ics") for p in files) and any(p.endswith(".xml") for p in files)
    assert [p for p in files if (mkdocs_site / p).read_bytes() != (zensical_site / p).read_bytes()] == []


@pytest.mark.slow
def test_every_internal_link_resolves_in_both(sites):
    for site in sites:
        assert broken_links(site) == [], site
        # (A link left pointing at Markdown source, `x.md`, names no published file: broken.)


def test_the_link_check_finds_a_broken_link(tmp_path):
    """The crawl above can fail: a page with a link to a missing page is reported."""
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text('<a href="../b/">b</a><a href="/a/">a</a>'
                                           '<a href="https://elders.nl/">x</a>', encoding="utf-8")
    assert broken_links(site) == [("a/index.html", "../b/")]
    shutil.rmtree(site)
