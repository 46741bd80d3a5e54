"""Unit tests of scripts.render.environment: a contributed value in a generated page is text,
never markup. Checked by rendering the escaped Markdown with Python-Markdown and the extensions of
mkdocs.yml that change how inline text reads (attribute lists, tables, abbreviations, …)."""

from __future__ import annotations

import html

import markdown
import pytest
from markupsafe import Markup

from scripts.render.environment import html_text, make_environment, markdown_text, safe_url

EXTENSIONS = ["abbr", "admonition", "attr_list", "md_in_html", "tables", "pymdownx.superfences",
              "pymdownx.details"]
HOSTILE = [
    "<script>alert(1)</script>",
    "[klik](javascript:alert(1))",
    "![x](https://elders.example/pixel.png)",
    "**vet** _schuin_ `code`",
    "# Kop",
    "- lijst",
    "a | b | c",
    "{: onclick=alert(1) }",
    "tekst {: #id .klasse onclick=alert(1) }",
    "*[HTML]: Hyper Text",
    "!!! danger",
    "> citaat",
    "<https://elders.example>",
    "https://elders.example/?a=<b>",
    "<img src=x onerror=alert(1)>",
    "&lt;script&gt; &amp; &#106;avascript",
]
# A value written at the start of a line in a template ({{ article.summary }}) that begins like
# this would change the page's structure: a details block, a numbered list.
GAPS = ['??? note "titel"', "1. eerste", "12. twaalf"]


def rendered_text(markdown_source: str) -> str:
    """The visible text of what Python-Markdown makes of the source (tags dropped, entities read)."""
    out = markdown.markdown(markdown_source, extensions=EXTENSIONS)
    assert out.startswith("<p>") and out.endswith("</p>"), out
    inner = out[3:-4]
    assert "<" not in inner, out  # no element at all: all of it is text
    return html.unescape(inner)


@pytest.mark.parametrize("value", HOSTILE + GAPS)
def test_markdown_text_shows_exactly_the_value(value):
    assert rendered_text(markdown_text(value)) == value


def test_markdown_text_is_one_line_and_keeps_markup_and_none():
    assert markdown_text("een\ntwee\r\n\tdrie") == "een twee drie"
    assert markdown_text(None) == ""
    trusted = Markup("<b>al veilig</b>")
    assert markdown_text(trusted) is trusted


@pytest.mark.parametrize("value", HOSTILE + ['??? note "titel"', "1. eerste", '" onmouseover="alert(1)', "' autofocus '"])
def test_html_text_is_safe_in_an_attribute(value):
    attribute = f'<a title="{html_text(value)}">x</a>'
    assert attribute.count('"') == 2 and "<" not in html_text(value)
    assert html.unescape(str(html_text(value))) == " ".join(value.split())


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
                                 "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>",
                                 "vbscript:msgbox(1)"])
def test_safe_url_never_lets_another_scheme_through(url):
    out = str(safe_url(url)).lower()
    assert "script" not in out and "data:" not in out


@pytest.mark.parametrize("url", ["https://www.radicalevernieuwing.nl/actueel/", "mailto:info@example.org",
                                 "webcal://www.radicalevernieuwing.nl/ical/alle.ics", "#agenda"])
def test_safe_url_keeps_the_site_s_own_kinds_of_link(url):
    assert str(safe_url(url)) == url


def test_safe_url_encodes_what_would_end_a_link_or_attribute():
    out = str(safe_url('https://example.org/a b(c)"d<e>'))
    assert not any(c in out for c in ' ()"<>')


@pytest.mark.parametrize("value", HOSTILE + GAPS)
def test_every_template_value_is_escaped_unless_marked_safe(value):
    env = make_environment()
    assert rendered_text(env.from_string("{{ titel }}").render(titel=value)) == value
    assert env.from_string("{{ titel }}").render(titel=Markup("<b>x</b>")) == "<b>x</b>"
