"""Issue 2: the real content builds into a whole site, deterministically, from a generator that
does not depend on MkDocs."""

from __future__ import annotations

import ast
import hashlib
from pathlib import Path

from conftest import PROJECT, build, copy_project, run_check

KINDS = ("bewegingen", "themas", "deelnemers", "bijeenkomsten", "actueel")


def content_items(content: Path) -> dict[str, list[str]]:
    return {kind: sorted(p.stem for p in (content / kind).rglob("*.md")
                         if not any(part.startswith("_") for part in p.relative_to(content).parts))
            for kind in KINDS}


def test_real_content_is_valid():
    result = run_check(PROJECT / "content")
    assert result.returncode == 0, result.stdout
    assert "geen problemen" in result.stdout


def test_real_content_has_the_promised_size():
    items = content_items(PROJECT / "content")
    assert len(items["bewegingen"]) == 4
    assert len(items["themas"]) >= 10
    assert len(items["bijeenkomsten"]) >= 20
    assert len(items["actueel"]) >= 5
    assert len(items["deelnemers"]) >= 40


def test_every_content_file_has_a_page(built_site):
    items = content_items(PROJECT / "content")
    for kind, slugs in items.items():
        for slug in slugs:
            page = built_site / kind / slug / "index.html"
            assert page.is_file(), f"geen pagina voor content/{kind}/{slug}.md"
    # and no item pages that have no content file
    for kind, slugs in items.items():
        pages = {p.parent.name for p in (built_site / kind).glob("*/index.html")}
        pages -= {"archief", "pagina", "oud"}  # lists: the archive, later pages, former participants
        assert pages == set(slugs), kind


def test_pages_are_dutch_and_private(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in html
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "googleapis" not in text and "gstatic" not in text, page


def test_search_is_dutch(built_site):
    config = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"lang":["nl"]' in config.replace(" ", "")


def test_navigation_lists_sections_not_items(built_site):
    """Output must grow linearly: a page does not carry a list of every item in its nav."""
    items = content_items(PROJECT / "content")
    for page in ("index.html", "actueel/index.html", "bijeenkomsten/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        before, rest = html.split('<div class="md-content"', 1)
        nav = before + rest.rsplit("</article>", 1)[1]  # everything but the page's own content
        assert "deelnemers/" in nav, page  # the sections are there…
        for kind in ("bijeenkomsten", "actueel", "deelnemers"):
            assert not any(f"{kind}/{slug}/" in nav for slug in items[kind]), (page, kind)  # …the items not


def _digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path):
    first = _digest(build(copy_project(tmp_path / "a")))
    second = _digest(build(copy_project(tmp_path / "b")))
    assert first.keys() == second.keys()
    different = [path for path in first if first[path] != second[path]]
    assert different == []


def test_sitemap_is_dated_by_the_build_date(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2026-11-23</lastmod>" in sitemap


def test_build_date_changes_upcoming_not_history(site_for):
    early = site_for(build_date="2023-01-01")
    agenda = (early / "bijeenkomsten" / "index.html").read_text(encoding="utf-8")
    assert "Aan de slag met alternatieven jeugdzorg" in agenda  # 2023 meetings still upcoming


def test_generator_never_imports_mkdocs():
    for file in (PROJECT / "scripts").rglob("*.py"):
        tree = ast.parse(file.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(n == "mkdocs" or n.startswith("mkdocs.") or n.startswith("material")
                           for n in names), f"{file} importeert {names}"


def test_generated_files_are_not_committed():
    ignored = (PROJECT / ".gitignore").read_text(encoding="utf-8")
    for folder in ("site", "docs/actueel", "docs/bijeenkomsten", "docs/deelnemers", "docs/themas"):
        assert f"/{folder}/" in ignored
