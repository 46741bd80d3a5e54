"""Material's navigation and tabs are made once per folder of pages (the hook's `rv_once`,
overrides/hooks/rv_hook/navigation.py): which pages may share them. The whole site is held byte
for byte to a build that makes them per page in tests/test_search_index.py; these are the rules,
one case at a time."""

from __future__ import annotations

import sys
from types import SimpleNamespace

from conftest import PROJECT

# The hook's parts are found as MkDocs finds them: its folder on sys.path (rv_hook/__init__.py).
sys.path.insert(0, str(PROJECT / "overrides" / "hooks"))
from rv_hook.navigation import once_key  # noqa: E402


def item(url: str | None, active: bool = False, children: list | None = None) -> SimpleNamespace:
    return SimpleNamespace(url=url, active=active, children=children)


NAV = [item(""), item("actueel/"), item("deelnemers/"), item("themas/"), item("over/")]
CONFIG = SimpleNamespace(theme={"logo": "assets/images/beeldmerk.svg"}, extra={})


def key(url: str, nav: list = NAV, page=None):
    return once_key("nav", page or SimpleNamespace(url=url), nav, CONFIG)


def test_pages_in_sibling_folders_share_their_navigation():
    assert key("deelnemers/topaz/") == key("deelnemers/actiz/") is not None


def test_pages_in_other_folders_or_depths_do_not():
    assert key("deelnemers/topaz/") != key("actueel/bericht/")
    assert key("bijeenkomsten/archief/2017/") != key("bijeenkomsten/archief/")


def test_a_page_with_a_navigation_item_inside_its_folder_is_made_on_its_own():
    assert key("themas/") is None  # the item itself
    nested = NAV + [item("handleiding/open-data/")]
    assert key("handleiding/", nested) is None
    assert key("", NAV) is None  # the home page: every item is inside its folder


def test_a_navigation_page_is_made_on_its_own():
    page = SimpleNamespace(url="over/")
    assert key("over/", page=page, nav=NAV + [page]) is None


def test_which_items_are_active_is_part_of_the_key():
    active = [item("", False), item("actueel/", True), item("deelnemers/"), item("themas/"), item("over/")]
    assert key("deelnemers/topaz/", active) != key("deelnemers/topaz/")


def test_items_inside_sections_count_too():
    section = item(None, children=[item("deelnemers/topaz/"), item("deelnemers/actiz/")])
    assert key("deelnemers/topaz/", NAV + [section]) is None


def test_no_page_or_no_navigation_is_made_on_its_own():
    assert once_key("nav", None, NAV, CONFIG) is None
    assert once_key("nav", SimpleNamespace(url="x/"), None, CONFIG) is None
