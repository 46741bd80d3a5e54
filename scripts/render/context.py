"""What every page builder needs: the index, the settings, the templates, and a few helpers."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit
from datetime import date

from jinja2 import Environment, Template

from scripts.index import SiteIndex
from scripts.model.items import Article, Meeting
from scripts.render import dutch, share_image
from scripts.render.cached import CachedMacros
from scripts.render.macros import build_macros
from scripts.render.output import Output

PAGE_SIZE = 20  # items per list page: pages stay small however much content there is

# The kind of page as visitors name it. Material's search shows a page's `tags` under each
# result, so a hit reads "Nieuws", "Bijeenkomst" or "Deelnemer" (mkdocs.yml keeps their boost low).
KIND_LABELS = {"artikel": "Nieuws", "actueel": "Nieuws", "bijeenkomst": "Bijeenkomst",
               "agenda": "Agenda", "deelnemer": "Deelnemer", "deelnemers": "Deelnemers",
               "thema": "Thema", "themas": "Thema's", "trefwoord": "Trefwoord",
               "trefwoorden": "Trefwoorden", "beweging": "Beweging", "bewegingen": "Bewegingen",
               "handleiding": "Handleiding"}


@dataclass(frozen=True)
class Settings:
    build_date: date
    site_url: str = "https://www.radicalevernieuwing.nl/"  # ends with '/'
    edit_base: str = ""  # e.g. https://github.com/owner/repo/edit/main/ ; '' hides edit links
    site_name: str = "Radicale vernieuwing"
    # Where contributions go (the forms of scripts/pages/forms.py): the repository's address on
    # its host ('https://github.com/owner/repo'), its branch, and the movement's e-mail address.
    repository: str = ""
    branch: str = "main"
    email: str = ""


@dataclass
class Context:
    index: SiteIndex
    settings: Settings
    env: Environment
    out: Output
    # What every template gets: the build's values, the shared macros (render/macros.py)
    # and the item macros rendered once per item (render/cached.py).
    shared: dict[str, Any] = field(init=False, repr=False)

    # The templates of this build: the environment checks a template's file for changes on
    # every get_template (a stat), once per build is enough for the preview to see an edit.
    templates: dict[str, Template] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        macros: dict[str, Any] = {}
        self.shared = {"ctx": self, "index": self.index, "site": self.index.site,
                       "cached": CachedMacros(macros)}
        macros.update(build_macros(self.env, self.shared))  # they see the values above
        self.shared.update(macros)

    @property
    def site(self):
        return self.index.site

    def absolute(self, path: str) -> str:
        """'/ical/alle.ics' → 'https://…/ical/alle.ics'."""
        return self.settings.site_url.rstrip("/") + "/" + path.lstrip("/")

    def edit_url(self, source: str) -> str:
        return self.settings.edit_base + source if self.settings.edit_base and source else ""

    def render(self, template: str, **values: Any) -> str:
        found = self.templates.get(template)
        if found is None:
            found = self.templates[template] = self.env.get_template(template)
        return found.render(**self.shared, **values)

    def page(self, path: str, template: str, *, title: str, description: str, kind: str,
             body_template: str, feeds: list | None = None, json_ld: dict | None = None,
             source: str = "", extra: dict | None = None, **values: Any) -> None:
        # MkDocs renders theme templates without autoescaping, so text that reaches <title>
        # and <meta> is escaped here, once.
        meta: dict[str, Any] = {"template": template, "title": html.escape(title),
                "description": html.escape(" ".join(description.split())[:300]), "kind": kind}
        if kind in KIND_LABELS:
            meta["tags"] = [KIND_LABELS[kind]]
        if feeds:
            meta["feeds"] = feeds
        if json_ld:
            meta["json_ld"] = json_dumps_for_html(json_ld)
        if source and self.edit_url(source):
            meta["edit_url"] = self.edit_url(source)
        if extra:
            meta.update(extra)
        meta["share_image"] = share_image_path(path)
        self.out.page(path, meta, self.render(body_template, title=title, **values))
        # After the page: two items claiming one address clash on the page (which the build's
        # last defence traces to its content file), not first on the card's file.
        self.share_image(path, title, kind, values)

    def share_image(self, path: str, title: str, kind: str, values: dict[str, Any]) -> str:
        """The page's own share card (render/share_image.py), written next to the pages;
        returns its path under the site root for og:image."""
        image = share_image_path(path)
        host = urlsplit(self.settings.site_url).hostname or ""
        self.out.binary(image, share_image.card(title, KIND_LABELS.get(kind, ""), share_detail(values),
                                                self.settings.site_name, host.removeprefix("www.")))
        return image


def share_image_path(page_path: str) -> str:
    """Where a page's share card is written, under the site root (its og:image)."""
    return "deelkaarten/" + page_path.removesuffix(".md") + ".png"


def share_detail(values: dict[str, Any]) -> str:
    """The line under the title on a share card: a meeting's date and place, an article's date."""
    for value in values.values():
        if isinstance(value, Meeting):
            place = value.place.city if value.place else ("online" if value.online else "")
            return ", ".join(p for p in (dutch.meeting_when(value), place) if p)
        if isinstance(value, Article):
            return dutch.day(value.date)
    return ""


def json_dumps_for_html(data: Any) -> str:
    """JSON that is safe inside a <script> element: '<', '>' and '&' are escaped."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def paginate(items: list, size: int = PAGE_SIZE) -> list[list]:
    """Pages of at most `size` items; always at least one (possibly empty) page."""
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def pagination_paths(section: str, count: int) -> list[str]:
    """'actueel/index.md', 'actueel/pagina/2.md', …"""
    return [f"{section}/index.md" if n == 1 else f"{section}/pagina/{n}.md"
            for n in range(1, count + 1)]
