"""The finished HTML blocks of a generated page are set apart before Python-Markdown and put
back after (scripts/assembly/finished_html.py, used by the MkDocs hook): the page must come out
byte for byte as Python-Markdown makes it of the whole page."""

from __future__ import annotations


import pytest
from conftest import PROJECT
from depth import examples
from hypothesis import given, settings
from hypothesis import strategies as st
from trustscan import site_markdown

from scripts.assembly.finished_html import put_back, set_apart

MD = site_markdown(PROJECT / "docs" / "_fragmenten")


def whole(text: str) -> str:
    return MD.reset().convert(text)


def apart(text: str) -> str:
    markdown, blocks = set_apart(text)
    return put_back(MD.reset().convert(markdown), blocks)


def body(page: bytes) -> str:
    text = page.decode("utf-8")
    return text.split("\n---\n", 1)[1] if text.startswith("---\n") else text


def test_every_generated_page_comes_out_as_python_markdown_makes_it(generated_pages):
    assert len(generated_pages) > 200
    set_apart_blocks = 0
    for path, text in generated_pages.items():
        assert apart(text) == whole(text), path
        set_apart_blocks += len(set_apart(text)[1])
    # The point of it: most of the generated HTML does not go through the parser again.
    assert set_apart_blocks > 3 * len(generated_pages)


def test_hand_written_pages_come_out_the_same_too():
    for page in (PROJECT / "docs").glob("*.md"):
        text = body(page.read_bytes())
        assert apart(text) == whole(text), page.name


@pytest.mark.parametrize("text", [
    "<div>\n<p>a</p>\n</div>",  # a whole element
    '<p class="x">a</p>\n<ul>\n<li><a href="/x/">b</a></li>\n</ul>',  # a row of them
    '<div title="a > b"><p>c</p></div>',  # '>' inside a quoted attribute
    "<hr>\n<div><br><img src=x.png alt=''></div>",  # void elements
    "<div>a</div>\n<!-- a comment -->",  # a comment between elements
])
def test_whole_elements_are_set_apart(text):
    page = f"# Kop\n\n{text}\n\nTekst.\n"
    markdown, blocks = set_apart(page)
    assert list(blocks.values()) == [text]
    assert apart(page) == whole(page)


@pytest.mark.parametrize("text", [
    "<div>",  # left open: Python-Markdown reads on past the blank line
    "<div>a</div>\nTekst na het blok",  # text after the element in the same run
    "<div>a</div> en meer <b>x</b>",  # text between elements
    "<a href='/x/'>inline</a>",  # not a block-level tag: a paragraph
    "Tekst\n<div>a</div>",  # the run starts with text
    "    <div>a</div>",  # indented: a code block
    "```\n<div>a</div>\n```",  # inside a fence
    "</div>",  # a stray end tag
    "<div>a</div>\n<a href='/x/'>b</a>",  # an inline element after the block: a paragraph
    "<!-- a comment -->\n<div>a</div>",  # a comment first: not a tag at the start of the run
])
def test_what_python_markdown_reads_otherwise_is_left_to_it(text):
    page = f"# Kop\n\n{text}\n\nTekst.\n"
    assert set_apart(page)[1] == {}
    assert apart(page) == whole(page)


def test_after_html_left_to_python_markdown_nothing_more_is_set_apart():
    """Python-Markdown's HTML parser may read on from a tag it was left (here `<div` without
    its '>' takes the next block in as an attribute): the rest of the page is left to it."""
    for page in ("<div\n\n<div>a</div>\n", "```html\n<p>a</p>\n\n<div>b</div>\n```\n\n<div>c</div>\n"):
        assert set_apart(page)[1] == {}
        assert apart(page) == whole(page)
    page = "```yaml\nnaam: x\n\nplaats: y\n```\n\n<div>c</div>\n"  # a fence without HTML
    assert list(set_apart(page)[1].values()) == ["<div>c</div>"]
    assert apart(page) == whole(page)


def test_a_token_written_on_the_page_is_not_replaced():
    """The token carries a digest of the page's own Markdown: a page cannot name its own."""
    markdown, blocks = set_apart("<div>a</div>\n")
    token = next(iter(blocks))
    page = f"Zie {token.replace('<', '&lt;')}\n\n<p>{token}</p>\n\n<div>b</div>\n"
    assert token not in set_apart(page)[1]
    assert "<div>a</div>" not in apart(page)
    assert apart(page) == whole(page)


# Lines of generated pages and malformed ones. (A longer run of this, 20,000 examples with
# <pre>, <details>, tables, script, lazy and setext lines too, found the rules in _whole_elements.)
LINES = st.sampled_from([
    "<div>a</div>", '<div class="rv">', "</div>", "<p>b <em>c</em></p>", "<ul>", "<li>d</li>", "</ul>",
    "<hr>", "<!-- e -->", "Tekst met *nadruk*", "## Kop", "- punt", "    ingesprongen", "```", "~~~",
    "<a href='/x/'>f</a>", "&lt;div&gt;", "> citaat", '<section title="g > h">', "</section>", "", "  ",
    "<div>a</div><div>b</div>", "<div>a</div> ", "<div", "</pre>", "<table><tr><td>x</td></tr></table>",
    "<p>a <b</p>", "<p>x <!- y</p>", "<div>a</div><!-- z -->",
])


@settings(max_examples=examples(500), deadline=None)
@given(st.lists(LINES, max_size=16))
def test_any_mix_of_blocks_and_markdown_comes_out_the_same(lines):
    page = "\n".join(lines) + "\n"
    assert apart(page) == whole(page)
