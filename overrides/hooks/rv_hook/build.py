"""Run the generator and hand its pages and files to MkDocs in memory.

All the work happens in the `scripts` package, which never imports MkDocs. Other engines
(Zensical runs no hooks) get the same pages from `python -m scripts generate`, which writes
them under docs/ before the engine starts.

In memory, not on disk, for two reasons:
- `mkdocs serve` watches docs/: a hook that writes there during a build wakes the watcher and
  every edit costs two builds and two reloads. In memory, one edit gives one build.
- isolation: `mkdocs build` and `mkdocs serve` never share generated files, so a build while
  the preview runs gives the same bytes, and the preview's own address (serve rewrites
  site_url to 127.0.0.1) never reaches site/. Generated files that an earlier
  `python -m scripts generate` left under docs/ are ignored; the hook's own take their place.

A generated page's front matter is handed over as data: the generator's mapping becomes the
page's meta (`Build.source`), and its file holds only the Markdown, so no YAML is written for
MkDocs to parse back. The home page's fragments are put into the page here (as the snippets
extension would), so that page, too, changes when they do. The pages handed over go through Python-Markdown with
their finished HTML blocks set apart (scripts/assembly/finished_html.py): the same bytes,
without parsing every block again.
"""

from __future__ import annotations

import logging
import os
import re
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from scripts.assembly.dates import build_date_from
from scripts.assembly.finished_html import put_back, set_apart
from scripts.assembly.links import FRAGMENTS
from scripts.assembly.settings import contribution_settings
from scripts.assembly.writer import GENERATED_DIRS
from scripts.render.context import Settings

from .generation import Generation

log = logging.getLogger("mkdocs.hooks.generate")

_SNIPPET = re.compile(r'^--8<-- "([^"\n]+)"[ \t]*$', re.MULTILINE)


def project_of(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def build_date() -> date:
    try:
        return build_date_from(None)
    except ValueError:
        raise Abort("BUILD_DATE of SOURCE_DATE_EPOCH is geen geldige datum; gebruik JJJJ-MM-DD.") from None


def configure(config: MkDocsConfig) -> None:
    """The settings both engines read from mkdocs.yml, completed for this build."""
    # MkDocs dates the sitemap from SOURCE_DATE_EPOCH or the clock; tie it to the build date.
    if "SOURCE_DATE_EPOCH" not in os.environ:
        midnight = datetime.combine(build_date(), time(0), UTC)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(midnight.timestamp()))
    # mkdocs.yml names the snippet folder relative to the project (both engines read that
    # line); made absolute here so that `mkdocs -f` works from any folder.
    snippets = config.mdx_configs.get("pymdownx.snippets", {})
    if snippets.get("base_path"):
        snippets["base_path"] = [str(project_of(config) / p) for p in snippets["base_path"]]


class Build:
    """The generator's files for MkDocs. One object lives as long as the MkDocs process: the
    last generation is reused while content/, the build date and the address stay the same
    (the preview then rebuilds an edit of a hand-written page without regenerating), and the
    preview generates ahead (generation.py)."""

    def __init__(self) -> None:
        self.generation = Generation()
        # This build's pages and files handed over (generated, or hand-written with generated
        # fragments put in) → their bytes; and during a page's conversion its set-apart blocks.
        self.handed: dict[str, bytes] = {}
        self.generated_pages: list[str] = []  # the generator's own pages of this build
        self.generated: set[str] = set()  # the same, to look up
        self.meta: dict[str, dict[str, Any]] = {}  # their front matter, as data
        self._apart: dict[str, dict[str, str]] = {}

    def generate(self, config: MkDocsConfig) -> dict[str, bytes]:
        content = project_of(config) / "content"
        extra: dict[str, Any] = dict(config.extra or {})
        settings = Settings(build_date=build_date(), site_url=config.site_url or "/",
                            edit_base=extra.get("bewerk_url", ""), site_name=config.site_name,
                            **contribution_settings(extra))
        problems, out, again = self.generation.get(content, settings)
        if out is None:
            raise Abort("De inhoud bevat fouten; de site is niet gebouwd.\n\n" + problems.report())
        if again:
            log.info("Gegenereerd: niets veranderd in content/, bouwdatum %s", settings.build_date.isoformat())
        else:
            log.info("Gegenereerd: %d bestanden, bouwdatum %s", len(out.files), settings.build_date.isoformat())
        self.meta = out.meta
        return out.files

    def hand_over(self, files: Files, config: MkDocsConfig) -> tuple[list[File], dict[str, bytes]]:
        """The files MkDocs found that stay as they are, and the pages and files the hook
        hands over instead (path under docs/ → bytes)."""
        generated = self.generate(config)
        pages = {path: data for path, data in generated.items() if not path.startswith(FRAGMENTS)}
        self.generated_pages = [path for path in pages if path.endswith(".md")]
        self.generated = set(self.generated_pages)
        kept = []
        for file in files:
            if file.src_uri.split("/", 1)[0] in GENERATED_DIRS:
                continue  # left by `python -m scripts generate`; the hook's own take their place
            if file.is_documentation_page() and file.abs_src_path:
                text = Path(file.abs_src_path).read_text(encoding="utf-8-sig")
                if "--8<--" in text:
                    pages[file.src_uri] = _with_fragments(text, generated).encode("utf-8")
                    continue
            kept.append(file)
        self.handed = pages
        return kept, pages

    def source(self, markdown: str, page: Page) -> str:
        """A generated page's Markdown and meta from the generator (first in on_page_markdown;
        no plugin of this site reads them before). A copy of the mapping: the same generation
        serves every preview build while content/ stays the same."""
        meta = self.meta.get(page.file.src_uri)
        if meta is None:
            return markdown
        page.meta = dict(meta)
        # The file's own text, not MkDocs' reading of it: without front matter MkDocs takes
        # leading `Key: value` lines as MultiMarkdown meta.
        return self.handed[page.file.src_uri].decode("utf-8")

    def set_apart(self, markdown: str, page: Page) -> tuple[str, dict[str, str]]:
        """A handed page's Markdown with its finished HTML blocks set apart (on_page_markdown),
        and the blocks by token."""
        if page.file.src_uri not in self.handed:
            return markdown, {}  # a hand-written page: Python-Markdown reads all of it
        markdown, blocks = set_apart(markdown)
        if blocks:
            self._apart[page.file.src_uri] = blocks
        return markdown, blocks

    def blocks_of(self, page: Page) -> dict[str, str]:
        """The page's set-apart blocks, by token (once, in on_page_content)."""
        return self._apart.pop(page.file.src_uri, {})

    @staticmethod
    def put_back(html: str, blocks: dict[str, str]) -> str:
        return put_back(html, blocks)


def _with_fragments(markdown: str, generated: dict[str, bytes]) -> str:
    """The lines `--8<-- "x.md"` that name a generated fragment, replaced by it (as the
    snippets extension does; Zensical, which runs no hooks, reads the same fragments from
    docs/_fragmenten/ through that extension)."""

    def include(match: re.Match[str]) -> str:
        data = generated.get(FRAGMENTS + match.group(1))
        return data.decode("utf-8").rstrip("\n") if data is not None else match.group(0)

    return _SNIPPET.sub(include, markdown)
