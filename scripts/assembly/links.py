"""Links between generated pages, written so that every engine resolves them.

The templates write docs-absolute links (`/themas/zorg.md`): short and independent of where a
page lives. MkDocs resolves those only with `validation.links.absolute_links:
relative_to_docs`; Zensical leaves them as they are, so they would point at `.md` files that
are not published. A Markdown link relative to the page (`../themas/zorg.md`) is the one form
both engines turn into the published address, so the generator rewrites every docs-absolute
Markdown link of a generated page into that form before anything is written.

Finished HTML that the generator writes (cards, lists, fact boxes) is where the engines differ.
MkDocs passes raw HTML through unread, so there its links must already be the published
address: relative to the page's own address, with directory URLs (`themas/zorg.md` is
published as `themas/zorg/`, `themas/index.md` as `themas/`). Zensical resolves every relative
link of the finished page, raw HTML included, as it resolves a Markdown link: relative to the
Markdown file, `.md` made the address (measured with Zensical 0.0.73: `href="../x/"` on the page
`a/b.md` became `../../x/`). So for Zensical (`python -m scripts generate`, which writes docs/)
HTML links get the Markdown form, and for MkDocs (the hook, in memory) the address form; each
engine then publishes the same site. Links to other published files (`href="/feeds/a.xml"`,
`src="/deelnemers/logos/x.png"`) follow the same rule.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from functools import lru_cache, partial

# `](/path.md)`, `](/path.md#anchor)`, `](/path.md?query)` and link definitions `]: /path.md`.
FRAGMENTS = "_fragmenten/"
_LINK = re.compile(r"(\]\(|\]: )/([^()\s#?]*\.md)(?=[#?)\s])")
# `href="/path.md"`, `href="/path.md#anchor"`, `href="/path.md?query"` in raw HTML.
_HREF = re.compile(r'(href=")/([^"#?\s]*\.md)(?=[#?"])')
# `href="/feeds/actueel.xml"`, `src="/deelnemers/logos/x.png"`: another file the site publishes
# as it is (a feed, .ics, JSON, an image). The pattern starts at '="/', a literal the regex
# engine finds fast ('(?:href|src)=' first made it try every 'h' and 's' of the text: most of
# the time of all links); _rewrite_file keeps only those after 'href' or 'src'.
_FILE_HREF = re.compile(r'(=")/([^"#?\s/][^"#?\s]*\.(?!md[#?"])[A-Za-z0-9]+)(?=[#?"])')


def relative_to(page: str, target: str) -> str:
    """The path of docs file `target` as seen from docs file `page` (both relative to docs/)."""
    return _relpath(target, posixpath.dirname(page) or ".")


def _relpath(target: str, start: str) -> str:
    """posixpath.relpath for the docs-relative paths the generator writes, without its
    abspath (a getcwd per call): tens of thousands of links, nearly every pair a new one.
    A path with an empty, '.' or '..' part, or an absolute one, goes to posixpath itself."""
    target_parts = _parts(target)
    start_parts = () if start == "." else _parts(start)
    if target_parts is None or start_parts is None:
        return posixpath.relpath(target, start)
    common = 0
    for mine, theirs in zip(start_parts, target_parts, strict=False):  # the shorter one ends it
        if mine != theirs:
            break
        common += 1
    return "/".join((("..",) * (len(start_parts) - common)) + target_parts[common:]) or "."


@lru_cache(maxsize=1 << 16)
def _parts(path: str) -> tuple[str, ...] | None:
    """The folders and name of a plain relative path; None for any other path. Cached: the
    same targets and page folders come back on every page."""
    parts = tuple(path.split("/"))
    if "" in parts or "." in parts or ".." in parts:
        return None
    return parts


@lru_cache(maxsize=1 << 16)
def published_dir(path: str) -> str:
    """The folder of the published address of docs file `path`: `a/b.md` → `a/b`, `a/index.md` → `a`."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index").rstrip("/")
    return stem or "."


def address_from(page: str, target: str) -> str:
    """The published address of docs file `target` as seen from the published page of `page`."""
    relative = _relpath(published_dir(target), published_dir(page))
    return "./" if relative == "." else relative + "/"


def file_from(page: str, target: str) -> str:
    """The address of the published file `target` (not a page) as seen from the page of `page`."""
    return _relpath(target, published_dir(page))


def relative_links(page: str, markdown: str, html_links: str = "address") -> str:
    """`markdown` of the generated page `page` with every docs-absolute link made relative:
    Markdown links to the docs file; HTML links to the published address (`html_links`
    "address", MkDocs) or, like Markdown links, to the docs file ("source", Zensical)."""
    to_page, to_file = (relative_to, relative_to) if html_links == "source" else (address_from, file_from)
    rules: tuple[tuple[re.Pattern[str], Callable[[str, str], str]], ...] = (
        (_LINK, relative_to), (_FILE_HREF, to_file), (_HREF, to_page))
    for pattern, to in rules:
        rewrite = _rewrite_file if pattern is _FILE_HREF else _rewrite
        done: dict[str, str] = {}  # a page links to the same target often (cards, fact boxes)
        markdown = pattern.sub(partial(rewrite, page, to, done), markdown)
    return markdown


def _rewrite(page: str, to: Callable[[str, str], str], done: dict[str, str],
             match: re.Match[str]) -> str:
    target = match.group(2)
    found = done.get(target)
    if found is None:
        found = done[target] = to(page, target)
    return match.group(1) + found


def _rewrite_file(page: str, to: Callable[[str, str], str], done: dict[str, str],
                  match: re.Match[str]) -> str:
    """_rewrite for a _FILE_HREF match that is the value of an href or src attribute."""
    start = match.start()
    if match.string.endswith("href", 0, start) or match.string.endswith("src", 0, start):
        return _rewrite(page, to, done, match)
    return match.group(0)


def relative_links_in(files: dict[str, bytes], html_links: str = "address") -> None:
    """Rewrite, in place, the links of every generated Markdown file."""
    for path, data in files.items():
        if path.endswith(".md"):
            text = data.decode("utf-8")
            # A fragment is part of the home page (docs/index.md), which includes it.
            rewritten = relative_links("index.md" if path.startswith(FRAGMENTS) else path, text,
                                       html_links)
            if rewritten != text:
                files[path] = rewritten.encode("utf-8")
