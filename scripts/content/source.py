"""Read one content file: YAML front matter with a line for every key, and the raw body.

PyYAML's safe loader turns `2025-13-01` into a bare ValueError and `09.30` into a float, so
timestamps and floats stay strings here; the validator parses them and can name the line.
Aliases and custom tags are refused: contributed files are untrusted input.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import frontmatter
import yaml

from scripts.content.problems import ProblemList

MAX_FILE_BYTES = 200_000
# Same boundary as python-frontmatter, so files that work there work here.
BOUNDARY = frontmatter.YAMLHandler.FM_BOUNDARY


class _StringsLoader(yaml.SafeLoader):
    """SafeLoader that leaves timestamps and floats as strings."""


class _FastStringsLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same with libyaml's parser. Its error messages differ, so a file it refuses is
    parsed again by _StringsLoader, whose messages are translated to Dutch."""


_StringsLoader.yaml_implicit_resolvers = _FastStringsLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:float")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map",
}


@dataclass(frozen=True)
class SourceFile:
    path: str  # project-relative, forward slashes
    data: dict  # front matter: str, int, bool, None, list and dict values
    lines: dict  # key path tuple, e.g. ("locatie", "plaats") or ("themas", 0) → line
    body: str
    body_line: int  # line of the body's first line in the file

    def line(self, *key) -> int:
        """The line of a key path, or of its nearest parent that has one."""
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return self.lines.get((), 1)


class _Refused(Exception):
    def __init__(self, line: int, message: str, hint: str = ""):
        super().__init__(message)
        self.line, self.message, self.hint = line, message, hint


def read_source(file: Path, rel: str, problems: ProblemList) -> SourceFile | None:
    """Read and parse one file; on failure add problems and return None."""
    try:
        raw = file.read_bytes()
    except OSError as error:
        problems.add(rel, 0, "", f"Het bestand kan niet worden gelezen ({error.strerror}).")
        return None
    if len(raw) > MAX_FILE_BYTES:
        problems.add(rel, 0, "", f"Het bestand is te groot ({len(raw) // 1000} kB).",
                     f"Een bestand mag hoogstens {MAX_FILE_BYTES // 1000} kB zijn.")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.add(rel, line, "", "Het bestand is geen geldige UTF-8-tekst.",
                     "Sla het bestand op als UTF-8 (in de meeste editors: 'Opslaan als' → UTF-8).")
        return None
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")

    parts = list(BOUNDARY.finditer(text))
    leading = text[: parts[0].start()].strip() if parts else "x"
    if len(parts) < 2 or leading:
        problems.add(rel, 1, "", "Het bestand begint niet met gegevens tussen twee regels '---'.",
                     "Zet bovenaan een regel '---', daaronder de gegevens (zoals 'titel: ...'), "
                     "en daarna weer een regel '---'. Kopieer een sjabloon uit content/_sjablonen/.")
        return None
    opening, closing = parts[0], parts[1]
    offset = text[: opening.start()].count("\n")  # lines before the opening '---'
    yaml_text = text[opening.end(): closing.start()]
    body = text[closing.end():]
    body_line = text[: closing.end()].count("\n") + 2
    if body.startswith("\n"):
        body = body[1:]

    try:
        data, lines = _parse_yaml(yaml_text, offset)
    except _Refused as refused:
        problems.add(rel, refused.line, "", refused.message, refused.hint)
        return None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 + offset if mark else 1
        problems.add(rel, line, "", f"De gegevens bovenaan zijn geen geldige YAML: {_dutch_yaml(error)}.",
                     "Kijk naar deze regel en de regel erboven: staat er een dubbele punt in een tekst "
                     "zonder aanhalingstekens, of klopt het inspringen niet? Zet tekst met ':' of '#' "
                     "tussen aanhalingstekens.")
        return None
    except yaml.YAMLError as error:
        problems.add(rel, 1, "", f"De gegevens bovenaan zijn geen geldige YAML ({error}).")
        return None
    return SourceFile(rel, data, lines, body, body_line)


def _dutch_yaml(error: yaml.MarkedYAMLError) -> str:
    problem = (error.problem or "").strip()
    known = {
        "mapping values are not allowed here": "een dubbele punt staat op een plek waar dat niet mag",
        "could not find expected ':'": "er ontbreekt een dubbele punt na een veldnaam",
        "found character '\\t' that cannot start any token": "er staat een tab; gebruik spaties",
        "expected <block end>, but found '-'": "een lijst is verkeerd ingesprongen",
        "found unexpected end of stream": "een tekst tussen aanhalingstekens wordt niet afgesloten",
    }
    if problem in known:
        return known[problem]
    return f"de lezer meldt '{problem}'" if problem else "de structuur klopt niet"


def _parse_yaml(text: str, offset: int) -> tuple[dict, dict]:
    if not text.strip():
        return {}, {(): 1 + offset}
    try:
        return _parse_with(_FastStringsLoader, text, offset)
    except yaml.YAMLError:
        return _parse_with(_StringsLoader, text, offset)


def _parse_with(loader_class, text: str, offset: int) -> tuple[dict, dict]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, {(): 1 + offset}
        if not isinstance(node, yaml.MappingNode):
            raise _Refused(node.start_mark.line + 1 + offset,
                           "De gegevens bovenaan moeten de vorm 'veld: waarde' hebben.")
        lines: dict = {(): node.start_mark.line + 1 + offset}
        data = _convert(loader, node, (), lines, offset, set())
        return data, lines
    finally:
        loader.dispose()


def _convert(loader, node, path: tuple, lines: dict, offset: int, seen: set):
    line = node.start_mark.line + 1 + offset
    if id(node) in seen:
        raise _Refused(line, "Verwijzingen met '&' en '*' (YAML-ankers) zijn niet toegestaan.",
                       "Schrijf de waarde gewoon uit.")
    seen.add(id(node))
    if len(path) > 6:
        raise _Refused(line, "De gegevens zijn te diep genest.")
    if node.tag not in _STANDARD_TAGS:
        raise _Refused(line, f"Het label '{node.tag}' is niet toegestaan.",
                       "Haal het deel dat met '!' begint weg.")
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1 + offset
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _STANDARD_TAGS:
                raise _Refused(key_line, "Een veldnaam moet gewone tekst zijn.")
            key = str(loader.construct_scalar(key_node))
            if key in result:
                raise _Refused(key_line, f"Het veld '{key}' staat er twee keer in.",
                               "Houd één van de twee over.")
            lines[path + (key,)] = key_line
            result[key] = _convert(loader, value_node, path + (key,), lines, offset, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            lines[path + (index,)] = item.start_mark.line + 1 + offset
            items.append(_convert(loader, item, path + (index,), lines, offset, seen))
        return items
    return loader.construct_object(node, deep=True)
