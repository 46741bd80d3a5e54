"""Who is who: names and domains that look like another's.

A Cyrillic 'а' looks like a Latin 'a': 'Аrkin' or 'аrkin.nl' reads as an existing
organisation and is not. The Unicode confusables data (the maintained `confusable-homoglyphs`
package, not a table of our own) tells which script each character is in and which Latin
character it can pass for; `idna` turns a domain into what it is ('xn--rkin-43d.nl' is
'аrkin.nl') under the rules browsers use (UTS #46).

- A word or a domain label that mixes scripts ('Аrkin': Cyrillic and Latin) is refused.
- A name or domain whose skeleton (every character replaced by the Latin one it passes for,
  without accents and case) equals another organisation's is refused as a look-alike.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import idna
from confusable_homoglyphs import categories, confusables

_NEUTRAL = ("COMMON", "INHERITED", "UNKNOWN")


@lru_cache(maxsize=4096)
def _script(char: str) -> str:
    try:
        return str(categories.alias(char))
    except Exception:  # a character the data does not know
        return "UNKNOWN"


@lru_cache(maxsize=4096)
def _latin_for(char: str) -> str:
    """The Latin character `char` can pass for, or `char` itself."""
    if _script(char) in ("LATIN", *_NEUTRAL):
        return char
    found = confusables.is_confusable(char, preferred_aliases=["LATIN"], greedy=False) or []
    for entry in found:
        for glyph in entry.get("homoglyphs", []):
            latin = glyph.get("c", "")
            if latin and all(_script(c) in ("LATIN", *_NEUTRAL) for c in latin):
                return latin
    return char


def scripts_in(word: str) -> list[str]:
    """The scripts of the letters in `word` (neutral characters left out), in order."""
    found: list[str] = []
    for char in word:
        script = _script(char)
        if script not in _NEUTRAL and script not in found:
            found.append(script)
    return found


def mixed_words(text: str) -> list[tuple[str, list[str]]]:
    """Every word (or domain label) whose letters come from more than one script."""
    return [(word, scripts_in(word)) for word in re.split(r"[\s.@/:_-]+", text) if len(scripts_in(word)) > 1]


def skeleton(text: str) -> str:
    """What `text` looks like: Latin look-alikes, no accents, no case, single spaces."""
    mapped = "".join(_latin_for(char) for char in unicodedata.normalize("NFKC", text))
    plain = "".join(c for c in unicodedata.normalize("NFKD", mapped.casefold()) if not unicodedata.combining(c))
    return " ".join(plain.split())


def unicode_host(host: str) -> str:
    """'xn--rkin-43d.nl' → 'аrkin.nl'; a host idna cannot read stays as it is."""
    try:
        return idna.decode(host)
    except (idna.IDNAError, UnicodeError, ValueError):
        return host.lower()


def ascii_host(host: str) -> str:
    """'аrkin.nl' → 'xn--rkin-43d.nl' (what the browser asks for); '' when not a valid name."""
    try:
        return idna.encode(host, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError, ValueError):
        return ""


def shown_host(host: str) -> str:
    """A host as it is: 'аrkin.nl (xn--rkin-43d.nl)' when it is internationalised."""
    readable, encoded = unicode_host(host), ascii_host(host)
    return f"{readable} ({encoded})" if encoded and encoded != readable else readable


def host_problem(host: str) -> str:
    """Why a web address's host is refused ('' when fine): a label mixing scripts, or a
    name that is not a valid internationalised domain name."""
    if host.isascii() and "xn--" not in host.lower():
        return ""
    encoded = ascii_host(host)
    if not encoded:
        return f"'{host}' is geen geldige domeinnaam."
    readable = unicode_host(encoded)
    for word, scripts in mixed_words(readable):
        return (f"de domeinnaam {shown_host(encoded)} mengt letters uit verschillende schriften in "
                f"'{word}' ({script_names(scripts)}): zo lijkt een adres op een ander dan het is.")
    return ""


def script_names(scripts: list[str]) -> str:
    dutch = {"LATIN": "Latijns", "CYRILLIC": "Cyrillisch", "GREEK": "Grieks", "ARMENIAN": "Armeens",
             "CHEROKEE": "Cherokee"}
    return " en ".join(dutch.get(s, s.title()) for s in scripts)
