"""Unit tests of scripts.model.slugs: the URL names of items and keywords."""

from __future__ import annotations

import re

import pytest

from scripts.model.slugs import slugify


@pytest.mark.parametrize("text, slug", [
    ("Cliënten & naasten", "clienten-naasten"),
    ("Zorggroep 't Hoofd & Co", "zorggroep-t-hoofd-co"),
    ("Één: Noord", "een-noord"),
    ("  Zorg   met   spaties  ", "zorg-met-spaties"),
    ("Wet langdurige zorg (Wlz) 2026", "wet-langdurige-zorg-wlz-2026"),
    ("---", ""),
    ("日本", ""),  # nothing left in ASCII: the caller must refuse an empty slug
])
def test_slugify(text, slug):
    assert slugify(text) == slug


@pytest.mark.parametrize("text", ["a" * 300, "woord " * 60, "x-" * 100, "Cliënten & naasten " * 20])
def test_a_slug_is_short_lowercase_ascii_with_single_dashes_inside(text):
    slug = slugify(text)
    assert len(slug) <= 120
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)


def test_slugify_is_idempotent():
    for text in ("Cliënten & naasten", "Zorg in de wijk!", "x-" * 100):
        assert slugify(slugify(text)) == slugify(text)
