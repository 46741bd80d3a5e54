"""Refuse what a contributor copied from a template and forgot to change.

The templates in content/_sjablonen/ show example values ("Zorggroep Voorbeeld",
https://www.voorbeeld.nl, a sample sentence under the second '---'). Left in, they would be
published as the organisation's own text or as a news item, so the validator names them.
"""

from __future__ import annotations

import stat
from functools import cache
from pathlib import Path

from scripts.content.problems import ProblemList
from scripts.content.source import SourceFile, read_source

# Fields whose template value is only an example (lists and choices such as 'rol' are real
# values that a contributor may keep).
# The organisation and news templates are what `make deelnemer`, `make bericht` and strangers'
# pull requests start from, and their examples are obviously examples ("Titel van het bericht").
# The meeting template reads like a real meeting (tests and editors copy it on purpose), so its
# values are not refused; `make bijeenkomst` leaves its required fields empty instead.
LEFTOVER_KINDS = ("deelnemers", "actueel")
SAMPLE_FIELDS = ("naam", "titel", "korte_naam", "beschrijving", "samenvatting", "website")
EXAMPLE_HOSTS = ("voorbeeld.nl",)  # the host of the templates' example addresses


@cache
def _template(path: Path, mtime: float) -> SourceFile | None:
    return read_source(path, path.name, ProblemList())


def template_for(content_dir: Path, schema: str) -> SourceFile | None:
    path = Path(content_dir) / "_sjablonen" / f"{schema}.md"
    try:
        status = path.stat()  # one look at the file (asked for every file of a kind)
    except OSError:
        return None
    if not stat.S_ISREG(status.st_mode):
        return None
    return _template(path, status.st_mtime)


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).lower() == " ".join(b.split()).lower()


def check_leftovers(source: SourceFile, template: SourceFile | None, problems: ProblemList) -> None:
    for key in SAMPLE_FIELDS:
        value = source.data.get(key)
        if not isinstance(value, str) or not value.strip():
            continue
        example = template.data.get(key) if template else None
        if isinstance(example, str) and _same(value, example):
            problems.add(source.path, source.line(key), key,
                         f"'{value[:80]}' is het voorbeeld uit het sjabloon.",
                         "Schrijf hier je eigen gegevens, of laat het veld leeg als het niet "
                         "verplicht is.")
        elif key == "website" and any(value.lower().split("//")[-1].split("/")[0].endswith(host)
                                      for host in EXAMPLE_HOSTS):
            problems.add(source.path, source.line(key), key,
                         f"'{value[:80]}' is een voorbeeldadres, niet jullie website.",
                         "Schrijf het adres van jullie eigen website, of laat 'website' leeg.")
    if template and template.body.strip():
        for offset, line in enumerate(source.body.split("\n")):
            if line.strip() and _same(line, template.body.strip().split("\n")[0]):
                problems.add(source.path, source.body_line + offset, "tekst",
                             "Deze zin is het voorbeeld uit het sjabloon.",
                             "Schrijf in een paar zinnen jullie eigen verhaal, of haal de zin weg.")
