"""The trust boundary: contributed Markdown becomes sanitised HTML here, and only here.

Regex checks on Markdown lose: they read the text differently from the renderer (link
definitions inside quotes and lists, fences inside quotes, snippets inside fences, U+2028).
So contributed text is rendered by one restricted Python-Markdown configuration that the project
owns (no raw HTML, no snippets, no attribute lists, no images), and the resulting HTML passes
nh3 (the Ammonia sanitiser) with an allow-list of tags, attributes and URL schemes. Whatever
the Markdown does, only what the allow-list names can reach a page.

The pages are rendered again by the engine (MkDocs). `as_raw_block` wraps the sanitised HTML
so that the engine passes it through untouched: a block-level element without a `markdown`
attribute is stashed by Python-Markdown as it is, and no line of it can start a snippet
include (`--8<--`), because the sanitiser writes every '<' of text as '&lt;'.
"""

from __future__ import annotations

import re
from functools import lru_cache

import markdown
import nh3

# What the site needs for an article, a meeting or an organisation's own text.
TAGS = frozenset({
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "code", "pre",
    "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td", "abbr",
    "del", "sup", "sub", "dl", "dt", "dd",
})
ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "ol": {"start"},
    "th": {"align"},
    "td": {"align"},
    "h2": {"id"}, "h3": {"id"}, "h4": {"id"}, "h5": {"id"}, "h6": {"id"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Content of these is dropped with the tag (not shown as text).
DROPPED_WITH_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "template",
                                  "noscript", "svg", "math", "textarea", "select", "title"})
ID_PREFIX = "tekst-"  # ids of headings in contributed text never clash with the site's own


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Finer rules than an allow-list can say: a mailto link without a query (a '?cc=' or
    '?bcc=' would secretly copy someone in), and no line breaks in any URL."""
    if attribute == "href":
        lowered = value.strip().lower()
        if any(char in value for char in "\r\n\t"):
            return None
        if lowered.startswith("mailto:") and ("?" in value or "%0a" in lowered or "%0d" in lowered):
            return None
    if attribute == "align" and value not in ("left", "right", "center"):
        return None
    return value


@lru_cache(maxsize=1)
def _markdown() -> markdown.Markdown:
    """Python-Markdown with the project's restricted set: no raw HTML, no images, no snippet
    includes, no attribute lists. Headings get ids so that their links still work."""
    md = markdown.Markdown(
        extensions=["tables", "fenced_code", "sane_lists", "toc"],
        extension_configs={"toc": {"permalink": False, "toc_depth": "2-6"}},
        output_format="html",
    )
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    for name in ("image_link", "image_reference", "short_image_ref"):
        if name in md.inlinePatterns:
            md.inlinePatterns.deregister(name)
    return md


def sanitise(html: str) -> str:
    """Any HTML → HTML that holds only the allowed tags, attributes and URL schemes."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        attribute_filter=_keep_attribute,
        url_schemes=set(URL_SCHEMES),
        strip_comments=True,
        link_rel="noopener noreferrer nofollow ugc",
    )


@lru_cache(maxsize=8192)
def render_markdown(text: str) -> str:
    """Contributed Markdown → sanitised HTML. The same text gives the same HTML, so each body
    is converted once per process (the preview, `mkdocs serve`, then converts only edits)."""
    md = _markdown()
    md.reset()
    # A body's '# Kop' becomes <h2>: the page's own title stays the only <h1>.
    html = md.convert(text or "")
    html = re.sub(r"<(/?)h1\b", r"<\1h2", html)
    html = re.sub(r'(<h[2-6] id=")', r"\1" + ID_PREFIX, html)
    return sanitise(html)


def as_raw_block(html: str, css_class: str = "rv-tekst") -> str:
    """Sanitised HTML as one raw HTML block that the engine's Markdown passes through.

    '8<-' can only survive in an attribute value (text has '&lt;'); there '&lt;' means the
    same, and no line can start a snippet include any more."""
    if not html.strip():
        return ""
    safe = html.replace("8<-", "8&lt;-").strip()
    return f'<div class="{css_class}">\n{safe}\n</div>'
