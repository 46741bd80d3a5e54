"""Share cards for the hand-written pages in docs/ (home, about, joining, …), so that every page
has its own card, not only the generated ones. The title comes from the page's front matter,
else its first heading, else its file name; the template finds the card by the page's address
(overrides/theme/main.html)."""

from __future__ import annotations

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


def build(ctx: Context, docs: Path, generated: tuple[str, ...]) -> None:
    if not docs.is_dir():
        return
    for page in sorted(docs.rglob("*.md")):
        relative = page.relative_to(docs)
        if relative.parts[0] in generated:
            continue
        text = page.read_text(encoding="utf-8", errors="replace")
        # Named as the page's address: a/index.md is at a/, so its card is a.png (index.md: index.png)
        name = relative.as_posix().removesuffix(".md")
        name = name.removesuffix("/index") if name != "index" else name
        ctx.share_image(name + ".md", title_of(text, page.stem.replace("-", " ").capitalize()), "", {})
