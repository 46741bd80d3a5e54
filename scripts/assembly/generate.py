"""One build: load and check content/, derive the index, render every page and feed, write docs/."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from scripts.assembly.links import relative_links_in
from scripts.assembly.writer import GENERATED_DIRS, write_output
from scripts.content.addresses import address_of, check_output
from scripts.content.loader import load_content
from scripts.content.problems import ProblemList
from scripts.content import published
from scripts.feeds import calendar, new_organisations, opendata, opendata_schema
from scripts.feeds import news as newsfeeds
from scripts.index import build_index
from scripts.render.context import Context, Settings
from scripts.render.environment import make_environment
from scripts.render.output import Output, SharedPath
from scripts.content.assets import LOGO_EXTENSIONS, publish_logo, published_logo
from scripts.pages import (accessibility, articles, embed, follow, forms, guide, hand_written, home, meetings,
                          organisations, redirects, themes)


@dataclass(frozen=True)
class Result:
    problems: ProblemList
    written: int = 0
    removed: int = 0
    files: int = 0


def render_site(content_dir: Path, settings: Settings, new_files: frozenset[str] | None = None,
                html_links: str = "address") -> tuple[ProblemList, Output | None]:
    """Everything in memory; no files are written. `make check` runs this too, so whatever
    would break the build is a problem with a file and line there, never a traceback.
    html_links: how links in generated HTML are written (scripts/assembly/links.py): "address"
    for MkDocs (the hook), "source" for Zensical (`generate`, which writes docs/)."""
    loaded = load_content(content_dir, new_files=new_files)
    if loaded.problems:
        return loaded.problems, None
    try:
        # SEQUENCE and stamps of the meetings come from the published baseline (content/published.py)
        tracked = published.track(loaded.site, published.read(content_dir), settings.build_date, content_dir)
        ctx = Context(build_index(tracked.site, settings.build_date), settings, make_environment(), Output())
        ctx.out.text(published.PUBLISHED, tracked.baseline)
        for builder in (meetings.build, organisations.build, new_organisations.build, articles.build, themes.build,
                        home.build, newsfeeds.build, calendar.build, opendata.build, guide.open_data,
                        opendata_schema.build, embed.build, follow.build, accessibility.build):
            builder(ctx)
        guide.build(ctx, content_dir / "_sjablonen")
        forms.build(ctx)
        hand_written.build(ctx, Path(content_dir).parent / "docs", GENERATED_DIRS)
        copy_assets(content_dir, ctx.out)
        problems = ProblemList(new_files=new_files)
        if loaded.addresses is not None:  # the old addresses against every file of the build
            check_output(list(ctx.out.files), _hand_written(content_dir),
                         [(r.old, line) for r, line in redirects.read_mapping(content_dir, ProblemList())],
                         f"content/{redirects.MAPPING}", replace(loaded.addresses, problems=problems))
        if problems:
            return problems, None
        problems = redirects.build(ctx, content_dir)  # last: it checks its targets against all pages
        relative_links_in(ctx.out.files, html_links)
    except SharedPath as error:  # the register should have refused the name that claimed it
        problems = ProblemList()
        address = address_of(error.path)
        owner = loaded.addresses.owner(address) if loaded.addresses is not None else None
        if owner is not None:
            problems.add(owner.path, owner.line, owner.field, f"Het adres {address} is al in gebruik: "
                         "de site maakt daar zelf al een bestand.", owner.hint or "Kies een ander adres.")
        else:
            problems.add(_source_in_traceback(error) or content_dir.name, 0, "",
                         f"Twee bestanden van de site krijgen het adres {address}.",
                         "Dit is een fout in de site zelf: meld het aan de beheerders.")
    except Exception as error:  # the last resort: the checks should have caught the cause
        problems = ProblemList()
        source = _source_in_traceback(error)
        # The type of the error helps the maintainers; its (English) text is not for contributors.
        problems.add(source or content_dir.name, 0, "",
                     f"De site kan niet worden gemaakt ({type(error).__name__}).",
                     "Dit is een fout in de site zelf. Welk bestand heb je het laatst veranderd? "
                     "Vergelijk het met een sjabloon in content/_sjablonen/ en meld het aan de beheerders.")
    if problems:
        return problems, None
    return loaded.problems, ctx.out


def _hand_written(content_dir: Path) -> list[str]:
    """The files under docs/ that are not generated: pages and assets the engine publishes."""
    docs = Path(content_dir).parent / "docs"
    if not docs.is_dir():
        return []
    return [path.relative_to(docs).as_posix() for path in hand_written.outside(docs, GENERATED_DIRS)
            if path.is_file()]


def _source_in_traceback(error: BaseException) -> str:
    """The content file of the innermost record that was being rendered, if any."""
    found = ""
    frame_tb = error.__traceback__
    while frame_tb is not None:
        for value in frame_tb.tb_frame.f_locals.values():
            try:  # a local may be anything, a Jinja Undefined that raises on every attribute too
                source = getattr(value, "source", None)
            except Exception:
                continue
            if isinstance(source, str) and source.endswith(".md"):
                found = source
        frame_tb = frame_tb.tb_next
    return found


def copy_assets(content_dir: Path, out: Output) -> None:
    """Logos are decoded and published as fresh PNGs, downloads as PDFs rewritten by qpdf
    without anything a reader runs (scripts/content/pdfs.py): no contributed bytes are served
    as they came. Nothing else is ever published."""
    for folder, target, kinds in (("deelnemers/logos", "deelnemers/logos", LOGO_EXTENSIONS),
                                  ("actueel/downloads", "actueel/downloads", (".pdf",))):
        source = content_dir / folder
        if source.is_dir():
            for file in sorted(source.iterdir()):
                if file.is_file() and not file.name.startswith(".") and file.suffix.lower() in kinds:
                    if folder.endswith("logos"):
                        out.binary(f"{target}/{published_logo(file.name)}", publish_logo(file.read_bytes()))
                    else:
                        from scripts.content.pdfs import clean_pdf  # pikepdf only when there is a PDF
                        out.binary(f"{target}/{file.name}", clean_pdf(file.read_bytes()))


def content_fingerprint(content_dir: Path) -> tuple:
    """Every file under content/ with its size and modification time: when this is the same,
    so is the generation (the preview reuses it for an edit outside content/)."""
    entries = []
    for path in sorted(Path(content_dir).rglob("*")):
        if path.is_file():
            stat = path.stat()
            entries.append((path.relative_to(content_dir).as_posix(), stat.st_size, stat.st_mtime_ns))
    return tuple(entries)


def generate(content_dir: Path, docs_dir: Path, settings: Settings) -> Result:
    """docs/ for an engine that reads it and runs no hook: Zensical (links.py: "source")."""
    problems, out = render_site(Path(content_dir), settings, html_links="source")
    if out is None:
        return Result(problems)
    written, removed = write_output(Path(docs_dir), out.with_front_matter())
    return Result(problems, written, removed, len(out.files))
