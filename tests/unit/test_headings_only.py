"""Generated pages that are only headings between set-apart blocks are made into HTML by the hook
(overrides/hooks/rv_hook/headings_only.py), not by Python-Markdown: the HTML, the table of
contents and the anchors must be what Python-Markdown, with MkDocs' extensions and the settings
of mkdocs.yml, makes of the same Markdown. The whole site is held to the plain engine's in
tests/test_search_index.py; these hold the converter to Python-Markdown page by page."""

from __future__ import annotations

import re
import sys

import markdown
import pytest
from conftest import PROJECT
from depth import examples
from hypothesis import given, settings
from hypothesis import strategies as st
from trustscan import markdown_settings

from scripts.assembly.finished_html import set_apart
from scripts.render.environment import markdown_text

# The hook's parts are found as MkDocs finds them: its folder on sys.path (rv_hook/__init__.py).
sys.path.insert(0, str(PROJECT / "overrides" / "hooks"))
from rv_hook import headings_only  # noqa: E402


def engine_extensions() -> tuple[list[str], dict]:
    """The extensions MkDocs gives Python-Markdown: its own three first, then mkdocs.yml's."""
    own = ("toc", "tables", "fenced_code")
    names, configs = markdown_settings(PROJECT / "docs" / "_fragmenten")
    return [*own, *(name for name in names if name not in own)], configs


NAMES, CONFIGS = engine_extensions()
MD = markdown.Markdown(extensions=NAMES, extension_configs=CONFIGS)
SETTINGS = headings_only.Settings.of(NAMES, CONFIGS)
_IDS = re.compile(r'<h[1-6][^>]* id="([^"]*)"')


def same_as_python_markdown(page: str, blocks: dict[str, str]) -> bool:
    """Whether the converter took the page (set apart) on; if it did, it must match."""
    assert SETTINGS is not None
    converted = headings_only.convert(page, blocks, SETTINGS)
    if converted is None:
        return False
    expected = MD.reset().convert(page)
    assert converted.html == expected
    assert converted.toc_tokens == MD.toc_tokens
    assert converted.anchors == set(_IDS.findall(expected))
    return True


def test_mkdocs_yml_asks_for_nothing_the_converter_does_not_make():
    assert SETTINGS is not None
    assert SETTINGS.permalink == "#" and "|" in SETTINGS.unescaped


def test_every_generated_page_it_takes_comes_out_as_python_markdown_makes_it(generated_pages):
    taken = [path for path, text in generated_pages.items() if same_as_python_markdown(*set_apart(text))]
    # The point of it: the pages of organisations, meetings and articles, most of the site.
    assert len(taken) > 0.8 * len(generated_pages)
    assert any(path.startswith("deelnemers/") for path in taken)
    assert any(path.startswith("bijeenkomsten/") for path in taken)
    assert any(path.startswith("actueel/") for path in taken)


@pytest.mark.parametrize("heading", [
    "## Bronnen { data-search-exclude }",
    '## Oud-deelnemers (4) { data-rv-static="ja" }',
    "## Aanmelden { #aanmelden }",
    '## December 2026 { data-rv-kop="2026-12" data-rv-beweging="zorg" }',
    r"# Halfjaarlijkse ontmoeting \(najaar 2021\) \| Wat als… \- nu\!",
    "# Zorg &amp; welzijn &lt;samen&gt; &#63;",
    "## Agenda",  # twice on the page below: the second gets agenda_1
    "## 2026",
    r"## 1\. Eerst",
])
def test_headings_as_the_templates_write_them_are_taken(heading):
    page = f"# Agenda\n\n<!--rv-0123456789abcdef-0-->\n\n{heading}\n\n<!--rv-0123456789abcdef-1-->\n"
    blocks = {"<!--rv-0123456789abcdef-0-->": "<div>a</div>", "<!--rv-0123456789abcdef-1-->": "<p>b</p>"}
    assert same_as_python_markdown(page, blocks)


@pytest.mark.parametrize("page", [
    "# Kop\n\nTekst met een [link](x.md).\n",  # a paragraph
    "# Kop\nTekst\n",  # a second line in the run
    "## *Nadruk*\n", "## Een `code`\n", "## a_b\n", "## [x](y)\n", "## <b>x</b>\n", "## x & y\n",
    "## C#\n", "## Kop { .klasse }\n", "## Kop { #a #b }\n", "## Kop {#a}\n", "##Kop\n", "## Kop \n",
    "## a | b\n", r"## \&" "\n", "## Kop\u00a0\n", "    ## ingesprongen\n",
    "<!--rv-0123456789abcdef-9-->\n",  # looks like a token, but is not one of the page's
])
def test_anything_else_is_left_to_python_markdown(page):
    assert SETTINGS is not None
    assert headings_only.convert(page, {}, SETTINGS) is None
    assert not same_as_python_markdown(page, {})


def test_other_settings_of_mkdocs_yml_turn_it_off():
    assert headings_only.Settings.of([*NAMES, "abbr"], CONFIGS) is None
    assert headings_only.Settings.of(NAMES, {**CONFIGS, "toc": {**CONFIGS["toc"], "toc_depth": 2}}) is None
    assert headings_only.Settings.of(NAMES, {**CONFIGS, "toc": {"permalink": True}}) is None
    assert headings_only.Settings.of([n for n in NAMES if n != "attr_list"], CONFIGS) is None


# Heading texts as contributors might write them (characters Markdown reads included), through
# the generator's own escaping or not, with the attribute lists the templates use.
CHARACTERS = [*"aAé1 -_*`#|\\[](){}<>&!.?+:;'\"", "&amp;", "&lt;", "&gt;", "&quot;", "&#63;", "&#x3f;",
              "\u00a0", "…", "\t", "x y"]
TEXT = st.lists(st.sampled_from(CHARACTERS), max_size=12).map("".join)
ATTRIBUTES = st.sampled_from(["", " { #waar }", " { data-search-exclude }", ' { data-rv-kop="2026-12" x="y" }',
                              " { #agenda }", " { #a data-b }", "{ #x }", " {#x}", ' { a="a" }', " { .c }"])
HEADING = st.builds(lambda level, text, escape, attributes:
                    "#" * level + " " + (markdown_text(text) if escape else text) + attributes,
                    st.integers(1, 6), TEXT, st.booleans(), ATTRIBUTES)
TOKENS = [f"<!--rv-0123456789abcdef-{i}-->" for i in range(3)]
LINE = st.one_of(HEADING, st.sampled_from([*TOKENS, "", "Tekst", "## Agenda", "# Agenda"]))


@settings(max_examples=examples(800), deadline=None)
@given(st.lists(LINE, max_size=8))
def test_any_page_it_takes_comes_out_as_python_markdown_makes_it(lines):
    page = "\n\n".join(lines) + "\n"
    same_as_python_markdown(page, dict.fromkeys(TOKENS, "<div>x</div>"))
