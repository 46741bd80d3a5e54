"""One build: load and check content/, derive the index, render every page and feed, write docs/."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scripts.build.links import relative_links_in
from scripts.build.writer import write_output
from scripts.content.loader import load_content
from scripts.content.problems import ProblemList
from scripts.feeds import calendar, opendata
from scripts.feeds import news as newsfeeds
from scripts.index import build_index
from scripts.render.context import Context, Settings
from scripts.render.environment import make_environment
from scripts.render.output import Output
from scripts.site import articles, guide, home, meetings, organisations, themes


@dataclass(frozen=True)
class Result:
    problems: ProblemList
    written: int = 0
    removed: int = 0
    files: int = 0


def render_site(content_dir: Path, settings: Settings) -> tuple[ProblemList, Output | None]:
    """Everything in memory; no files are written."""
    loaded = load_content(content_dir)
    if loaded.problems:
        return loaded.problems, None
    ctx = Context(build_index(loaded.site, settings.build_date), settings, make_environment(), Output())
    for builder in (meetings.build, organisations.build, articles.build, themes.build, home.build,
                    newsfeeds.build, calendar.build, opendata.build):
        builder(ctx)
    guide.build(ctx, content_dir / "_sjablonen")
    copy_assets(content_dir, ctx.out)
    relative_links_in(ctx.out.files)
    return loaded.problems, ctx.out


def copy_assets(content_dir: Path, out: Output) -> None:
    """Logos and downloads go to the site as they are (the validator checked them); only
    image and pdf files, so that nothing the browser would run is ever published."""
    for folder, target, kinds in (("deelnemers/logos", "deelnemers/logos", (".png", ".jpg", ".jpeg", ".webp")),
                                  ("actueel/downloads", "actueel/downloads", (".pdf",))):
        source = content_dir / folder
        if source.is_dir():
            for file in sorted(source.iterdir()):
                if file.is_file() and not file.name.startswith(".") and file.suffix.lower() in kinds:
                    out.binary(f"{target}/{file.name}", file.read_bytes())


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
    problems, out = render_site(Path(content_dir), settings)
    if out is None:
        return Result(problems)
    written, removed = write_output(Path(docs_dir), out.files)
    return Result(problems, written, removed, len(out.files))
