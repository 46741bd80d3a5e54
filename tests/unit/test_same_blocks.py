"""Material's blocks that do not depend on the page are made once per depth (the hook's
`rv_same` and `rv_header`, overrides/hooks/rv_hook/same_blocks.py): which pages may share them,
and how the header is taken apart around the title. The whole site is held byte for byte to a
build that makes them per page in tests/test_search_index.py; these are the rules."""

from __future__ import annotations

import sys
from types import SimpleNamespace

from conftest import PROJECT

# The hook's parts are found as MkDocs finds them: its folder on sys.path (rv_hook/__init__.py).
sys.path.insert(0, str(PROJECT / "overrides" / "hooks"))
from rv_hook.same_blocks import depth_key, link_roots, split_header  # noqa: E402

CONFIG = SimpleNamespace(theme={"logo": "assets/images/beeldmerk.svg", "favicon": "favicon/icon.svg"},
                         extra={"alternate": [{"link": "/en/", "lang": "en"}]},
                         extra_css=["assets/stylesheets/rv.css"], extra_javascript=["js/x.js"])
ROOTS = link_roots(CONFIG)


def key(url: str):
    return depth_key(SimpleNamespace(url=url), ROOTS)


def test_the_roots_are_the_first_folders_linked_to():
    assert ROOTS == {"assets", "favicon", "js", "en"}


def test_pages_at_the_same_depth_share_their_blocks():
    assert key("deelnemers/topaz/") == key("actueel/bericht/") is not None
    assert key("") == key("404.html") is not None  # both link from the site's root


def test_pages_at_other_depths_do_not():
    assert key("over/") != key("actueel/bericht/")


def test_a_page_inside_a_linked_folder_is_made_on_its_own():
    assert key("assets/uitleg/") is None
    assert key("js/") is None
    assert depth_key(None, ROOTS) is None


HEADER = ('<header>\n        <div class="md-header__topic" data-md-component="header-topic">\n'
          '          <span class="md-ellipsis">\n            \n              Over ons\n            \n'
          '          </span>\n        </div>\n</header>')


def test_the_header_is_split_around_its_title():
    before, after = split_header(HEADER, "Over ons")
    assert before + "Over ons" + after == HEADER
    assert before.endswith("\n              ") and after.startswith("\n            \n          </span>")


def test_a_header_without_its_title_in_place_is_not_split():
    assert split_header(HEADER, "Iets anders") is None
    assert split_header(HEADER.replace("header-topic", "x"), "Over ons") is None
    assert split_header(HEADER, "") is None
