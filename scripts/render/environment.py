"""The Jinja2 environment that renders generated Markdown.

Every `{{ value }}` is escaped for Markdown and HTML unless it is marked safe (Markup), so a
contributed title like `[x](javascript:…)` or `<script>` is shown as text, never run.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from scripts.render import dutch
from scripts.content.safety import escape_html_outside_code, is_safe_url

TEMPLATES = Path(__file__).parent / "templates"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|-])")


def markdown_text(value) -> Markup:
    """Plain text made safe inside Markdown: HTML-escaped, Markdown syntax escaped, one line."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    text = re.sub(r"\s+", " ", str(value))
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False)))


def html_text(value) -> Markup:
    """Text for raw HTML blocks and attributes (Markdown does not unescape there)."""
    return Markup(html.escape(" ".join(str(value).split()), quote=True))


def safe_url(value) -> Markup:
    """A URL for a Markdown link or an HTML attribute: characters that end it are encoded.

    Another scheme than http(s), mailto or webcal (javascript:, data:) becomes a harmless
    anchor: the validator refuses those; this is the second line of defence."""
    text = str(value) if is_safe_url(str(value), also=("webcal", "tel")) else "#geblokkeerd"
    return Markup(html.escape(quote(text, safe=":/?#@!$&'*+,;=%~.-_"), quote=True)
                  .replace("(", "%28").replace(")", "%29"))


def body(value) -> Markup:
    return Markup(escape_html_outside_code(value or ""))


def page_link(kind: str, slug: str = "") -> Markup:
    """A link to a generated page, resolved and checked by the engine (relative to docs/)."""
    path = f"/{kind}/{slug}.md" if slug else f"/{kind}/index.md"
    return Markup(path)


def make_environment() -> Environment:
    # autoescape makes macros return Markup; finalize escapes every other value for Markdown.
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                      finalize=markdown_text, undefined=StrictUndefined,
                      keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.filters.update({
        "h": html_text, "url": safe_url, "body": body, "md": markdown_text,
        "dag": dutch.day, "weekdag": dutch.weekday_day, "maand": dutch.month_year,
        "wanneer": dutch.meeting_when,
    })
    env.globals["page"] = page_link
    return env
