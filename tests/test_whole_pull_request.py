"""Issue 19: a green check covers the whole pull request, every file in it, and every address
it claims. Each class of the issue is built as a hostile pull request here (or in the corpus,
tests/corpus/, checked by tests/test_corpus.py) and shown refused, or its published output
shown harmless when read back by a second library.

- the pull request as a whole: a change outside content/ is refused by `check --pull-request`
  (a real git repository, a real `python -m scripts` process); the same change by a maintainer
  passes `make check`;
- PDFs: every hostile PDF of the corpus is published rewritten, and pypdf (another library
  than the qpdf that rewrote it) finds no action, JavaScript, form or embedded file in it;
- symlinks and unread files are named by their path in the repository.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pypdf
import pytest
from conftest import PROJECT, build, copy_project, run_check

from scripts.assembly.generate import render_site
from scripts.content import pdfs
from scripts.render.context import Settings

CORPUS = Path(__file__).parent / "corpus"
SETTINGS = Settings(build_date=date(2026, 11, 23))
HOSTILE_PDFS = sorted(p.parent.parent.name for p in (CORPUS / "good").glob("pdf-*/actueel/downloads")
                      if p.parent.parent.name != "pdf-gewoon")


# --- the pull request as a whole -------------------------------------------------------------

def _git(project: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(project), "-c", "user.name=t", "-c", "user.email=t@t",
                           "-c", "commit.gpgsign=false", *args], check=True, capture_output=True,
                          text=True).stdout


def _check(project: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m scripts check` of the project's own copy of the generator, in the project."""
    return subprocess.run([sys.executable, "-m", "scripts", "check", *args], cwd=project,
                          capture_output=True, text=True, timeout=300, check=False,
                          env={**os.environ, "PYTHONPATH": str(project)})


@pytest.fixture
def repository(tmp_path) -> Path:
    """A copy of the project in git, on main, and a contributor's branch made from it."""
    project = copy_project(tmp_path / "project")
    _git(project, "init", "-q", "-b", "main")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "main")
    return project


HOOK = "  - overrides/hooks/stiekem.py\n"


def _hostile_changes(project: Path) -> None:
    """What the issue saw pass: a hook in mkdocs.yml, a changed template, a page under docs/,
    next to an ordinary new organisation (which alone would be fine)."""
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("  - overrides/hooks/generate.py"))
    config.write_text("".join(lines[:at + 1] + [HOOK] + lines[at + 1:]), encoding="utf-8")
    (project / "overrides" / "hooks" / "stiekem.py").write_text("import os  # runs during the build\n")
    template = next((project / "overrides").rglob("*.html"))
    template.write_text(template.read_text(encoding="utf-8") + "<script>alert(1)</script>\n", encoding="utf-8")
    (project / "docs" / "extra.md").write_text("# Extra\n\n<script>alert(1)</script>\n", encoding="utf-8")
    (project / "content" / "deelnemers" / "nieuw.md").write_text(_new_organisation(), encoding="utf-8")


def _new_organisation() -> str:
    return ("---\nnaam: Zorggroep Nieuw\nbewegingen: [zorg]\nrol: deelnemer\n---\n\n"
            "Een nieuwe organisatie.\n")


def test_a_contributor_pull_request_outside_content_is_refused(repository):
    _git(repository, "checkout", "-qb", "bijdrage")
    _hostile_changes(repository)
    _git(repository, "add", "-A")
    _git(repository, "commit", "-qm", "bijdrage")
    result = _check(repository, "--github", "--pull-request", "main")
    assert result.returncode == 1, result.stdout
    out = result.stdout
    for path in ("mkdocs.yml", "overrides/hooks/stiekem.py", "docs/extra.md"):
        assert f"{path}: Dit bestand staat buiten content/ en is " in out, out
        assert f"::error file={path},title=Controle::" in out, out
    assert "alleen een beheerder kan dit samenvoegen" in out
    assert "content/deelnemers/nieuw.md" not in out  # the content file itself is fine
    assert "Traceback" not in out + result.stderr

    # A merge commit, as the pull-request workflow checks it out: HEAD^1 is the base.
    _git(repository, "checkout", "-q", "main")
    (repository / "content" / "deelnemers" / "ander.md").write_text(
        _new_organisation().replace("Nieuw", "Ander"), encoding="utf-8")
    _git(repository, "add", "-A")
    _git(repository, "commit", "-qm", "main moves on")
    _git(repository, "merge", "-q", "--no-ff", "-m", "merge", "bijdrage")
    merged = _check(repository, "--pull-request", "HEAD^1")
    assert merged.returncode == 1 and "mkdocs.yml: Dit bestand staat buiten content/" in merged.stdout
    assert "content/deelnemers/ander.md" not in merged.stdout  # main's own change is not the PR's


def test_the_same_change_by_a_maintainer_passes_make_check(repository):
    """On main, `make check` (no pull request named) looks at content/ only: a maintainer's
    hook, template or page is theirs to make."""
    _hostile_changes(repository)
    _git(repository, "add", "-A")
    _git(repository, "commit", "-qm", "maintainer")
    result = _check(repository)
    assert result.returncode == 0, result.stdout


def test_a_contributor_pull_request_only_in_content_passes(repository):
    _git(repository, "checkout", "-qb", "bijdrage")
    (repository / "content" / "deelnemers" / "nieuw.md").write_text(_new_organisation(), encoding="utf-8")
    _git(repository, "add", "-A")
    _git(repository, "commit", "-qm", "bijdrage")
    result = _check(repository, "--pull-request", "main")
    assert result.returncode == 0, result.stdout


def test_the_baseline_symlinks_and_an_unknown_base_are_for_a_maintainer(repository):
    _git(repository, "checkout", "-qb", "bijdrage")
    baseline = repository / "content" / "bijeenkomsten" / "_gepubliceerd.json"
    baseline.write_text("{}\n", encoding="utf-8")
    (repository / "content" / "deelnemers" / "link.md").symlink_to("loc.md")
    _git(repository, "add", "-A")
    _git(repository, "commit", "-qm", "bijdrage")
    out = _check(repository, "--pull-request", "main").stdout
    assert "content/bijeenkomsten/_gepubliceerd.json: Dit bestand houdt de site zelf bij" in out, out
    assert "content/deelnemers/link.md: Dit is een koppeling" in out, out
    unknown = _check(repository, "--pull-request", "bestaat-niet")
    assert unknown.returncode == 1 and "kunnen niet worden vergeleken met 'bestaat-niet'" in unknown.stdout


def test_the_whole_pull_request_check_fails_when_switched_off(repository, monkeypatch):
    """The safety test's own check: with the comparison switched off (no changes found), the
    hostile pull request would pass; so the refusal above comes from the comparison."""
    from scripts.__main__ import main
    from scripts.assembly import new_files
    _git(repository, "checkout", "-qb", "bijdrage")
    _hostile_changes(repository)
    _git(repository, "add", "-A")
    _git(repository, "commit", "-qm", "bijdrage")
    monkeypatch.chdir(repository)
    args = ["--content", str(repository / "content"), "check", "--pull-request", "main"]
    assert main(args) == 1
    monkeypatch.setattr(new_files, "pull_request_changes", lambda project, base: [])
    assert main(args) == 0


# --- PDFs -------------------------------------------------------------------------------------

ACTIVE_KEYS = ("/OpenAction", "/AA", "/JS", "/JavaScript", "/AcroForm", "/EmbeddedFiles", "/EF", "/XFA")


def pypdf_active(data: bytes) -> list[str]:
    """What pypdf finds that a reader would run or open, in every object it can reach."""
    reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
    found: list[str] = []
    seen: set[int] = set()

    def walk(value: object, depth: int = 0) -> None:
        if isinstance(value, pypdf.generic.IndirectObject):
            if value.idnum in seen or depth > 60:
                return
            seen.add(value.idnum)
            value = value.get_object()
        if isinstance(value, pypdf.generic.DictionaryObject):
            found.extend(key for key in ACTIVE_KEYS if key in value)
            action = value.get("/A")
            if action is not None:
                action = action.get_object()
                if action.get("/S") != "/GoTo" and not (action.get("/S") == "/URI" and str(
                        action.get("/URI", "")).startswith(("http://", "https://"))):
                    found.append(f"/A {action.get('/S')} {action.get('/URI', '')}")
            if value.get("/Subtype") in ("/Widget", "/FileAttachment", "/Screen", "/RichMedia"):
                found.append(str(value.get("/Subtype")))
            for child in value.values():
                walk(child, depth + 1)
        elif isinstance(value, pypdf.generic.ArrayObject):
            for child in value:
                walk(child, depth + 1)

    walk(reader.trailer)
    for page in reader.pages:
        walk(page)
    return found


@pytest.mark.parametrize("case", HOSTILE_PDFS)
def test_each_hostile_pdf_is_active_before_and_harmless_as_published(tmp_path, case):
    original = (CORPUS / "good" / case / "actueel" / "downloads" / f"{case}.pdf").read_bytes()
    assert pypdf_active(original), f"{case}: the corpus file should be hostile to pypdf too"
    content = _content_with_case(tmp_path, case)
    problems, out = render_site(content, SETTINGS)
    assert out is not None, problems.report()
    published = out.files[f"actueel/downloads/{case}.pdf"]
    assert published != original
    assert pypdf_active(published) == [], case
    assert len(pypdf.PdfReader(io.BytesIO(published)).pages) == 1
    again = render_site(content, SETTINGS)[1]
    assert again is not None and again.files[f"actueel/downloads/{case}.pdf"] == published  # same bytes
    if case == "pdf-link-javascript":  # the https link stays, the others are gone
        assert b"https://www.loc.nl/" in published.replace(b"\\/", b"/") or "https://www.loc.nl/" in str(
            [a.get_object().get("/A") for a in pypdf.PdfReader(io.BytesIO(published)).pages[0].get("/Annots", [])])


def test_the_pdf_test_fails_when_the_rewrite_is_switched_off(tmp_path, monkeypatch):
    """With the rewrite switched off (the contributed bytes published as they came), the
    published file is active again: the test above would fail."""
    # generate.py and assets.py import it when there is a PDF (pikepdf only then): from pdfs.
    monkeypatch.setattr(pdfs, "clean_pdf", lambda data: data)
    for case in HOSTILE_PDFS:
        content = _content_with_case(tmp_path / case, case)
        problems, out = render_site(content, SETTINGS)
        assert out is not None, problems.report()
        assert pypdf_active(out.files[f"actueel/downloads/{case}.pdf"]), case


def test_a_real_build_publishes_only_rewritten_pdfs(tmp_path):
    """MkDocs itself, all hostile PDFs together: every PDF in site/ is clean to pypdf."""
    content = tmp_path / "content"
    shutil.copytree(PROJECT / "content", content)
    for case in HOSTILE_PDFS:
        shutil.copytree(CORPUS / "good" / case, content, dirs_exist_ok=True)
    site = build(copy_project(tmp_path / "project", content=content))
    published = sorted((site / "actueel" / "downloads").glob("*.pdf"))
    assert [p.stem for p in published] == HOSTILE_PDFS
    for pdf in published:
        assert pypdf_active(pdf.read_bytes()) == [], pdf.name


def test_pdf_rewriting_is_deterministic_and_keeps_no_clock():
    data = (CORPUS / "good" / "pdf-gewoon" / "actueel" / "downloads" / "pdf-gewoon.pdf").read_bytes()
    pdfs._CACHE.clear()
    first = pdfs.clean_pdf(data)
    pdfs._CACHE.clear()
    assert pdfs.clean_pdf(data) == first
    assert b"CreationDate" not in first and b"ModDate" not in first
    assert "Een gewone pdf" in pypdf.PdfReader(io.BytesIO(first)).pages[0].extract_text()


def _content_with_case(tmp_path: Path, case: str) -> Path:
    content = tmp_path / "content"
    for folder in ("bewegingen", "themas", "_sjablonen"):
        shutil.copytree(PROJECT / "content" / folder, content / folder)
    for folder in ("deelnemers", "bijeenkomsten"):
        (content / folder).mkdir(parents=True)
    shutil.copytree(CORPUS / "good" / case, content, dirs_exist_ok=True)
    return content


# --- nothing ignored silently: symlinks by their repository path ------------------------------

def test_symlinks_are_named_by_their_path_in_the_repository(tmp_path):
    project = tmp_path / "project"
    content = project / "content"
    shutil.copytree(PROJECT / "content", content)
    elsewhere = tmp_path / "elders"
    (elsewhere / "map").mkdir(parents=True)
    (elsewhere / "geheim.md").write_text(_new_organisation(), encoding="utf-8")
    (elsewhere / "map" / "zorg.md").write_text(_new_organisation(), encoding="utf-8")
    (content / "deelnemers" / "geheim.md").symlink_to(elsewhere / "geheim.md")
    (content / "deelnemers" / "gekoppeld").symlink_to(elsewhere / "map", target_is_directory=True)
    (content / "deelnemers" / "kwijt.md").symlink_to(elsewhere / "bestaat-niet.md")
    result = run_check(content)
    assert result.returncode == 1
    out = result.stdout
    assert "content/deelnemers/geheim.md: Dit bestand is een koppeling (symlink)" in out, out
    assert "content/deelnemers/gekoppeld: Dit is een koppeling (symlink)" in out, out
    assert "content/deelnemers/kwijt.md: Dit is een koppeling (symlink)" in out, out
    assert str(tmp_path) not in out and "elders" not in out, out  # never the machine's own paths


# --- one register of addresses: the newcomer is blamed -----------------------------------------

def _meeting(slug: str, extra: str = "") -> str:
    return (f"---\ntitel: Bijeenkomst {slug}\nuid: {slug}@radicalevernieuwing.nl\nstart: 2026-12-10\n"
            f"beweging: zorg\n{extra}---\n\nEen bijeenkomst.\n")


def test_a_new_file_taking_an_earlier_name_is_blamed_not_the_renamed_meeting(tmp_path):
    """The renamed meeting keeps its old name in eerdere_namen; a pull request adds a file
    with that name: only the new file is named (the register knows which file is new)."""
    from scripts.content.loader import load_content
    content = _content_with_case(tmp_path, "pdf-gewoon")
    meetings = content / "bijeenkomsten"
    (meetings / "kampvuur-nieuw.md").write_text(_meeting("kampvuur-nieuw", "eerdere_namen: [kampvuur]\n"))
    (meetings / "kampvuur.md").write_text(_meeting("kampvuur"))
    new = frozenset({"content/bijeenkomsten/kampvuur.md"})
    found = load_content(content, new_files=new).problems.sorted()
    assert [(p.path, p.line, p.field) for p in found] == [("content/bijeenkomsten/kampvuur.md", 0, "")], found
    assert "/bijeenkomsten/kampvuur/ is al in gebruik" in found[0].message
    # Without knowing what is new, the line that claims a live file's address is blamed.
    found = load_content(content).problems.sorted()
    assert [(p.path, p.field) for p in found] == [("content/bijeenkomsten/kampvuur-nieuw.md", "eerdere_namen[1]")]
    assert found[0].line == 6 and "Traceback" not in found[0].message


def _bad_case(tmp_path: Path, case: str) -> Path:
    content = _content_with_case(tmp_path, "pdf-gewoon")
    shutil.copytree(CORPUS / "bad" / case, content, dirs_exist_ok=True)
    return content


def test_the_register_is_what_refuses_claimed_addresses(tmp_path, monkeypatch):
    """The corpus cases of the register (tests/test_corpus.py) are refused because of it:
    switched off, an earlier name 'agenda' becomes a redirect at the site's own address, and
    an old address '/data/deelnemers.json/' is written inside the open data file's name (the
    build then stops when writing). A keyword 'index' then reaches the build's last line of
    defence, which still names the article's line in Dutch, never an exception text."""
    from scripts.content.addresses import Register
    refused = {case: render_site(_bad_case(tmp_path / case, case), SETTINGS)
               for case in ("eerder-agenda", "oud-adres-data", "trefwoord-index")}
    assert all(out is None for _, out in refused.values())
    monkeypatch.setattr(Register, "taken", lambda self, claim: None)
    problems, out = render_site(_bad_case(tmp_path / "a", "eerder-agenda"), SETTINGS)
    assert out is not None and b"eerder-agenda" in out.files["bijeenkomsten/agenda/index.html"]
    problems, out = render_site(_bad_case(tmp_path / "b", "oud-adres-data"), SETTINGS)
    assert out is not None and {"data/deelnemers.json", "data/deelnemers.json/index.html"} <= set(out.files)
    problems, out = render_site(_bad_case(tmp_path / "c", "trefwoord-index"), SETTINGS)
    assert out is None
    [problem] = problems.sorted()
    assert (problem.path, problem.line, problem.field) == ("content/actueel/trefwoord-index.md", 6, "trefwoorden[2]")
    assert "/trefwoord/ is al in gebruik" in problem.message and "share" not in problem.message
