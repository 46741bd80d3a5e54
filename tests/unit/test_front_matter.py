"""front_matter() writes the bytes yaml.dump writes (scripts/render/front_matter.py)."""

from depth import examples
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


@settings(max_examples=examples(400), deadline=None, derandomize=True)
@given(_META)
def test_front_matter_is_yaml_dump(meta):
    assert front_matter(meta) == dump(meta)


def test_an_object_twice_is_dumped_whole():
    feeds = [{"title": "a"}]
    meta = {"feeds": feeds, "more": feeds}
    assert "&id" in dump(meta) and front_matter(meta) == dump(meta)


def test_values_equal_in_python_but_not_in_yaml_are_told_apart():
    for value in ([1], [True], [1.0], ["1"], 1, True, 1.0):
        assert front_matter({"toc_depth": value}) == dump({"toc_depth": value})


def test_a_string_yaml_folds_over_lines():
    meta = {"title": "a", "description": "\x01 " * 2400, "kind": "b"}  # escaped: past the width
    assert dump(meta).count("\n") > 3 and front_matter(meta) == dump(meta)


# --- yaml_pairs: the pairs written without PyYAML ------------------------------------------------

_CHARS = [chr(c) for c in range(0x20, 0x7f)] + list("\t\n\r\x00\x7f\x85\xa0é€\u2028\u2029\ufeff\ufffd\U0001f600\ud800")
_WORDS = st.one_of(st.text(alphabet=st.sampled_from(_CHARS), max_size=12), st.text(max_size=12),
                   st.sampled_from(["yes", "No", "ON", "off", "null", "Null", "~", "true", "1", "-1", "0x1F",
                                    "0o7", "1_000", "1.5", ".5", ".inf", "2024-01-01", "12:30", "<<", "=",
                                    "---", "...", "--- a", "a: b", "a:", "a #b", "a#b", "'t Zorghuus",
                                    "- a", "-a", "? a", ":a", "a " * 2100, "x" * 4001]))
_PLAIN = st.one_of(_WORDS, st.booleans(), st.integers(), st.none(), st.floats(allow_nan=False))
_KEYS = st.one_of(st.sampled_from(["title", "href", "type", "exclude", "toc_depth", "a_b", "_x",
                                   "k" * 100, "k" * 128, "k" * 129]), _WORDS)
_PAIR_VALUE = st.one_of(_PLAIN, st.lists(_PLAIN, max_size=3),
                        st.dictionaries(_KEYS, _PLAIN, max_size=3),
                        st.lists(st.dictionaries(_KEYS, _PLAIN, max_size=3), max_size=3))


@settings(max_examples=examples(2000), deadline=None, derandomize=True)
@given(_KEYS, _PAIR_VALUE)
def test_a_pair_written_directly_is_what_yaml_dump_writes(key, value):
    from scripts.render.yaml_pairs import pair_text
    text = pair_text(key, value)
    assert text is None or text == dump({key: value})


def test_every_character_alone_and_among_others():
    from scripts.render.yaml_pairs import pair_text
    for code in [*range(0, 0x800), *range(0x2000, 0x2030), *range(0xd7f0, 0xe010, 7), 0xd800,
                 *range(0xfef0, 0x10010), 0x1f600]:
        char = chr(code)
        for text in (char, f"a{char}b", f"{char}a", f"a{char}", f"{char} a", f"a {char}", f"a {char} b"):
            found = pair_text("title", text)
            assert found is None or found == dump({"title": text}), repr(text)


def test_the_common_pairs_are_written_directly():
    from scripts.render.yaml_pairs import pair_text
    for key, value in [("template", "organisation.html"), ("title", "ActiVite (5)"),
                       ("description", "Wie doet mee, en waar? Alles over de beweging."),
                       ("tags", ["Deelnemer"]), ("hide", ["toc"]), ("search", {"exclude": True}),
                       ("toc_depth", 2), ("feeds", [{"type": "text/calendar", "title": "Radicale vernieuwing: x",
                                                     "href": "ical/x.ics"}]),
                       ("json_ld", '{"@context":"https://schema.org","name":"A \\u0026 B"}'),
                       ("edit_url", "https://github.com/x/edit/main/content/x.md")]:
        assert pair_text(key, value) == dump({key: value}), key
