"""`make deelnemer NAAM="…"`, `make bijeenkomst TITEL="…"` and `make bericht TITEL="…"`: a new
content file that a person fills in, made from that kind's template in content/_sjablonen/.

One code path for the three kinds; a Scaffold says only what differs. The name or title goes
in, and so do the values the program can know (an organisation's 'sinds' is this month, a
meeting's 'uid' follows from its file name, a news item's 'datum' is today). Every other
field of the template becomes an empty field with the template's value as an example on a
comment line of its own above it (a person who types after an example on the value's own line
would lose the text to YAML's ' #'); fields in `keep` hold valid choices and stay as they are.
Required fields left empty are refused by `make check` with a Dutch message, so an untouched
scaffold can never be published by accident. The template's sample text is not copied.
An existing file is never overwritten.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from scripts.content.kinds import KINDS
from scripts.content.loader import MAX_SLUG
from scripts.content.safety import CONTROL
from scripts.model.slugs import slugify

DOMAIN = "radicalevernieuwing.nl"  # the right-hand side of a meeting's uid
_FIELD = re.compile(r"^([a-z_]+):[ \t]*(.*?)[ \t]*$")


@dataclass(frozen=True)
class Scaffold:
    command: str  # make <command> / python -m scripts <command>
    variable: str  # NAAM or TITEL
    sample: str  # an example name, for the messages
    folder: str  # under content/
    template: str  # under content/
    name_field: str  # the field that gets the name or title
    fixed: Callable[[str, date], dict[str, str]]  # (slug, today) -> field: YAML value
    keep: tuple[str, ...]  # the template's values are valid choices
    hints: Callable[[str], dict[str, str]]  # slug -> field: example, for fields the template lacks
    body_hint: str
    next_steps: Callable[[str, str], str]  # (shown path, slug) -> the numbered steps
    what: str  # 'de organisatie', in messages


def _organisation_steps(shown: str, slug: str) -> str:
    return f"""  1. Open {shown} en vul je gegevens in, achter de dubbele punt.
     Op de regel met # erboven staat een voorbeeld; laat een veld leeg als je iets niet weet.
  2. Kies bij 'bewegingen' de beweging(en) waarin je meedoet en bij 'rol' je rol.
     Welke waarden mogen, staat in de handleiding: /handleiding/deelnemer/
  3. Heb je een logo? Zet het als PNG, JPG of WebP in content/deelnemers/logos/
     en schrijf bij 'logo' bijvoorbeeld: logos/{slug}.png
  4. Schrijf onder de tweede regel --- een paar zinnen over jullie organisatie.
  5. Controleer het bestand:  make check
  6. Bekijk de pagina:  make serve  en open http://127.0.0.1:8000/deelnemers/{slug}/
  7. Stuur het in met een pull request. Hoe dat gaat, lees je op de pagina Meedoen."""


def _meeting_steps(shown: str, slug: str) -> str:
    return f"""  1. Open {shown} en vul de gegevens in, achter de dubbele punt.
     Op de regel met # erboven staat een voorbeeld; laat een veld leeg als je iets niet weet.
  2. Verplicht zijn 'start' (datum en tijd, bijvoorbeeld 2027-03-11 13:30) en 'beweging'.
     Welke waarden mogen, staat in de handleiding: /handleiding/bijeenkomst/
  3. Verander 'uid' nooit meer: agenda's van abonnees herkennen de bijeenkomst daaraan.
  4. Schrijf onder de tweede regel --- wat er gebeurt en voor wie de bijeenkomst is.
  5. Controleer het bestand:  make check
  6. Bekijk de pagina:  make serve  en open http://127.0.0.1:8000/bijeenkomsten/
  7. Stuur het in met een pull request. Hoe dat gaat, lees je op de pagina Meedoen."""


def _article_steps(shown: str, slug: str) -> str:
    return f"""  1. Open {shown} en vul de gegevens in, achter de dubbele punt.
     Op de regel met # erboven staat een voorbeeld; laat een veld leeg als je iets niet weet.
  2. Verplicht zijn 'samenvatting' (een of twee zinnen) en 'themas'.
     Welke waarden mogen, staat in de handleiding: /handleiding/artikel/
  3. 'datum' is vandaag. Verschijnt het bericht later? Zet dan die datum.
  4. Schrijf onder de tweede regel --- het bericht. Gebruik korte zinnen en tussenkopjes met ##.
  5. Controleer het bestand:  make check
  6. Bekijk de pagina:  make serve  en open http://127.0.0.1:8000/actueel/{slug}/
  7. Stuur het in met een pull request. Hoe dat gaat, lees je op de pagina Meedoen."""


ORGANISATION = Scaffold(
    "deelnemer", "NAAM", "Zorggroep Voorbeeld", "deelnemers", "_sjablonen/deelnemer.md", "naam",
    lambda slug, today: {"sinds": today.strftime("%Y-%m")},
    ("bewegingen", "rol"),
    lambda slug: {"logo": f"logos/{slug}.png"},
    "# Schrijf onder de regel --- hieronder in een paar zinnen wat jullie doen en waarom "
    "jullie meedoen.",
    _organisation_steps, "de organisatie")
MEETING = Scaffold(
    "bijeenkomst", "TITEL", "Kampvuurgesprek over zinvolle dagen", "bijeenkomsten",
    "_sjablonen/bijeenkomst.md", "titel",
    lambda slug, today: {"uid": f"{slug}@{DOMAIN}"},
    ("status",),
    lambda slug: {},
    "# Schrijf onder de regel --- hieronder wat er gebeurt en voor wie de bijeenkomst is.",
    _meeting_steps, "de bijeenkomst")
ARTICLE = Scaffold(
    "bericht", "TITEL", "Nieuws uit de beweging", "actueel", "_sjablonen/artikel.md", "titel",
    lambda slug, today: {"datum": today.isoformat()},
    (),
    lambda slug: {},
    "# Schrijf onder de regel --- hieronder het bericht, in korte zinnen.",
    _article_steps, "het bericht")
SCAFFOLDS = {s.command: s for s in (ORGANISATION, MEETING, ARTICLE)}


def _fields(lines: list[str]) -> list[tuple[str | None, str, list[str], str]]:
    """(key, example, continuation lines, first line) per top-level field; key None: other lines."""
    fields: list[tuple[str | None, str, list[str], str]] = []
    for line in lines:
        match = _FIELD.match(line)
        if match:
            fields.append((match.group(1), match.group(2), [], line))
        elif fields and fields[-1][0] is not None and line[:1] in (" ", "\t", "-") and line.strip():
            fields[-1][2].append(line)  # a nested mapping or list under the field above
        else:
            fields.append((None, "", [], line))
    return fields


def scaffold_text(kind: Scaffold, template: str, name: str, slug: str, today: date) -> str:
    """The new file's text: the template with the name, the known values and empty fields."""
    lines = template.splitlines()
    try:
        opening = lines.index("---")
        closing = lines.index("---", opening + 1)
    except ValueError:
        raise ValueError("het sjabloon heeft geen gegevens tussen twee regels '---'") from None
    values = {kind.name_field: json.dumps(name, ensure_ascii=False), **kind.fixed(slug, today)}
    hints = kind.hints(slug)
    front: list[str] = []
    seen = set()
    for key, example, nested, line in _fields(lines[opening + 1:closing]):
        if key is None:
            front.append(line)
            continue
        seen.add(key)
        if key in values:
            front.append(f"{key}: {values[key]}")
        elif key in kind.keep:
            front += [line, *nested]
        else:
            example = hints.get(key, example)
            shown = [f"# Bijvoorbeeld: {key}: {example}".rstrip()] if example or nested else []
            front += shown + [f"# {part}" for part in nested] + [f"{key}:"]
    for key in values:
        if key not in seen:
            front.insert(0, f"{key}: {values[key]}")
    for key, example in hints.items():
        if key not in seen:
            front += [f"# Bijvoorbeeld: {key}: {example}", f"{key}:"]
    front.append(kind.body_hint)
    return "\n".join(lines[:opening + 1] + front + [lines[closing]]) + "\n\n"


def new_file(kind: Scaffold, content_dir: Path, name: str, today: date | None = None) -> int:
    """Write content/<folder>/<slug>.md and say what to do next. Returns the exit code."""
    content_dir = Path(content_dir)
    name = " ".join(name.split())
    slug = slugify(name)
    reserved = next(k.reserved_names for k in KINDS if k.folder == kind.folder)
    example = f'make {kind.command} {kind.variable}="{kind.sample}"'
    if not name or CONTROL.search(name) or len(name) > 200:
        print(f"Geef de naam van {kind.what}, hoogstens 200 tekens, bijvoorbeeld:\n    {example}")
        return 2
    if not slug or len(slug) > MAX_SLUG or slug in reserved:
        print(f"Van de naam '{name}' kan geen bestandsnaam worden gemaakt.\n"
              f"Gebruik letters en cijfers, bijvoorbeeld: {example}")
        return 2
    folder = content_dir / kind.folder
    existing = sorted(p for p in folder.rglob(f"{slug}.md")) if folder.is_dir() else []
    if existing:
        print(f"Er is al een bestand voor deze naam: {_shown(existing[0], content_dir)}\n"
              "Er is niets veranderd. Pas dat bestand aan, of kies een andere naam.")
        return 1
    template = content_dir / kind.template
    if not template.is_file():
        print(f"Het sjabloon {_shown(template, content_dir)} ontbreekt.")
        return 1
    text = scaffold_text(kind, template.read_text(encoding="utf-8"), name, slug, today or _today())
    target = folder / f"{slug}.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as out:  # 'x': never overwrite, even in a race
        out.write(text)
    shown = _shown(target, content_dir)
    print(f"Gemaakt: {shown}\n\nZo ga je verder:\n{kind.next_steps(shown, slug)}")
    return 0



def _today() -> date:
    # The edge of the program (a command a person runs), not the build: the clock is fine here.
    from scripts.assembly.dates import build_date_from
    return build_date_from(None)


def _shown(path: Path, content_dir: Path) -> str:
    try:
        return "content/" + path.relative_to(content_dir).as_posix()
    except ValueError:
        return path.as_posix()
