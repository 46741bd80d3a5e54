"""front_matter() writes the bytes yaml.dump writes (scripts/render/front_matter.py)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.render.front_matter import dump, front_matter

# Texts with what makes YAML quote, escape or fold: indicators, quotes, ': ', ' #', line
# breaks of every kind, control characters, leading and trailing spaces, long runs.
_TEXT = st.one_of(
    st.text(max_size=30),
    st.text(alphabet=st.sampled_from(list("ab :#-?'\"&*!|>%@`{}[],\\\n\r\t\x85\u2028\u2029\x00é ")), max_size=20),
    st.sampled_from(["yes", "No", "on", "null", "~", "", " ", "1", "0x1F", "1.5", "2024-01-01", "12:30",
                     "a" * 6000, "a " * 3000, "<b>", "&amp;", "https://x.nl/a?b=c#d", '{"a":"b"}']),
)
_SCALAR = st.one_of(_TEXT, st.booleans(), st.integers(), st.floats(allow_nan=False), st.none())
_VALUE = st.recursive(_SCALAR, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(["title", "href", "type", "x"]), inner, max_size=3)),
    max_leaves=8)
_META = st.dictionaries(st.sampled_from(["template", "title", "description", "kind", "tags", "feeds",
                                         "json_ld", "edit_url", "hide", "search", "toc_depth", "date"]),
                        _VALUE, max_size=8)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(_META)
def test_front_matter_is_yaml_dump(meta):
    assert front_matter(meta) == dump(meta)
    assert front_matter(meta) == dump(meta)  # again, from what was kept


def test_an_object_twice_is_dumped_whole():
    feeds = [{"title": "a"}]
    meta = {"feeds": feeds, "more": feeds}
    assert "&id" in dump(meta) and front_matter(meta) == dump(meta)


def test_values_equal_in_python_but_not_in_yaml_are_kept_apart():
    for value in ([1], [True], [1.0], ["1"], 1, True, 1.0):
        assert front_matter({"toc_depth": value}) == dump({"toc_depth": value})


def test_a_string_yaml_folds_over_lines_is_split_right():
    meta = {"title": "a", "description": "\x01 " * 2400, "kind": "b"}  # escaped: past the width
    assert dump(meta).count("\n") > 3 and front_matter(meta) == dump(meta)
