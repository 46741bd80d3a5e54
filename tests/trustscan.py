"""Shared by the trust tests: parse built HTML and say what would run, and render generated
Markdown pages with the site's own Markdown configuration (mkdocs.yml)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import yaml
from conftest import PROJECT

from scripts.assembly.finished_html import put_back, set_apart

# geo: is the generator's own link to a meeting's coordinates (scripts/pages/meetings.py, geo_url,
# written from two validated numbers); contributed links cannot use it (render/contributed.py).
ALLOWED_SCHEMES = {"", "http", "https", "mailto", "tel", "webcal", "geo"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "xlink:href", "background",
                  "cite", "longdesc", "ping", "manifest", "codebase", "srcset", "srcdoc"}
# Never in a generated page's Markdown (the theme adds its own scripts around it).
FORBIDDEN_TAGS = {"script", "style", "iframe", "object", "embed", "base", "frame", "frameset", "svg",
                  "math", "template", "meta", "link", "applet"}
# Also never inside contributed text (the templates have a filter form and a logo).
FORBIDDEN_IN_CONTENT = FORBIDDEN_TAGS | {"form", "img", "input", "button", "select", "textarea"}


def scheme_of(url: str) -> str:
    """The scheme a browser sees (WHATWG URL parsing): leading and trailing C0 controls and
    spaces are stripped, tabs and newlines removed anywhere; a scheme is a letter followed by
    letters, digits, '+', '-' or '.', then ':'. Anything else is a relative URL ('')."""
    plain = url.strip("".join(chr(c) for c in range(0x21)))
    plain = plain.replace("\t", "").replace("\n", "").replace("\r", "")
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", plain)
    return match.group(1).lower() if match else ""


def generators_own(tag: str, attrs: dict, forbidden: set[str]) -> bool:
    """Two elements the generator itself writes outside contributed text, each told by what
    contributed text can never carry: a data block (`<script type="application/json">`, which a
    browser does not run; its JSON has '<' escaped, so it cannot end early: json_dumps_for_html)
    and the map of the provinces (`<svg class="rv-…">`: contributed text gets no class from the
    sanitiser, and names outside it are escaped). Inside contributed text neither is allowed."""
    if forbidden is FORBIDDEN_IN_CONTENT:
        return False
    if tag == "script":
        return attrs.get("type") == "application/json" and "src" not in attrs
    if tag == "svg":
        return (attrs.get("class") or "").startswith("rv-")
    return False


class Scan(HTMLParser):
    """What would run in parsed HTML: an on* attribute, a URL attribute with a scheme outside
    the allow-list, a mailto with a query, or one of the `forbidden` elements."""

    def __init__(self, forbidden: set[str]):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.forbidden = forbidden

    def handle_starttag(self, tag, attrs):
        if tag in self.forbidden and not generators_own(tag, dict(attrs), self.forbidden):
            self.found.append(f"<{tag}> {attrs}")
        for key, value in attrs:
            value = value or ""
            if key.startswith("on"):
                self.found.append(f"<{tag} {key}={value[:60]!r}>")
            if key in URL_ATTRIBUTES:
                urls = [part.split()[0] for part in value.split(",") if part.strip()] if key == "srcset" else [value]
                for url in urls:
                    scheme = scheme_of(url)
                    if scheme not in ALLOWED_SCHEMES:
                        self.found.append(f"<{tag} {key}={url[:60]!r}>")
                    if scheme == "mailto" and "?" in url:
                        self.found.append(f"<{tag} {key}={url[:60]!r}> (mailto with a query)")

    handle_startendtag = handle_starttag


_CONTRIBUTED = re.compile(r'<div class="rv-tekst">\n(.*?)\n</div>', re.DOTALL)


def scan(html: str) -> list[str]:
    """Problems in a page: forbidden elements anywhere, and inside the blocks of contributed
    text (`rv-tekst`) also forms, images and inputs."""
    found = []
    for part, forbidden in [(html, FORBIDDEN_TAGS)] + [(m.group(1), FORBIDDEN_IN_CONTENT)
                                                       for m in _CONTRIBUTED.finditer(html)]:
        parser = Scan(forbidden)
        parser.feed(part)
        parser.close()
        found += parser.found
    return found


def markdown_settings(fragments: Path) -> tuple[list[str], dict[str, dict]]:
    """The extensions of mkdocs.yml and their settings, snippets reading from `fragments`."""
    config = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
    extensions, configs = [], {}
    for item in config["markdown_extensions"]:
        name, options = (next(iter(item.items())) if isinstance(item, dict) else (item, None))
        extensions.append(name)
        if options:
            configs[name] = dict(options)
    configs.setdefault("pymdownx.snippets", {})["base_path"] = [str(fragments)]
    configs["pymdownx.snippets"]["check_paths"] = False
    return extensions, configs


def site_markdown(fragments: Path) -> markdown.Markdown:
    """Python-Markdown with exactly the extensions and settings of mkdocs.yml (what the engine
    runs on every generated page), snippets reading from `fragments`."""
    extensions, configs = markdown_settings(fragments)
    return markdown.Markdown(extensions=extensions, extension_configs=configs)


def page_html(md: markdown.Markdown, page: bytes, meta: dict) -> str:
    """A generated page (its Markdown and its front matter, Output.files and Output.meta) as
    the engine's Markdown makes HTML of it; the front matter's title and description come
    along (the theme writes them unescaped)."""
    text = page.decode("utf-8")
    head = "".join(f"<title>{meta.get(k, '')}</title>" for k in ("title", "description"))
    # As the MkDocs hook converts a generated page: finished HTML blocks set apart, put back.
    text, blocks = set_apart(text)
    return head.replace("<title>", "<p>").replace("</title>", "</p>") + put_back(md.reset().convert(text), blocks)


def scan_attributes(html: str) -> list[str]:
    """Only on* attributes and URL schemes: for whole pages of the theme, which has scripts."""
    parser = Scan(set())
    parser.feed(html)
    parser.close()
    return parser.found
