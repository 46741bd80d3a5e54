"""Share cards for the hand-written pages in docs/ (home, about, joining, …), so that every page
has its own card, not only the generated ones. The title comes from the page's front matter,
else its first heading, else its file name; the template finds the card by the page's address
(overrides/theme/main.html)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import yaml

from scripts.render.context import Context

FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
HEADING = re.compile(r"^# +(.+?) *$", re.M)


def title_of(text: str, fallback: str) -> str:
    """The page's title as MkDocs takes it: front matter `title`, else the first heading."""
    match = FRONT_MATTER.match(text)
    if match:
        try:
            meta = yaml.safe_load(match.group(1))
        except yaml.YAMLError:
            meta = None
        if isinstance(meta, dict) and isinstance(meta.get("title"), str) and meta["title"].strip():
            return meta["title"].strip()
    heading = HEADING.search(text)
    return heading.group(1) if heading else fallback


def outside(docs: Path, generated: tuple[str, ...]) -> list[Path]:
    """Every path under `docs` outside its generated folders, sorted as `sorted(docs.rglob("*"))`
    sorts them. The generated folders are not walked: once `python -m scripts generate` has
    written them (for Zensical, or the benchmark's floor) they hold thousands of files."""
    found: list[Path] = []
    for root, folders, names in os.walk(docs, followlinks=True):
        if root == str(docs):
            folders[:] = [name for name in folders if name not in generated]
            names = [name for name in names if name not in generated]
        found.extend(Path(root, name) for name in [*folders, *names])
    return sorted(found)


def build(ctx: Context, docs: Path, generated: tuple[str, ...]) -> None:
    if not docs.is_dir():
        return
    for page in outside(docs, generated):
        if not page.name.endswith(".md") or page.is_dir():
            continue
        relative = page.relative_to(docs)
        text = page.read_text(encoding="utf-8", errors="replace")
        # Named as the page's address: a/index.md is at a/, so its card is a.png (index.md: index.png)
        name = relative.as_posix().removesuffix(".md")
        name = name.removesuffix("/index") if name != "index" else name
        ctx.share_image(name + ".md", title_of(text, page.stem.replace("-", " ").capitalize()), "", {})
