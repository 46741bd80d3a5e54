"""Generated pages that are only headings between finished HTML blocks, made into HTML here.

Once its finished HTML blocks are set apart (scripts/assembly/finished_html.py), most generated
pages (every organisation, meeting and article) are headings and tokens, nothing else. For
those, Python-Markdown with its extensions is a costly way to write a few `<h2>`s: about a
quarter of a large build went into it. This module writes them as Python-Markdown with
`attr_list` and `toc` (the settings of mkdocs.yml) would: the same id (toc's own `slugify` and
`unique`, explicit `{ #id }` kept), the same permalink, the same lines between the parts, and the
same table-of-contents tokens. MkDocs then converts an empty page (lighter_markdown.py) and the
hook puts this HTML, the table of contents and the anchors in its place.

Only what is sure to come out the same is converted here; any other page goes to Python-Markdown
as before (`convert` returns None):
- every run of non-blank lines is one line: a token of a set-apart block, or a heading;
- a heading is `#`…`######`, one space, text and at most a trailing attribute list of `#id`,
  `name` and `name="value"` (plain values), as the generator's templates write them;
- the text is plain apart from what the generator escapes (scripts/render/environment.py,
  `markdown_text`): a backslash before a character Python-Markdown unescapes, and `&amp;`,
  `&lt;`, `&gt;`, `&quot;` and `&#N;`, which it passes on as they are; no other character that
  its inline patterns, attr_list, toc or tables read; nothing unprintable, no space at either end;
- mkdocs.yml's extensions are ones known to leave such a page alone (`Settings.of`).
tests/unit/test_headings_only.py holds it to Python-Markdown for every generated page of the
real content and for random headings written as the generator writes them;
tests/test_search_index.py the whole site to the plain engine's (RV_PLAIN_ENGINE=1, where every
page goes through Python-Markdown).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from typing import Any

from markdown.extensions.toc import nest_toc_tokens, slugify, strip_tags, unique

# Extensions that do nothing to a page of headings and tokens (superfences, fenced_code: no fence;
# snippets: no snippet line; tables: no `|`) or whose work this module does (attr_list:
# `{ #id }`; toc: ids, permalinks). MkDocs itself adds toc, tables and fenced_code.
_KNOWN = {"attr_list", "toc", "tables", "fenced_code", "pymdownx.superfences", "pymdownx.snippets"}
_TOC_SETTINGS = {"permalink", "permalink_title"}  # toc's other settings keep their defaults
_HEADING = re.compile(r"(#{1,6}) (.+?)(?: \{ ([^{}]+) \})?")
# Outside escapes and character references: nothing that inline patterns, attr_list, toc or
# tables read.
_READ = re.compile(r"[\\`*_\[\]<>&{}#|]")
_ESCAPE_OR_REFERENCE = re.compile(r"\\(.)|(&(?:amp|lt|gt|quot|#[0-9]+);)")
_ATTRIBUTE = re.compile(r'#([a-z0-9][a-z0-9-]*)|([a-z][a-z0-9-]*)(?:="([^"&<>\s]*)")?')
_BACKSLASH = re.compile(r"\\(.)")
_ESCAPED = re.compile(r"[&<>\n]")
# The characters Python-Markdown unescapes after a backslash (markdown.Markdown.ESCAPED_CHARS;
# the tables extension adds '|'), less '>', which it would write as `&gt;`.
_UNESCAPED = frozenset("\\`*_{}[]()#+-.!")


@dataclass(frozen=True)
class Settings:
    """The permalink that toc adds to each heading (from mkdocs.yml), and the characters that
    Python-Markdown unescapes after a backslash with the extensions of mkdocs.yml."""
    permalink: str
    permalink_title: str
    unescaped: frozenset[str]

    @staticmethod
    def of(extensions: list[Any], configs: dict[str, Any]) -> Settings | None:
        """The settings, or None when mkdocs.yml asks for anything this module does not make."""
        names = {e for e in extensions if isinstance(e, str)}
        toc = configs.get("toc") or {}
        if (len(names) != len(extensions) or not names <= _KNOWN or "toc" not in names
                or "attr_list" not in names or not set(toc) <= _TOC_SETTINGS):
            return None
        permalink, title = toc.get("permalink"), toc.get("permalink_title", "")
        if not isinstance(permalink, str) or not isinstance(title, str) or not permalink or not title:
            return None  # permalink True (¶ as an entity) or none at all: left to toc
        if _ESCAPED.search(permalink) or _ESCAPED.search(title) or '"' in title:
            return None  # written as they are: nothing the serialiser would escape
        return Settings(permalink, title, _UNESCAPED | {"|"} if "tables" in names else _UNESCAPED)


@dataclass(frozen=True)
class Converted:
    html: str  # with the set-apart blocks' tokens still in, as Python-Markdown leaves them
    toc_tokens: list[dict[str, Any]]  # as toc's `md.toc_tokens`
    anchors: set[str]  # the ids on the page, as MkDocs collects them for its link checks


def convert(markdown: str, tokens: dict[str, str], settings: Settings) -> Converted | None:
    """The page's HTML, or None when it is not only headings and the `tokens` (the set-apart
    blocks' tokens: a line that only looks like one is not)."""
    parts: list[str | _Heading] = []
    previous_blank = True
    for line in markdown.split("\n"):
        if not line.strip(" \t"):
            previous_blank = True
            continue
        if not previous_blank:
            return None  # a run of more than one line
        previous_blank = False
        part = line if line in tokens else _heading(line, settings)
        if part is None:
            return None
        parts.append(part)
    # toc keeps the ids given with `{ #id }` and makes the others unique against all of them.
    used = {part.given for part in parts if isinstance(part, _Heading) and part.given is not None}
    counters: dict[str, int] = {}
    html: list[str] = []
    toc: list[dict[str, Any]] = []
    for part in parts:
        if isinstance(part, str):
            html.append(f"{part}\n\n")  # a raw block: Python-Markdown leaves a blank line after it
            continue
        name = strip_tags(part.html)
        anchor = part.given
        if anchor is None:
            anchor = unique(slugify(unescape(name), "-"), used, counters)
        attributes = "".join(f' {key}="{value}"' if value is not None else f" {key}"
                             for key, value in sorted({**part.attributes, "id": anchor}.items()))
        html.append(f'<h{part.level}{attributes}>{part.html}<a class="headerlink" href="#{anchor}" '
                    f'title="{settings.permalink_title}">{settings.permalink}</a></h{part.level}>\n')
        toc.append({"level": part.level, "id": anchor, "name": name, "html": part.html, "data-toc-label": ""})
    anchors = {t["id"] for t in toc}  # (before nest_toc_tokens, which empties the list)
    return Converted("".join(html).strip(), nest_toc_tokens(toc), anchors)


@dataclass(frozen=True)
class _Heading:
    level: int
    html: str  # the text as Python-Markdown writes it
    given: str | None  # an id given with `{ #id }`
    attributes: dict[str, str | None]  # the others (None: a name without a value)


def _heading(line: str, settings: Settings) -> _Heading | None:
    match = _HEADING.fullmatch(line)
    if match is None:
        return None
    hashes, text, attribute_list = match.groups()
    html = _text(text, settings)
    attributes = _attributes(attribute_list, settings) if attribute_list else (None, {})
    if html is None or attributes is None:
        return None
    return _Heading(len(hashes), html, *attributes)


def _text(text: str, settings: Settings) -> str | None:
    """The heading's text as Python-Markdown writes it: escapes undone, references kept."""
    if not text.isprintable() or text != text.strip():
        return None
    html, position = [], 0
    for found in _ESCAPE_OR_REFERENCE.finditer(text):
        html.append(text[position:found.start()])
        escaped, reference = found.groups()
        if escaped is not None and escaped not in settings.unescaped:
            return None
        html.append(escaped or reference)
        position = found.end()
    html.append(text[position:])
    if any(_READ.search(plain) for plain in html[::2]):  # the text between escapes and references
        return None
    return "".join(html)


def _attributes(attribute_list: str, settings: Settings) -> tuple[str | None, dict[str, str | None]] | None:
    """The id given with `#id`, and the other attributes of `{ … }`."""
    given, attributes = None, {}
    for word in attribute_list.split(" "):
        found = _ATTRIBUTE.fullmatch(word)
        if found is None:
            return None
        anchor, key, value = found.groups()
        if anchor is not None:
            if given is not None:
                return None
            given = anchor
            continue
        if key in attributes or key == "id" or value == key:
            return None
        # in a value, too, Python-Markdown unescapes what the generator escaped
        if value is not None and any(c not in settings.unescaped for c in _BACKSLASH.findall(value)):
            return None
        attributes[key] = value if value is None else _BACKSLASH.sub(r"\1", value)
    return given, attributes
