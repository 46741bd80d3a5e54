"""What a visitor's phone downloads per page kind before touching anything, for `make bench`
(and, when node_modules holds Lighthouse, its mobile scores).

A built site is served on localhost and each page is opened in Debian's Chromium at a phone's
width (390 px) until the network has been quiet for a second. Every file it asked for is
counted as the host serves it: text (HTML, CSS, JavaScript, JSON, SVG, XML) gzip-compressed at
level 6, images as they are. Playwright (a test tool) is imported only when this runs.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ics", ".webmanifest")
# kind → (glob under site/, prefix to leave out): the page kinds of the issue, plus two more.
KINDS: dict[str, tuple[str, str]] = {
    "home": ("index.html", ""),
    "agenda": ("bijeenkomsten/index.html", ""),
    "bijeenkomst": ("bijeenkomsten/*/index.html", "bijeenkomsten/archief/"),
    "deelnemers": ("deelnemers/index.html", ""),
    "deelnemer": ("deelnemers/*/index.html", "deelnemers/provincie/"),
    "artikel": ("actueel/*/index.html", "actueel/pagina/"),
    "thema": ("themas/*/index.html", ""),
    "meedoen": ("meedoen/index.html", ""),
}
LIGHTHOUSE_KINDS = ("home", "agenda", "bijeenkomst", "deelnemers", "artikel", "meedoen")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


@dataclass
class Weight:
    kind: str
    path: str
    requests: int
    raw: int  # bytes on disk
    sent: int  # bytes as the host sends them (text gzipped)
    largest: tuple[int, str]  # the heaviest file (sent bytes, path)


def kinds_in(site: Path) -> dict[str, str]:
    """kind → URL path of its largest page (the richest of its template)."""
    found = {}
    for kind, (pattern, skip) in KINDS.items():
        pages = [p for p in site.glob(pattern) if not (skip and p.relative_to(site).as_posix().startswith(skip))]
        if pages:
            best = max(pages, key=lambda p: (p.stat().st_size, p.as_posix()))
            found[kind] = "/" + best.relative_to(site).parent.as_posix().removeprefix(".").strip("/") + "/"
    return {kind: path.replace("//", "/") for kind, path in found.items()}


def sent_bytes(file: Path) -> int:
    data = file.read_bytes()
    return len(gzip.compress(data, 6, mtime=0)) if file.suffix in COMPRESSED else len(data)


class _AsTheHost(http.server.SimpleHTTPRequestHandler):
    """Serves text gzip-compressed to a browser that accepts it, as the host does (Lighthouse
    times the download by the bytes that really came)."""

    def send_head(self):
        file = Path(self.translate_path(self.path))
        if file.is_dir():
            file = file / "index.html"
        if (file.suffix not in COMPRESSED or not file.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(file.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(file)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_AsTheHost, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def file_for(site: Path, url: str) -> Path | None:
    path = site / unquote(urlsplit(url).path).lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


def page_weights(site: Path) -> list[Weight]:
    from playwright.sync_api import sync_playwright

    weights = []
    with served(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=["--no-sandbox", "--disable-gpu"])
        for kind, path in kinds_in(site).items():
            # A phone's width; a new context per page: an empty cache.
            context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL")
            page = context.new_page()
            asked: list[str] = []
            page.on("requestfinished", lambda request: asked.append(request.url))  # noqa: B023 (used in this pass only)
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(1000)
            files = [f for f in (file_for(site, url) for url in asked if url.startswith(base)) if f]
            sizes = [(sent_bytes(f), "/" + f.relative_to(site).as_posix()) for f in files]
            weights.append(Weight(kind, path, len(asked), sum(f.stat().st_size for f in files),
                                  sum(s for s, _ in sizes), max(sizes)))
            context.close()
        browser.close()
    return weights


def lighthouse_binary(project: Path) -> Path | None:
    binary = project / "node_modules" / ".bin" / "lighthouse"
    return binary if binary.exists() else None


def lighthouse_scores(site: Path, binary: Path) -> dict[str, dict[str, int]]:
    """kind → category → score (0–100): Lighthouse's mobile defaults (a throttled mid-range
    phone), Debian's Chromium headless."""
    scores: dict[str, dict[str, int]] = {}
    kinds = kinds_in(site)
    with served(site) as base:
        for kind in LIGHTHOUSE_KINDS:
            if kind not in kinds:
                continue
            result = subprocess.run(
                [str(binary), base + kinds[kind], "--output=json", "--quiet",
                 "--only-categories=" + ",".join(CATEGORIES),
                 "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                env=dict(os.environ, CHROME_PATH=CHROMIUM), capture_output=True, text=True, timeout=600)
            if result.returncode != 0:
                raise SystemExit(f"lighthouse {kinds[kind]} failed:\n{result.stderr[-3000:]}")
            report = json.loads(result.stdout)
            scores[kind] = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    return scores


def table(weights: list[Weight], scores: dict[str, dict[str, int]]) -> str:
    lines = ["| page kind | page | requests | sent (gzip) | on disk | heaviest file |"
             + ("".join(f" {c} |" for c in CATEGORIES) if scores else ""),
             "| --- | --- | ---: | ---: | ---: | --- |" + (" ---: |" * len(CATEGORIES) if scores else "")]
    for w in weights:
        row = (f"| {w.kind} | `{w.path}` | {w.requests} | {w.sent / 1024:,.1f} KiB | {w.raw / 1024:,.1f} KiB "
               f"| `{w.largest[1]}` {w.largest[0] / 1024:,.1f} KiB |")
        if scores:
            row += "".join(f" {scores[w.kind][c]} |" if w.kind in scores else " |" for c in CATEGORIES)
        lines.append(row)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """`python -m scripts.tools.pageweight [site]`: the table for a site built already."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m scripts.tools.pageweight", description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"))
    parser.add_argument("--lighthouse", action="store_true", help="add Lighthouse's mobile scores")
    args = parser.parse_args(argv)
    binary = lighthouse_binary(Path(__file__).resolve().parents[2])
    if args.lighthouse and not binary:
        raise SystemExit("Lighthouse ontbreekt in node_modules/: voer `npm ci` uit.")
    scores = lighthouse_scores(args.site, binary) if args.lighthouse and binary else {}
    print(table(page_weights(args.site), scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
