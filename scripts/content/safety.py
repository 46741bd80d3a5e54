"""Dutch explanations of why a contributed body or text field is refused.

These patterns only explain: raw HTML, attribute lists, images, snippet includes, dangerous
link targets and control characters get a message with the line and a hint. Safety does not
depend on them: every body passes the trust boundary (scripts/render/contributed.py: a
restricted Markdown configuration and the nh3 allow-list sanitiser) whatever these find.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
MAX_BODY_CHARS = 60_000
# Python-Markdown looks for the end of every '[' ahead: thousands in one paragraph take minutes.
MAX_BRACKETS_PER_PARAGRAPH = 200

_FENCE_OPEN = re.compile(r"^(`{3,}|~{3,})[ \t]*[A-Za-z0-9_+.-]*[ \t]*$")
# What the browser reads as markup: '<' before a letter, '/', '!' or '?'.
_TAG = re.compile(r"<[A-Za-z/!?]")
# Autolinks that Python-Markdown turns into a link element itself (never raw HTML).
_AUTOLINK = re.compile(r"<https?://[^\s<>\"'`\\]+>|<(?:mailto:)?[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}>",
                       re.IGNORECASE)
# attr_list: '{: onclick=… }', '{ .class }', '{ #id }', '{ href="…" }' set attributes.
_ATTR_LIST = re.compile(r"\{[ \t]*(?::|[#.][A-Za-z_-]|[^{}\n]*=)[^{}\n]*\}")
_SNIPPET = re.compile(r"^[ \t]*;*-+8<-+", re.MULTILINE)
_IMAGE = re.compile(r"!\[")
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*(?:\n[ \t]*)?(<[^>\n]*>|\S+)", re.MULTILINE)
_SAFE_ABSOLUTE = re.compile(r"^(?:https?://[^/\\]|mailto:[^/\\?]+$|tel:\+?[0-9][0-9-]*$|#)", re.IGNORECASE)
_USER_INFO = re.compile(r"^[a-z][a-z0-9+.-]*://[^/?#]*@", re.IGNORECASE)
_WHITESPACE_AND_CONTROL = re.compile(r"[\x00-\x20\x7f\u00a0\u2000-\u200f\u2028\u2029\ufeff]")

HTML_HINT = ("Gebruik Markdown: **vet**, *schuin*, [tekst](https://…) voor een link. "
             "Wil je het teken < laten zien, zet er dan een spatie achter.")
LINK_HINT = ("Een link begint met https://, http://, mailto: (zonder ? erachter: geen cc of bcc) of "
             "tel:, of is een pad op deze site (/deelnemers/…). Een webadres heeft geen @ voor de "
             "domeinnaam.")


def is_safe_url(url: str, also: tuple[str, ...] = ()) -> bool:
    """http(s) with a host, mailto, an anchor, or a path on this site; nothing else.

    `also` names further schemes the site itself writes (e.g. 'webcal').

    Whitespace and control characters are ignored first, as browsers do inside a URL; an '&'
    or '\\' in a path could spell another scheme ('javascript&#58;…') and is refused.
    """
    text = _WHITESPACE_AND_CONTROL.sub("", url)
    if not text:
        return True
    if _USER_INFO.match(text):
        return False  # 'https://arkin.nl@evil.example/' shows one host and goes to another
    if _SAFE_ABSOLUTE.match(text):
        return True
    if any(text.lower().startswith(scheme + "://") and "\\" not in text for scheme in also):
        return True
    head = re.split(r"[/?#]", text, maxsplit=1)[0]
    if ":" in head or "&" in text or "\\" in text or text.startswith("//"):
        return False
    return True


def field_problems(value: str) -> list[tuple[str, str]]:
    """Problems in one front-matter text as (message, hint). Markup in a field is allowed: it is
    plain text, escaped wherever it is written (a title may well say '<b>' or 'A < B')."""
    found = []
    if CONTROL.search(value):
        found.append(("De tekst bevat een onzichtbaar stuurteken.",
                      "Typ de waarde opnieuw; het teken komt vaak mee bij kopiëren uit een ander programma."))
    if "\n" in value.rstrip("\n") or "\r" in value:
        found.append(("De tekst mag maar één regel zijn.",
                      "Zet de tekst op één regel, zonder tekens voor een nieuwe regel (\\n)."))
    return found


def fenced_code_blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of every fenced code block that Markdown will certainly render as code."""
    regions, lines, pos, i = [], text.splitlines(keepends=True), 0, 0
    offsets = []
    for line in lines:
        offsets.append(pos)
        pos += len(line)
    while i < len(lines):
        opening = _FENCE_OPEN.match(lines[i].rstrip("\r\n"))
        if opening:
            fence = opening.group(1)
            closing = re.compile(re.escape(fence) + r"[ \t]*$")
            for j in range(i + 1, len(lines)):
                if closing.match(lines[j].rstrip("\r\n")) and not lines[j].startswith(fence + fence[0]):
                    regions.append((offsets[i], offsets[j] + len(lines[j])))
                    i = j
                    break
        i += 1
    return regions


def _outside_code(text: str) -> Iterator[tuple[int, str]]:
    """Yield (offset, chunk) for the parts of text that are not fenced code."""
    pos = 0
    for start, end in fenced_code_blocks(text):
        if start > pos:
            yield pos, text[pos:start]
        pos = max(pos, end)
    if pos < len(text):
        yield pos, text[pos:]


def link_targets(chunk: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every link or image destination in Markdown text, as Markdown reads it.

    Inline destinations may span lines ('[x](java\\nscript:…)'): browsers drop the line break.
    """
    for match in re.finditer(r"\]\(", chunk):
        start = match.end()
        while start < len(chunk) and chunk[start] in " \t\n":
            start += 1
        if chunk.startswith("<", start):
            close = chunk.find(">", start)
            end = close + 1 if close != -1 else len(chunk)
        else:
            end, depth = start, 0
            while end < len(chunk):
                char = chunk[end]
                if char == "(":
                    depth += 1
                elif char == ")":
                    if depth == 0:
                        break
                    depth -= 1
                elif char in " \t\n" and re.match(r"[ \t\n]+[\"'(]", chunk[end:]):
                    break  # a title follows
                elif chunk.startswith("\n\n", end):
                    break
                end += 1
        yield start, end
    for match in _REFERENCE.finditer(chunk):
        yield match.start(1), match.end(1)


def _target_text(raw: str) -> str:
    return raw[1:-1] if raw.startswith("<") and raw.endswith(">") else raw.lstrip("<")


def _line_of(body: str, offset: int) -> int:
    return body.count("\n", 0, offset)


def body_problems(body: str) -> list[tuple[int, str, str]]:
    """Problems in a Markdown body as (line offset within the body, message, hint)."""
    found: list[tuple[int, str, str]] = []
    if len(body) > MAX_BODY_CHARS:
        found.append((0, f"De tekst is te lang ({len(body)} tekens).",
                      f"Houd de tekst onder {MAX_BODY_CHARS} tekens of verdeel hem over meer berichten."))
    offset = 0
    for paragraph in re.split(r"(\n[ \t]*\n)", body):
        count = paragraph.count("[")
        if count > MAX_BRACKETS_PER_PARAGRAPH:
            found.append((_line_of(body, offset), f"Er staan te veel haakjes [ in één alinea ({count}, "
                          f"hoogstens {MAX_BRACKETS_PER_PARAGRAPH}).", "Verdeel de tekst over meer alinea's, "
                          "of haal haakjes weg."))
        offset += len(paragraph)
    for match in CONTROL.finditer(body):
        found.append((_line_of(body, match.start()), "De tekst bevat een onzichtbaar stuurteken.",
                      "Typ de regel opnieuw; het teken komt vaak mee bij kopiëren uit een ander programma."))
    for offset, chunk in _outside_code(body):
        lines_with_html = set()
        for match in _TAG.finditer(chunk):
            if _AUTOLINK.match(chunk, match.start()):
                continue
            line = _line_of(body, offset + match.start())
            if line in lines_with_html:
                continue
            lines_with_html.add(line)
            tag = chunk[match.start():].split("\n", 1)[0][:40]
            found.append((line, _html_message(tag), HTML_HINT))
        for match in _ATTR_LIST.finditer(chunk):
            found.append((_line_of(body, offset + match.start()),
                          f"Extra kenmerken tussen accolades zijn niet toegestaan ({match.group(0)[:40]}).",
                          "Haal het deel tussen { en } weg."))
        for match in _SNIPPET.finditer(chunk):
            found.append((_line_of(body, offset + match.start()),
                          "Een regel die begint met --8<-- is niet toegestaan (die voegt een ander bestand in).",
                          "Haal de regel weg of schrijf de tekst zelf uit."))
        for match in _IMAGE.finditer(chunk):
            found.append((_line_of(body, offset + match.start()),
                          "Afbeeldingen in de tekst zijn niet mogelijk.",
                          "Zet het logo van je organisatie bij 'logo'. Wil je naar een afbeelding "
                          "verwijzen, maak er dan een link van: [tekst](https://…)."))
        for start, end in link_targets(chunk):
            target = _target_text(chunk[start:end])
            if not is_safe_url(target):
                shown = _WHITESPACE_AND_CONTROL.sub("", target)[:60]
                found.append((_line_of(body, offset + start),
                              f"De link '{shown}' is niet toegestaan.", LINK_HINT))
    return found


def _html_message(tag: str) -> str:
    lower = tag.lower()
    if re.search(r"[\s/]on[a-z]+\s*=", lower):
        return f"HTML is niet toegestaan in de tekst, zeker niet met een gebeurtenis zoals onclick ({tag})."
    for name, what in (("script", "een script"), ("iframe", "een ingesloten pagina (iframe)"),
                       ("style", "opmaak met <style>"), ("!--", "een HTML-opmerking")):
        if lower.startswith("<" + name) or lower.startswith("</" + name):
            return f"HTML is niet toegestaan in de tekst; hier staat {what} ({tag})."
    return f"HTML is niet toegestaan in de tekst ({tag})."
