"""Dutch queries against a built site's search index, through Material's own search worker.

`results(site)` serves the site on localhost, opens its home page in Debian's chromium
(Playwright) and hands the site's search/search_index.json to Material's search worker (lunr
with the Dutch support Material bundles) as Material's own page script does, with the site's
zoeken.js in the page (it expands each query into Dutch word forms before the worker sees it);
then sends every query and keeps what the worker answers: the result locations in order, with
their scores. Used to hold the index the generator writes to the one Material's plugin made
(tests/test_search_index.py at 1×, `make bench` at 10×). Needs the test dependencies
(playwright); a tool, not part of the build.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")

# With and without accents, word forms, themes, organisations, places, a phrase, words that
# are nowhere, and a few common ones with many results.
QUERIES = (
    "cliëntenraad", "clientenraad", "cliënten", "clienten",
    "bijeenkomst", "bijeenkomsten", "budgetplafonds", "feestelijke", "zorgprofessionals",
    "zorgonderwijs", "wet zorg en dwang", "kwaliteitskader", "zeggenschap", "actieteams",
    "Topaz", "ActiZ", "Amstelring", "Zilveren Kruis",
    "Amersfoort", "Zeist", "Utrecht",
    '"radicale vernieuwing"', "radicale vernieuwing", "krimpgebieden", "voorlopers",
    "abonneren agenda", "xylofoonconcert",
)

# Material's worker protocol (src/templates/assets/javascripts/integrations/search/worker):
# 0 = set up with the index, 1 = ready, 2 = query, 3 = result.
_ASK = """async (queries) => {
  // zoeken.js is ready once it has read the index (it may wait for search to be opened: the
  // caller opens it); never wait for ever.
  if (window.rvZoeken) await Promise.race([window.rvZoeken.ready, new Promise((r) => setTimeout(r, 30000))]);
  const config = JSON.parse(document.getElementById("__config").textContent);
  const base = new URL(config.base + "/", location.href);
  const index = await (await fetch(new URL("search/search_index.json", base))).json();
  const worker = new Worker(new URL(config.search, base));
  const answer = () => new Promise((resolve) =>
    worker.addEventListener("message", (event) => resolve(event.data), { once: true }));
  let next = answer();
  worker.postMessage({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: true } } });
  await next;
  const found = {};
  for (const query of queries) {
    next = answer();
    worker.postMessage({ type: 2, data: query });
    const result = await next;
    found[query] = result.data.items.map((group) =>
      group.map((item) => [item.location, Math.round(item.score * 1e6) / 1e6]));
  }
  worker.terminate();
  return found;
}"""


@contextmanager
def _served(site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the signature of the base class
        pass


def results(site: Path, queries: Iterable[str] = QUERIES) -> dict[str, list[list[list]]]:
    """For each query, the worker's result groups (one per page): [location, score] per hit."""
    from playwright.sync_api import sync_playwright

    with _served(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        try:
            page = browser.new_page()
            page.goto(url + "/")
            page.locator(".md-search__input").click()  # as a visitor opens search
            return page.evaluate(_ASK, list(queries))
        finally:
            browser.close()


def differences(old: dict, new: dict) -> list[str]:
    """Each query whose results differ, with the first place where they do."""
    lines = []
    for query in sorted(set(old) | set(new)):
        a, b = old.get(query), new.get(query)
        if a != b:
            a, b = a or [], b or []
            at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
            lines.append(f"{query!r}: {len(a)} vs {len(b)} pages; from result {at + 1}: "
                         f"{a[at:at + 1]} vs {b[at:at + 1]}")
    return lines
