"""The finished HTML blocks of a generated page, set apart so the engine need not parse them.

The generator writes most of a page as finished HTML (cards, fact boxes, lists, contributed
text after the sanitiser) and only headings and a few small parts as Markdown. Python-Markdown
still reads every raw HTML block with its HTML parser (`html.parser`, in Python) to find where
it ends, only to pass it through unchanged: about half the Markdown time of our pages.

`set_apart` swaps each such block for a one-line HTML comment (the token), which Python-Markdown
passes through as cheaply as any comment, and returns the blocks by token; after the
conversion `put_back` puts each block where its token is. Headings stay Markdown, so the table
of contents, the anchors and the permalinks are made as before.

Which blocks: a run of non-blank lines, outside a fenced code block, that is a row of whole
block-level elements, each starting at the margin on a line of its own, with every '<' in it
starting a tag (`_whole_elements`). Python-Markdown reads exactly such a run as raw HTML too,
so nothing becomes raw that was not: contributed values in the Markdown parts are escaped
(`<` as `&lt;`), and contributed text inside the blocks has been through the sanitiser already.
Once a run with HTML in it is left to Python-Markdown (a tag left open, say), its parser may
read on past the blank line, so nothing more of that page is set apart. The result is byte for
byte what Python-Markdown makes of the whole page: tests/unit/test_finished_html.py holds
every generated page of the real content to that, and a property test any mix of blocks,
malformed ones included.

The token carries a digest of the page's own Markdown, so no text on the page can name it.
"""

from __future__ import annotations

import hashlib
import re

# Python-Markdown's block-level elements (markdown.util.BLOCK_LEVEL_ELEMENTS, 3.x), the tags
# with which a raw HTML block may start; written out so that this stage needs no Markdown.
BLOCK_LEVEL = frozenset("""
address article aside blockquote details div dl fieldset figcaption figure footer form h1 h2
h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section table ul canvas colgroup dd body
dt group html iframe li legend math map noscript output object option progress script style
summary tbody td textarea tfoot th thead tr video center
""".split())
_START = re.compile(r"<([A-Za-z][A-Za-z0-9]*)[\s>/]")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HTML_LIKE = re.compile(r"<[A-Za-z/!?]")
_TOKEN = re.compile(r"<!--rv-[0-9a-f]{16}-\d+-->")


def set_apart(markdown: str) -> tuple[str, dict[str, str]]:
    """The page's Markdown with each finished HTML block replaced by a token, and the blocks
    by token ({} and the Markdown unchanged when there are none)."""
    key = hashlib.sha1(markdown.encode("utf-8")).hexdigest()[:16]
    lines = markdown.split("\n")  # not splitlines(): Markdown ends lines at \n only
    blocks: dict[str, str] = {}
    out: list[str] = []
    fence = ""  # the open fence's marker, while inside a fenced code block
    unsure = False  # HTML was left to Python-Markdown: set nothing more apart
    i = 0
    while i < len(lines):
        line = lines[i]
        if _blank(line):
            out.append(line)
            i += 1
            continue
        j = i  # the run of non-blank lines i..j-1
        while j < len(lines) and not _blank(lines[j]):
            j += 1
        run = lines[i:j]
        if not fence and not unsure and _finished(run):
            token = f"<!--rv-{key}-{len(blocks)}-->"
            blocks[token] = "\n".join(run)
            out.append(token)
        else:
            for l in run:
                fence = _after(fence, l)
                # HTML that is not a whole block (a tag left open, a '<' that starts no tag)
                # may make Python-Markdown's parser read on in ways not followed here: from
                # there on, the page is left to Python-Markdown (generated pages have none).
                unsure = unsure or _HTML_LIKE.search(l) is not None
            out.extend(run)
        i = j
    if not blocks:
        return markdown, {}
    return "\n".join(out), blocks


def put_back(html: str, blocks: dict[str, str]) -> str:
    """The converted page with every token replaced by its block."""
    if not blocks:
        return html
    return _TOKEN.sub(lambda match: blocks.get(match[0], match[0]), html)


def _blank(line: str) -> bool:
    return not line.strip(" \t")  # as Python-Markdown: spaces and tabs only, not U+00A0


def _finished(run: list[str]) -> bool:
    start = _START.match(run[0])
    return (start is not None and start[1].lower() in BLOCK_LEVEL
            and run[-1].endswith(">") and not any(_FENCE.match(l) for l in run)
            and _whole_elements("\n".join(run)))


# A start or end tag with its attributes (quoted values may hold '>'), or a comment.
_TAG = re.compile(r"""<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9-]*)"""
                  r"""(?:\s+[^\s"'>/=<]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*(/?)>""", re.DOTALL)
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


def _whole_elements(html: str) -> bool:
    """Whether `html` is a row of whole block-level elements, each starting on a line of its
    own: then Python-Markdown ends its raw block(s) exactly where the run ends. (An element
    left open, as a stray `<div>`, makes Python-Markdown read on past the blank line.)"""
    open_tags: list[str] = []
    end = tags = 0
    for match in _TAG.finditer(html):
        tags += 1
        if not open_tags:
            between = html[end:match.start()]
            if between.strip():
                return False  # text outside any element: Python-Markdown makes it a paragraph
            if end and between != "\n":
                return False  # Python-Markdown puts each element on a line of its own
        end = match.end()
        closing, name, self_closing = match.group(1, 2, 3)
        if name is None:
            continue  # a comment
        name = name.lower()
        if not open_tags and (closing or name not in BLOCK_LEVEL):
            return False  # a stray end tag, or an inline element (a link) on its own: a paragraph
        if self_closing or name in _VOID:
            continue
        if not closing:
            open_tags.append(name)
        elif open_tags[-1] == name:
            open_tags.pop()
        else:
            return False  # tags that do not nest: leave it to Python-Markdown
    # Every '<' that could start markup starts a tag read above (`a <b</p>` does not: html.parser
    # reads such text its own way).
    return not open_tags and not html[end:].strip() and tags == len(_HTML_LIKE.findall(html))


def _after(fence: str, line: str) -> str:
    """The fence that is open after `line` ('' for none)."""
    match = _FENCE.match(line)
    if match is None:
        return fence
    marker = match[1]
    if not fence:
        return marker
    if marker[0] == fence[0] and len(marker) >= len(fence) and not line.strip(" \t")[len(marker):]:
        return ""
    return fence
