"""Issue 5: Dutch site search in a real browser. Typing a word from an article's body into
Material's search box finds the article; Dutch word forms find each other; each result shows
the kind of page ("Nieuws", "Bijeenkomst", "Deelnemer"); nothing is fetched from elsewhere."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest

from conftest import PROJECT

pytestmark = pytest.mark.browser


def body_of(relative: str) -> str:
    return (PROJECT / "content" / relative).read_text(encoding="utf-8").split("---", 2)[2].lower()


def search(page, site_url: str, query: str, expected_path: str) -> list[tuple[str, list[str]]]:
    """Type `query` into the search box like a visitor; wait until `expected_path` is among the
    results (or the search settled without it); return (path, tags) of each result."""
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(site_url) else None)
    page.goto(site_url + "/")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)
    try:
        # Found, or the search says it found nothing (a longer query never finds more): no need to
        # wait out the timeout. The timeout only bounds a search that never answers.
        page.wait_for_function(
            """(path) => [...document.querySelectorAll('.md-search-result__item > a')]
                 .some(a => new URL(a.href).pathname === path)
               || /^Geen overeenkomende/.test(
                    document.querySelector('.md-search-result__meta')?.textContent.trim() ?? '')""",
            arg=expected_path, timeout=15000)
    except Exception:
        pass  # the assertion below shows what was found instead
    results = []
    for item in page.locator(".md-search-result__item").all():
        href = item.locator("a").first.get_attribute("href")
        tags = item.locator("a").first.locator(".md-tag").all_inner_texts()
        results.append((urlsplit(href).path, tags))
    assert outside == [], f"verzoeken naar andere sites: {outside}"
    return results


@pytest.mark.parametrize("query, word, file, path, kind", [
    # a word that is only in the body of one article
    ("krimpgebieden", "krimpgebieden", "actueel/brief-loc-algemeen-overleg-verpleeghuiszorg.md",
     "/actueel/brief-loc-algemeen-overleg-verpleeghuiszorg/", "Nieuws"),
    # the plural finds the singular in the body (Dutch stemming)
    ("budgetplafonds", "budgetplafond", "actueel/brief-loc-begroting-vws-2022.md",
     "/actueel/brief-loc-begroting-vws-2022/", "Nieuws"),
    # an inflected form finds the meeting
    ("feestelijke", "feestelijk", "bijeenkomsten/07-04-halfjaarlijkse-ontmoeting-lustrum.md",
     "/bijeenkomsten/07-04-halfjaarlijkse-ontmoeting-lustrum/", "Bijeenkomst"),
    ("voorlopers", "voorlopers", "deelnemers/topaz.md", "/deelnemers/topaz/", "Deelnemer"),
])
def test_search_finds_the_page_and_shows_its_kind(page, site_url, query, word, file, path, kind):
    body = body_of(file)
    assert re.search(rf"\b{word}\b", body), f"'{word}' staat niet (meer) in content/{file}"
    if query != word:
        assert not re.search(rf"\b{query}\b", body)  # only the other form is there
    results = search(page, site_url, query, path)
    found = dict(results)
    assert path in found, f"'{query}' vindt {path} niet: {results}"
    assert found[path] == [kind]


def test_every_result_shows_a_kind(page, site_url):
    results = search(page, site_url, "Topaz", "/deelnemers/topaz/")
    kinds = {tags[0] for _, tags in results if tags}
    assert {"Deelnemer", "Nieuws"} <= kinds
    assert all(tags for path, tags in results if path.startswith(("/actueel/", "/bijeenkomsten/",
                                                                  "/deelnemers/")))


def test_a_word_that_is_nowhere_finds_nothing(page, site_url):
    results = search(page, site_url, "xylofoonconcert", "/niets/")
    assert results == []
    assert "Geen overeenkomende documenten" in page.locator(".md-search-result__meta").inner_text()


def test_our_dutch_stemmer_equals_lunr_languages(page, site_url, built_site):
    """zoeken.js stems queries the way lunr-languages stems Dutch: checked on every word of the
    site's search index, plus word forms with accents, i/y between vowels and doubled vowels."""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(re.sub(r"<[^>]+>", " ", d["title"] + " " + d["text"]) for d in index["docs"])
    words = sorted({w.lower() for w in re.findall(r"[^\W\d_]+", text)})
    words += ["budgetplafonds", "maan", "brood", "mogelijkheden", "koeien", "cliënten", "zeeën",
              "vrijheden", "eerlijkheid", "vervangbaar", "opgeleide", "yoghurt", "aiaia", "ayayay"]
    assert len(words) > 1000
    page.goto(site_url + "/")
    page.evaluate("""() => { window.lunr = { Pipeline: { registerFunction() {} },
        trimmerSupport: { generateTrimmer() { return x => x } },
        generateStopWordFilter() { return x => x } }; }""")
    for script in ("lunr.stemmer.support.min.js", "lunr.nl.min.js"):
        page.add_script_tag(url=f"{site_url}/assets/javascripts/lunr/min/{script}")
    different = page.evaluate(
        "(words) => words.filter(w => lunr.nl.stemmer(w) !== rvZoeken.stem(w))"
        ".map(w => [w, lunr.nl.stemmer(w), rvZoeken.stem(w)])", words)
    assert different == []
    assert page.evaluate("rvZoeken.expand('budgetplafonds en Cliënten \"vaste zin\"')") == \
        'budgetplafonds en Cliënten "vaste zin"'  # phrases stay as typed
    assert page.evaluate("rvZoeken.expand('budgetplafonds cliënten +regels')") == \
        "budgetplafond cliënten +regels"
