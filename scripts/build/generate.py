"""One build: load and check content/, derive the index, render every page and feed, write docs/."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scripts.render.environment import make_environment
from scripts.index import build_index
from scripts.content import published
from scripts.content.loader import load_content
from scripts.feeds import opendata, opendata_schema
from scripts.render.output import Output
from scripts.site import articles
from scripts.feeds import calendar
from scripts.site import guide
from scripts.site import home
from scripts.site import meetings
from scripts.feeds import news as newsfeeds
from scripts.site import organisations
from scripts.site import themes
from scripts.render.context import Context, Settings
from scripts.content.problems import ProblemList
from scripts.build.writer import write_output


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
    # SEQUENCE and stamps of the meetings come from the published baseline (content/published.py)
    tracked = published.track(loaded.site, published.read(content_dir), settings.build_date, content_dir)
    ctx = Context(build_index(tracked.site, settings.build_date), settings, make_environment(), Output())
    ctx.out.text(published.PUBLISHED, tracked.baseline)
    for builder in (meetings.build, organisations.build, articles.build, themes.build, home.build,
                    newsfeeds.build, calendar.build, opendata.build, opendata_schema.build):
        builder(ctx)
    guide.build(ctx, content_dir / "_sjablonen")
    copy_assets(content_dir, ctx.out)
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


def generate(content_dir: Path, docs_dir: Path, settings: Settings) -> Result:
    problems, out = render_site(Path(content_dir), settings)
    if out is None:
        return Result(problems)
    written, removed = write_output(Path(docs_dir), out.files)
    return Result(problems, written, removed, len(out.files))
