"""One page load per page and width serves every measurement of that page (issue 17): axe-core's
WCAG check (tests/test_accessibility.py) and the reading comfort, layout shifts and footer
(tests/test_reading.py). A load with its waits costs more than all the measuring after it.

The result is kept as JSON in the run's shared folder, keyed by the site's folder, the path and
the width: whichever test (and whichever xdist worker) asks first loads and measures the page,
the others read what it found. Each test still asserts its own part."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from conftest import PROJECT, build_once

AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MIN_PX = 16

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                          resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 200),
                              summary: n.failureSummary}))}));
}"""

# Before any page script: record every layout shift from the first paint on.
OBSERVE_SHIFTS = """
window.__rvShifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__rvShifts.push({value: entry.value,
      sources: (entry.sources || []).map(s => s.node ? (s.node.className || s.node.nodeName) + '' : '?')});
  }
}).observe({type: 'layout-shift', buffered: true});
"""

SMALL_TEXT = """(minimum) => {
  const small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    const el = node.parentElement;
    if (!el || !el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) continue;
    if (box.right < 0 || box.bottom < 0 || box.left > document.documentElement.scrollWidth) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < minimum) small.push(`${size}px <${el.tagName.toLowerCase()} class="${el.className}">` +
                                   ` ${node.textContent.trim().slice(0, 40)}`);
  }
  return [...new Set(small)];
}"""

TOUCHING = """() => {
  const targets = [...document.querySelectorAll('.md-typeset .md-button, .rv-deur, .rv-pager a')]
    .filter(el => el.checkVisibility()).map(el => [el, el.getBoundingClientRect()]);
  const touching = [];
  for (let i = 0; i < targets.length; i++)
    for (let j = i + 1; j < targets.length; j++) {
      const [a, r] = targets[i], [b, s] = targets[j];
      const apart = Math.max(s.left - r.right, r.left - s.right, s.top - r.bottom, r.top - s.bottom);
      if (apart < 4) touching.push(`${a.textContent.trim()} / ${b.textContent.trim()}`);
    }
  return touching;
}"""


def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE} ontbreekt: run `npm ci` in {PROJECT} (make test doet dat ook).")
    return AXE.read_text(encoding="utf-8")


def _measure(browser, url: str, width: int) -> dict:
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-NL")
    try:
        context.add_init_script(OBSERVE_SHIFTS)
        page = context.new_page()
        page.goto(url, wait_until="load")
        # Material rewraps tables and mounts components after load; axe must see the final DOM,
        # and late shifts (scripts that show parts after load) count too.
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
        result = {
            "small": page.evaluate(SMALL_TEXT, MIN_PX),
            "shifts": page.evaluate("() => window.__rvShifts"),
            "text": page.locator("body").inner_text(),
            "html": page.content(),
            "touching": page.evaluate(TOUCHING),
        }
        page.add_script_tag(content=axe_source())
        result["violations"] = page.evaluate(RUN_AXE, AXE_TAGS)
        return result
    finally:
        context.close()


def measure_page(browser, shared_dir: Path, site: Path, base_url: str, path: str, width: int) -> dict:
    """Everything measured on `path` of the built `site` (served at `base_url`) at `width`,
    loaded once per run: {small, shifts, text, html, touching, violations}."""
    key = hashlib.sha256(f"{Path(site).resolve()}|{path}|{width}".encode()).hexdigest()[:16]

    def make(folder: Path) -> Path:
        result = folder / "page.json"
        result.write_text(json.dumps(_measure(browser, base_url + path, width)), encoding="utf-8")
        return result
    return json.loads(build_once(shared_dir, "page-" + key, make).read_text(encoding="utf-8"))
