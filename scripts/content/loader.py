"""Load content/: every file read, checked and turned into a record; all problems in one run."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from scripts.content import published

from scripts.content import records
from scripts.content.assets import check_asset_folder, check_download, check_logo
from scripts.model.items import Site
from scripts.content.problems import ProblemList
from scripts.content.references import check_references
from scripts.content.safety import body_problems, field_problems
from scripts.content.schema_check import check_schema, drop_empty
from scripts.model.slugs import slugify
from scripts.content.source import SourceFile, read_source

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_SLUG = 120


@dataclass(frozen=True)
class Kind:
    folder: str  # under content/
    schema: str  # scripts/content/schemas/<schema>.schema.json
    attribute: str  # the Site field that holds the records
    reserved: tuple[str, ...] = ()  # slugs that name a page of the section itself
    assets: str = ""  # a subfolder with files that are not items


KINDS = (
    Kind("bewegingen", "beweging", "movements"),
    Kind("themas", "thema", "themes"),
    Kind("deelnemers", "deelnemer", "organisations", ("pagina", "kaart", "oud", "provincie"), "logos"),
    Kind("bijeenkomsten", "bijeenkomst", "meetings", ("archief", "pagina", "agenda", "reeks")),
    Kind("actueel", "artikel", "articles", ("pagina", "feed"), "downloads"),
)


@dataclass(frozen=True)
class Loaded:
    site: Site
    problems: ProblemList
    sources: dict  # (kind folder, slug) → SourceFile, for line numbers in later checks


def content_files(content_dir: Path, kind: Kind) -> list[Path]:
    """Markdown files of a kind, also in subfolders (e.g. per year); `_`-folders are skipped."""
    folder = content_dir / kind.folder
    if not folder.is_dir():
        return []
    files = []
    for path in sorted(folder.rglob("*")):
        parts = path.relative_to(folder).parts
        if any(p.startswith(("_", ".")) for p in parts) or (kind.assets and parts[0] == kind.assets):
            continue
        if path.is_file() and path.name.lower() != "readme.md":
            files.append(path)
    return files


def load_content(content_dir: Path, project_dir: Path | None = None) -> Loaded:
    content_dir = Path(content_dir)
    project_dir = Path(project_dir) if project_dir else content_dir.parent
    problems = ProblemList()
    collected: dict[str, dict] = {kind.attribute: {} for kind in KINDS}
    sources: dict = {}
    checked: set[str] = set()  # 'deelnemers/logos/x.png': checked through the field that names it
    known: dict[str, dict[str, str]] = {kind.folder: {} for kind in KINDS}  # slug → path

    for kind in KINDS:
        for file in content_files(content_dir, kind):
            rel = _relative(file, project_dir)
            slug = file.stem
            if file.is_symlink():
                problems.add(rel, 0, "", "Dit bestand is een koppeling (symlink) naar een ander bestand.",
                             "Zet de inhoud zelf in het bestand.")
                continue
            if file.suffix != ".md":
                problems.add(rel, 0, "", "Dit bestand hoort hier niet: alleen .md-bestanden.",
                             "Geef het bestand de extensie .md, of zet het in een map die met _ begint.")
                continue
            if len(slug) > MAX_SLUG:
                problems.add(rel, 0, "", f"De bestandsnaam is te lang ({len(slug)} tekens).",
                             f"Houd de naam onder {MAX_SLUG} tekens; gebruik een paar woorden uit de titel.")
                continue
            if not SLUG.match(slug):
                problems.add(rel, 0, "", f"De bestandsnaam '{file.name}' mag alleen kleine letters, "
                             "cijfers en streepjes bevatten.", f"Noem het bestand bijvoorbeeld "
                             f"'{slugify(slug) or 'naam'}.md'.")
                continue
            if slug in kind.reserved:
                problems.add(rel, 0, "", f"De naam '{slug}' is al in gebruik voor een pagina van de site.",
                             "Kies een andere bestandsnaam.")
                continue
            if slug in known[kind.folder]:
                problems.add(rel, 0, "", f"Er is al een bestand met de naam '{file.name}': "
                             f"{known[kind.folder][slug]}.", "Elke naam mag maar één keer voorkomen, "
                             "ook in verschillende mappen. Kies een andere bestandsnaam.")
                continue
            known[kind.folder][slug] = rel
            source = read_source(file, rel, problems)
            if source is None:
                continue
            sources[(kind.folder, slug)] = source
            record = _build(kind, slug, source, content_dir, problems, checked)
            if record is not None:
                collected[kind.attribute][slug] = record

    for kind in KINDS:
        if kind.assets:
            check_asset_folder(content_dir / kind.folder / kind.assets,
                               _relative(content_dir / kind.folder / kind.assets, project_dir),
                               checked, problems)
    site = Site(**{name: dict(sorted(items.items())) for name, items in collected.items()})
    check_references(site, known, sources, problems)
    published.check(site, sources, content_dir, problems, project_dir)  # raised volgnummer
    return Loaded(site, problems, sources)


def _build(kind: Kind, slug: str, source: SourceFile, content_dir: Path, problems: ProblemList,
           checked: set[str]):
    before = len(problems)
    data = drop_empty(source.data)
    _check_characters(source, data, (), problems)
    failed = check_schema(kind.schema, source, data, problems)
    fields = records.Fields(source, data, failed, problems)
    for offset, message, hint in body_problems(source.body):
        problems.add(source.path, source.body_line + offset, "tekst", message, hint)
    if kind.folder == "bewegingen":
        record = records.build_movement(slug, fields)
    elif kind.folder == "themas":
        record = records.build_theme(slug, fields)
    elif kind.folder == "deelnemers":
        record = records.build_organisation(slug, fields)
        if record.logo and "logo" not in failed:
            check_logo(content_dir / "deelnemers" / record.logo, source, problems)
            checked.add("deelnemers/" + record.logo)
    elif kind.folder == "bijeenkomsten":
        record = records.build_meeting(slug, fields)
    else:
        record = records.build_article(slug, fields, content_dir / "actueel" / "downloads")
        for download in record.downloads:
            if download.url.startswith("/actueel/downloads/"):
                check_download(content_dir / download.url.removeprefix("/"), source, problems)
                checked.add(download.url.removeprefix("/"))
    return record if len(problems) == before else None


def _check_characters(source: SourceFile, value, path: tuple, problems: ProblemList) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _check_characters(source, item, path + (key,), problems)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_characters(source, item, path + (index,), problems)
    elif isinstance(value, str):
        for message, hint in field_problems(value):
            problems.add(source.path, source.line(*path), ".".join(map(str, path)), message, hint)


def _relative(file: Path, project_dir: Path) -> str:
    try:
        return file.relative_to(project_dir).as_posix()
    except ValueError:
        return file.as_posix()
