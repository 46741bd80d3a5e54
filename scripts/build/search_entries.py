"""The search entries of the generated pages, made from the finished HTML the generator wrote.

Material's search plugin indexes a page by feeding its whole rendered HTML to Python's
`html.parser` (in Python, a callback per tag) and splitting the text into sections at every
heading with an id. For a generated page that is mostly the generator's own finished blocks
(scripts/build/finished_html.py): the cards of a theme page at 10× are the same cards as on
every other page that lists them. Here each distinct block is read once per build by a small
tokenizer (`_events`, regular expressions over HTML we wrote ourselves) and its tags and text
are kept; a page's entries come from replaying those of its blocks, and of the little HTML
Python-Markdown made of the rest (headings with their ids, a button), through the same rules
as Material's parser (`_Sections`, ported from material/plugins/search/plugin.py, 9.8.1).

The result is Material's entry for entry (location, title, text, tags, boost):
tests/unit/test_search_entries.py holds every generated page of the real content to what
Material's own plugin makes of it. Anything the tokenizer does not read as we write HTML (a
'<' that starts no tag, a declaration) makes that page go through `html.parser` instead, with
the same rules, so an unusual page costs time, never a different entry.

This module does not know MkDocs; the hook (overrides/hooks/generate.py) hands it the page's
HTML before the blocks are put back, the blocks, the page's address, title and front matter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from html import escape, unescape
from html.parser import HTMLParser

# Material's parser: headings start sections; these tags are kept (as bare tags) in the text;
# the content of these is skipped; these never open an element.
_HEADINGS = frozenset(f"h{x}" for x in range(1, 7))
_KEEP = frozenset(("p", "code", "pre", "li", "ol", "ul", "sub", "sup"))
_SKIP = ("object", "script", "style")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())

# A tag as html.parser reads one (attribute values quoted or not), a comment, or other text.
_TOKEN = re.compile(
    r"""<!--(.*?)-->"""
    r"""|<(/?)([a-zA-Z][^\t\n\r\f />\x00]*)((?:[\s/]*(?:(?<=['"\s/])[^\s/>][^\s/=>]*)(?:\s*=+\s*"""
    r"""(?:'[^']*'|"[^"]*'|"[^"]*"|(?!['"])[^>\s]*))?(?:\s|/(?!>))*)*)?\s*(/?)>""",
    re.DOTALL)
_ATTR = re.compile(r"""((?<=['"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?(?:\s|/(?!>))*""")
_CDATA_END = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in ("script", "style")}
_BLOCK = re.compile(r"<!--rv-[0-9a-f]{16}-\d+-->")

START, END, DATA = 0, 1, 2
Event = tuple  # (START, tag, attrs) | (END, tag) | (DATA, text)


class Unusual(Exception):
    """HTML the tokenizer does not read the way html.parser would: use html.parser."""


def _events(html: str) -> list[Event]:
    """The events html.parser would report for `html` (convert_charrefs on), for the HTML we
    write: tags, comments and text with character references. Raises Unusual otherwise."""
    events: list[Event] = []
    append = events.append
    pos, n = 0, len(html)
    while pos < n:
        lt = html.find("<", pos)
        if lt < 0:
            lt = n
        if lt > pos:
            text = html[pos:lt]
            append((DATA, unescape(text) if "&" in text else text))
            if lt == n:
                break
        match = _TOKEN.match(html, lt)
        if match is None:
            raise Unusual(html[lt:lt + 40])
        pos = match.end()
        if match.group(1) is not None:
            if match.group(0).startswith("<!--rv-") and _BLOCK.fullmatch(match.group(0)):
                append((None, match.group(0)))  # a block's token: the caller puts the block here
            continue
        closing, tag, rest, self_closing = match.group(2, 3, 4, 5)
        tag = tag.lower()
        if closing:
            if rest and rest.strip():
                raise Unusual(match.group(0))
            append((END, tag))
            continue
        attrs: dict[str, str | None] = {}
        if rest:
            for name, assigned, value in _ATTR.findall(rest):
                if not assigned:
                    attrs[name.lower()] = None
                    continue
                if value[:1] in "'\"" and value[:1] == value[-1:]:
                    value = value[1:-1]
                attrs[name.lower()] = unescape(value) if "&" in value else value
        append((START, tag, attrs))
        if self_closing:
            append((END, tag))
        elif tag in _CDATA_END:
            end = _CDATA_END[tag].search(html, pos)
            if end is None:
                raise Unusual(tag)
            if end.start() > pos:
                append((DATA, html[pos:end.start()]))
            append((END, tag))
            pos = end.end()
    return events


class _Sections:
    """Material's search parser (material/plugins/search/plugin.py, `Parser`), its rules kept
    one for one, over events instead of a parse. Elements are compared by tag name there, so
    here they are tag names; `skip` holds the names whose content is left out."""

    def __init__(self) -> None:
        self.context: list[str] = []
        self.attrs: list[dict] = []
        self.skip: set[str] = set(_SKIP)
        self.section: list | None = None  # [tag, depth, id, title, text, excluded]
        self.data: list[list] = []

    def _new(self, tag: str, depth: float = 0, excluded: bool = False) -> list:
        return [tag, depth, None, [], [], excluded]

    def start(self, tag: str, attrs: Mapping[str, str | None]) -> None:
        if tag in _VOID:
            return
        self.context.append(tag)
        self.attrs.append(attrs)
        if tag in _HEADINGS:
            depth = len(self.context)
            if "id" in attrs:
                if tag != "h1" and not self.data:
                    self.section = self._new("hx", depth)
                    self.data.append(self.section)
                self.section = self._new(tag, depth, "data-search-exclude" in attrs)
                if self.data:
                    self.section[2] = attrs["id"]
                self.data.append(self.section)
        if self.section is None:
            self.section = self._new("hx")
            self.data.append(self.section)
        for key, value in attrs.items():
            if key == "data-search-exclude" or (key == "class" and value == "linenodiv"):
                self.skip.add(tag)
                return
        if tag in _KEEP and not self._skipping():
            section = self.section
            (section[3] if section[0] in self.context else section[4]).append(f"<{tag}>")

    def _skipping(self) -> bool:
        skip = self.skip
        return any(tag in skip for tag in self.context)

    def end(self, tag: str) -> None:
        context = self.context
        if not context or context[-1] != tag:
            return
        section = self.section
        assert section is not None
        if section[1] > len(context):
            for earlier in reversed(self.data):
                if earlier[1] <= len(context):
                    section[1] = float("inf")
                    self.section = section = earlier
                    break
        context.pop()
        self.attrs.pop()
        if tag in self.skip:
            if tag not in _SKIP:
                self.skip.remove(tag)
            return
        if tag in _KEEP and not self._skipping():
            data = section[3] if section[0] in context else section[4]
            index = data.index(f"<{tag}>")
            for i in range(index + 1, len(data)):
                if not data[i].isspace():
                    index = len(data)
                    break
            if len(data) > index:
                del data[index:]
            else:
                data.append(f"</{tag}>")

    def text(self, data: str) -> None:
        if self._skipping():
            return
        context = self.context
        if "pre" not in context:
            data = " " if data.isspace() else data.replace("\n", " ")
        if self.section is None:
            self.section = self._new("hx")
            self.data.append(self.section)
        section = self.section
        if section[0] in context:
            permalink = any(tag == "a" and attrs.get("class") == "headerlink"
                            for tag, attrs in zip(context, self.attrs, strict=True))
            if not permalink:
                section[3].append(escape(data, quote=False))
        elif data.isspace():
            text = section[4]
            if not text or not text[-1].isspace() or "pre" in context:
                text.append(data)
        else:
            section[4].append(escape(data, quote=False))

    def feed(self, events: Iterable[Event]) -> None:
        start, end, text = self.start, self.end, self.text
        for event in events:
            kind = event[0]
            if kind == DATA:
                text(event[1])
            elif kind == START:
                start(event[1], event[2])
            else:
                end(event[1])


class _Parsed(HTMLParser):
    """html.parser feeding the same rules, for a page the tokenizer does not read."""

    def __init__(self, sections: _Sections) -> None:
        super().__init__(convert_charrefs=True)
        self.sections = sections

    def handle_starttag(self, tag, attrs):
        self.sections.start(tag, dict(attrs))

    def handle_endtag(self, tag):
        self.sections.end(tag)

    def handle_data(self, data):
        self.sections.text(data)


class SearchEntries:
    """Entries of generated pages for one build; each distinct block is tokenized once."""

    def __init__(self, previous: SearchEntries | None = None) -> None:
        # Blocks of the previous build (the preview) are taken over when they come again.
        self._earlier = previous._blocks if previous is not None else {}
        self._blocks: dict[str, list[Event]] = {}
        self.parsed: list[str] = []  # the pages that went through html.parser (addresses)

    def _block(self, html: str) -> list[Event]:
        events = self._blocks.get(html)
        if events is None:
            events = self._earlier.get(html)
            if events is None:
                events = _events(html)
            self._blocks[html] = events
        return events

    def _page_events(self, html: str, blocks: Mapping[str, str]) -> Iterator[Event]:
        for event in _events(html):
            if event[0] is None:
                block = blocks.get(event[1])
                if block is None:
                    raise Unusual(event[1])
                yield from self._block(block)
            else:
                yield event

    def page(self, html: str, blocks: Mapping[str, str], url: str, title: str, meta: Mapping) -> list[dict]:
        """The entries of one page, as Material's plugin would make them from the page's
        finished HTML (`html` with each block's token put back). `meta` is the front matter."""
        search = meta.get("search") or {}
        if search.get("exclude"):
            return []
        sections = _Sections()
        try:
            sections.feed(list(self._page_events(html, blocks)))
        except Unusual:
            self.parsed.append(url)
            sections = _Sections()
            parser = _Parsed(sections)
            parser.feed(_BLOCK.sub(lambda match: blocks.get(match[0], match[0]), html))
            parser.close()
        return [self._entry(section, url, title, meta) for section in sections.data if not section[5]]

    @staticmethod
    def _entry(section: list, url: str, title: str, meta: Mapping) -> dict:
        # Material looks the id up in the table of contents; an item found there links to
        # "#" + its id, which is what it writes for an id not found there too.
        location = url + "#" + section[2] if section[2] else url
        titles = section[3] or [str(meta.get("title", title))]
        entry: dict = {"location": location, "title": "".join(titles).strip(),
                       "text": "".join(section[4]).strip()}
        tags = meta.get("tags")
        if isinstance(tags, list):
            entry["tags"] = [str(name) for name in tags if name and isinstance(name, (str, int, float, bool))]
        search = meta.get("search") or {}
        if "boost" in search:
            entry["boost"] = search["boost"]
        return entry
