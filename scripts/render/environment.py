"""The Jinja2 environment that renders generated Markdown.

Every `{{ value }}` is escaped for Markdown and HTML unless it is marked safe (Markup), so a
contributed title like `[x](javascript:…)` or `<script>` is shown as text, never run.
"""

from __future__ import annotations

import html
from html import unescape
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from scripts.render import dutch, monogram
from scripts.content.safety import is_safe_url
from scripts.render.contributed import as_raw_block, render_markdown
from scripts.render.template_cache import template_cache

TEMPLATES = Path(__file__).parent / "templates"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|-])")
_LEADING_QUESTION = re.compile(r"^ ?\?")
_LEADING_NUMBER = re.compile(r"^( ?\d+)([.)])")


def markdown_text(value: object) -> Markup:
    """Plain text made safe inside Markdown: HTML-escaped, Markdown syntax escaped, one line."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    return _markdown_text(str(value))


@lru_cache(maxsize=1 << 16)
def _markdown_text(value: str) -> Markup:
    # Cached: the same names, titles and dates are written on many pages (a pure function of
    # its text, so the cache changes no output).
    text = re.sub(r"\s+", " ", value)
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
    # A value can begin a line: there '???' opens a details block and '1.' a numbered list.
    # Python-Markdown has no backslash escape for '?', so it becomes its character reference.
    escaped = _LEADING_QUESTION.sub("&#63;", escaped, count=1)
    return Markup(_LEADING_NUMBER.sub(r"\1\\\2", escaped, count=1))


def html_text(value: object) -> Markup:
    """Text for raw HTML blocks and attributes (Markdown does not unescape there)."""
    return Markup(html.escape(" ".join(str(value).split()), quote=True))


_INLINE_SPECIAL = re.compile(r"[\\`*_{}\[\]|]")


def html_inline(value: object) -> Markup:
    """Text for HTML that may also stand inside a Markdown paragraph (the shared macros' links).

    Python-Markdown reads the text between inline tags (`<a>*x*</a>` becomes emphasis), so on
    top of html_text the characters of Markdown's inline syntax become character references:
    a browser shows them the same, Markdown leaves them alone."""
    return Markup(_INLINE_SPECIAL.sub(lambda m: f"&#{ord(m.group())};", html_text(value)))


def safe_url(value: object) -> Markup:
    """A URL for a Markdown link or an HTML attribute: characters that end it are encoded.

    Another scheme than http(s), mailto or webcal (javascript:, data:) becomes a harmless
    anchor: the validator refuses those; this is the second line of defence."""
    text = str(value) if is_safe_url(str(value), also=("webcal", "tel")) else "#geblokkeerd"
    return Markup(html.escape(quote(text, safe=":/?#@!$&'*+,;=%~.-_"), quote=True)
                  .replace("(", "%28").replace(")", "%29"))


_HEADING = re.compile(r'^<h([2-6]) id="[^"]*">(.*?)</h\1>', re.DOTALL | re.MULTILINE)
_CONTAINERS = ("blockquote", "ul", "ol", "table", "dl", "pre")


def _top_level(html_before: str) -> bool:
    """No quote, list, table or code block is open at the end of this (sanitised) HTML."""
    return all(len(re.findall(rf"<{tag}\b", html_before)) == html_before.count(f"</{tag}>")
               for tag in _CONTAINERS)


def body(value: object) -> Markup:
    """A contributed Markdown body: through the trust boundary (scripts/render/contributed.py),
    emitted as raw HTML blocks that the engine passes through without reading them again.

    Headings are the exception: they are written as Markdown headings of plain, escaped text
    between the blocks, so that the page's table of contents and permalinks include them."""
    html = render_markdown(str(value or ""))
    parts, pos = [], 0
    for match in _HEADING.finditer(html):
        if not _top_level(html[pos:match.start()]):
            continue  # inside a quote, list or table: stays in its block
        parts.append(as_raw_block(html[pos:match.start()]))
        text = unescape(re.sub(r"<[^>]*>", "", match.group(2)))
        parts.append("#" * int(match.group(1)) + " " + markdown_text(text))
        pos = match.end()
    parts.append(as_raw_block(html[pos:]))
    return Markup("\n\n".join(part for part in parts if part))


def page_link(kind: str, slug: str = "") -> Markup:
    """A link to a generated page, resolved and checked by the engine (relative to docs/)."""
    path = f"/{kind}/{slug}.md" if slug else f"/{kind}/index.md"
    return Markup(path)


@lru_cache(maxsize=1)
def make_environment() -> Environment:
    """One environment per process: it holds no state of a build, and compiling the templates
    again for every build (every `make check`, every preview rebuild) cost most of a build."""
    return _new_environment()


def _new_environment() -> Environment:
    # autoescape makes macros return Markup; finalize escapes every other value for Markdown.
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                      finalize=markdown_text, undefined=StrictUndefined,
                      keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.bytecode_cache = template_cache(env)
    env.filters.update({
        "h": html_text, "hm": html_inline, "url": safe_url, "body": body, "md": markdown_text,
        "dag": dutch.day, "weekdag": dutch.weekday_day, "maand": dutch.month_year,
        "wanneer": dutch.meeting_when, "monogram": monogram.badge,
    })
    env.globals["page"] = page_link
    return env
