"""The search entries of the generated pages, made from the finished HTML the generator wrote.

Material's search plugin indexes a page by feeding its whole rendered HTML to Python's
`html.parser` (in Python, a callback per tag) and splitting the text into sections at every
heading with an id. For a generated page that is mostly the generator's own finished blocks
(scripts/assembly/finished_html.py): the cards of a theme page at 10× are the same cards as on
every other page that lists them. Here each distinct block is read once per build by a small
tokenizer (`_events`, regular expressions over HTML we wrote ourselves), through the same rules
as Material's parser (`_Sections`, ported from material/plugins/search/plugin.py, 9.8.1), and
what it adds to the section it stands in is kept (`_Alone`: by block and the section's heading
tag, which those rules look at); every later page that has the block adds that at once. The
little HTML Python-Markdown made of the rest of a page (headings with their ids, a button),
and a block whose part depends on what came before it (a heading with an id inside, an empty
paragraph), go through the rules tag by tag.

The result is Material's entry for entry (location, title, text, tags, boost):
tests/unit/test_search_entries.py holds every generated page of the real content to what
Material's own plugin makes of it. Anything the tokenizer does not read as we write HTML (a
'<' that starts no tag, a declaration) makes that page go through `html.parser` instead, with
the same rules, so an unusual page costs time, never a different entry.

This module does not know MkDocs; the hook (overrides/hooks/rv_hook/search.py) hands it the page's
HTML before the blocks are put back, the blocks, the page's address, title and front matter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from html import escape, unescape
from html.parser import HTMLParser

# Material's parser: headings start sections; these tags are kept (as bare tags) in the text;
# the content of these is skipped; these never open an element.
_HEADINGS = frozenset(f"h{x}" for x in range(1, 7))
_KEEP = frozenset(("p", "code", "pre", "li", "ol", "ul", "sub", "sup"))
_SKIP = ("object", "script", "style")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())

# A start or end tag with its attributes (quoted values may hold '>'), or a comment: a subset of
# what html.parser reads, which it reads the same way. Anything else is `Unusual`.
_TAG = re.compile(r"""<(?:!--(.*?)--|(/?)([A-Za-z][A-Za-z0-9-]*)"""
                  r"""((?:\s+[^\s"'>/=<]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(/?))>""", re.DOTALL)
_ATTR = re.compile(r"""([^\s"'>/=<]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
_SPECIAL = re.compile(r"data-search-exclude|linenodiv", re.IGNORECASE)
_CDATA_END = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in ("script", "style")}
_BLOCK = re.compile(r"<!--rv-[0-9a-f]{16}-\d+-->")

START, END, DATA = 0, 1, 2
Event = tuple  # (START, tag, attributes as written) | (END, tag) | (DATA, text) | (None, a block's token)
Attrs = Mapping[str, "str | None"]


class Unusual(Exception):
    """HTML the tokenizer does not read the way html.parser would: use html.parser."""


def attributes(written: str | Attrs) -> Attrs:
    """A tag's attributes as html.parser reports them (names in lower case, values unquoted
    and with character references resolved, the last of a repeated name)."""
    if not isinstance(written, str):
        return written
    attrs: dict[str, str | None] = {}
    for name, value in _ATTR.findall(written):
        if not value:
            attrs[name.lower()] = None
            continue
        if value[:1] in "'\"":
            value = value[1:-1]
        attrs[name.lower()] = unescape(value) if "&" in value else value
    return attrs


def _events(html: str) -> list[Event]:
    """The events html.parser would report for `html` (convert_charrefs on), for the HTML we
    write: tags, comments and text with character references. Raises Unusual otherwise.
    Attributes are kept as written; `attributes` reads them when they matter."""
    events: list[Event] = []
    append = events.append
    pos = 0
    for match in _TAG.finditer(html):
        start = match.start()
        if start < pos:
            continue  # inside a script or style element, read below
        if start > pos:
            text = html[pos:start]
            if "<" in text:
                raise Unusual(text[:40])
            append((DATA, unescape(text) if "&" in text else text))
        pos = match.end()
        comment, closing, tag, written, self_closing = match.groups()
        if tag is None:
            if comment.startswith("rv-") and _BLOCK.fullmatch(match.group(0)):
                append((None, match.group(0)))  # a block's token: the caller puts the block here
            continue
        if not tag.islower():
            tag = tag.lower()
        if closing:
            if written or self_closing:
                raise Unusual(match.group(0))
            append((END, tag))
            continue
        append((START, tag, written))
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
    if pos < len(html):
        text = html[pos:]
        if "<" in text:
            raise Unusual(text[:40])
        append((DATA, unescape(text) if "&" in text else text))
    return events


class _Sections:
    """Material's search parser (material/plugins/search/plugin.py, `Parser`), its rules kept
    one for one, over events instead of a parse. Elements are compared by tag name there, so
    here they are tag names; `skip` holds the names whose content is left out. `count` (open
    elements by name) and `skipped` (open elements whose name is in `skip`) answer Material's
    questions about the open elements without going through them."""

    def __init__(self) -> None:
        self.context: list[str] = []
        self.attrs: list[str | Attrs] = []
        self.count: dict[str, int] = {}
        self.skip: set[str] = set(_SKIP)
        self.skipped = 0
        self.section: list | None = None  # [tag, depth, id, title, text, excluded]
        self.data: list[list] = []
        self.alone = False  # a block fed alone (`_Alone`)
        self.loose = False  # …whose text starts with white space (see `add`)

    def _new(self, tag: str, depth: float = 0, excluded: bool = False) -> list:
        return [tag, depth, None, [], [], excluded]

    def _recount(self) -> None:
        self.skipped = sum(self.count.get(tag, 0) for tag in self.skip)

    def start(self, tag: str, written: str | Attrs) -> None:
        if tag in _VOID:
            return
        self.context.append(tag)
        self.attrs.append(written)
        count = self.count
        count[tag] = count.get(tag, 0) + 1
        if tag in self.skip:
            self.skipped += 1
        attrs: Attrs | None = None
        if tag in _HEADINGS:
            attrs = attributes(written)
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
        if written and (not isinstance(written, str) or _SPECIAL.search(written)):
            for key, value in (attrs or attributes(written)).items():
                if key == "data-search-exclude" or (key == "class" and value == "linenodiv"):
                    self.skip.add(tag)
                    self._recount()
                    return
        if tag in _KEEP and not self.skipped:
            section = self.section
            (section[3] if count.get(section[0]) else section[4]).append(f"<{tag}>")

    def end(self, tag: str) -> None:
        context = self.context
        if not context or context[-1] != tag:
            return
        section = self.section
        assert section is not None
        if section[1] > len(context):
            if self.alone:
                raise _Removed(tag)
            for earlier in reversed(self.data):
                if earlier[1] <= len(context):
                    section[1] = float("inf")
                    self.section = section = earlier
                    break
        context.pop()
        self.attrs.pop()
        count = self.count
        count[tag] -= 1
        if tag in self.skip:
            self.skipped -= 1
            if tag not in _SKIP:
                self.skip.remove(tag)
                self._recount()
            return
        if tag in _KEEP and not self.skipped:
            data = section[3] if count.get(section[0]) else section[4]
            index = data.index(f"<{tag}>")
            for i in range(index + 1, len(data)):
                if not data[i].isspace():
                    index = len(data)
                    break
            if len(data) > index:
                if self.alone:
                    raise _Removed(tag)
                del data[index:]
            else:
                data.append(f"</{tag}>")

    def text(self, data: str) -> None:
        if self.skipped:
            return
        count = self.count
        if not count.get("pre"):
            data = " " if data.isspace() else data.replace("\n", " ")
        if self.section is None:
            self.section = self._new("hx")
            self.data.append(self.section)
        section = self.section
        if count.get(section[0]):
            if not (count.get("a") and self._in_permalink()):
                section[3].append(escape(data, quote=False))
        elif data.isspace():
            text = section[4]
            if not text:
                text.append(data)
                self.loose = not count.get("pre")
            elif not text[-1].isspace() or count.get("pre"):
                text.append(data)
        else:
            section[4].append(escape(data, quote=False))

    def _in_permalink(self) -> bool:
        return any(tag == "a" and attributes(written).get("class") == "headerlink"
                   for tag, written in zip(self.context, self.attrs, strict=True))

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

    def settled(self) -> bool:
        """Whether a whole block fed now has an effect that depends on nothing but the block
        and the current section's tag: no element open, nothing extra skipped, and a section
        made by a heading at the top level (or none nested)."""
        return (not self.context and self.section is not None and self.section[1] <= 1
                and len(self.skip) == len(_SKIP))

    def add(self, effect: tuple[list[str], list[str], bool]) -> None:
        """A block's effect (`_effect`) added to the current section."""
        title, text, loose = effect
        section = self.section
        assert section is not None
        section[3].extend(title)
        have = section[4]
        if loose and have and have[-1].isspace():
            have.extend(text[1:])  # Material collapses the block's leading white space into the last
        else:
            have.extend(text)


class _Removed(Exception):
    """A kept tag emptied in a block fed alone: its effect depends on the section before it."""


class _Alone(_Sections):
    """A block fed alone, on a fresh section of a given tag: what it adds to a section's title
    and text. Material looks for the first `<p>` of the whole section when a `</p>` closes an
    empty one; such a block is not taken apart (`_Removed`), nor one with a heading."""

    def __init__(self, tag: str) -> None:
        super().__init__()
        self.section = self._new(tag, 1)
        self.data.append(self.section)
        self.alone = True

    def effect(self, events: list[Event]) -> tuple[list[str], list[str], bool] | None:
        section = self.section
        if any(event[0] == START and event[1] in _HEADINGS and "id" in attributes(event[2]) for event in events):
            return None  # it starts a section
        try:
            self.feed(events)
        except (_Removed, ValueError):
            return None
        if not self.settled() or self.section is not section or len(self.data) != 1:
            return None
        assert section is not None
        return section[3], section[4], self.loose


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
    """Entries of generated pages for one build; each distinct block is read once."""

    def __init__(self, previous: SearchEntries | None = None) -> None:
        # Blocks of the previous build (the preview) are taken over when they come again.
        self._earlier = previous._blocks if previous is not None else {}
        self._blocks: dict[str, list[Event]] = {}
        self._earlier_effects = previous._effects if previous is not None else {}
        self._effects: dict[tuple[str, str], tuple[list[str], list[str], bool] | None] = {}
        self.parsed: list[str] = []  # the pages that went through html.parser (addresses)
        self.pages = 0  # pages indexed

    def _block(self, html: str) -> list[Event]:
        events = self._blocks.get(html)
        if events is None:
            events = self._earlier.get(html)
            if events is None:
                events = _events(html)
            self._blocks[html] = events
        return events

    def _effect(self, html: str, tag: str) -> tuple[list[str], list[str], bool] | None:
        key = (html, tag)
        if key in self._effects:
            return self._effects[key]
        if key in self._earlier_effects:
            effect = self._earlier_effects[key]
        else:
            # The events are not kept: the effect is all a later page needs (memory at 30×).
            events = self._blocks.get(html) or self._earlier.get(html) or _events(html)
            effect = _Alone(tag).effect(events)
        self._effects[key] = effect
        return effect

    def _feed(self, sections: _Sections, html: str, blocks: Mapping[str, str]) -> None:
        """The page's events into `sections`; a block whose effect is known (`_Alone`) is
        added as a whole, the others event by event."""
        run: list[Event] = []
        for event in _events(html):
            if event[0] is not None:
                run.append(event)
                continue
            block = blocks.get(event[1])
            if block is None:
                raise Unusual(event[1])
            sections.feed(run)
            run = []
            effect = None
            if sections.settled():
                assert sections.section is not None
                effect = self._effect(block, sections.section[0])
            if effect is None:
                sections.feed(self._block(block))
            else:
                sections.add(effect)
        sections.feed(run)

    def page(self, html: str, blocks: Mapping[str, str], url: str, title: str, meta: Mapping) -> list[dict]:
        """The entries of one page, as Material's plugin would make them from the page's
        finished HTML (`html` with each block's token put back). `meta` is the front matter."""
        search = meta.get("search") or {}
        if search.get("exclude"):
            return []
        self.pages += 1
        sections = _Sections()
        try:
            self._feed(sections, html, blocks)
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
