"""The toegankelijkheidsverklaring (/toegankelijkheid/), in the Dutch government's model: what
the site aims for, its status, what was tested, how and when, and what is known not to work.

What it says was tested comes only from the committed results of the accessibility tests
(toegankelijkheid.json, written by `python -m scripts.tools.accessibility_results`): the tests
that ran, how many cases passed, the date of that run and the tools' versions. No results, no
claim. The same file is published at /data/toegankelijkheid.json."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from scripts.render import dutch
from scripts.render.context import Context

RESULTS = Path(__file__).with_name("toegankelijkheid.json")


def read_results(path: Path = RESULTS) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def build(ctx: Context) -> None:
    results = read_results()
    tests = [t for t in results.get("tests", []) if isinstance(t, dict)]
    failed = sum(int(t.get("mislukt", 0)) for t in tests)
    passed = sum(int(t.get("geslaagd", 0)) for t in tests)
    run = ""
    try:
        run = dutch.day(date.fromisoformat(str(results.get("datum", ""))))
    except ValueError:
        pass  # no date, no claim of when
    if results:
        ctx.out.text("data/toegankelijkheid.json", json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    ctx.page("toegankelijkheid/index.md", "listing.html", title="Toegankelijkheidsverklaring",
             kind="toegankelijkheid", description="Hoe toegankelijk deze website is: wat we testen, "
             "hoe en wanneer, en wat nog niet goed werkt.", body_template="accessibility.md.j2",
             tests=tests, failed=failed, passed=passed, run=run, tools=results.get("hulpmiddelen", {}),
             built=dutch.day(ctx.index.build_date), has_results=bool(tests))
