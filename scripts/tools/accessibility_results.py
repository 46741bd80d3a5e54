"""Run the accessibility tests and record what they checked and found, for the
toegankelijkheidsverklaring (/toegankelijkheid/, scripts/pages/accessibility.py).

    .venv/bin/python -m scripts.tools.accessibility_results

runs the tests below with pytest (browser tests included: Chromium, axe-core and the Nu Html
Checker must be installed, as for `make test`) and writes RESULTS: per test its Dutch
description, how many cases ran, passed and failed, the date of the run and the tools' versions.
The results file is committed; the site's statement shows exactly what it says and the date of
the run, so the statement never claims a check that did not run. Run it again after changing
the site or the tests, and commit the file."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from datetime import date
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
RESULTS = PROJECT / "scripts" / "pages" / "toegankelijkheid.json"
TESTS = ("tests/test_accessibility.py", "tests/test_reading.py", "tests/test_html_valid.py",
         "tests/test_visible.py::test_map_and_timeline_work_with_the_keyboard_and_have_text",
         "tests/test_visible.py::test_search_results_are_readable_on_a_phone_and_a_computer")

# What each test checks, in the words of the statement (WCAG success criteria in brackets).
# A test that is not named here is still counted, under its own name, so nothing is hidden.
DESCRIPTIONS = {
    "test_every_page_kind_is_there":
        "Alle soorten pagina's van de site zijn in de test opgenomen.",
    "test_no_wcag_violations":
        "axe-core vindt geen overtreding van WCAG 2.1 niveau A en AA op elke soort pagina, "
        "op de breedte van een computer (1280 pixels) en van een telefoon (390 pixels).",
    "test_no_wcag_violations_with_an_upcoming_meeting":
        "axe-core vindt geen overtreding op de agenda, de voorpagina en een bijeenkomst als er "
        "een nieuwe bijeenkomst gepland is.",
    "test_no_wcag_violations_in_open_states":
        "axe-core vindt geen overtreding als het zoeken, het menu op een telefoon of het filter "
        "van de deelnemers open is.",
    "test_reading_comfort_on_every_page_kind":
        "Alle tekst is minstens 16 pixels groot, de pagina verspringt niet tijdens het laden en "
        "knoppen en links liggen niet tegen elkaar aan (1.4.4, 2.5.8), op elke soort pagina.",
    "test_reading_comfort_with_an_upcoming_meeting":
        "Hetzelfde voor de agenda, de voorpagina en een bijeenkomst als er een nieuwe "
        "bijeenkomst gepland is.",
    "test_sample_pages_are_valid_html":
        "De HTML van een steekproef van pagina's is geldig volgens de Nu Html Checker (4.1.1).",
    "test_the_checker_reports_errors":
        "De Nu Html Checker werkt echt: een pagina met fouten wordt afgekeurd.",
    "test_map_and_timeline_work_with_the_keyboard_and_have_text":
        "De kaart van de provincies en de tijdlijn zijn met het toetsenbord te bereiken en "
        "hebben een tekstversie (2.1.1, 1.1.1).",
    "test_search_results_are_readable_on_a_phone_and_a_computer":
        "Zoekresultaten zijn minstens 16 pixels groot en vallen niet buiten het scherm van een "
        "telefoon (1.4.4, 1.4.10).",
}


def _versions() -> dict[str, str]:
    found: dict[str, str] = {}
    axe = PROJECT / "node_modules" / "axe-core" / "package.json"
    if axe.is_file():
        found["axe-core"] = json.loads(axe.read_text(encoding="utf-8"))["version"]
    vnu = PROJECT / "node_modules" / "vnu-jar" / "package.json"
    if vnu.is_file():
        found["Nu Html Checker"] = json.loads(vnu.read_text(encoding="utf-8"))["version"]
    try:
        text = subprocess.run(["chromium", "--version"], capture_output=True, text=True, timeout=60).stdout
        match = re.search(r"(\d+\.\d+\.\d+\.\d+)", text)
        if match:
            found["Chromium"] = match.group(1)
    except OSError:
        pass
    return found


def summarise(junit: Path) -> list[dict[str, object]]:
    """Per test function (parameters folded together): cases, passed, failed, skipped."""
    tests: dict[str, dict[str, object]] = {}
    for case in ElementTree.parse(junit).getroot().iter("testcase"):
        name = case.get("name", "").split("[", 1)[0]
        entry = tests.setdefault(name, {"test": name, "beschrijving": DESCRIPTIONS.get(name, name),
                                        "bestand": (case.get("classname") or "").replace(".", "/") + ".py",
                                        "gevallen": 0, "geslaagd": 0, "mislukt": 0, "overgeslagen": 0})
        entry["gevallen"] = int(entry["gevallen"]) + 1  # type: ignore[call-overload]
        if case.find("skipped") is not None:
            entry["overgeslagen"] = int(entry["overgeslagen"]) + 1  # type: ignore[call-overload]
        elif case.find("failure") is not None or case.find("error") is not None:
            entry["mislukt"] = int(entry["mislukt"]) + 1  # type: ignore[call-overload]
        else:
            entry["geslaagd"] = int(entry["geslaagd"]) + 1  # type: ignore[call-overload]
    return sorted(tests.values(), key=lambda t: (str(t["bestand"]), str(t["test"])))


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        junit = Path(folder) / "junit.xml"
        tests = [t for t in TESTS if (PROJECT / t.split("::")[0]).is_file()]
        subprocess.run([sys.executable, "-m", "pytest", *tests, "-q", "-p", "no:cacheprovider",
                        f"--junitxml={junit}"], cwd=PROJECT, check=False)
        checks = summarise(junit)
    results = {"datum": date.today().isoformat(), "hulpmiddelen": _versions(), "tests": checks}
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    failed = sum(int(t["mislukt"]) for t in checks)  # type: ignore[call-overload]
    print(f"{RESULTS.relative_to(PROJECT)}: {len(checks)} tests, {failed} mislukt.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
