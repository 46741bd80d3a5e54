"""One representative built page per page kind, found in the built site.

Items are picked by pattern (the richest page of the kind: the largest file), so that the
checks follow the content instead of naming slugs that may change."""

from __future__ import annotations

from pathlib import Path

# kind → (glob under site/, paths to leave out). Lists and single pages are separate kinds:
# they come from different templates.
PATTERNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "home": ("index.html", ()),
    "actueel": ("actueel/index.html", ()),
    "actueel-pagina": ("actueel/pagina/*/index.html", ()),
    "artikel": ("actueel/*/index.html", ("actueel/pagina/",)),
    "agenda": ("bijeenkomsten/index.html", ()),
    "archief": ("bijeenkomsten/archief/index.html", ()),
    "archiefjaar": ("bijeenkomsten/archief/*/index.html", ()),
    "bijeenkomst": ("bijeenkomsten/*/index.html", ("bijeenkomsten/archief/",)),
    "deelnemers": ("deelnemers/index.html", ()),
    "deelnemer": ("deelnemers/*/index.html", ("deelnemers/provincie/",)),
    "provincie": ("deelnemers/provincie/*/index.html", ()),
    "themas": ("themas/index.html", ()),
    "thema": ("themas/*/index.html", ()),
    "trefwoorden": ("trefwoord/index.html", ()),
    "trefwoord": ("trefwoord/*/index.html", ()),
    "bewegingen": ("bewegingen/index.html", ()),
    "beweging": ("bewegingen/*/index.html", ()),
    "handleiding": ("handleiding/index.html", ()),
    "handleiding-soort": ("handleiding/*/index.html", ()),
    "meedoen": ("meedoen/index.html", ()),
    "formulier": ("insturen/*/index.html", ()),
    "over": ("over/index.html", ()),
    "abonneren": ("abonneren/index.html", ()),
    "toegankelijkheid": ("toegankelijkheid/index.html", ()),
    "404": ("404.html", ()),
}


def page_kinds(site: Path) -> dict[str, str]:
    """kind → URL path ('/deelnemers/x/'), for every kind the built site has."""
    found: dict[str, str] = {}
    for kind, (pattern, skip) in PATTERNS.items():
        candidates = [p for p in site.glob(pattern)
                      if not any(p.relative_to(site).as_posix().startswith(s) for s in skip)]
        if not candidates:
            continue
        # The largest page shows the most of its template; the name breaks ties.
        best = max(candidates, key=lambda p: (p.stat().st_size, p.as_posix()))
        found[kind] = url_path(best.relative_to(site).as_posix())
    return found


def page_samples(site: Path) -> list[Path]:
    """The largest and the smallest built page of every kind (one file when the kind has one)."""
    files: list[Path] = []
    for pattern, skip in PATTERNS.values():
        candidates = sorted((p for p in site.glob(pattern)
                             if not any(p.relative_to(site).as_posix().startswith(s) for s in skip)),
                            key=lambda p: (p.stat().st_size, p.as_posix()))
        for chosen in candidates[-1:] + candidates[:1]:
            if chosen not in files:
                files.append(chosen)
    return files


def url_path(rel: str) -> str:
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel


# Kinds every build must have: a missing one means a section broke, not "nothing to check".
REQUIRED = ("home", "actueel", "artikel", "agenda", "bijeenkomst", "deelnemers", "deelnemer",
            "themas", "thema", "trefwoorden", "trefwoord", "beweging", "handleiding",
            "meedoen", "formulier", "over", "404")
