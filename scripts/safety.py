"""Untrusted-input checks for Markdown bodies and text fields, and the escaping that backs them.

The validator refuses raw HTML, dangerous link targets and control characters. The generator
still escapes HTML in bodies (`escape_html_outside_code`) as a second line of defence, so a
build that skips validation cannot put contributed markup on a page.
"""

from __future__ import annotations

import re

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,}).*?$(?P<body>.*?)^(?P=indent)(?P=fence)[`~]*\s*$",
                    re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
_HTML = re.compile(r"<(?:!--|/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|/?[A-Za-z][A-Za-z0-9-]*\s*$)",
                   re.MULTILINE)
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^\s<>]+>|<[^\s<>@]+@[^\s<>@]+\.[a-z]{2,}>", re.IGNORECASE)
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)|^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_SAFE_TARGET = re.compile(r"^(?:https?://|mailto:|/|#|\.{0,2}/|[A-Za-z0-9_.-]+(?:[/#?]|$))", re.IGNORECASE)

MAX_BODY_CHARS = 60_000


def _code_regions(text: str) -> list[tuple[int, int]]:
    regions = [m.span() for m in _FENCE.finditer(text)]

    def inside(pos: int) -> bool:
        return any(a <= pos < b for a, b in regions)

    spans = [m.span() for m in _CODE_SPAN.finditer(text) if not inside(m.start())]
    return sorted(regions + spans)


def _outside_code(text: str):
    """Yield (offset, chunk) for the parts of text that are not code."""
    pos = 0
    for start, end in _code_regions(text):
        if start > pos:
            yield pos, text[pos:start]
        pos = max(pos, end)
    if pos < len(text):
        yield pos, text[pos:]


def body_problems(body: str) -> list[tuple[int, str, str]]:
    """Problems in a Markdown body as (line offset within the body, message, hint)."""
    found = []
    if len(body) > MAX_BODY_CHARS:
        found.append((0, f"De tekst is te lang ({len(body)} tekens).",
                      f"Houd de tekst onder {MAX_BODY_CHARS} tekens of verdeel hem over meer berichten."))
    for match in CONTROL.finditer(body):
        found.append((body.count("\n", 0, match.start()),
                      "De tekst bevat een onzichtbaar stuurteken.",
                      "Typ de regel opnieuw; het teken komt vaak mee bij kopiëren uit een ander programma."))
    for offset, chunk in _outside_code(body):
        for match in _HTML.finditer(chunk):
            if _AUTOLINK.match(chunk, match.start()):
                continue
            tag = match.group(0)[:40]
            found.append((body.count("\n", 0, offset + match.start()),
                          f"HTML is niet toegestaan in de tekst ({tag}).",
                          "Gebruik Markdown: **vet**, *schuin*, [tekst](https://…) voor een link. "
                          "Wil je een < laten zien, schrijf dan \\<."))
        for match in _LINK_TARGET.finditer(chunk):
            target = match.group(1) if match.group(1) is not None else match.group(2)
            if target and not _SAFE_TARGET.match(target):
                found.append((body.count("\n", 0, offset + match.start()),
                              f"De link '{target[:60]}' is niet toegestaan.",
                              "Een link begint met https://, http:// of mailto:."))
    return found


def escape_html_outside_code(body: str) -> str:
    """Make any '<' outside code literal text, keeping autolinks such as <https://…>."""
    parts = []
    pos = 0
    for start, end in _code_regions(body):
        parts.append(_escape_chunk(body[pos:start]))
        parts.append(body[start:end])
        pos = max(pos, end)
    parts.append(_escape_chunk(body[pos:]))
    return "".join(parts)


def _escape_chunk(chunk: str) -> str:
    out = []
    pos = 0
    for match in re.finditer("<", chunk):
        if match.start() < pos:
            continue
        out.append(chunk[pos:match.start()])
        auto = _AUTOLINK.match(chunk, match.start())
        if auto:
            out.append(auto.group(0))
            pos = auto.end()
        else:
            out.append("&lt;")
            pos = match.end()
    out.append(chunk[pos:])
    # Neutralise link targets with other schemes (javascript:, data:): they become harmless anchors.
    return _LINK_TARGET.sub(_block_unsafe_target, "".join(out))


def _block_unsafe_target(match: re.Match) -> str:
    group = 1 if match.group(1) is not None else 2
    target = match.group(group)
    if not target or _SAFE_TARGET.match(target):
        return match.group(0)
    start, end = match.start(group) - match.start(), match.end(group) - match.start()
    whole = match.group(0)
    return whole[:start] + "#geblokkeerd" + whole[end:]
