"""axe-core (from npm, injected into the page) finds no WCAG 2.1 A/AA violation on any page kind,
at desktop and at phone width.

axe-core comes from node_modules/ (`npm ci`); the rule set is WCAG 2.0 and 2.1, levels A and AA:
contrast, link styling, landmarks, form labels, alt texts, the language attribute and more.
"""

from __future__ import annotations

import json

import pytest

from conftest import PROJECT
from pagekinds import PATTERNS, REQUIRED, page_kinds

pytestmark = pytest.mark.browser

AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"desktop": 1280, "telefoon": 390}
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                          resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 200),
                              summary: n.failureSummary}))}));
}"""


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE} ontbreekt: run `npm ci` in {PROJECT} (make test doet dat ook).")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def kinds(built_site) -> dict[str, str]:
    return page_kinds(built_site)


def test_every_page_kind_is_there(kinds):
    missing = [kind for kind in REQUIRED if kind not in kinds]
    assert not missing, f"page kinds missing from the built site: {missing}"


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}  [{v['helpUrl']}]")
        for node in v["nodes"][:5]:
            lines.append(f"    at {node['target']}\n      {node['html']}")
            lines.append("      " + node["summary"].replace("\n", "\n      "))
        if len(v["nodes"]) > 5:
            lines.append(f"    … and {len(v['nodes']) - 5} more elements")
    return "\n".join(lines)


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("kind", PATTERNS)
def test_no_wcag_violations(browser, site_url, kinds, axe_source, kind, width):
    if kind not in kinds:
        if kind in REQUIRED:
            pytest.fail(f"no page of kind {kind!r} in the built site")
        pytest.skip(f"the site has no page of kind {kind!r} (yet)")
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(site_url + kinds[kind], wait_until="load")
        # Material rewraps tables and mounts components after load; axe must see the final DOM.
        page.wait_for_load_state("networkidle")
        page.add_script_tag(content=axe_source)
        violations = page.evaluate(RUN_AXE, TAGS)
    finally:
        context.close()
    assert not violations, (
        f"axe found {len(violations)} WCAG violation(s) on {kinds[kind]} ({kind}, {width}px):\n"
        + describe(violations) + "\n\nraw: " + json.dumps([v["id"] for v in violations]))
