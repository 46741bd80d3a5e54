"""`make bench`: how the build scales with the amount of content.

Makes synthetic content at 1×, 10× and 30× the real content (real files cloned with new slugs,
UIDs, names and websites; references point at clones of the same round, so they stay valid),
builds each in a temporary copy of the project and writes a table to BENCHMARKS.md.

- total: `mkdocs build --strict --verbose`, wall time
- generation: the part of that build spent in our hook (load, validate, render, write docs/),
  read from the time stamps of MkDocs' own log lines around the hook as they arrive
- engine: total − generation, the part MkDocs and Material take
- also `python -m scripts generate` on its own (with Python's start-up and imports, cold disk)

MkDocs runs as a subprocess; this module imports nothing from it. Peak memory is the maximum
resident size of each child process (os.wait4). A benchmark, not a test: times vary per machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import yaml

from scripts.content.loader import KINDS, content_files
from scripts.content.problems import ProblemList
from scripts.content.source import read_source
from scripts.build.writer import GENERATED_DIRS

PROJECT = Path(__file__).resolve().parents[2]
BUILD_DATE = "2026-11-23"
SIZES = (1, 10, 30)
# Items grow with the network; movements and themes are the site's fixed structure.
CLONED = ("deelnemers", "bijeenkomsten", "actueel")
NOTES_MARK = "<!-- Notes below this line are kept when `make bench` rewrites the file. -->"


# ---------------------------------------------------------------- synthetic content

def clone_slug(slug: str, round_: int) -> str:
    return f"{slug}-k{round_}"


def clone_data(folder: str, data: dict, round_: int) -> dict:
    """Front matter of the clone in round `round_` (2, 3, …) of one item."""
    data = dict(data)
    for key in ("naam", "titel"):
        if isinstance(data.get(key), str):
            data[key] = f"{data[key]} ({round_})"
    if folder == "deelnemers" and isinstance(data.get("website"), str):
        parts = urlsplit(data["website"])
        host = (parts.hostname or "voorbeeld.nl").removeprefix("www.")
        data["website"] = urlunsplit((parts.scheme or "https", f"kopie{round_}.{host}",
                                      parts.path, parts.query, parts.fragment))
    if folder == "bijeenkomsten" and isinstance(data.get("uid"), str):
        data["uid"] = f"kopie{round_}-{data['uid']}"
    for key in ("organisatoren", "organisaties"):
        if isinstance(data.get(key), list):
            data[key] = [clone_slug(s, round_) if isinstance(s, str) else s for s in data[key]]
    return data


def synthesize(content: Path, target: Path, factor: int) -> dict[str, int]:
    """Copy `content` to `target` and add factor−1 clones of every item; returns item counts."""
    shutil.copytree(content, target)
    counts: dict[str, int] = {}
    for kind in KINDS:
        files = content_files(target, kind)
        counts[kind.folder] = len(files) * (factor if kind.folder in CLONED else 1)
        if kind.folder not in CLONED or factor == 1:
            continue
        problems = ProblemList()
        for file in files:
            source = read_source(file, file.relative_to(target).as_posix(), problems)
            if source is None:
                raise SystemExit(f"{file}: {problems.report()}")
            for round_ in range(2, factor + 1):
                front = yaml.safe_dump(clone_data(kind.folder, source.data, round_),
                                       allow_unicode=True, sort_keys=False, width=4096)
                clone = file.with_name(clone_slug(file.stem, round_) + file.suffix)
                clone.write_text(f"---\n{front}---\n\n{source.body}", encoding="utf-8")
    return counts


# ---------------------------------------------------------------- one measured build

def copy_project(target: Path, content: Path) -> Path:
    """The project without generated files, with `content` as its content/."""
    target.mkdir(parents=True)
    shutil.copy2(PROJECT / "mkdocs.yml", target / "mkdocs.yml")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("scripts", "overrides", "hooks"):
        shutil.copytree(PROJECT / folder, target / folder, ignore=ignore)
    shutil.copytree(PROJECT / "docs", target / "docs",
                    ignore=lambda d, names: [n for n in names
                                             if Path(d) == PROJECT / "docs" and n in GENERATED_DIRS])
    shutil.move(str(content), target / "content")
    return target


@dataclass
class Run:
    seconds: float
    peak_mib: int
    lines: list  # (seconds since start, line) for every line of output

    def between(self, first: str, then: str) -> float | None:
        """Seconds from the line containing `first` to the next line containing `then`."""
        start = next((t for t, line in self.lines if first in line), None)
        if start is None:
            return None
        return next((t - start for t, line in self.lines if t >= start and then in line), None)


def timed(command: list[str], cwd: Path) -> Run:
    """Run a command, stamping each output line. Fails loudly with its output."""
    env = dict(os.environ, BUILD_DATE=BUILD_DATE, NO_MKDOCS_2_WARNING="1")
    env.pop("SOURCE_DATE_EPOCH", None)
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    lines = [(time.perf_counter() - start, raw.decode("utf-8", "replace")) for raw in process.stdout]
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.stdout.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n" + "".join(l for _, l in lines)[-4000:])
    return Run(seconds, usage.ru_maxrss // 1024, lines)  # ru_maxrss is in KiB on Linux


@dataclass
class Result:
    factor: int
    items: dict
    generation: float  # inside the build
    alone: float  # `python -m scripts generate` on its own
    total: float
    generation_mib: int
    build_mib: int
    pages: int
    html_bytes: int
    largest_page: int
    site_bytes: int
    search_index: int

    @property
    def engine(self) -> float:
        return max(self.total - self.generation, 0.0)

    @property
    def own_share(self) -> float:
        return self.generation / self.total

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.total / self.pages

    @property
    def bytes_per_page(self) -> float:
        return self.html_bytes / self.pages


def measure(factor: int, workdir: Path) -> Result:
    content = workdir / f"content-{factor}"
    items = synthesize(PROJECT / "content", content, factor)
    project = copy_project(workdir / f"site-{factor}", content)
    # As on a fresh clone: the hook writes every generated file.
    build = timed([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--verbose"], project)
    alone = timed([sys.executable, "-m", "scripts", "--content", "content", "generate",
                   "--docs", "docs-alone", "--datum", BUILD_DATE], project)
    # MkDocs logs "Running `pre_build` event from plugin '…generate.py'" just before our hook
    # starts; the hook logs "Gegenereerd: …" when it is done.
    generation = build.between("`pre_build` event from plugin 'overrides/hooks/generate.py'",
                               "Gegenereerd:")
    if generation is None:
        raise SystemExit("The build log does not show where the hook starts and ends:\n"
                         + "".join(line for _, line in build.lines)[-3000:])
    site = project / "site"
    pages = sorted(site.rglob("*.html"))
    sizes = [p.stat().st_size for p in pages]
    index = site / "search" / "search_index.json"
    return Result(factor, items, generation, alone.seconds, build.seconds, alone.peak_mib,
                  build.peak_mib, len(pages),
                  sum(sizes), max(sizes), sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
                  index.stat().st_size if index.is_file() else 0)


# ---------------------------------------------------------------- the report

def machine() -> list[tuple[str, str]]:
    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "?"

    cpu, memory = "?", "?"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                   if line.startswith("model name"))
        kib = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        pass
    return [("processors (nproc)", str(len(os.sched_getaffinity(0)))), ("processor", cpu),
            ("memory", memory), ("system", platform.platform()),
            ("Python", platform.python_version()), ("MkDocs", version("mkdocs")),
            ("Material for MkDocs", version("mkdocs-material")), ("Jinja2", version("Jinja2")),
            ("build date", BUILD_DATE)]


def kib(n: float) -> str:
    return f"{n / 1024:,.1f} KiB"


def mib(n: float) -> str:
    return f"{n / 1024 / 1024:,.1f} MiB"


def table(results: list[Result]) -> str:
    rows = [
        ("organisations / meetings / articles",
         lambda r: f"{r.items['deelnemers']} / {r.items['bijeenkomsten']} / {r.items['actueel']}"),
        ("HTML pages", lambda r: f"{r.pages:,}"),
        ("generation in the build (our hook: load, validate, render, write)",
         lambda r: f"{r.generation:.2f} s"),
        ("engine (the rest of `mkdocs build`)", lambda r: f"{r.engine:.1f} s"),
        ("total (`mkdocs build --strict`)", lambda r: f"{r.total:.1f} s"),
        ("generation alone (`python -m scripts generate`, with start-up)",
         lambda r: f"{r.alone:.2f} s"),
        ("own work / total", lambda r: f"{100 * r.own_share:.0f} %"),
        ("own work : engine", lambda r: f"1 : {r.engine / r.generation:.1f}"),
        ("pages per second", lambda r: f"{r.pages / r.total:,.0f}"),
        ("time per page", lambda r: f"{r.ms_per_page:.1f} ms"),
        ("HTML bytes per page (mean)", lambda r: kib(r.bytes_per_page)),
        ("largest page", lambda r: kib(r.largest_page)),
        ("whole site", lambda r: mib(r.site_bytes)),
        ("search index", lambda r: mib(r.search_index)),
        ("peak memory, generation alone", lambda r: f"{r.generation_mib} MiB"),
        ("peak memory, build (generation included)", lambda r: f"{r.build_mib} MiB"),
    ]
    head = "| | " + " | ".join(f"{r.factor}×" for r in results) + " |"
    lines = [head, "| --- |" + " ---: |" * len(results)]
    lines += ["| " + label + " | " + " | ".join(cell(r) for r in results) + " |" for label, cell in rows]
    return "\n".join(lines)


def verdict(results: list[Result]) -> list[str]:
    first, last = results[0], results[-1]
    lines = []
    worst = max(results, key=lambda r: r.own_share)
    ok = worst.own_share <= 0.10
    lines.append(f"- Own work at most 10 % of the total: **{'met' if ok else 'not met'}** "
                 f"(highest {100 * worst.own_share:.0f} % at {worst.factor}×).")
    growth = last.bytes_per_page / first.bytes_per_page
    ok = growth <= 1.25
    lines.append(f"- Bytes per page do not grow with the number of items: **{'met' if ok else 'not met'}** "
                 f"({kib(first.bytes_per_page)} at {first.factor}×, {kib(last.bytes_per_page)} at "
                 f"{last.factor}×: ×{growth:.2f}; largest page ×{last.largest_page / first.largest_page:.2f}).")
    growth = last.ms_per_page / first.ms_per_page
    ok = growth <= 1.25
    lines.append(f"- Time per page does not grow with the number of items: **{'met' if ok else 'not met'}** "
                 f"({first.ms_per_page:.1f} ms at {first.factor}×, {last.ms_per_page:.1f} ms at "
                 f"{last.factor}×: ×{growth:.2f}).")
    ok = last.total < 60
    lines.append(f"- The {last.factor}× site builds in under a minute on this machine: "
                 f"**{'met' if ok else 'not met'}** ({last.total:.1f} s).")
    return lines


def report(results: list[Result], notes: str) -> str:
    parts = [
        "# Build benchmark",
        "",
        "Written by `make bench` (`python -m scripts.tools.bench`). Synthetic content: the real content "
        "with every organisation, meeting and article cloned (new slug, UID, name and website; "
        "references point at clones of the same round). Movements and themes are not cloned: "
        "they are the site's fixed structure, so theme, movement and keyword pages get 10× and 30× "
        "as many items to list.",
        "",
        "Total is the wall time of `mkdocs build --strict --verbose`. Generation is the part of "
        "that build spent in our hook (loading, validating, rendering pages, feeds and calendars, "
        "writing docs/), read from the time stamps of the log lines around it; engine is the rest "
        "(MkDocs and Material: Markdown, templates, search index, sitemap). Each build starts from "
        "a fresh copy, as on a new clone, so the hook writes every generated file. The time of "
        "`python -m scripts generate` on its own (with Python's start-up and imports) is shown "
        "too. One run per size; times vary by a few percent between runs, more when the machine "
        "is busy.",
        "",
        "## Machine",
        "",
        *[f"- {name}: {value}" for name, value in machine()],
        "",
        "## Results",
        "",
        table(results),
        "",
        "## Goals",
        "",
        *verdict(results),
        "",
        NOTES_MARK,
        notes.rstrip() + "\n" if notes.strip() else "",
    ]
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.tools.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--output", type=Path, default=PROJECT / "BENCHMARKS.md")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary one)")
    args = parser.parse_args(argv)

    notes = ""
    if args.output.is_file():
        text = args.output.read_text(encoding="utf-8")
        if NOTES_MARK in text:
            notes = text.split(NOTES_MARK, 1)[1].lstrip("\n")
    with tempfile.TemporaryDirectory(prefix="bench-") as temporary:
        workdir = args.keep or Path(temporary)
        if args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
            workdir.mkdir(parents=True)
        results = []
        for factor in args.sizes:
            print(f"{factor}×: building…", flush=True)
            result = measure(factor, workdir)
            print(f"{factor}×: {result.pages} pages, generation {result.generation:.1f} s, "
                  f"total {result.total:.1f} s", flush=True)
            results.append(result)
            if not args.keep:
                shutil.rmtree(workdir / f"site-{factor}")
    args.output.write_text(report(results, notes), encoding="utf-8")
    print(f"Written to {args.output}")
    print("\n".join(verdict(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
