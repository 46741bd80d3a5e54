"""An item's card from render/cached.py is what its macro writes where a page calls it."""

from datetime import date
from pathlib import Path

from scripts.content.loader import load_content
from scripts.index import build_index
from scripts.render.context import Context, Settings
from scripts.render.environment import make_environment
from scripts.render.output import Output
from scripts.pages.organisations import entry_of

ROOT = Path(__file__).resolve().parents[2]
BUILD_DATE = date(2026, 11, 23)


def test_cards_are_the_macros_output_on_a_page():
    loaded = load_content(ROOT / "content")
    assert not loaded.problems
    ctx = Context(build_index(loaded.site, BUILD_DATE), Settings(BUILD_DATE), make_environment(), Output())
    cached = ctx.shared["cached"]

    def on_a_page(template: str, macro: str, *args: object) -> str:
        page = ctx.env.from_string(f'{{% from "{template}" import {macro} with context %}}'
                                   f"{{{{ {macro}(*args) }}}}")
        return page.render(**ctx.shared, args=args, title="Een pagina", items=[], current=1)

    for article in ctx.index.articles:
        for level in (2, 3):
            assert cached.article_item(article, level) == on_a_page("_macros.md.j2", "article_item", article, level)
        assert cached.article_item(article) == cached.article_item(article, 3)
    for occurrence in ctx.index.upcoming + ctx.index.past:
        assert cached.meeting_item(occurrence) == on_a_page("_macros.md.j2", "meeting_item", occurrence)
    for organisation in ctx.site.organisations.values():
        for data in (True, False):
            entry = entry_of(organisation)
            assert cached.directory_item(entry, data) == on_a_page("_directory.md.j2", "directory_item", entry, data)
