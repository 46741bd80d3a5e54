"""Issue 23: the search entries of the generated pages come from the generator, not from
Material's plugin parsing every page again, and Material's navigation and tabs are made once
per folder of pages; the site and its search stay the same.

The real site is built twice: as `make build` builds it, and with RV_PLAIN_ENGINE=1, where
Material's plugin indexes every page and Material makes every page's navigation, as before.
Every file, the search index included, is the same; and a fixed set of Dutch queries, asked of Material's own search
worker (lunr with its Dutch support, and the site's zoeken.js), gets the same results in the
same order from both. The bench asks the same queries at 10× (scripts/tools/search_queries.py)."""

from __future__ import annotations

import json
import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import build, build_once, content_with, copy_project, run_mkdocs

from scripts.tools.search_queries import QUERIES, differences, results


@pytest.fixture(scope="module")
def sites(shared_dir) -> tuple[Path, Path, str]:
    """The real content built as `make build` does (with MkDocs' debug log) and with the
    engine doing all its own work (RV_PLAIN_ENGINE=1): (our site, the plain one, our log)."""
    def make(folder: Path) -> Path:
        content = content_with(folder / "content")
        ours = copy_project(folder / "ours", content=content)
        result = run_mkdocs(ours, "build", "--clean", "--strict", "--verbose")
        assert result.returncode == 0, result.stdout + result.stderr
        (folder / "ours.log").write_text(result.stdout + result.stderr, encoding="utf-8")
        os.environ["RV_PLAIN_ENGINE"] = "1"  # run_mkdocs passes the environment on
        try:
            build(copy_project(folder / "material", content=content))
        finally:
            del os.environ["RV_PLAIN_ENGINE"]
        return folder
    folder = build_once(shared_dir, "plain-engine-sites", make)
    return folder / "ours" / "site", folder / "material" / "site", (folder / "ours.log").read_text(encoding="utf-8")


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_the_site_and_its_index_are_the_same_as_the_plain_engines(sites):
    ours, theirs = files_of(sites[0]), files_of(sites[1])
    assert len(ours) > 400 and sorted(ours) == sorted(theirs)
    assert [path for path in ours if ours[path] != theirs[path]] == []
    index = json.loads(ours["search/search_index.json"])
    assert index["config"]["lang"] == ["nl"] and index["config"]["pipeline"] == ["stopWordFilter"]
    locations = [doc["location"] for doc in index["docs"]]
    # the generated pages are in it, with their sections, and the hand-written ones too
    assert "deelnemers/topaz/" in locations and "meedoen/" in locations
    assert any(location.startswith("bewegingen/zorg/#") for location in locations)


def test_the_generator_made_the_entries_of_its_pages(sites):
    """Whose entries they are (the same either way, so the index cannot tell): the build log
    counts the generated pages the generator indexed; none needed html.parser."""
    found = re.search(r"Zoekindex: (\d+) pagina's van de generator \((\d+) via html.parser", sites[2])
    assert found, sites[2][-2000:]
    assert int(found[1]) > 200 and found[2] == "0"


def test_the_navigation_was_made_once_per_folder(sites):
    """Most pages took their navigation and tabs from an earlier page in a sibling folder."""
    found = re.search(r"Navigatie en tabs: (\d+) keer gevraagd, (\d+) keer hergebruikt", sites[2])
    assert found, sites[2][-2000:]
    asked, reused = int(found[1]), int(found[2])
    assert asked > 400 and reused > 0.8 * asked


def test_generated_pages_were_converted_without_the_extensions_they_do_not_use(sites):
    """Most pages went through Python-Markdown without superfences and snippets (rv_hook/
    lighter_markdown.py), and the site is the same as the plain engine's (the first test)."""
    found = re.search(r"Markdown zonder superfences en snippets: (\d+) pagina's", sites[2])
    assert found, sites[2][-2000:]
    assert int(found[1]) > 10


def test_pages_of_only_headings_were_made_without_python_markdown(sites):
    """The pages of organisations, meetings and articles: headings between finished blocks, made
    into HTML by the hook (rv_hook/headings_only.py), and the site is the same as the plain
    engine's (the first test), tables of contents and permalinks included."""
    found = re.search(r"Koppen zonder Python-Markdown: (\d+) pagina's", sites[2])
    assert found, sites[2][-2000:]
    assert int(found[1]) > 200


@pytest.mark.browser
def test_dutch_queries_find_the_same_in_the_same_order(sites):
    # In a thread of its own: Playwright's sync API refuses to start where another module of this
    # worker keeps a sync browser open (its event loop is then running in the main thread).
    with ThreadPoolExecutor(1) as thread:
        ours, theirs = thread.submit(results, sites[0]).result(), thread.submit(results, sites[1]).result()
    assert differences(theirs, ours) == []
    assert ours == theirs
    # the queries find something, and what Dutch search promises holds
    assert all(ours[query] for query in QUERIES if query != "xylofoonconcert")
    assert ours["xylofoonconcert"] == []
    assert ours["cliëntenraad"] == ours["clientenraad"] and ours["bijeenkomst"] == ours["bijeenkomsten"]
    assert ours["Topaz"][0][0][0] == "deelnemers/topaz/"
