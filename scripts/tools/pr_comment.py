"""One Dutch answer on every pull request: what the check found, line by line in plain words,
and how each new or changed entry will look on the site.

Two halves, for pull requests from forks (.github/workflows/controle.yml and reactie.yml):

- `python -m scripts check --uitslag FILE` (the check job, read-only token, the pull request's
  code) writes the result as JSON: the problems, and the entries of the files the change adds
  or edits, in words (result_of).
- `python -m scripts pr-reactie` (a separate job with a write token that never checks out the
  pull request's code) reads that JSON as untrusted data and writes the comment (comment_of):
  every value checked for its type, shortened and escaped, so the comment can say nothing but
  what the check found.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from scripts.content.loader import load_content
from scripts.content.problems import Problem
from scripts.render import dutch
from scripts.pages.organisations import entry_of
from scripts.tools.issues import markdown_text

MARKER = "<!-- rv-controle -->"  # the comment's mark: the job updates its own comment, never adds one
MAX_PROBLEMS = 60
MAX_ENTRIES = 20
MAX_COMMENT = 60_000  # the host refuses comments over 65,536 characters


# ---- the check's half ---------------------------------------------------------------------------

def changed_files(project: Path) -> set[str]:
    """Content files the change adds or edits: on a pull request's merge commit, those that
    differ from the first parent (the target branch); elsewhere, none."""
    try:
        result = subprocess.run(["git", "-C", str(project), "diff", "--name-only", "--relative",
                                 "--diff-filter=AM", "HEAD^1", "HEAD", "--", "content"],
                                capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return set()
    return set(result.stdout.splitlines()) if result.returncode == 0 else set()


def entry_lines(record: Any) -> tuple[str, str, list[str]]:
    """(kind, title, lines) of a record as its card shows it."""
    if hasattr(record, "movements") and hasattr(record, "role"):  # an organisation
        return "deelnemer", record.name, [" · ".join(entry_of(record).details),
                                          f"Eigen pagina: /deelnemers/{record.slug}/"]
    if hasattr(record, "uid"):  # a meeting
        where = " · ".join(x for x in ((record.place.city if record.place else ""),
                                       "online" if record.online else "") if x)
        return "bijeenkomst", record.title, [x for x in (dutch.meeting_when(record), where, record.summary,
                                                         f"Eigen pagina: /bijeenkomsten/{record.slug}/") if x]
    return "artikel", record.title, [dutch.day(record.date), record.summary,
                                     f"Eigen pagina: /actueel/{record.slug}/"]


def result_of(problems: list[Problem], content_dir: Path, project: Path) -> dict:
    changed = changed_files(project)
    entries = []
    if changed:
        site = load_content(content_dir).site
        for records in (site.organisations, site.meetings, site.articles):
            for record in records.values():
                if record.source in changed:
                    kind, title, lines = entry_lines(record)
                    entries.append({"path": record.source, "kind": kind, "title": title, "lines": lines})
    return {"problems": [{"path": p.path, "line": p.line, "field": p.field, "message": p.message,
                          "hint": p.hint} for p in problems],
            "entries": sorted(entries, key=lambda e: e["path"])}


# ---- the commenting half (untrusted input) ----------------------------------------------------

def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _number(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**7 else 0


def comment_of(result: Any) -> str:
    """The comment's Markdown for a check result (any JSON: what is not as expected is left out)."""
    result = result if isinstance(result, dict) else {}
    raw_problems = result.get("problems") if isinstance(result.get("problems"), list) else []
    raw_entries = result.get("entries") if isinstance(result.get("entries"), list) else []
    problems = [p for p in raw_problems if isinstance(p, dict)]
    entries = [e for e in raw_entries if isinstance(e, dict)][:MAX_ENTRIES]
    lines = [MARKER, "## Controle van je voorstel", ""]
    if problems:
        count = len(problems)
        lines += [f"De site heeft je voorstel gecontroleerd. Er {'is 1 ding' if count == 1 else f'zijn {count} dingen'} "
                  "nog niet in orde. Hieronder staat per regel wat er niet klopt en hoe je het oplost.",
                  "Pas het bestand aan (bij het bestand: de drie puntjes, dan **Edit file**). Daarna "
                  "controleert de site het vanzelf opnieuw en wordt dit bericht bijgewerkt.", ""]
        by_file: dict[str, list[dict]] = {}
        for problem in problems[:MAX_PROBLEMS]:
            by_file.setdefault(_text(problem.get("path")), []).append(problem)
        for path, found in by_file.items():
            lines += [f"**In het bestand {markdown_text(path, 200) or '(onbekend)'}**", ""]
            for problem in found:
                line, field = _number(problem.get("line")), _text(problem.get("field"))
                where = f"Regel {line}" if line else "Het hele bestand"
                if field:
                    where += f", bij {markdown_text(field, 60)}"
                lines.append(f"- **{where}**: {markdown_text(_text(problem.get('message')))}")
                hint = _text(problem.get("hint"))
                if hint:
                    lines.append(f"  Zo los je het op: {markdown_text(hint)}")
            lines.append("")
        if len(problems) > MAX_PROBLEMS:
            lines += [f"En nog {len(problems) - MAX_PROBLEMS} andere. Los eerst deze op.", ""]
    else:
        lines += ["Alles is in orde: de site heeft geen problemen gevonden. Iemand van de beweging kijkt "
                  "nu naar je voorstel, meestal binnen een week.", ""]
    if entries:
        lines += ["### Zo komt het op de site", ""]
        for entry in entries:
            found_lines = entry.get("lines")
            entry_lines_: list = found_lines if isinstance(found_lines, list) else []
            lines.append(f"> **{markdown_text(_text(entry.get('title')), 200)}**")
            for text in entry_lines_[:6]:
                if _text(text):
                    lines += [">", f"> {markdown_text(_text(text))}"]
            lines.append("")
    text = "\n".join(lines).rstrip("\n") + "\n"
    return text if len(text) <= MAX_COMMENT else text[:MAX_COMMENT] + "\n…\n"


def write_comment(result_file: Path, out: Path) -> int:
    try:
        result = json.loads(Path(result_file).read_text(encoding="utf-8")[:5_000_000])
    except (OSError, ValueError):
        result = {"problems": [{"path": "", "line": 0, "field": "", "message":
                                "De uitslag van de controle kon niet worden gelezen.",
                                "hint": "Kijk bij 'Checks' hoe de controle is verlopen."}]}
    out.write_text(comment_of(result), encoding="utf-8")
    return 0
