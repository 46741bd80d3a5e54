"""A problem found in a content file, reported in Dutch to the contributor."""

from __future__ import annotations

from dataclasses import dataclass, field


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
        text = f"{where}:{veld} {self.message}"
        if self.hint:
            text += f"\n    → {self.hint}"
        return text


@dataclass
class ProblemList:
    """Collects problems so that one run reports all of them."""

    items: list[Problem] = field(default_factory=list)

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

    def report(self) -> str:
        problems = self.sorted()
        files = len({p.path for p in problems})
        lines = [p.format() for p in problems]
        noun = "probleem" if len(problems) == 1 else "problemen"
        bestand = "bestand" if files == 1 else "bestanden"
        lines.append(f"\n{len(problems)} {noun} gevonden in {files} {bestand}.")
        return "\n".join(lines)
