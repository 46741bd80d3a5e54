"""Links the generator writes become forms both engines publish as they are (scripts/assembly/links.py)."""

import pytest

from scripts.assembly.links import address_from, relative_links


@pytest.mark.parametrize("page, target, expected", [
    ("deelnemers/index.md", "themas/zorg.md", "../themas/zorg/"),
    ("deelnemers/x.md", "themas/zorg.md", "../../themas/zorg/"),
    ("deelnemers/x.md", "deelnemers/x.md", "./"),
    ("deelnemers/index.md", "deelnemers/index.md", "./"),
    ("index.md", "themas/index.md", "themas/"),
    ("themas/zorg.md", "index.md", "../../"),
    ("bijeenkomsten/archief/2022.md", "bijeenkomsten/archief/2022/2.md", "2/"),
])
def test_published_address_relative_to_the_page(page, target, expected):
    assert address_from(page, target) == expected


def test_markdown_links_point_at_files_html_links_at_addresses():
    text = '[a](/themas/zorg.md#x) <a href="/themas/zorg.md#x">a</a> <a href="/deelnemers/index.md?rol=partner">b</a>'
    assert relative_links("deelnemers/y.md", text) == (
        '[a](../themas/zorg.md#x) <a href="../../themas/zorg/#x">a</a> <a href="../?rol=partner">b</a>')


def test_html_links_to_published_files_become_relative_to_the_address():
    text = '<a href="/feeds/actueel.xml">a</a> <a href="/ical/bijeenkomst/x.ics">b</a> <a href="/data/d.json#x">c</a>'
    assert relative_links("actueel/y.md", text) == (
        '<a href="../../feeds/actueel.xml">a</a> <a href="../../ical/bijeenkomst/x.ics">b</a> '
        '<a href="../../data/d.json#x">c</a>')
    assert relative_links("actueel/index.md", '<a href="/schemas/a.schema.json">') == (
        '<a href="../schemas/a.schema.json">')
    assert relative_links("deelnemers/x.md", '<img src="/deelnemers/logos/x.png">') == (
        '<img src="../logos/x.png">')


def test_for_zensical_html_links_take_the_markdown_form():
    """Zensical resolves raw HTML links as it does Markdown links: relative to the docs file."""
    text = ('<a href="/themas/zorg.md#x">a</a> <a href="/deelnemers/index.md?rol=partner">b</a> '
            '<a href="/feeds/actueel.xml">c</a> [d](/themas/zorg.md)')
    assert relative_links("deelnemers/y.md", text, "source") == (
        '<a href="../themas/zorg.md#x">a</a> <a href="index.md?rol=partner">b</a> '
        '<a href="../feeds/actueel.xml">c</a> [d](../themas/zorg.md)')


def test_other_links_are_left_alone():
    text = '<a href="https://voorbeeld.nl/a.md">a</a> <a href="#top">b</a> [c](https://x.nl/y.md)'
    assert relative_links("deelnemers/y.md", text) == text


def test_relative_paths_are_those_of_posixpath():
    """links._relpath skips posixpath.relpath's abspath for plain paths: same answers, also for
    the paths it hands back to posixpath ('.', '..', empty parts, absolute)."""
    import itertools
    import posixpath

    from scripts.assembly.links import _relpath

    paths = ["index.md", "themas/zorg.md", "themas", "themas/pagina/2.md", "deelnemers/x/y.md",
             "a/../b.md", "./a.md", "a//b.md", "/a/b.md", "."]
    for target, start in itertools.product(paths, repeat=2):
        assert _relpath(target, start) == posixpath.relpath(target, start), (target, start)


def test_published_files_only_in_href_and_src_values():
    """The file rule finds '="/' and keeps the matches after 'href' or 'src' (as the pattern
    that named them did, also inside data-src)."""
    text = '<img data-src="/x.png"> <p title="/y.png"> <a xhref="/z.xml">'
    assert relative_links("a/b.md", text) == (
        '<img data-src="../../x.png"> <p title="/y.png"> <a xhref="../../z.xml">')
