"""`make bench`: what the build costs, measured against the bare engine on the same pages.

For 1×, 10× and 30× the real content (real files cloned with new slugs, UIDs, names and
websites; references point at clones of the same round, so they stay valid) it builds, in a
temporary copy of the project, paired and in turn:

- full: `mkdocs build --strict` as `make build` runs it (the hook generates in memory);
- floor: the bare engine on the same generated pages: Material without custom templates,
  Markdown extensions or hook, the same navigation, pruned (`mkdocs-floor.yml`, written here);
  the pages come from `python -m scripts generate` (timed too: "generation alone");
- fair floor: the floor given only the finished HTML set apart from Python-Markdown, the one
  trick our hook plays on the engine (`mkdocs-floor-fair.yml` and `floor-hook.py`, issue 23);
- Zensical on the same pages (`zensical build`), once per size.

CPU is user + system time of the finished child process (os.wait4), wall its elapsed time; the
ratios full / floor and full / fair floor are taken build by build (full, floor and fair floor
run in turn) and the median reported. At 10× the Dutch queries of scripts/tools/search_queries.py
are asked of the build's search index and of one Material's plugin makes of every page
(RV_PLAIN_ENGINE=1), through Material's own search worker in chromium. The hook's share is read from
the time stamps of MkDocs' log lines around it. At one size a profile (cProfile) of the full
build splits the time by part; the preview is measured by editing a content file while
`mkdocs serve` runs and waiting for its livereload signal; the calendar feeds are timed for
10,000 meetings. At 1× the page weight per page kind and, with Lighthouse in node_modules, its
mobile scores (scripts/tools/pageweight.py). MkDocs runs as a subprocess; this module imports
nothing from it.
A benchmark, not a test: times vary per machine and with what else runs.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import pstats
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import yaml

from scripts.assembly.writer import GENERATED_DIRS
from scripts.content.loader import KINDS, content_files
from scripts.content.problems import ProblemList
from scripts.content.source import read_source
from scripts.tools import pageweight

PROJECT = Path(__file__).resolve().parents[2]
BUILD_DATE = "2026-11-23"
SIZES = (1, 10, 30)
# Items grow with the network; movements and themes are the site's fixed structure.
CLONED = ("deelnemers", "bijeenkomsten", "actueel")
NOTES_MARK = "<!-- Notes below this line are kept when `make bench` rewrites the file. -->"
GOAL_RATIO = 1.2  # full build ≤ 1.2× the floor in CPU (issue 13)
GOAL_WALL_30 = 20.0  # seconds, the 30× full build
GOAL_PAGE = 64 * 1024  # bytes, the largest page at 30×
GOAL_FEEDS = 2.0  # seconds, the calendar feeds of 10,000 meetings
GOAL_PREVIEW = {1: 1.0, 10: 3.0}  # seconds from an edit to the reload signal


# ---------------------------------------------------------------- synthetic content

def clone_slug(slug: str, round_: int) -> str:
    return f"{slug}-k{round_}"


def clone_data(folder: str, data: dict, round_: int, references: bool = True) -> dict:
    """Front matter of the clone in round `round_` (2, 3, …) of one item; with `references`
    false, the clone keeps pointing at the original organisations."""
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
    # A series of its own per round: with the real series' names every round's themed week
    # took in the days of all rounds (they share the dates), 30 weeks of 150 days at 30×.
    if folder == "bijeenkomsten" and isinstance(data.get("reeks"), str):
        data["reeks"] = f"{data['reeks']} ({round_})"
    for key in ("organisatoren", "organisaties"):
        if references and isinstance(data.get(key), list):
            data[key] = [clone_slug(s, round_) if isinstance(s, str) else s for s in data[key]]
    return data


def synthesize(content: Path, target: Path, factor: int, folders: tuple[str, ...] = CLONED) -> dict[str, int]:
    """Copy `content` to `target` and add factor−1 clones of every item in `folders`; returns
    item counts. Clones refer to clones of the same round when the organisations are cloned too."""
    shutil.copytree(content, target)
    counts: dict[str, int] = {}
    references = "deelnemers" in folders
    for kind in KINDS:
        files = content_files(target, kind)
        counts[kind.folder] = len(files) * (factor if kind.folder in folders else 1)
        if kind.folder not in folders or factor == 1:
            continue
        problems = ProblemList()
        for file in files:
            source = read_source(file, file.relative_to(target).as_posix(), problems)
            if source is None:
                raise SystemExit(f"{file}: {problems.report()}")
            for round_ in range(2, factor + 1):
                front = yaml.safe_dump(clone_data(kind.folder, source.data, round_, references),
                                       allow_unicode=True, sort_keys=False, width=4096)
                clone = file.with_name(clone_slug(file.stem, round_) + file.suffix)
                clone.write_text(f"---\n{front}---\n\n{source.body}", encoding="utf-8")
    return counts


# ---------------------------------------------------------------- running things

def copy_project(target: Path, content: Path) -> Path:
    """The project without generated files, with `content` as its content/."""
    target.mkdir(parents=True)
    shutil.copy2(PROJECT / "mkdocs.yml", target / "mkdocs.yml")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("scripts", "overrides"):
        shutil.copytree(PROJECT / folder, target / folder, ignore=ignore)
    shutil.copytree(PROJECT / "docs", target / "docs",
                    ignore=lambda d, names: [n for n in names
                                             if Path(d) == PROJECT / "docs" and n in GENERATED_DIRS])
    shutil.move(str(content), target / "content")
    return target


def environment() -> dict[str, str]:
    env = dict(os.environ, BUILD_DATE=BUILD_DATE, NO_MKDOCS_2_WARNING="1")
    env.pop("SOURCE_DATE_EPOCH", None)
    return env


@dataclass
class Run:
    wall: float
    cpu: float  # user + system of the child
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
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=environment(), stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    assert process.stdout is not None
    lines = [(time.perf_counter() - start, raw.decode("utf-8", "replace")) for raw in process.stdout]
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.stdout.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n" + "".join(l for _, l in lines)[-4000:])
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024, lines)


MKDOCS = [sys.executable, "-m", "mkdocs"]
FULL = [*MKDOCS, "build", "--strict", "--clean", "--verbose"]
FLOOR = [*MKDOCS, "build", "--clean", "-f", "mkdocs-floor.yml"]
ZENSICAL = [str(Path(sys.executable).with_name("zensical")), "build", "--clean"]
GENERATE = [sys.executable, "-m", "scripts", "generate", "--datum", BUILD_DATE]


def write_floor_config(project: Path) -> None:
    """The bare engine: Material with its own templates only, no Markdown extension, no hook,
    no CSS or JavaScript of ours, the same eight-entry navigation, pruned. Each page-kind
    template of overrides/ becomes an empty extension of Material's main.html, so the pages'
    front matter still names a template that exists."""
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    stubs = project / "floor-templates"
    stubs.mkdir()
    for template in (project / "overrides" / "theme").glob("*.html"):
        if template.name in ("main.html", "base.html", "404.html"):  # Material's own names
            continue
        (stubs / template.name).write_text('{% extends "main.html" %}\n', encoding="utf-8")
    floor = {
        "site_name": config["site_name"], "site_url": config["site_url"], "site_dir": "site-floor",
        "theme": {"name": "material", "custom_dir": "floor-templates", "language": "nl", "font": False,
                  "features": ["navigation.prune"]},
        "plugins": ["search"], "exclude_docs": "_fragmenten/\n", "nav": config["nav"],
        "validation": {"nav": {"omitted_files": "info"},
                       "links": {"not_found": "info", "anchors": "info", "unrecognized_links": "info"}},
    }
    (project / "mkdocs-floor.yml").write_text(yaml.safe_dump(floor, allow_unicode=True), encoding="utf-8")


FAIR_FLOOR = [*MKDOCS, "build", "--clean", "-f", "mkdocs-floor-fair.yml"]
FAIR_HOOK = '''"""The fair floor's only hook: finished HTML blocks set apart from Python-Markdown and put
back, as our hook does (scripts/assembly/finished_html.py); same bytes, nothing else."""
from scripts.assembly.finished_html import put_back, set_apart

_apart = {}


def on_page_markdown(markdown, page, config, files):
    markdown, blocks = set_apart(markdown)
    _apart[page.file.src_uri] = blocks
    return markdown


def on_page_content(html, page, config, files):
    return put_back(html, _apart.pop(page.file.src_uri, {}))
'''


def write_fair_floor_config(project: Path) -> None:
    """The fair floor (issue 23): the floor of `write_floor_config` given only the one trick our
    build plays on the engine, the finished HTML set apart from Python-Markdown. Against the
    plain floor our build is measured with the engine doing less work for us than for a bare
    site; against this one, with the same help. Written after `write_floor_config`."""
    floor = yaml.safe_load((project / "mkdocs-floor.yml").read_text(encoding="utf-8"))
    (project / "floor-hook.py").write_text(FAIR_HOOK, encoding="utf-8")
    floor.update(site_dir="site-floor-fair", hooks=["floor-hook.py"])
    (project / "mkdocs-floor-fair.yml").write_text(yaml.safe_dump(floor, allow_unicode=True), encoding="utf-8")


def search_check(project: Path) -> tuple[int, list[str]]:
    """Issue 23: the Dutch queries of scripts/tools/search_queries.py asked of this build's
    index and of one where Material's plugin indexes every page (RV_PLAIN_ENGINE=1);
    (queries asked, each difference). Run after the full builds: site/ holds ours."""
    from scripts.tools.search_queries import QUERIES, differences, results

    os.environ["RV_PLAIN_ENGINE"] = "1"  # environment() passes it on
    try:
        timed([*MKDOCS, "build", "--clean", "-d", "site-material-search"], project)
    finally:
        del os.environ["RV_PLAIN_ENGINE"]
    return len(QUERIES), differences(results(project / "site-material-search"), results(project / "site"))


def median(values: Iterable[float]) -> float:
    return statistics.median(values)


# ---------------------------------------------------------------- one size

@dataclass
class Size:
    factor: int
    items: dict
    full: list[Run] = field(default_factory=list)
    floor: list[Run] = field(default_factory=list)
    fair: list[Run] = field(default_factory=list)  # the fair floor (issue 23)
    search: tuple[int, list[str]] | None = None  # the search check: queries, differences
    hook: list[float] = field(default_factory=list)  # seconds inside the build
    alone: Run | None = None  # python -m scripts generate
    zensical: Run | None = None
    pages: int = 0
    html_bytes: int = 0
    largest: list[tuple[int, str]] = field(default_factory=list)
    site_bytes: int = 0
    search_index: int = 0

    def ratio(self, kind: str, against: str = "floor") -> float:
        return median(getattr(a, kind) / getattr(b, kind)
                      for a, b in zip(self.full, getattr(self, against), strict=True))

    def med(self, runs: str, kind: str) -> float:
        return median(getattr(r, kind) for r in getattr(self, runs))


def measure(factor: int, workdir: Path, runs: int, search: bool = False) -> tuple[Size, Path]:
    content = workdir / f"content-{factor}"
    size = Size(factor, synthesize(PROJECT / "content", content, factor))
    project = copy_project(workdir / f"site-{factor}", content)
    # The floor's pages, written as Zensical also needs them; the full build ignores them
    # (the hook hands over its own from memory).
    size.alone = timed(GENERATE, project)
    write_floor_config(project)
    write_fair_floor_config(project)
    for _ in range(runs):  # in turn, so that a drift of the machine hits all alike
        full = timed(FULL, project)
        size.full.append(full)
        size.floor.append(timed(FLOOR, project))
        size.fair.append(timed(FAIR_FLOOR, project))
        hook = full.between("Running `files` event from plugin 'overrides/hooks/generate.py'", "Gegenereerd:")
        if hook is None:
            raise SystemExit("The build log does not show where the hook starts and ends:\n"
                             + "".join(line for _, line in full.lines)[-3000:])
        size.hook.append(hook)
    site = project / "site"
    pages = sorted(site.rglob("*.html"))
    sizes = [(p.stat().st_size, "/" + p.relative_to(site).parent.as_posix().removeprefix(".") + "/")
             for p in pages]
    size.pages, size.html_bytes = len(pages), sum(s for s, _ in sizes)
    size.largest = sorted(sizes, reverse=True)[:5]
    size.site_bytes = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    index = site / "search" / "search_index.json"
    size.search_index = index.stat().st_size if index.is_file() else 0
    if search:
        size.search = search_check(project)
    size.zensical = timed(ZENSICAL, project)  # last: it writes site/ too
    return size, project


# ---------------------------------------------------------------- where the time goes

def without_hook(project: Path, runs: int) -> float:
    """Median CPU ratio, pair by pair, of the project's own configuration without the hook
    (extensions, templates, CSS and JavaScript of ours, on the pages `generate` wrote under
    docs/) to the floor: what the configuration costs, apart from generating. (Links in those
    pages take the form Zensical resolves; for timing that does not matter.)"""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^hooks:\n(  - .*\n)+", "", config)
    (project / "mkdocs-no-hook.yml").write_text("site_dir: site-no-hook\n" + config, encoding="utf-8")
    ratios = []
    for _ in range(runs):
        ablated = timed([*MKDOCS, "build", "--clean", "-f", "mkdocs-no-hook.yml"], project)
        floor = timed(FLOOR, project)
        ratios.append(ablated.cpu / floor.cpu)
    return median(ratios)


def profile(project: Path) -> tuple[float, list[tuple[str, float]]]:
    """A cProfile of the full build, split into parts (seconds, profiler overhead included).
    Parts that call each other are taken apart: e.g. Jinja is counted once, under the
    generator for our page templates and under Material for the engine's."""
    out = project / "build.prof"
    timed([sys.executable, "-m", "cProfile", "-o", str(out), "-m", "mkdocs", "build", "--strict", "--clean"],
          project)
    stats = pstats.Stats(str(out)).stats  # type: ignore[attr-defined]

    def cumulative(path_part: str, names: tuple[str, ...]) -> float:
        return sum(v[3] for (file, _, name), v in stats.items() if path_part in file and name in names)

    def own(predicate: Callable[[str], bool]) -> float:
        return sum(v[2] for (file, _, name), v in stats.items() if predicate(file.replace(os.sep, "/")))

    total = sum(v[2] for v in stats.values())
    generator = cumulative("overrides/hooks/generate.py", ("on_files",))
    our_jinja = cumulative("scripts/render/context.py", ("render",))
    all_jinja = cumulative("jinja2/environment.py", ("render",))
    markdown = cumulative("mkdocs/structure/pages.py", ("render",))
    search = (cumulative("material/plugins/search/plugin.py", ("on_page_context", "on_post_build"))
              + cumulative("scripts/assembly/search_entries.py", ("page",)))  # the generator's entries (issue 23)
    parts = [
        ("generator (the hook: load, validate, index, render, feeds)", generator),
        ("  of which Jinja (our page templates)", our_jinja),
        ("  of which icalendar", own(lambda f: "/icalendar/" in f)),
        ("  of which YAML (front matter in and out; MkDocs' own reading included)",
         own(lambda f: "/yaml/" in f or "_yaml" in f)),
        ("  of which JSON Schema validation", own(lambda f: "/jsonschema" in f or "/referencing/" in f)),
        ("Material templates (Jinja, the theme's page layout)", all_jinja - our_jinja),
        ("Markdown (all of Page.render)", markdown),
    ]
    # Each extension's processors: the cumulative time of their `run` methods, the Markdown core
    # they call back into included (an extension that parses Markdown again, as md_in_html did
    # inside HTML blocks, counts that work; the rows overlap and do not add up).
    extensions: dict[str, float] = {}
    for (file, _, name), v in stats.items():
        file = file.replace(os.sep, "/")
        match = re.search(r"/(markdown/extensions|pymdownx)/(\w+)\.py$", file)
        if match and name in ("run", "test"):
            label = ("pymdownx." if match[1] == "pymdownx" else "") + match[2]
            extensions[label] = extensions.get(label, 0.0) + v[3]
    core = own(lambda f: "/markdown/" in f and "/markdown/extensions/" not in f)
    parts.append(("  of which Python-Markdown core (own time)", core))
    parts += [(f"  {name}: its processors (cumulative)", seconds)
              for name, seconds in sorted(extensions.items(), key=lambda p: -p[1]) if seconds >= 0.005]
    parts.append(("search index (Material's search plugin, and the generator's entries)", search))
    parts.append(("MkDocs core and the rest (files, navigation, links, writing)",
                  total - generator - (all_jinja - our_jinja) - markdown - search))
    return total, parts


# ---------------------------------------------------------------- the preview

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout: float = 5) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


def preview(project: Path) -> tuple[float, int]:
    """Seconds from saving an edit of a content file to the livereload signal of `mkdocs serve`
    and the changed page, and the number of builds that edit caused."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = project / "serve.log"
    with open(log, "wb") as output:
        server = subprocess.Popen([*MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload",
                                   "--dirty"],  # as `make serve` runs it
                                  cwd=project, env=environment(), stdout=output, stderr=subprocess.STDOUT)
    try:
        page = f"{base}/themas/zorgonderwijs/"
        deadline = time.monotonic() + 600
        while True:
            try:
                html = _get(page)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("mkdocs serve did not come up:\n" + log.read_text()[-3000:]) from None
                time.sleep(0.2)
        epoch = re.search(r"livereload\((\d+),", html)
        if epoch is None:
            raise SystemExit("no livereload script in the served page")
        builds = log.read_text().count("Building documentation")
        theme = project / "content" / "themas" / "zorgonderwijs.md"
        text = theme.read_text(encoding="utf-8")
        start = time.perf_counter()
        theme.write_text(re.sub(r"(?m)^titel: .*$", 'titel: "Zorgonderwijs, bewerkt"', text, count=1),
                         encoding="utf-8")
        _get(f"{base}/livereload/{epoch[1]}/1", timeout=600)  # returns when the new site is up
        if "Zorgonderwijs, bewerkt" not in _get(page):
            raise SystemExit("the preview reloaded without the edit")
        seconds = time.perf_counter() - start
        time.sleep(3)  # would a second build follow?
        builds = log.read_text().count("Building documentation") - builds
    finally:
        server.terminate()
        server.wait(timeout=60)
    return seconds, builds


# ---------------------------------------------------------------- 10,000 meetings

def feeds_for(meetings: int, workdir: Path) -> tuple[int, float]:
    """Seconds to make every calendar feed (scripts/feeds/calendar.py) for about `meetings`
    meetings (the real ones cloned, with the real organisations)."""
    from datetime import date

    from scripts.content.loader import load_content
    from scripts.feeds import calendar
    from scripts.index import build_index
    from scripts.render.context import Context, Settings
    from scripts.render.environment import make_environment
    from scripts.render.output import Output

    real = len(content_files(PROJECT / "content", next(k for k in KINDS if k.folder == "bijeenkomsten")))
    content = workdir / "content-feeds"
    synthesize(PROJECT / "content", content, math.ceil(meetings / real), folders=("bijeenkomsten",))
    loaded = load_content(content)
    if loaded.problems:
        raise SystemExit(loaded.problems.report())
    ctx = Context(build_index(loaded.site, date.fromisoformat(BUILD_DATE)), Settings(date.fromisoformat(BUILD_DATE)),
                  make_environment(), Output())
    start = time.process_time()
    calendar.build(ctx)
    return len(loaded.site.meetings), time.process_time() - start


# ---------------------------------------------------------------- the report

def machine() -> list[tuple[str, str]]:
    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "?"

    cpu, memory = "?", "?"
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
        with open("/proc/meminfo") as info:
            kib = next(int(line.split()[1]) for line in info if line.startswith("MemTotal"))
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        pass
    return [("processors (nproc)", str(len(os.sched_getaffinity(0)))), ("processor", cpu),
            ("memory", memory), ("system", platform.platform()),
            ("load average at the start", " ".join(f"{x:.1f}" for x in os.getloadavg())),
            ("Python", platform.python_version()), ("MkDocs", version("mkdocs")),
            ("Material for MkDocs", version("mkdocs-material")), ("Zensical", version("zensical")),
            ("Jinja2", version("Jinja2")), ("build date", BUILD_DATE)]


def kib(n: float) -> str:
    return f"{n / 1024:,.1f} KiB"


def mib(n: float) -> str:
    return f"{n / 1024 / 1024:,.1f} MiB"


def table(sizes: list[Size]) -> str:
    rows = [
        ("organisations / meetings / articles",
         lambda s: f"{s.items['deelnemers']} / {s.items['bijeenkomsten']} / {s.items['actueel']}"),
        ("HTML pages", lambda s: f"{s.pages:,}"),
        ("full build (`make build`), wall", lambda s: f"{s.med('full', 'wall'):.1f} s"),
        ("full build, CPU", lambda s: f"{s.med('full', 'cpu'):.1f} s"),
        ("floor (bare Material, same pages), wall", lambda s: f"{s.med('floor', 'wall'):.1f} s"),
        ("floor, CPU", lambda s: f"{s.med('floor', 'cpu'):.1f} s"),
        ("**full / floor, CPU** (median of pairs)", lambda s: f"**{s.ratio('cpu'):.2f}×**"),
        ("**full / floor, wall** (median of pairs)", lambda s: f"**{s.ratio('wall'):.2f}×**"),
        *fair_rows(),
        ("the hook inside the full build", lambda s: f"{median(s.hook):.2f} s"),
        ("hook / full build (wall)", lambda s: f"{100 * median(s.hook) / s.med('full', 'wall'):.0f} %"),
        ("generation alone (`python -m scripts generate`, with start-up), wall",
         lambda s: f"{s.alone.wall:.2f} s" if s.alone else "?"),
        ("Zensical on the same pages (`zensical build --clean`, once), wall",
         lambda s: f"{s.zensical.wall:.1f} s" if s.zensical else "?"),
        ("Zensical, CPU", lambda s: f"{s.zensical.cpu:.1f} s" if s.zensical else "?"),
        ("HTML bytes per page (mean)", lambda s: kib(s.html_bytes / s.pages)),
        ("largest page", lambda s: f"{kib(s.largest[0][0])} `{s.largest[0][1]}`"),
        ("whole site", lambda s: mib(s.site_bytes)),
        ("search index", lambda s: mib(s.search_index)),
        ("peak memory, full build", lambda s: f"{max(r.peak_mib for r in s.full)} MiB"),
    ]
    head = "| | " + " | ".join(f"{s.factor}×" for s in sizes) + " |"
    lines = [head, "| --- |" + " ---: |" * len(sizes)]
    lines += ["| " + label + " | " + " | ".join(cell(s) for s in sizes) + " |" for label, cell in rows]
    return "\n".join(lines)


def fair_rows() -> list[tuple[str, Callable[[Size], str]]]:
    """The fair floor's rows of the table (issue 23)."""
    def when(pick: Callable[[Size], str]) -> Callable[[Size], str]:
        return lambda s: pick(s) if s.fair else "?"
    return [
        ("fair floor (bare Material, same pages, finished HTML set apart), wall",
         when(lambda s: f"{s.med('fair', 'wall'):.1f} s")),
        ("fair floor, CPU", when(lambda s: f"{s.med('fair', 'cpu'):.1f} s")),
        ("**full / fair floor, CPU** (median of triples)", when(lambda s: f"**{s.ratio('cpu', 'fair'):.2f}×**")),
        ("**full / fair floor, wall** (median of triples)", when(lambda s: f"**{s.ratio('wall', 'fair'):.2f}×**")),
        ("search: Dutch queries, same results as Material's own index",
         lambda s: ("same for all " + str(s.search[0]) if not s.search[1] else
                    f"{len(s.search[1])} of {s.search[0]} differ") if s.search else "–"),
    ]


GOAL_FLOOR_23 = 0.75  # full build ≤ 0.75× the floor in CPU at 30× (issue 23)
GOAL_FAIR_23 = 1.1  # full build ≤ 1.1× the fair floor in CPU at 30× (issue 23)
GOAL_PREVIEW_23 = 0.5  # seconds from edit to reload at 1× (issue 23)


def verdict_23(sizes: list[Size], previews: dict[int, tuple[float, int]]) -> list[str]:
    """Issue 23's goals, at the largest size measured (30× in `make bench`), and the preview's
    at 1×."""
    last = sizes[-1]
    if not last.fair:
        return []
    def met(ok: bool) -> str:
        return "**met**" if ok else "**not met**"
    lines = [f"- Full build ≤ {GOAL_FLOOR_23}× the floor in CPU at {last.factor}×: "
             f"{met(last.ratio('cpu') <= GOAL_FLOOR_23)} ("
             + ", ".join(f"{s.ratio('cpu'):.2f}× at {s.factor}×" for s in sizes) + ").",
             f"- Full build ≤ {GOAL_FAIR_23}× the fair floor in CPU at {last.factor}×: "
             f"{met(last.ratio('cpu', 'fair') <= GOAL_FAIR_23)} ("
             + ", ".join(f"{s.ratio('cpu', 'fair'):.2f}× at {s.factor}×" for s in sizes if s.fair) + ")."]
    for s in sizes:
        if s.search:
            lines.append(f"- Search at {s.factor}×: the same results for {s.search[0]} Dutch queries as "
                         f"Material's own index: {met(not s.search[1])}"
                         + ("" if not s.search[1] else " (" + "; ".join(s.search[1]) + ")") + ".")
    if 1 in previews:
        seconds, builds = previews[1]
        lines.append(f"- Preview at 1× under {GOAL_PREVIEW_23} s from edit to reload, one build per edit: "
                     f"{met(seconds < GOAL_PREVIEW_23 and builds == 1)} ({seconds:.2f} s, {builds} build(s)).")
    return lines


def verdict(sizes: list[Size], previews: dict[int, tuple[float, int]], feeds: tuple[int, float] | None) -> list[str]:
    def met(ok: bool) -> str:
        return "**met**" if ok else "**not met**"

    last = sizes[-1]
    lines = [f"- Full build ≤ {GOAL_RATIO}× the bare engine in CPU at {last.factor}×: "
             f"{met(last.ratio('cpu') <= GOAL_RATIO)} ("
             + ", ".join(f"{s.ratio('cpu'):.2f}× at {s.factor}×" for s in sizes) + ")."]
    if last.factor == 30:
        wall = last.med("full", "wall")
        lines.append(f"- The 30× full build under {GOAL_WALL_30:.0f} s wall: {met(wall < GOAL_WALL_30)} ({wall:.1f} s).")
        lines.append(f"- The largest page at 30× ≤ 64 KiB: {met(last.largest[0][0] <= GOAL_PAGE)} ("
                     + ", ".join(f"`{path}` {kib(n)}" for n, path in last.largest) + ").")
    if feeds:
        lines.append(f"- Calendar feeds for 10,000 meetings under {GOAL_FEEDS:.0f} s: "
                     f"{met(feeds[1] < GOAL_FEEDS)} ({feeds[1]:.2f} s CPU for {feeds[0]:,} meetings).")
    for factor, (seconds, builds) in sorted(previews.items()):
        goal = GOAL_PREVIEW.get(factor, GOAL_PREVIEW[10])
        lines.append(f"- Preview at {factor}×: one build per edit {met(builds == 1)} ({builds}); "
                     f"edit to reload under {goal:.0f} s {met(seconds < goal)} ({seconds:.1f} s).")
    return lines


def report(sizes: list[Size], runs: int, split: tuple[int, float, list, float] | None,
           previews: dict[int, tuple[float, int]], feeds: tuple[int, float] | None, notes: str,
           weights: tuple[int, list, dict] | None = None) -> str:
    parts = [
        "# Build benchmark",
        "",
        ("Written by `make bench` (`python -m scripts.tools.bench`); how it measures is in its module "
        "docstring. Synthetic content: the real content with every organisation, meeting and article "
        "cloned (new slug, UID, name and website; references point at clones of the same round). "
        "Movements and themes are not cloned: they are the site's fixed structure, so theme, movement "
        "and keyword pages get 10× and 30× as many items to list."),
        "",
        (f"**Full** is `mkdocs build --strict` as `make build` runs it, hook included. **Floor** is the "
        f"bare engine on the same generated pages: Material without our templates, CSS, JavaScript, "
        f"Markdown extensions or hook, with the same navigation, pruned. **Fair floor** is that floor "
        f"given the one trick our hook plays on the engine, the finished HTML set apart from "
        f"Python-Markdown (scripts/assembly/finished_html.py), and nothing else. Ratios are full / floor "
        f"and full / fair floor, taken build by build over {runs} triples run in turn, median. CPU is "
        f"user + system time of the build process."),
        "",
        "## Machine",
        "",
        *[f"- {name}: {value}" for name, value in machine()],
        "",
        "## Results",
        "",
        table(sizes),
        "",
    ]
    if split:
        factor, total, rows, ablation = split
        parts += [f"## Where the time goes ({factor}×, one profiled full build)", "",
                  (f"cProfile of `mkdocs build --strict`; {total:.1f} s in the profiler (it slows the "
                  "build about twofold, the shares hold). An extension's row is the cumulative time of its "
                  "processors, the Markdown core they call back into included, so those rows overlap; "
                  "the generator's own Markdown of contributed text (tables, fenced_code, sane_lists, toc: "
                  "scripts/render/contributed.py) is counted in those rows too."), "",
                  "| part | seconds | share |", "| --- | ---: | ---: |"]
        parts += [f"| {name} | {seconds:.2f} | {100 * seconds / total:.0f} % |" for name, seconds in rows]
        parts += ["", (f"At {factor}×, the project's configuration without the hook (our extensions, "
                       f"templates, CSS and JavaScript on the same generated pages) takes **{ablation:.2f}×** "
                       f"the CPU of the floor (one pair): the rest of the full/floor ratio is generating."), ""]
    if weights:
        factor, rows, scores = weights
        parts += [f"## What a phone downloads per page kind ({factor}×)", "",
                  ("Before any interaction: the page opened in Chromium at 390 px with an empty cache, "
                   "until the network is quiet for a second; text counted gzip-compressed as the host "
                   "sends it (scripts/tools/pageweight.py). The search index is not among it: it comes "
                   "when the search is opened. Goal (issue 17): every kind under 150 KiB."
                   + (" Lighthouse: mobile defaults (simulated slow 4G and a 4× slower processor), "
                      "Debian's Chromium, against the same locally served site, gzip included; its "
                      "performance score moves with the machine's load at the time." if scores else
                      " Lighthouse was not run (node_modules/.bin/lighthouse missing: `npm ci`).")), "",
                  pageweight.table(rows, scores), ""]
    parts += ["## Goals (issue 13)", "", *verdict(sizes, previews, feeds), ""]
    if verdict_23(sizes, previews):
        parts += ["## Goals (issue 23)", "", *verdict_23(sizes, previews), ""]
    parts += [NOTES_MARK,
              notes.rstrip() + "\n" if notes.strip() else ""]
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.tools.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--runs", type=int, default=3, help="full, floor and fair floor builds per size")
    parser.add_argument("--profile", type=int, default=10, help="the size to profile (0: none)")
    parser.add_argument("--preview", type=int, nargs="*", default=[1, 10], help="the sizes to time the preview at")
    parser.add_argument("--feeds", type=int, default=10_000, help="meetings for the feed timing (0: none)")
    parser.add_argument("--search", type=int, nargs="*", default=[10],
                        help="the sizes to ask the Dutch search queries at (scripts/tools/search_queries.py)")
    parser.add_argument("--output", type=Path, default=PROJECT / "BENCHMARKS.md")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary one)")
    parser.add_argument("--weigh", type=int, default=1, help="the size to weigh pages at (0: none)")
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
        sizes: list[Size] = []
        split: tuple[int, float, list, float] | None = None
        previews: dict[int, tuple[float, int]] = {}
        weights: tuple[int, list, dict] | None = None
        for factor in args.sizes:
            print(f"{factor}×: {args.runs} triples of builds…", flush=True)
            size, project = measure(factor, workdir, args.runs, search=factor in args.search)
            print(f"{factor}×: {size.pages} pages, full {size.med('full', 'wall'):.1f} s, floor "
                  f"{size.med('floor', 'wall'):.1f} s, CPU ratio {size.ratio('cpu'):.2f}×, against the fair "
                  f"floor {size.ratio('cpu', 'fair'):.2f}×", flush=True)
            if size.search:
                print(f"{factor}×: search, {size.search[0]} queries: "
                      + ("the same results" if not size.search[1] else "; ".join(size.search[1])), flush=True)
            sizes.append(size)
            if factor == args.profile:
                print(f"{factor}×: profile…", flush=True)
                total, rows = profile(project)
                print(f"{factor}×: the configuration without the hook…", flush=True)
                split = (factor, total, rows, without_hook(project, 1))
            if factor in args.preview:
                print(f"{factor}×: preview…", flush=True)
                previews[factor] = preview(project)
                print(f"{factor}×: edit to reload {previews[factor][0]:.1f} s, {previews[factor][1]} build(s)",
                      flush=True)
            if factor == args.weigh:
                print(f"{factor}×: page weight per page kind…", flush=True)
                timed(FULL, project)  # Zensical wrote site/ last
                binary = pageweight.lighthouse_binary(PROJECT)
                if binary:
                    print(f"{factor}×: Lighthouse…", flush=True)
                weights = (factor, pageweight.page_weights(project / "site"),
                           pageweight.lighthouse_scores(project / "site", binary) if binary else {})
            if not args.keep:
                shutil.rmtree(project)
        feeds = None
        if args.feeds:
            print(f"calendar feeds for {args.feeds:,} meetings…", flush=True)
            feeds = feeds_for(args.feeds, workdir)
    args.output.write_text(report(sizes, args.runs, split, previews, feeds, notes, weights), encoding="utf-8")
    print(f"Written to {args.output}")
    print("\n".join(verdict(sizes, previews, feeds) + verdict_23(sizes, previews)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
