"""Old addresses of the movement's sites keep working: a small HTML page at each old address
sends the visitor on to the new page (meta refresh, a canonical link and a plain link).

Static pages rather than server rules, so that it works on any host and in both engines.
The list is content/_oude-adressen.yml plus two rules derived from the content itself:
/praktijkvoorbeelden/<slug>/ for every article and /themas/<parent>/<theme>/ for every theme
with a parent. A target must be a page this build makes; a mistake is a Dutch problem."""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts.content.problems import ProblemList
from scripts.render.context import Context

MAPPING = "_oude-adressen.yml"
ADDRESS = re.compile(r"^/(?:[a-z0-9][a-z0-9._-]*/)+$")
HAND_WRITTEN = {"/", "/meedoen/", "/over/"}  # pages in docs/ itself


@dataclass(frozen=True)
class Redirect:
    old: str  # '/praktijkvoorbeelden/adviezen/'
    new: str  # '/actueel/adviezen-…/'


def generated_pages(files: dict[str, bytes]) -> set[str]:
    """'actueel/x.md' → '/actueel/x/', 'actueel/index.md' → '/actueel/'."""
    pages = set()
    for rel in files:
        if rel.endswith(".md") and not rel.startswith("_"):
            stem = rel[: -len(".md")]
            stem = stem[: -len("/index")] if stem.endswith("/index") else stem
            pages.add("/" + stem + "/")
    return pages


def derived(ctx: Context) -> list[Redirect]:
    found = [Redirect(f"/praktijkvoorbeelden/{slug}/", f"/actueel/{slug}/") for slug in sorted(ctx.site.articles)]
    found += [Redirect(f"/themas/{t.parent}/{t.slug}/", f"/themas/{t.slug}/")
              for t in sorted(ctx.site.themes.values(), key=lambda t: t.slug) if t.parent]
    return found


def read_mapping(content_dir: Path, problems: ProblemList) -> list[tuple[Redirect, int]]:
    file = content_dir / MAPPING
    rel = f"content/{MAPPING}"
    if not file.is_file():
        return []
    try:
        root = yaml.compose(file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        problems.add(rel, mark.line + 1 if mark else 0, "", "Dit bestand is geen geldige YAML.",
                     "Kijk naar de inspringing en de dubbele punten; vergelijk met de regels erboven.")
        return []
    found: list[tuple[Redirect, int]] = []
    entries = None
    if isinstance(root, yaml.MappingNode):
        entries = next((v for k, v in root.value if k.value == "omleidingen"), None)
    if not isinstance(entries, yaml.SequenceNode):
        problems.add(rel, 1, "omleidingen", "Er staat geen lijst 'omleidingen' in dit bestand.",
                     "Begin met 'omleidingen:' en zet daaronder regels met '- van:' en 'naar:'.")
        return []
    for entry in entries.value:
        line = entry.start_mark.line + 1
        values = ({k.value: v.value for k, v in entry.value if isinstance(v, yaml.ScalarNode)}
                  if isinstance(entry, yaml.MappingNode) else {})
        old, new = str(values.get("van", "")), str(values.get("naar", ""))
        for name, value in (("van", old), ("naar", new)):
            if not ADDRESS.match(value) and not (name == "naar" and value == "/"):
                problems.add(rel, line, name, f"'{value}' is geen adres zoals /map/pagina/.",
                             "Begin en eindig met een schuine streep, kleine letters, cijfers en streepjes.")
                break
        else:
            found.append((Redirect(old, new), line))
    return found


def page_html(ctx: Context, redirect: Redirect) -> str:
    relative = posixpath.relpath(redirect.new, redirect.old)
    relative = "./" if relative == "." else relative.rstrip("/") + "/"
    href = html.escape(relative, quote=True)
    canonical = html.escape(ctx.absolute(redirect.new), quote=True)
    return (
        "<!doctype html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        "<title>Deze pagina is verhuisd</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{canonical}">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        "</head>\n<body>\n"
        f'<p>Deze pagina is verhuisd. Je vindt haar nu op <a href="{href}">{html.escape(redirect.new)}</a>.</p>\n'
        "</body>\n</html>\n")


def build(ctx: Context, content_dir: Path) -> ProblemList:
    """Write the redirect pages; return the problems of the mapping file (empty when fine)."""
    problems = ProblemList()
    pages = generated_pages(ctx.out.files) | HAND_WRITTEN
    listed = read_mapping(Path(content_dir), problems)
    chosen: dict[str, Redirect] = {r.old: r for r in derived(ctx)}
    for redirect, line in listed:
        if redirect.new not in pages:
            problems.add(f"content/{MAPPING}", line, "naar", f"De pagina {redirect.new} bestaat niet op deze site.",
                         "Open de site met 'make serve' en kopieer het adres van de goede pagina.")
        elif redirect.old in pages:
            problems.add(f"content/{MAPPING}", line, "van", f"Op {redirect.old} staat al een pagina van deze site.",
                         "Haal deze regel weg: het oude adres werkt nog.")
        else:
            chosen[redirect.old] = redirect
    for old in sorted(chosen):
        redirect = chosen[old]
        if redirect.new in pages and old not in pages:
            ctx.out.text(old.strip("/") + "/index.html", page_html(ctx, redirect))
    return problems


def all_redirects(ctx: Context, content_dir: Path) -> list[Redirect]:
    """Every redirect of a build (for tests and the report)."""
    return derived(ctx) + [r for r, _ in read_mapping(Path(content_dir), ProblemList())]
