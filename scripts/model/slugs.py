"""Slugs: the URL names of items and keywords."""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str) -> str:
    """'Cliënten & naasten' → 'clienten-naasten'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:120].strip("-")
