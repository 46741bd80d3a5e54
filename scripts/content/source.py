"""Read one content file: YAML front matter with a line for every key, and the raw body.

PyYAML's safe loader turns `2025-13-01` into a bare ValueError and `09.30` into a float, so
timestamps and floats stay strings here; the validator parses them and can name the line.
Aliases and custom tags are refused: contributed files are untrusted input.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any
from pathlib import Path

import frontmatter
import yaml

from scripts.content.problems import ProblemList, too_big


def relative_path(file: Path, project_dir: Path, resolver: Resolver | None = None) -> str:
    """A file as problems name it: relative to the project ('content/…'), else as given.
    `resolver`: one kept by the caller for many files (a loader's run)."""
    resolve = resolver.resolve if resolver is not None else Path.resolve
    # The folder is resolved, not the file: a symlink is named where it is in the repository,
    # never where it points (which may be anywhere on the checking machine).
    try:
        return (resolve(file.parent) / file.name).relative_to(resolve(Path(project_dir))).as_posix()
    except ValueError:
        pass
    try:
        return Path(os.path.abspath(file)).relative_to(os.path.abspath(project_dir)).as_posix()
    except ValueError:
        return file.name


class Resolver:
    """Path.resolve for the many files of a few folders, each folder resolved once: resolving
    looks at every part of a path (an lstat each), a thousand files share a dozen folders.
    A file that is itself a link, or a path ending in '..', is resolved whole. Keep one only
    while the folders cannot change (one loader run)."""

    def __init__(self) -> None:
        self._folders: dict[Path, Path] = {}

    def resolve(self, path: Path) -> Path:
        if path.name in ("", ".."):  # '.', '/', 'a/..': a folder itself
            return self._folder(path)
        if path.is_symlink():
            return path.resolve()
        return self._folder(path.parent) / path.name

    def _folder(self, path: Path) -> Path:
        found = self._folders.get(path)
        if found is None:
            found = self._folders[path] = path.resolve()
        return found

MAX_FILE_BYTES = 200_000
MAX_FRONT_MATTER_CHARS = 20_000
# libyaml crashes (segmentation fault) at ~25,000 nested brackets and the pure-Python parser
# recurses out at ~500: the nesting is measured and limited before any parser sees the text.
MAX_NESTING = 20
# Same boundary as python-frontmatter, so files that work there work here.
BOUNDARY = frontmatter.YAMLHandler.FM_BOUNDARY


class _StringsLoader(yaml.SafeLoader):
    """SafeLoader that leaves timestamps and floats as strings."""


class _FastStringsLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same with libyaml's parser. Its error messages differ, so a file it refuses is
    parsed again by _StringsLoader, whose messages are translated to Dutch."""


# YAML 1.1 reads '10:00' as the base-60 number 600: integers here are plain decimal only
# (or 0x/0o/0b as YAML writes them), so '10:00' stays the text '10:00'.
_INT = re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$")


def _resolvers() -> dict:
    table: dict = {}
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items():
        kept = []
        for tag, regexp in resolvers:
            if tag in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:float"):
                continue
            kept.append((tag, _INT if tag == "tag:yaml.org,2002:int" else regexp))
        table[first] = kept
    return table


_StringsLoader.yaml_implicit_resolvers = _FastStringsLoader.yaml_implicit_resolvers = _resolvers()

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

    def line(self, *key: str | int) -> int:
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


def read_source(file: Path, rel: str, problems: ProblemList, raw: bytes | None = None) -> SourceFile | None:
    """Read and parse one file; on failure add problems and return None. `raw`: the file's
    bytes when the caller has read them already (the loader, for its cache key)."""
    if raw is None:
        try:
            raw = file.read_bytes()
        except OSError as error:
            problems.add(rel, 0, "", f"Het bestand kan niet worden gelezen ({error.strerror}).")
            return None
    if len(raw) > MAX_FILE_BYTES:
        problems.add(rel, 0, "", too_big("Het bestand", len(raw), MAX_FILE_BYTES),
                     "Maak de tekst korter, of verdeel hem over twee bestanden.")
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

    refused = _too_big_or_deep(yaml_text, offset)
    try:
        if refused:
            raise refused
        data, lines = _parse_yaml(yaml_text, offset)
    except _Refused as error:
        problems.add(rel, error.line, _field_at(yaml_text, error.line - offset), error.message, error.hint)
        return None
    except yaml.YAMLError as error:
        line, message, hint = _dutch_yaml(error, yaml_text)
        problems.add(rel, line + offset, _field_at(yaml_text, line), message, hint)
        return None
    return SourceFile(rel, data, lines, body, body_line)


QUOTES_HINT = ("Zet een tekst met een dubbele punt, #, aanhalingstekens of een teken als * & ! % @ ` "
               "aan het begin tussen dubbele aanhalingstekens: naam: \"Zorg: thuis\". Staat er een \" "
               "in de tekst zelf, gebruik dan enkele: naam: 'Zorg \"Thuis\"'.")

# (words in PyYAML's problem or context, Dutch message, hint); the first that matches counts.
_YAML_MESSAGES = (
    ("unknown escape", "na een \\ binnen aanhalingstekens staat een teken dat YAML niet kent",
     "Schrijf \\\\ voor een schuine streep, of zet de tekst tussen enkele aanhalingstekens ' '."),
    ("quoted scalar", "een tekst tussen aanhalingstekens wordt niet afgesloten (of er staat "
     "nog een aanhalingsteken in de tekst)", "Sluit de tekst af met hetzelfde aanhalingsteken als "
     "waarmee hij begint. Staat er een \" in de tekst, zet de tekst dan tussen enkele ' '."),
    ("alias", "een * aan het begin van een waarde leest YAML als een verwijzing",
     QUOTES_HINT),
    ("anchor", "een & aan het begin van een waarde leest YAML als een anker", QUOTES_HINT),
    ("tag", "een ! aan het begin van een waarde leest YAML als een label", QUOTES_HINT),
    ("block scalar", "na | of > mag op dezelfde regel geen tekst staan",
     "Zet de tekst op de regels eronder, ingesprongen, of zet de tekst tussen aanhalingstekens."),
    ("mapping values are not allowed", "een dubbele punt staat op een plek waar dat niet mag "
     "(in een tekst zonder aanhalingstekens, of de regel springt in)", QUOTES_HINT),
    ("could not find expected ':'", "er ontbreekt een dubbele punt na een veldnaam",
     "Schrijf 'veld: waarde', met een dubbele punt en een spatie."),
    ("'\\t'", "er staat een tab; gebruik spaties", "Vervang de tab door twee spaties."),
    ("cannot start any token", "een waarde begint met een teken dat YAML niet toestaat", QUOTES_HINT),
    ("flow sequence", "een lijst tussen [ ] wordt niet goed afgesloten",
     "Sluit de lijst af met ] op dezelfde regel, en zet komma's tussen de waarden: [zorg, jeugdzorg]."),
    ("flow mapping", "een blok tussen { } wordt niet goed afgesloten", "Schrijf de velden op aparte "
     "regels in plaats van tussen { }."),
    ("expected <block end>", "na een waarde staat nog iets op de regel, of het inspringen klopt niet",
     "Staat er een aanhalingsteken midden in de tekst? " + QUOTES_HINT),
    ("document", "de gegevens bestaan uit meer dan één deel (een regel '---' of '...' in het midden)",
     "Haal de extra regel '---' of '...' weg."),
    ("single document", "de gegevens bestaan uit meer dan één deel", "Haal de extra regel '---' weg."),
    ("undefined alias", "een * aan het begin van een waarde leest YAML als een verwijzing",
     QUOTES_HINT),
    ("duplicate anchor", "een & aan het begin van een waarde leest YAML als een anker", QUOTES_HINT),
)


def _dutch_yaml(error: yaml.YAMLError, text: str) -> tuple[int, str, str]:
    """(line within the YAML text, Dutch message, hint) for any PyYAML error.

    The line is where the mistake starts: for an unclosed quote or a key without ':' that is
    the context mark (where the quote or key began), not the problem mark (often the next line)."""
    if isinstance(error, yaml.reader.ReaderError):
        position = error.position if isinstance(error.position, int) else 0
        line = text.count("\n", 0, position) + 1
        code = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "?")
        return (line, f"De tekst bevat een onzichtbaar stuurteken (teken {code:#06x}), dat YAML niet "
                "toestaat.", "Typ de regel opnieuw; het teken komt vaak mee bij kopiëren uit een "
                "ander programma.")
    if not isinstance(error, yaml.MarkedYAMLError):
        return 1, "De gegevens bovenaan zijn geen geldige YAML.", QUOTES_HINT
    words = f"{error.problem or ''} | {error.context or ''}"
    message, hint = "de structuur klopt niet", QUOTES_HINT
    for key, dutch, tip in _YAML_MESSAGES:
        if key in words:
            message, hint = dutch, tip
            break
    mark = error.problem_mark
    context = error.context or ""
    if error.context_mark is not None and isinstance(error, yaml.scanner.ScannerError) \
            and ("scanning a" in context) and "next token" not in context:
        mark = error.context_mark
    if mark is not None and error.context_mark is not None and mark.line >= text.rstrip("\n").count("\n") + 1:
        # Found only at the end of the front matter ('[zorg' never closed): the mistake is where
        # the unfinished list, block or text began, not on the closing '---'.
        mark = error.context_mark
    line = mark.line + 1 if mark is not None else 1
    return line, f"De gegevens bovenaan zijn geen geldige YAML: {message}.", hint


_KEY = re.compile(r"^[ \t]*(?:-[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*:(?:[ \t]|$)")


def _field_at(text: str, line: int) -> str:
    """The field a line of front matter belongs to: the nearest 'key:' at or above it, with
    its parent keys ('locatie.plaats')."""
    lines = text.split("\n")
    names: list[tuple[int, str]] = []  # (indent, key) of the chain above
    for content in lines[:max(line, 1)]:
        match = _KEY.match(content)
        if not match:
            continue
        indent = len(content) - len(content.lstrip(" "))  # a tab is no indentation YAML accepts
        while names and names[-1][0] >= indent:
            names.pop()
        names.append((indent, match.group(1)))
    return ".".join(name for _, name in names)


def _too_big_or_deep(text: str, offset: int) -> "_Refused | None":
    """Refuse front matter that no parser should be given: too long, or nested too deep
    (brackets, or indentation/list dashes), measured on the text itself."""
    if len(text) > MAX_FRONT_MATTER_CHARS:
        return _Refused(1 + offset, f"De gegevens bovenaan zijn te lang ({len(text)} tekens, "
                        f"hoogstens {MAX_FRONT_MATTER_CHARS}).", "Zet lange tekst onder de tweede "
                        "regel '---', niet in de velden.")
    depth, quote = 0, ""
    for number, content in enumerate(text.split("\n"), start=1):
        stripped = content.lstrip(" -\t")
        block = (len(content) - len(stripped)) // 2
        if block > MAX_NESTING:
            return _Refused(number + offset, "De gegevens zijn te diep genest (te veel inspringen "
                            "of streepjes).", "Houd het bij de velden uit het sjabloon.")
        if not depth and not quote and "[" not in content and "{" not in content:
            continue  # outside brackets a line without '[' or '{' leaves depth and quote as they are
        for char in content:
            if quote:
                if char == quote:
                    quote = ""
            elif char in "\"'" and depth:
                quote = char
            elif char == "#" and not depth:
                break
            elif char in "[{":
                depth += 1
                if depth > MAX_NESTING:
                    return _Refused(number + offset, f"De gegevens zijn te diep genest (meer dan "
                                    f"{MAX_NESTING} haakjes [ of {{ in elkaar).",
                                    "Een lijst schrijf je als [zorg, jeugdzorg], zonder haakjes in "
                                    "haakjes.")
            elif char in "]}":
                depth = max(depth - 1, 0)
    return None


def _parse_yaml(text: str, offset: int) -> tuple[dict, dict]:
    if not text.strip():
        return {}, {(): 1 + offset}
    try:
        return _parse_with(_FastStringsLoader, text, offset)
    except yaml.YAMLError:
        return _parse_with(_StringsLoader, text, offset)


def _parse_with(loader_class: type, text: str, offset: int) -> tuple[dict, dict]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, {(): 1 + offset}
        if not isinstance(node, yaml.MappingNode):
            raise _Refused(node.start_mark.line + 1 + offset,
                           "De gegevens bovenaan moeten de vorm 'veld: waarde' hebben.",
                           "Schrijf elk gegeven op een eigen regel als 'veld: waarde', zoals in de "
                           "sjablonen in content/_sjablonen/.")
        lines: dict = {(): node.start_mark.line + 1 + offset}
        data = _convert(loader, node, (), lines, offset, set(), text.split("\n"))
        return data, lines
    finally:
        loader.dispose()


def _convert(loader: Any, node: yaml.Node, path: tuple, lines: dict, offset: int, seen: set,
             text: list[str]) -> Any:
    line = node.start_mark.line + 1 + offset
    if id(node) in seen:
        raise _Refused(line, "Verwijzingen met '&' en '*' (YAML-ankers) zijn niet toegestaan.",
                       "Schrijf de waarde gewoon uit.")
    seen.add(id(node))
    if node.start_mark.line < len(text) and text[node.start_mark.line].startswith("&", node.start_mark.column):
        raise _Refused(line, "Een & aan het begin van een waarde leest YAML als een anker: die "
                       "tekst valt weg.", QUOTES_HINT)
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
            result[key] = _convert(loader, value_node, path + (key,), lines, offset, seen, text)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            lines[path + (index,)] = item.start_mark.line + 1 + offset
            items.append(_convert(loader, item, path + (index,), lines, offset, seen, text))
        return items
    if (isinstance(node, yaml.ScalarNode) and not node.style and node.tag == _STR
            and node.end_mark.line < len(text)):
        if _COMMENT_AFTER.match(text[node.end_mark.line], node.end_mark.column):
            rest = text[node.end_mark.line][node.end_mark.column:]
            whole = (str(node.value) + rest)[:80].strip()
            raise _Refused(node.end_mark.line + 1 + offset,
                           f"Na ' #' leest YAML de rest van de regel als opmerking: van '{whole}' "
                           f"blijft alleen '{node.value}' over.",
                           f"Zet de hele tekst tussen aanhalingstekens: \"{whole}\".")
    if node.tag == _STR and isinstance(node, yaml.ScalarNode):
        return node.value  # what SafeConstructor.construct_yaml_str returns, without its dispatch
    return loader.construct_object(node, deep=True)


_STR = "tag:yaml.org,2002:str"


_COMMENT_AFTER = re.compile(r"[ \t]+#")
