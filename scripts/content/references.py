"""Checks across files: every reference resolves, nothing is there twice, themes form a tree."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Callable
from urllib.parse import urlsplit

from scripts.content.lookalikes import mixed_words, script_names, shown_host, skeleton, unicode_host
from scripts.model.items import Site
from scripts.content.problems import ProblemList, blamed

MAX_NAMED_USERS = 4  # more files use a missing name: count them in the hint, don't list them

# (kind folder of the referring file, field, kind folder referred to, Dutch noun)
_REFERENCES = (
    ("themas", "ouder", "themas", "het thema"),
    ("deelnemers", "bewegingen", "bewegingen", "de beweging"),
    ("bijeenkomsten", "beweging", "bewegingen", "de beweging"),
    ("bijeenkomsten", "themas", "themas", "het thema"),
    ("bijeenkomsten", "organisatoren", "deelnemers", "de deelnemer"),
    ("bijeenkomsten", "verslag", "actueel", "het bericht"),
    ("actueel", "themas", "themas", "het thema"),
    ("actueel", "bewegingen", "bewegingen", "de beweging"),
    ("actueel", "organisaties", "deelnemers", "de deelnemer"),
)


def check_references(site: Site, known: dict, sources: dict, problems: ProblemList) -> None:
    """`known` maps kind folder → slug → path of every file, valid or not, so that one broken
    file does not make every file that refers to it fail too."""
    missing: dict[tuple[str, str], list] = defaultdict(list)
    for (folder, _slug), source in sorted(sources.items()):
        for from_folder, field, to_folder, noun in _REFERENCES:
            if folder != from_folder or field not in source.data:
                continue
            value = source.data[field]
            values = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
            for index, target in values:
                if not isinstance(target, str) or not target or target in known[to_folder]:
                    continue
                path = (field,) if index is None else (field, index)
                missing[(to_folder, target)].append((source, path, noun))
    for (to_folder, target), uses in sorted(missing.items()):
        users = sorted({source.path for source, _, _ in uses})
        close = difflib.get_close_matches(target, list(known[to_folder]), n=1, cutoff=0.6)
        for source, path, noun in uses:
            hint = f"Bedoel je '{close[0]}'? " if close else ""
            hint += f"Bestaande namen staan in content/{to_folder}/ (de bestandsnaam zonder .md)."
            if len(users) > MAX_NAMED_USERS:
                # Usually a removed or renamed file. Every user is a line of this report, so
                # the hint counts them instead of listing them all again for each one.
                hint += (f" Is content/{to_folder}/{target}.md verwijderd of hernoemd? In totaal "
                         f"gebruiken {len(users)} bestanden '{target}'; ze staan allemaal in deze "
                         f"lijst. Zet het bestand terug, of pas ze allemaal aan.")
            elif len(users) > 1:
                hint += " Deze bestanden gebruiken '" + target + "' ook: " + ", ".join(
                    u for u in users if u != source.path) + "."
            problems.add(source.path, source.line(*path), _name(path),
                         f"{noun[0].upper()}{noun[1:]} '{target}' bestaat niet.", hint)

    _check_theme_tree(site, sources, problems)
    _check_unique(problems, sources, "deelnemers", "naam", _normal_name, "naam")
    _check_unique(problems, sources, "deelnemers", "website", _domain, "website")
    _check_unique(problems, sources, "bijeenkomsten", "uid", lambda v: v.strip().lower(), "uid")
    _check_unique(problems, sources, "themas", "titel", _normal_name, "titel")
    _check_unique(problems, sources, "bewegingen", "naam", _normal_name, "naam")
    _check_mixed_scripts(problems, sources, "deelnemers", "naam")
    _check_mixed_scripts(problems, sources, "bewegingen", "naam")
    _check_lookalike(problems, sources, "deelnemers", "naam", _normal_name, "naam")
    _check_lookalike(problems, sources, "deelnemers", "website", _domain, "website")
    _check_lookalike(problems, sources, "bewegingen", "naam", _normal_name, "naam")


def _name(path: tuple) -> str:
    return path[0] if len(path) == 1 else f"{path[0]}[{path[1] + 1}]"


def _normal_name(value: str) -> str:
    return " ".join(value.lower().split())


def _domain(value: str) -> str:
    """The host as it is: 'xn--rkin-43d.nl' and 'аrkin.nl' are one domain."""
    try:
        host = urlsplit(value.strip()).hostname or value
    except ValueError:  # reported by the loader as an address that cannot be read
        host = value
    return unicode_host(host.lower()).removeprefix("www.")


def _check_mixed_scripts(problems: ProblemList, sources: dict, folder: str, field: str) -> None:
    """A word with letters of two scripts ('Аrkin': a Cyrillic А) passes for another name."""
    for (kind, _slug), source in sorted(sources.items()):
        value = source.data.get(field)
        if kind != folder or not isinstance(value, str):
            continue
        for word, scripts in mixed_words(value)[:1]:
            problems.add(source.path, source.line(field), field,
                         f"In '{word}' staan letters uit verschillende schriften ({script_names(scripts)}). "
                         "Zo lijkt een naam op een andere dan hij is.",
                         "Typ de naam opnieuw met je eigen toetsenbord; kopieer hem niet van elders.")


def _check_lookalike(problems: ProblemList, sources: dict, folder: str, field: str,
                     normalise: Callable[[str], str], label: str) -> None:
    """Two different values that look the same (their skeletons are equal): the newcomer is
    refused (_check_unique reports exact twins; a mixed-script value is refused already).
    The newcomer is the file the change adds; when that is not known, the value with the
    more unusual characters (the plain 'Basis Zorg' is never blamed for a 'Bàsis Zorg')."""
    seen: dict[str, tuple[str, int, str, str]] = {}
    for (kind, _slug), source in sorted(sources.items()):
        value = source.data.get(field)
        if kind != folder or not isinstance(value, str) or not value.strip():
            continue
        exact = normalise(value)
        if mixed_words(exact):
            continue
        key = skeleton(exact)
        if key not in seen:
            seen[key] = (source.path, source.line(field), exact, value.strip())
            continue
        other_path, other_line, other, other_value = seen[key]
        if other == exact:
            continue
        pairs = blamed(problems.new_files, other_path, source.path)
        if len(pairs) == 2 and _unusual(exact) != _unusual(other):
            pairs = [pairs[1] if _unusual(exact) > _unusual(other) else pairs[0]]
        for path, twin in pairs:
            shown = (shown_host(exact if path == source.path else other) if label == "website"
                     else value.strip() if path == source.path else other_value)
            line = source.line(field) if path == source.path else other_line
            problems.add(path, line, field,
                         f"Deze {label} ('{shown[:80]}') lijkt sterk op die in {twin}, maar is niet "
                         "dezelfde: er staan andere tekens in die er hetzelfde uitzien.",
                         "Staat de organisatie er al in? Pas dan dat bestand aan. Anders: typ de "
                         f"{label} opnieuw met je eigen toetsenbord.")


def _unusual(text: str) -> int:
    """How many characters are not plain ASCII (or spelled as punycode)."""
    return sum(not c.isascii() for c in text) + 100 * text.count("xn--")


def _check_unique(problems: ProblemList, sources: dict, folder: str, field: str,
                  normalise: Callable[[str], str], label: str) -> None:
    seen: dict[str, tuple[str, int]] = {}
    for (kind, _slug), source in sorted(sources.items()):
        value = source.data.get(field)
        if kind != folder or not isinstance(value, str) or not value.strip():
            continue
        key = normalise(value)
        if key in seen:
            hint = ("Elke " + label + " mag maar één keer voorkomen. Staat de organisatie of "
                    "bijeenkomst er al in, pas dan dat bestand aan." if label != "uid" else
                    "Elke bijeenkomst heeft een eigen uid. Maak deze uniek, bijvoorbeeld met "
                    "de datum en een kort woord.")
            for path, twin in blamed(problems.new_files, seen[key][0], source.path):
                line = source.line(field) if path == source.path else seen[key][1]
                problems.add(path, line, field, f"Deze {label} staat ook in {twin}.", hint)
        else:
            seen[key] = (source.path, source.line(field))


def _check_theme_tree(site: Site, sources: dict, problems: ProblemList) -> None:
    for slug, theme in site.themes.items():
        seen = [slug]
        parent = theme.parent
        while parent and parent in site.themes:
            if parent in seen:
                source = sources[("themas", slug)]
                problems.add(source.path, source.line("ouder"), "ouder",
                             "De thema's zijn elkaars ouder: " + " → ".join(seen + [parent]) + ".",
                             "Een thema kan niet (via een ander thema) onder zichzelf vallen.")
                break
            seen.append(parent)
            parent = site.themes[parent].parent
