"""A monogram badge for an organisation without a logo: its initials on one of a few colours of
the movement, chosen from its slug (the same organisation always gets the same badge)."""

from __future__ import annotations

import hashlib
import re

from markupsafe import Markup, escape

# Small words that do not make an initial ("Stichting de Zorg" → "SZ").
SKIPPED = {"de", "het", "een", "van", "voor", "en", "in", "op", "aan", "der", "den", "'t", "t"}
# Background colours (docs/assets/stylesheets/visible.css: .rv-monogram--0 … --4), each with
# white text at 4.5:1 or more.
COLOURS = 5


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s/\-–()]+", name) if w]
    meaningful = [w for w in words if w.lower() not in SKIPPED and w[0].isalnum()] or words
    if len(meaningful) > 1:
        return (meaningful[0][0] + meaningful[1][0]).upper()
    return meaningful[0][:2].capitalize() if meaningful else "?"  # one word: "Topaz" → "To"


def colour(slug: str) -> int:
    return hashlib.sha256(slug.encode("utf-8")).digest()[0] % COLOURS


def badge(name: str, slug: str) -> Markup:
    """Decorative (the name is the page's heading next to it), so hidden from screen readers."""
    return Markup('<span class="rv-monogram rv-monogram--{}" aria-hidden="true">{}</span>').format(
        colour(slug), escape(initials(name)))
