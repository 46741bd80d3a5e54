"""Issue 20: the organisation files hold the sourced facts, and nothing else unsourced.

tests/fixtures/facts/deelnemers.csv is the committed table of facts taken from the research
notes (/work/shared/facts/organisations.md): one row per fact (file, field, value, source,
confidence), high or medium confidence only. An empty value says the field must be absent
(a correction: the sources do not support it, e.g. Land van Horne's 2020 orientation year).

- Every row holds in its file: same value, and the file names the row's source (a comment).
- Every website, place, province, since and until in an organisation file has a row: a fact
  cannot be added, changed or lost without the table saying so and naming a source.
  A new organisation's own file is its source: add rows with the pull request's address.
- The built site carries the same facts (its open data, /data/deelnemers.json).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, PROJECT

TABLE = FIXTURES / "facts" / "deelnemers.csv"
FOLDER = PROJECT / "content" / "deelnemers"
FIELDS = ("website", "plaats", "provincie", "sinds", "tot")
# the open data's names for the same fields
OPEN_DATA = {"website": "website", "plaats": "plaats", "provincie": "provincie", "sinds": "sinds", "tot": "tot"}


def read_table(path: Path = TABLE) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def front_matter(path: Path) -> dict[str, str]:
    """The file's fields as the contributor wrote them (every scalar a string, as the loader keeps them)."""
    text = path.read_text(encoding="utf-8")
    _, block, _ = text.split("---\n", 2)
    data = yaml.load(block, Loader=yaml.BaseLoader)  # noqa: S506 - BaseLoader builds only strings, lists, dicts
    return {key: value for key, value in data.items() if key in FIELDS}


def expected_facts(rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    """file name → {field: value} for the fields the table says are present."""
    facts: dict[str, dict[str, str]] = {}
    for row in rows:
        facts.setdefault(row["file"], {})
        if row["value"]:
            facts[row["file"]][row["field"]] = row["value"]
    return facts


def drift(rows: list[dict[str, str]], folder: Path = FOLDER) -> list[str]:
    """Every difference between the table and the organisation files, in words."""
    problems = []
    expected = expected_facts(rows)
    for path in sorted(folder.glob("*.md")):
        have = front_matter(path)
        want = expected.get(path.name, {})
        for field in FIELDS:
            if have.get(field) != want.get(field):
                problems.append(f"{path.name}: {field} is {have.get(field)!r} in the file, "
                                f"{want.get(field)!r} in {TABLE.name}")
    for row in rows:
        path = folder / row["file"]
        if not path.is_file():
            problems.append(f"{row['file']}: in {TABLE.name}, but there is no such file")
            continue
        text = path.read_text(encoding="utf-8")
        for source in row["source"].split(" ; "):
            if source not in text:
                problems.append(f"{row['file']}: the file does not name the source of {row['field']}: {source}")
    return problems


def test_table_holds_only_sourced_high_or_medium_facts():
    rows = read_table()
    assert rows, "the facts table is empty"
    seen = set()
    for number, row in enumerate(rows, start=2):
        where = f"{TABLE.name} line {number}"
        assert row["field"] in FIELDS, f"{where}: unknown field {row['field']!r}"
        assert row["confidence"] in ("high", "medium"), f"{where}: only high or medium facts become content"
        sources = row["source"].split(" ; ")
        assert all(re.fullmatch(r"https?://\S+", source) for source in sources), f"{where}: no source address"
        assert (row["file"], row["field"]) not in seen, f"{where}: a second row for the same fact"
        seen.add((row["file"], row["field"]))


def test_organisation_files_and_table_agree():
    assert drift(read_table()) == []


@pytest.mark.parametrize("change", ["lose", "alter", "add", "unsourced"])
def test_drift_is_found(tmp_path, change):
    """The comparison fails for each way a file can drift from the table (on a copy of the real files)."""
    folder = tmp_path / "deelnemers"
    folder.mkdir()
    for path in FOLDER.glob("*.md"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    rows = read_table()
    assert drift(rows, folder) == []
    topaz = folder / "topaz.md"
    text = topaz.read_text(encoding="utf-8")
    if change == "lose":
        text = text.replace('plaats: "Leiden"\n', "")
    elif change == "alter":
        text = text.replace('plaats: "Leiden"', 'plaats: "Noordwijkerhout"')
    elif change == "add":
        text = text.replace("rol: kernteam\n", "rol: kernteam\nsinds: 2016\n")
    else:
        text = re.sub(r"^# Bron van provincie: .*\n", "", text, flags=re.M)
    topaz.write_text(text, encoding="utf-8")
    problems = drift(rows, folder)
    assert problems and all(problem.startswith("topaz.md:") for problem in problems), problems


def test_built_site_carries_the_facts(built_site):
    """What a visitor (and anyone reading the open data) gets is what the table says."""
    published = json.loads((built_site / "data" / "deelnemers.json").read_text(encoding="utf-8"))
    by_id = {item["id"]: item for item in published["deelnemers"]}
    expected = expected_facts(read_table())
    assert expected.keys() <= {f"{slug}.md" for slug in by_id}
    for name, facts in expected.items():
        item = by_id[name.removesuffix(".md")]
        for field in FIELDS:
            assert item[OPEN_DATA[field]] == facts.get(field), (name, field)
    # the minister's visit of 2019 took place in Noordwijkerhout (organisations.md, the Topaz row)
    page = (built_site / "bijeenkomsten" / "11-09-publicatie-zorgonderwijs-voor-minister-de-jonge" / "index.html")
    html = page.read_text(encoding="utf-8")
    assert "Noordwijkerhout" in html and "Leiden" not in html
