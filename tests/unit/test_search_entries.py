"""The search entries the generator makes of its pages (scripts/assembly/search_entries.py) are the
entries Material's own search plugin makes of the same pages, entry for entry: every generated
page of the real content, tricky HTML one case at a time, and any mix of blocks and Markdown."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import AGENDA, BUILD_DATE, PROJECT, content_with
from hypothesis import given, settings
from hypothesis import strategies as st
from material.plugins.search.plugin import SearchIndex
from trustscan import site_markdown

from scripts.assembly.finished_html import put_back, set_apart
from scripts.assembly.generate import render_site
from scripts.assembly.links import FRAGMENTS
from scripts.assembly.search_entries import SearchEntries
from scripts.render.context import Settings

MD = site_markdown(PROJECT / "docs" / "_fragmenten")


def materials(html: str, url: str, title: str, meta: dict) -> list[dict]:
    """What Material's plugin adds to the index for a page with this content (`page.toc` only
    decides whether an anchor is looked up or written as is: the same location either way)."""
    index = SearchIndex()
    index.add_entry_from_context(SimpleNamespace(content=html, toc=[], url=url, title=title, meta=meta))
    return index.entries


def both(markdown: str, url: str = "x/", title: str = "Titel", meta: dict | None = None,
         maker: SearchEntries | None = None) -> tuple[list[dict], list[dict]]:
    """(Material's entries, the generator's) for a page converted as the hook converts it."""
    meta = meta if meta is not None else {"title": title}
    text, blocks = set_apart(markdown)
    converted = MD.reset().convert(text)
    maker = maker or SearchEntries()
    return materials(put_back(converted, blocks), url, title, meta), maker.page(converted, blocks, url, title, meta)


@pytest.fixture(scope="module")
def generated_pages() -> dict[str, tuple[dict, str]]:
    """Every page the hook hands to MkDocs for the real content plus meetings of every kind:
    front matter and Markdown."""
    with tempfile.TemporaryDirectory() as folder:
        content = content_with(Path(folder) / "content", AGENDA)
        settings_ = Settings(build_date=date.fromisoformat(BUILD_DATE), site_url="https://www.radicalevernieuwing.nl/")
        problems, out = render_site(content, settings_)
    assert out is not None, problems.report()
    pages = {}
    for path, data in out.files.items():
        if path.endswith(".md") and not path.startswith(FRAGMENTS):
            pages[path] = (out.meta[path], data.decode("utf-8"))
    return pages


def test_every_generated_page_gets_materials_entries(generated_pages):
    maker = SearchEntries()  # one for all pages, as in a build: blocks shared between pages
    entries = 0
    for path, (meta, body) in generated_pages.items():
        url = path.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/"
        theirs, ours = both(body, url, str(meta.get("title", "")), meta, maker)
        assert ours == theirs, path
        entries += len(ours)
    assert entries > len(generated_pages)  # sections, not only pages
    assert maker.parsed == []  # no generated page needed html.parser


@pytest.mark.parametrize("markdown", [
    "# Kop\n\n<div>\n<p></p>\n<p>a</p>\n</div>\n",  # an empty kept element
    "# Kop\n\n<p>a</p>\n\n## Twee\n\n<div>\n<p> </p>\n</div>\n",  # emptied after an earlier <p>
    "# Kop\n\n### Eerder\n\n<article>\n<h3><a href='/a/'>Kaart</a></h3>\n<p>tekst</p>\n</article>\n",
    "# Kop\n\n<div data-search-exclude>\n<p>weg</p>\n<div><p>ook weg</p></div>\n<p>toch</p>\n</div>\n",
    "# Kop\n\n<div>\n<h2 id='binnen'>Binnen</h2>\n<p>a</p>\n</div>\n\n<p>b</p>\n",  # a section inside a block
    "# Kop\n\n<div>\n<h2 id='stil' data-search-exclude>Stil</h2>\n</div>\n\n<p>na</p>\n",
    "# Kop\n\n<pre>\n  a\n\n  b\n</pre>\n\n<div>\n\n</div>\n",
    "# Kop\n\n<div>\n<script>if (a < b) {}</script>\n<style>p>b{}</style>\n<p>c</p>\n</div>\n",
    "# Kop\n\n<p>&amp; &lt;x&gt; &#39;a&#39; &quot;b&quot; caf&eacute;</p>\n",
    "# Kop\n\n<p TITLE=\"a &amp; b\" Data-Search-Exclude>weg</p>\n\n<P>Hoofdletters</P>\n",
    "# Kop\n\n<div>\n<p>a <b</p>\n</div>\n",  # a '<' that starts no tag: html.parser decides
    "Geen kop\n\n## Eerste { #eerste }\n\n<p>a</p>\n",  # no h1: a section without a title first
    "# Kop\n\n<div><sub>1</sub><sup>2</sup><code>x</code></div>\n\n  \n<ul>\n<li>a</li>\n<li> </li>\n</ul>\n",
    "# Kop\n\n<table class=\"linenodiv\"><tr><td>1</td></tr></table>\n\n<p>na</p>\n",
])
def test_tricky_html_gets_materials_entries(markdown):
    theirs, ours = both(markdown)
    assert ours == theirs


def test_front_matter_excludes_tags_and_boosts_as_materials():
    page = "# Kop\n\n<p>a</p>\n"
    for meta in ({"title": "T", "search": {"exclude": True}}, {"title": "T", "tags": ["Nieuws", "", 3, None]},
                 {"title": "T", "search": {"boost": 2}}, {}):
        theirs, ours = both(page, meta=meta)
        assert ours == theirs


def test_unusual_html_goes_through_html_parser():
    maker = SearchEntries()
    theirs, ours = both("# Kop\n\n<div>\n<p>a <b</p>\n</div>\n", url="vreemd/", maker=maker)
    assert ours == theirs and maker.parsed == ["vreemd/"]


BLOCKS = st.sampled_from([
    "<div>\n<p>a</p>\n</div>", "<p></p>", "<p> </p>", "<ul>\n<li>b</li>\n<li></li>\n</ul>",
    "<article>\n<h3><a href='/k/'>Kaart</a></h3>\n<p>c &amp; d</p>\n</article>",
    "<div data-search-exclude>\n<p>e</p>\n</div>", "<h2 id='f'>F</h2>", "<div>\n<h3 id='g'>G</h3>\n<p>h</p>\n</div>",
    "<pre>\n i\n\n j\n</pre>", "<div><script>k < l</script><p>m</p></div>", "<p>n <b</p>",
    "## Kop", "### Eerder", "## Twee { #twee }", "Tekst met *nadruk*", "- punt", "<hr>", "<!-- o -->",
    "<details>\n<summary>p</summary>\n<p>q</p>\n</details>", "<p>\n \n</p>", "<h3>Geen id</h3>",
])


@settings(max_examples=400, deadline=None)
@given(st.booleans(), st.lists(BLOCKS, max_size=12))
def test_any_mix_of_blocks_gets_materials_entries(heading, blocks):
    page = ("# Kop\n\n" if heading else "") + "\n\n".join(blocks) + "\n"
    theirs, ours = both(page)
    assert ours == theirs
