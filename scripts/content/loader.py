"""Load content/: every file read, checked and turned into a record; all problems in one run."""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass
from typing import Any
from pathlib import Path

from urllib.parse import urlsplit

from scripts.content import published, records
from scripts.content.addresses import Claim, Register, address_of
from scripts.content.assets import check_asset_folder, check_download, check_logo
from scripts.content.kinds import FOLDERS, KINDS, Kind
from scripts.content.lookalikes import host_problem, shown_host
from scripts.content.leftovers import LEFTOVER_KINDS, check_leftovers, template_for
from scripts.content.problems import ProblemList, blamed
from scripts.content.references import check_references
from scripts.content.safety import body_problems, field_problems
from scripts.content.schema_check import check_schema, drop_empty
from scripts.content.source import Resolver, SourceFile, read_source, relative_path
from scripts.model.items import Article, Meeting, Movement, Organisation, Site, Theme
from scripts.model.slugs import slugify

__all__ = ["KINDS", "Kind", "Loaded", "MAX_SLUG", "content_files", "load_content"]

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_SLUG = 120
Record = Movement | Theme | Organisation | Meeting | Article
UNEXPECTED_HINT = ("Dit is een fout in de site zelf, niet in je bestand alleen. Vergelijk je bestand "
                   "met een sjabloon in content/_sjablonen/ en meld het aan de beheerders.")
URL_FIELDS = ("website", "link", "url")  # keys whose text is a web address


@dataclass(frozen=True)
class Loaded:
    site: Site
    problems: ProblemList
    sources: dict  # (kind folder, slug) → SourceFile, for line numbers in later checks
    addresses: Register | None = None  # every address a contributed file claims (addresses.py)


def content_files(content_dir: Path, kind: Kind) -> list[Path]:
    """Markdown files of a kind, also in subfolders (e.g. per year); `_`- and dot-folders are skipped here
    (and reported by _check_folders: nothing is skipped without a word)."""
    folder = content_dir / kind.folder
    if not folder.is_dir():
        return []
    files = []
    for path in sorted(folder.rglob("*"), key=_path_order):
        parts = path.relative_to(folder).parts
        if any(p.startswith(("_", ".")) for p in parts) or (kind.assets and parts[0] == kind.assets):
            continue
        if path.is_file() and path.name.lower() != "readme.md":
            files.append(path)
    return files


def _path_order(path: Path) -> tuple[str, ...]:
    """The order of sorted(paths), by parts as Path compares them: a key is made once per
    path, Path's own comparison builds its parts again for every comparison."""
    return path.parts


def load_content(content_dir: Path, project_dir: Path | None = None,
                 new_files: frozenset[str] | None = None) -> Loaded:
    """`new_files`: project-relative paths that the change under review adds (a pull request's
    files). A clash between two files is then reported on the new one; without it, on both."""
    content_dir = Path(content_dir)
    project_dir = Path(project_dir) if project_dir else content_dir.parent
    problems = ProblemList(new_files=new_files)
    resolver = Resolver()  # for this run only: the folders may change before the next
    _check_folders(content_dir, project_dir, problems)
    collected: dict[str, dict] = {kind.attribute: {} for kind in KINDS}
    sources: dict = {}
    checked: set[str] = set()  # 'deelnemers/logos/x.png': checked through the field that names it
    known: dict[str, dict[str, str]] = {kind.folder: {} for kind in KINDS}  # slug → path
    files = {kind.folder: content_files(content_dir, kind) for kind in KINDS}
    others = _other_files(content_dir, files)
    register = _site_register(problems)

    for kind in KINDS:
        for file in files[kind.folder]:
            rel = relative_path(file, project_dir, resolver)
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
            if slug in kind.reserved_names:
                problems.add(rel, 0, "", f"De naam '{file.name}' is al in gebruik voor een pagina "
                             f"van de site (/{kind.folder}/{'' if slug == 'index' else slug + '/'}).",
                             "Kies een andere bestandsnaam, bijvoorbeeld met de naam van de organisatie.")
                continue
            if slug in known[kind.folder]:
                other = known[kind.folder][slug]
                for path, twin in blamed(problems.new_files, other, rel):
                    problems.add(path, 0, "", f"Twee bestanden hebben de naam '{file.name}': "
                                 f"{path} en {twin}.", "Elke naam mag maar één keer voorkomen, "
                                 "ook in verschillende mappen. Kies voor het nieuwe bestand een andere naam.")
                if problems.new_files is not None and other in problems.new_files \
                        and rel not in problems.new_files:
                    known[kind.folder][slug] = rel
                continue
            known[kind.folder][slug] = rel
            register.claim(Claim(f"/{kind.folder}/{slug}/", "de pagina van een ander bestand", rel,
                                 hint="Kies een andere bestandsnaam."))
            source, record = _read_and_build(kind, slug, file, rel, content_dir, problems, checked,
                                             others)
            if source is None:
                continue
            sources[(kind.folder, slug)] = source
            if record is not None:
                collected[kind.attribute][slug] = record

    for kind in KINDS:
        if kind.assets:
            check_asset_folder(content_dir / kind.folder / kind.assets,
                               relative_path(content_dir / kind.folder / kind.assets, project_dir, resolver),
                               checked, problems)
    site = Site(**{name: dict(sorted(items.items())) for name, items in collected.items()})
    try:
        check_references(site, known, sources, problems)
        published.check(site, sources, content_dir, problems, project_dir,  # raised volgnummer
                        resolver, register)
        _claim_names(sources, register)
    except Exception as error:  # the last resort: a Dutch problem, never a traceback
        problems.add(relative_path(content_dir, project_dir), 0, "",
                     f"De verwijzingen tussen de bestanden kunnen niet worden gecontroleerd "
                     f"({type(error).__name__}).", UNEXPECTED_HINT)
    return Loaded(site, problems, sources, register)


def _site_register(problems: ProblemList) -> Register:
    """The register with the addresses each section keeps for itself (kinds.py)."""
    register = Register(problems)
    for kind in KINDS:
        register.reserve(f"/{kind.folder}/", "de overzichtspagina van de site")
        for name in kind.reserved_names:
            register.reserve(f"/{kind.folder}/{name}/")
    register.reserve("/trefwoord/", "de overzichtspagina van de site")
    return register


def _claim_names(sources: dict, register: Register) -> None:
    """The names a file claims besides its own: keywords and series (shared by every file
    that names them). `eerdere_namen` are claimed by published.check (it knows the baseline)."""
    for (folder, _slug), source in sorted(sources.items()):
        if folder == "actueel" and isinstance(source.data.get("trefwoorden"), list):
            for index, label in enumerate(source.data["trefwoorden"]):
                keyword = slugify(label) if isinstance(label, str) else ""
                if keyword:
                    register.claim(Claim(
                        address_of(f"trefwoord/{keyword}.md"), "de pagina van een trefwoord",
                        source.path, source.line("trefwoorden", index), f"trefwoorden[{index + 1}]",
                        value=keyword, hint="Kies een ander trefwoord, of schrijf het wat anders."))
        series = source.data.get("reeks") if folder == "bijeenkomsten" else None
        if isinstance(series, str) and series.strip():
            name = slugify(series)
            if not name:
                register.problems.add(source.path, source.line("reeks"), "reeks",
                                      "De naam van de reeks heeft geen letters of cijfers.",
                                      "Geef de reeks een naam met letters, bijvoorbeeld 'Week van de zorg'.")
                continue
            register.claim(Claim(f"/bijeenkomsten/reeks/{name}/", "de pagina van een andere reeks",
                                 source.path, source.line("reeks"), "reeks", value=series.strip(),
                                 hint="Schrijf de naam van de reeks precies zoals in de andere "
                                      "bijeenkomsten van de reeks, of kies een andere naam."))


# One file's outcome (its SourceFile, record, problems and checked assets), kept while the
# process runs: the preview (`mkdocs serve`) then reads and checks again only the files that
# changed. The key holds the file's bytes and everything else the outcome can depend on: the
# kind, name and paths, and the size and time of every other file under content/ (templates
# in _sjablonen/, logos, downloads), so any change there checks every file again.
_CACHE: dict[str, tuple] = {}  # file → (key, outcome)
_CACHE_LIMIT = 50_000  # files; far above any real content/ (then the cache starts afresh)


def _other_files(content_dir: Path, files: dict[str, list[Path]]) -> tuple:
    """Every file under content/ that is not a content file, with its size and time."""
    if not content_dir.is_dir():
        return ()
    skip = {path for paths in files.values() for path in paths}
    entries = []
    for path in sorted(content_dir.rglob("*"), key=_path_order):
        if path not in skip and path.is_file():
            stat = path.stat()
            entries.append((path.as_posix(), stat.st_size, stat.st_mtime_ns))
    return tuple(entries)


def _read_and_build(kind: Kind, slug: str, file: Path, rel: str, content_dir: Path,
                    problems: ProblemList, checked: set[str],
                    others: tuple) -> tuple[SourceFile | None, Record | None]:
    """read_source and _build for one file, from the cache when its inputs are the same."""
    try:
        raw = file.read_bytes()
    except OSError:
        raw = None  # read_source reports it (and nothing is kept)
    key = (kind.folder, slug, rel, content_dir.as_posix(), raw, others)
    kept = _CACHE.get(file.as_posix())
    if raw is not None and kept is not None and kept[0] == key:
        source, record, found, assets = kept[1]
    else:
        mine = ProblemList()
        named: set[str] = set()
        source = read_source(file, rel, mine, raw)
        record = None
        if source is not None:
            try:
                record = _build(kind, slug, source, content_dir, mine, named)
            except Exception as error:  # the last resort: a Dutch problem, never a traceback
                mine.add(rel, 0, "", f"Dit bestand kan niet worden verwerkt ({type(error).__name__}).",
                         UNEXPECTED_HINT)
        found = tuple(mine.items)
        if raw is not None:
            if len(_CACHE) >= _CACHE_LIMIT:
                _CACHE.clear()
            _CACHE[file.as_posix()] = (key, (source, record, found, frozenset(named)))
        assets = frozenset(named)
    problems.items.extend(found)
    checked.update(assets)
    return source, record


def _build(kind: Kind, slug: str, source: SourceFile, content_dir: Path, problems: ProblemList,
           checked: set[str]) -> Record | None:
    before = len(problems)
    data = drop_empty(source.data)
    _check_characters(source, data, (), problems)
    failed = check_schema(kind.schema, source, data, problems)
    fields = records.Fields(source, data, failed, problems)
    if kind.folder in LEFTOVER_KINDS:
        check_leftovers(source, template_for(content_dir, kind.schema), problems)
    for offset, message, hint in body_problems(source.body):
        problems.add(source.path, source.body_line + offset, "tekst", message, hint)
    record: Record
    if kind.folder == "bewegingen":
        record = records.build_movement(slug, fields)
    elif kind.folder == "themas":
        record = records.build_theme(slug, fields)
    elif kind.folder == "deelnemers":
        record = records.build_organisation(slug, fields)
        logo = fields.text("logo")
        if logo and "logo" not in failed:
            check_logo(content_dir / "deelnemers" / logo, source, problems)
            checked.add("deelnemers/" + logo)
    elif kind.folder == "bijeenkomsten":
        record = records.build_meeting(slug, fields)
    else:
        record = records.build_article(slug, fields, content_dir / "actueel" / "downloads")
        for download in record.downloads:  # an Article
            if download.url.startswith("/actueel/downloads/"):
                check_download(content_dir / download.url.removeprefix("/"), source, problems)
                checked.add(download.url.removeprefix("/"))
    return record if len(problems) == before else None


def _check_characters(source: SourceFile, value: Any, path: tuple, problems: ProblemList,
                      key: str = "") -> None:
    """`key`: the nearest field name in `path` (an item of a list is in its list's field)."""
    if isinstance(value, dict):
        for name, item in value.items():
            _check_characters(source, item, path + (name,), problems, name if isinstance(name, str) else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_characters(source, item, path + (index,), problems, key)
    elif isinstance(value, str):
        name = ".".join(map(str, path))
        for message, hint in field_problems(value):
            problems.add(source.path, source.line(*path), name, message, hint)
        if key in URL_FIELDS and value.strip():
            problem = _url_problem(value.strip())
            if problem:
                problems.add(source.path, source.line(*path), name, problem,
                             "Kopieer het adres uit de adresbalk van je browser, bijvoorbeeld "
                             "https://www.voorbeeld.nl/.")


def _url_problem(url: str) -> str:
    """What a browser or the generator cannot read in a web address ('' when fine)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018  (raises on a port that is not a number)
    except ValueError:
        return f"'{url[:80]}' is geen geldig webadres: het kan niet worden gelezen."
    if parts.scheme.lower() not in ("http", "https"):
        return f"'{url[:80]}' is geen geldig webadres: het begint niet met https://."
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        # 'https://arkin.nl@evil.example/' shows one host and goes to another.
        return (f"'{url[:80]}' is geen geldig webadres: door de '@' gaat de browser naar "
                f"'{shown_host(host)}', niet naar wat ervoor staat.")
    if "." not in host or not re.fullmatch(r"[\w.-]+", host) or ".." in host \
            or host.startswith((".", "-")) or host.endswith(("-", ".")):
        return f"'{url[:80]}' is geen geldig webadres: '{host or '(leeg)'}' is geen domeinnaam."
    problem = host_problem(host)
    if problem:
        return f"'{url[:80]}' is geen geldig webadres: {problem}"
    return ""


# Names starting with '_' that the site reads itself (everything else under a '_' is unread).
READ_UNDERSCORED = {("_sjablonen",), ("_oude-adressen.yml",), ("bijeenkomsten", "_gepubliceerd.json")}


def _unread_files(path: Path) -> list[Path]:
    """Every file (and symlink) in a folder, without following symlinks; the folder itself
    when it holds nothing."""
    if path.is_symlink() or not path.is_dir():
        return [path]
    found = []
    for root, dirs, names in os.walk(path, followlinks=False):
        found += [Path(root) / name for name in names]
        found += [Path(root) / name for name in dirs if (Path(root) / name).is_symlink()]
    return sorted(found)


def _check_folders(content_dir: Path, project_dir: Path, problems: ProblemList) -> None:
    """Nothing under content/ is skipped without a word, and every problem names a file by
    its path in the repository: a file in a misspelt folder (content/deelnemer/), a dot-file
    ('.naam.md', which the site skips), a file in a folder starting with '_' that nothing
    reads, a symlinked folder. (Files in the kinds' folders and asset folders are checked
    where they are read; symlinked files there too.)"""
    if not content_dir.is_dir():
        return
    assets = {(kind.folder, kind.assets) for kind in KINDS if kind.assets}
    for root, dirs, names in os.walk(content_dir, followlinks=False):
        here = Path(root).relative_to(content_dir).parts
        if here[:2] in assets or (here and (here[0].startswith(("_", ".")) or here[0] not in FOLDERS)):
            dirs[:] = []  # asset folders: assets.py; unread top-level folders: reported below
            continue
        for name in sorted(dirs + names):
            path = Path(root) / name
            parts = here + (name,)
            if parts in READ_UNDERSCORED:
                continue
            if not here and not name.startswith(("_", ".")) and name not in FOLDERS \
                    and name.lower() != "readme.md":
                _misplaced(path, name, content_dir, project_dir, problems)
                continue
            if name.startswith("."):
                message = (f"'{name}' begint met een punt: de site slaat zo'n bestand over en publiceert "
                           "het niet.")
                hint = "Geef het een naam die met een letter begint, of haal het weg."
            elif name.startswith("_"):
                message = (f"'{name}' begint met _: de site leest dat niet en publiceert het niet "
                           "(alleen content/_sjablonen/ en content/_oude-adressen.yml worden gelezen).")
                hint = "Geef het een naam zonder _ vooraan, of haal het weg."
            elif path.is_symlink() and (name in dirs or not path.exists()):
                message = ("Dit is een koppeling (symlink) naar een andere map of een bestand dat er niet "
                           "is: de site leest het niet.")
                hint = "Zet de bestanden zelf in de map."
            else:
                continue
            for file in _unread_files(path):
                problems.add(relative_path(file, project_dir), 0, "", message if file == path else
                             f"Dit bestand staat in '{name}': " + message[0].lower() + message[1:], hint)
            if name in dirs:
                dirs.remove(name)


def _misplaced(path: Path, name: str, content_dir: Path, project_dir: Path, problems: ProblemList) -> None:
    """A file at the top of content/, or each file in a folder the site does not know."""
    close = difflib.get_close_matches(name.lower(), FOLDERS, n=1, cutoff=0.6)
    folders = ", ".join(FOLDERS)
    if path.is_dir() and not path.is_symlink():
        for file in _unread_files(path):
            problems.add(relative_path(file, project_dir), 0, "",
                         f"Dit bestand staat in de map '{name}', die de site niet kent: het wordt "
                         "niet gepubliceerd.",
                         (f"Bedoel je '{close[0]}'? " if close else "") + "De mappen zijn: " + folders + ".")
    else:
        problems.add(relative_path(path, project_dir), 0, "", "Dit bestand staat niet in een map van de "
                     "site en wordt niet gepubliceerd.", "Zet het in een van de mappen: " + folders + ".")
