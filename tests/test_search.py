"""Issue 5: Dutch site search in a real browser. Typing a word from an article's body into
Material's search box finds the article; Dutch word forms find each other; each result shows
the kind of page ("Nieuws", "Bijeenkomst", "Deelnemer"); nothing is fetched from elsewhere."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest

from browsing import search_for, wait_for_search_index
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
               || /^Geen resultaten/.test(
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
    assert page.locator(".md-search-result__meta").inner_text().strip() == "Geen resultaten"


def test_query_words_are_folded_stemmed_and_joined_by_their_accented_forms(page, site_url):
    """zoeken.js uses the Dutch stemmer that Material ships (lunr-languages), not a copy."""
    page.goto(site_url + "/")
    page.locator("input.md-search__input").click()  # the stemmer and the index load when search opens
    page.evaluate("() => rvZoeken.ready")
    def expand(query):
        return page.evaluate("(q) => rvZoeken.expand(q)", query)
    assert expand('budgetplafonds en Cliënten "vaste zin"') == 'budgetplafonds en Cliënten "vaste zin"'
    assert expand("budgetplafonds") == "budgetplafond"
    words = expand("cliënten +regels").split()
    assert words[0] == "client" and "cliënt" in words and words[-1] == "+regels"
    assert expand("clientenraad") == expand("cliëntenraad") == expand("CLIËNTENRAAD")
    script = (PROJECT / "docs" / "assets" / "javascripts" / "zoeken.js").read_text(encoding="utf-8")
    assert "lunr.nl.min.js" in script and "find_among" not in script  # no hand-ported stemmer


def results_for(page, site_url: str, query: str) -> list[str]:
    """The result paths once the list has settled (the same for three checks in a row)."""
    page.goto(site_url + "/")
    box = page.locator("input.md-search__input")
    box.click()  # opening the search loads the index (overrides/theme/main.html)
    page.evaluate("() => rvZoeken.ready")
    page.wait_for_function("() => (document.querySelector('.md-search-result__meta') || {}).innerText"
                           " === 'Typ om te beginnen met zoeken'", timeout=15000)
    box.press_sequentially(query, delay=20)
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=15000)
    last, same = None, 0
    for _ in range(40):
        now = page.evaluate("() => [...document.querySelectorAll('.md-search-result__item > a')]"
                            ".map(a => new URL(a.href).pathname + new URL(a.href).hash)")
        same = same + 1 if now == last else 0
        if same >= 3:
            return now
        last = now
        page.wait_for_timeout(150)
    return last


def test_accents_are_folded_both_ways(page, site_url, built_site):
    """'clientenraad' and 'cliëntenraad' give the same results, and they include pages that
    write the word either way."""
    plain = results_for(page, site_url, "clientenraad")
    accented = results_for(page, site_url, "cliëntenraad")
    assert plain and plain == accented
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text_of = {d["location"]: (d["title"] + " " + d["text"]).lower() for d in index["docs"]}
    found = [text_of.get(path.lstrip("/"), "") for path in plain]
    assert any("cliëntenraad" in t for t in found)
    if any("clientenraad" in t for t in text_of.values()):
        assert any("clientenraad" in t for t in found)


def test_source_lists_and_related_lists_are_not_search_hits(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    sections = [d["location"] for d in index["docs"]]
    assert any(s.startswith("actueel/") for s in sections)
    assert not [s for s in sections if s.endswith(("#bronnen", "#meer-over-dit-onderwerp"))]


@pytest.mark.parametrize("path", ["/", "/actueel/", "/deelnemers/", "/bijeenkomsten/"])
def test_no_failed_request_on_a_page(page, site_url, path):
    """No 404 for a sitemap.xml next to the feed links (Material's language switcher)."""
    failed = []
    page.on("response", lambda r: failed.append((r.status, r.url)) if r.status >= 400 else None)
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    assert failed == []


def test_landmarks_are_named_in_dutch(page, site_url):
    page.goto(site_url + "/actueel/")
    labels = page.evaluate("() => [...document.querySelectorAll('[aria-label]')].map(e => e.getAttribute('aria-label'))")
    assert not {"Header", "Footer", "Tabs", "Navigation"} & set(labels)
    assert {"Kop van de pagina", "Hoofdmenu"} <= set(labels)
    assert page.locator("footer.md-footer").count() == 1


@pytest.mark.parametrize("how", ["field", "key"])
def test_the_search_index_is_fetched_only_when_the_search_opens(page, site_url, how):
    """Issue 17: the index (the largest file of the site) is not part of every page's weight.
    Opening the search, by the field or with the "/" key, fetches it once (zoeken.js uses the
    same download) and results come."""
    asked = []
    page.on("request", lambda r: asked.append(urlsplit(r.url).path))
    page.goto(site_url + "/actueel/")
    page.wait_for_load_state("networkidle")
    lazy = ("/search/search_index.json", "/assets/javascripts/lunr/min/lunr.nl.min.js")
    assert not [path for path in asked if path in lazy], asked
    if how == "field":
        results = search_for(page, "zorgonderwijs")
    else:
        page.keyboard.press("/")
        wait_for_search_index(page)
        page.keyboard.type("zorgonderwijs")
        results = page.locator(".md-search-result__item a.md-search-result__link")
        results.first.wait_for(state="visible", timeout=15_000)
    assert results.count() > 0
    assert any("zorgonderwijs" in (href or "") for href in results.evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"))
    page.evaluate("() => rvZoeken.ready")
    assert asked.count("/search/search_index.json") == 1, asked
