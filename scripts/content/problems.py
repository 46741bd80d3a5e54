"""A problem found in a content file, reported in Dutch to the contributor."""

from __future__ import annotations

from dataclasses import dataclass, field

from scripts.content.safety import CONTROL


def _printable(text: str) -> str:
    """Contributed values appear in messages: no control character or line break of theirs
    reaches a terminal or a CI log (where a line starting with '::' is a command)."""
    return CONTROL.sub("\ufffd", text.replace("\r", " ").replace("\n", " "))


def _workflow_data(text: str) -> str:
    """Escape a GitHub workflow command's message (see 'Workflow commands for GitHub Actions')."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _workflow_property(text: str) -> str:
    return _workflow_data(text).replace(":", "%3A").replace(",", "%2C")


def size_text(count: int) -> str:
    """A file size in Dutch, rounded up: '200,1 kB' for 200,001 bytes, so that a file just over
    a limit never reads as exactly the limit ('200 kB' for the limit itself)."""
    if count < 1000:
        return "1 byte" if count == 1 else f"{count} bytes"
    unit, size = ("kB", 1000) if count < 10_000_000 else ("MB", 1_000_000)
    tenths = -(-count * 10 // size)  # rounded up
    return f"{tenths // 10}{'' if tenths % 10 == 0 else f',{tenths % 10}'} {unit}"


def too_big(what: str, count: int, limit: int) -> str:
    """'Het bestand is te groot: 200,1 kB; dat is 1 byte te veel (hoogstens 200 kB).'"""
    return (f"{what} is te groot: {size_text(count)}; dat is {size_text(count - limit)} te veel "
            f"(hoogstens {size_text(limit)}).")


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the project, with forward slashes
    line: int  # 1-based line in the file; 0 when the problem concerns the whole file
    field: str  # the front-matter key, e.g. "start" or "locatie.plaats"; "" for the file
    message: str  # what is wrong, in Dutch
    hint: str = ""  # how to fix it, in Dutch

    def format(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        veld = f" {self.field}:" if self.field else ""
        text = _printable(f"{where}:{veld} {self.message}")
        if self.hint:
            text += f"\n    → {_printable(self.hint)}"
        return text

    def github(self) -> str:
        """An annotation on the file and line of a pull request: `::error file=…,line=…::…`."""
        where = f"file={_workflow_property(self.path)}"
        if self.line:
            where += f",line={self.line}"
        title = f"Controle: {self.field}" if self.field else "Controle"
        message = _printable(self.message) + (f"\n→ {_printable(self.hint)}" if self.hint else "")
        return f"::error {where},title={_workflow_property(_printable(title))}::{_workflow_data(message)}"


def blamed(new_files: frozenset[str] | None, existing: str, other: str) -> list[tuple[str, str]]:
    """Where to report a clash between two files, as (file, the other file) pairs.

    A pull request's annotation belongs on the file the pull request adds, not on the file
    that was there before. When it is known which files are new (`new_files`, see
    scripts/__main__.py), the clash is reported on the new one(s); otherwise on both."""
    pairs = [(existing, other), (other, existing)]
    if new_files is not None:
        new = [pair for pair in pairs if pair[0] in new_files]
        if new:
            return new
    return pairs


@dataclass
class ProblemList:
    """Collects problems so that one run reports all of them."""

    items: list[Problem] = field(default_factory=list)
    # The files that the change under review adds (None: not known). See blamed().
    new_files: frozenset[str] | None = None

    def add(self, path: str, line: int, field: str, message: str, hint: str = "") -> None:
        self.items.append(Problem(path, line, field, message, hint))

    def extend(self, other: "ProblemList") -> None:
        self.items.extend(other.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items))

    def github_report(self) -> str:
        return "\n".join(p.github() for p in self.sorted())

    def report(self) -> str:
        problems = self.sorted()
        files = len({p.path for p in problems})
        lines = [p.format() for p in problems]
        noun = "probleem" if len(problems) == 1 else "problemen"
        bestand = "bestand" if files == 1 else "bestanden"
        lines.append(f"\n{len(problems)} {noun} gevonden in {files} {bestand}.")
        return "\n".join(lines)
