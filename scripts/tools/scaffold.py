"""`make deelnemer NAAM="Zorggroep Voorbeeld"`: a new organisation file that passes `make check`.

The file is made from content/_sjablonen/deelnemer.md: the name goes in, the template's example
values of optional fields become empty fields with the example on a comment line of its own
above the field (a person who types after an example on the value's own line would lose the
text to YAML's ' #'), and 'sinds' is this month. The template's sample sentence is not copied:
the validator refuses it when left in. An existing file is never overwritten.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from scripts.content.kinds import KINDS
from scripts.content.loader import MAX_SLUG
from scripts.content.safety import CONTROL
from scripts.model.slugs import slugify

FOLDER = "deelnemers"
TEMPLATE = "_sjablonen/deelnemer.md"
KEEP = ("bewegingen", "rol")  # required: the template's values are valid choices
_FIELD = re.compile(r"^([a-z_]+):[ \t]*(.*?)[ \t]*$")


def scaffold_text(template: str, name: str, slug: str, month: str) -> str:
    """The new file's text: the template with the name, 'sinds' and empty optional fields."""
    lines = template.splitlines()
    try:
        opening = lines.index("---")
        closing = lines.index("---", opening + 1)
    except ValueError:
        raise ValueError("het sjabloon heeft geen gegevens tussen twee regels '---'") from None
    front = []
    seen = set()
    for line in lines[opening + 1:closing]:
        match = _FIELD.match(line)
        if not match:
            front.append(line)
            continue
        key, example = match.groups()
        seen.add(key)
        if key == "naam":
            front.append(f"naam: {json.dumps(name, ensure_ascii=False)}")
        elif key == "sinds":
            front.append(f"sinds: {month}")
        elif key == "logo":
            front += [f"# Bijvoorbeeld: logo: logos/{slug}.png", "logo:"]
        elif key in KEEP:
            front.append(line)
        else:
            front += ([f"# Bijvoorbeeld: {key}: {example}"] if example else []) + [f"{key}:"]
    if "naam" not in seen:
        front.insert(0, f"naam: {json.dumps(name, ensure_ascii=False)}")
    if "logo" not in seen:
        front += [f"# Bijvoorbeeld: logo: logos/{slug}.png", "logo:"]
    front.append(BODY_HINT)
    return "\n".join(lines[:opening + 1] + front + [lines[closing]]) + "\n\n"


BODY_HINT = ("# Schrijf onder de regel --- hieronder in een paar zinnen wat jullie doen en waarom "
             "jullie meedoen.")


def new_organisation(content_dir: Path, name: str, today: date | None = None) -> int:
    """Write content/deelnemers/<slug>.md and say what to do next. Returns the exit code."""
    content_dir = Path(content_dir)
    name = " ".join(name.split())
    slug = slugify(name)
    reserved = next(k.reserved_names for k in KINDS if k.folder == FOLDER)
    if not name or CONTROL.search(name) or len(name) > 200:
        print("Geef de naam van de organisatie, hoogstens 200 tekens, bijvoorbeeld:\n"
              '    make deelnemer NAAM="Zorggroep Voorbeeld"')
        return 2
    if not slug or len(slug) > MAX_SLUG or slug in reserved:
        print(f"Van de naam '{name}' kan geen bestandsnaam worden gemaakt.\n"
              "Gebruik letters en cijfers, bijvoorbeeld: make deelnemer NAAM=\"Zorggroep Voorbeeld\"")
        return 2
    folder = content_dir / FOLDER
    existing = sorted(p for p in folder.rglob(f"{slug}.md")) if folder.is_dir() else []
    if existing:
        print(f"Er is al een bestand voor deze naam: {_shown(existing[0], content_dir)}\n"
              "Er is niets veranderd. Pas dat bestand aan, of kies een andere naam.")
        return 1
    template = content_dir / TEMPLATE
    if not template.is_file():
        print(f"Het sjabloon {_shown(template, content_dir)} ontbreekt.")
        return 1
    month = (today or _today()).strftime("%Y-%m")
    text = scaffold_text(template.read_text(encoding="utf-8"), name, slug, month)
    target = folder / f"{slug}.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as out:  # 'x': never overwrite, even in a race
        out.write(text)
    shown = _shown(target, content_dir)
    print(f"""Gemaakt: {shown}

Zo ga je verder:
  1. Open {shown} en vul je gegevens in, achter de dubbele punt.
     Op de regel met # erboven staat een voorbeeld; laat een veld leeg als je iets niet weet.
  2. Kies bij 'bewegingen' de beweging(en) waarin je meedoet en bij 'rol' je rol.
     Welke waarden mogen, staat in de handleiding: /handleiding/deelnemer/
  3. Heb je een logo? Zet het als PNG, JPG of WebP in content/deelnemers/logos/
     en schrijf bij 'logo' bijvoorbeeld: logos/{slug}.png
  4. Schrijf onder de tweede regel --- een paar zinnen over jullie organisatie.
  5. Controleer het bestand:  make check
  6. Bekijk de pagina:  make serve  en open http://127.0.0.1:8000/deelnemers/{slug}/
  7. Stuur het in met een pull request. Hoe dat gaat, lees je op de pagina Meedoen.""")
    return 0


def _today() -> date:
    # The edge of the program (a command a person runs), not the build: the clock is fine here.
    from scripts.build.dates import build_date_from
    return build_date_from(None)


def _shown(path: Path, content_dir: Path) -> str:
    try:
        return "content/" + path.relative_to(content_dir).as_posix()
    except ValueError:
        return path.as_posix()
