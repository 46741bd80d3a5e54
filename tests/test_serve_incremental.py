"""The preview regenerates in the same process after every edit, reusing what it read and
checked before (scripts/content/loader.py keeps each file's outcome; converted bodies and
link paths are kept too). Whatever it reuses, an edit must give exactly the files, and the
problems, of a fresh generation of the edited content in a new process (issue 13, point 4)."""

from __future__ import annotations

import pickle
import re
import shutil
import subprocess
import time
import sys
import urllib.error
import urllib.request
from datetime import date
from pathlib import Path

from conftest import BUILD_DATE, PROJECT

from scripts.assembly.generate import render_site
from scripts.render.context import Settings

SETTINGS = Settings(build_date=date.fromisoformat(BUILD_DATE), site_url="http://127.0.0.1:8000/",
                    edit_base="https://example.org/edit/main/", site_name="Radicale vernieuwing")

_FRESH = """
import pickle, sys
from datetime import date
from pathlib import Path
from scripts.assembly.generate import render_site
from scripts.render.context import Settings
settings = Settings(build_date=date.fromisoformat(sys.argv[2]), site_url="http://127.0.0.1:8000/",
                    edit_base="https://example.org/edit/main/", site_name="Radicale vernieuwing")
problems, out = render_site(Path(sys.argv[1]), settings)
with open(sys.argv[3], "wb") as f:
    pickle.dump((problems.report() if problems else "", out.with_front_matter() if out else None), f)
"""


def _fresh(content: Path, tmp_path: Path) -> tuple[str, dict | None]:
    """render_site of `content` in a new Python process (nothing reused)."""
    result = tmp_path / "fresh.pickle"
    run = subprocess.run([sys.executable, "-c", _FRESH, str(content), BUILD_DATE, str(result)],
                         cwd=PROJECT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    with open(result, "rb") as f:
        return pickle.load(f)


def _here(content: Path) -> tuple[str, dict | None]:
    problems, out = render_site(content, SETTINGS)
    return (problems.report() if problems else "", out.with_front_matter() if out else None)


def _same(here: tuple[str, dict | None], fresh: tuple[str, dict | None]) -> None:
    assert here[0] == fresh[0]
    if fresh[1] is None:
        assert here[1] is None
        return
    assert here[1] is not None
    assert sorted(here[1]) == sorted(fresh[1]), "other files"
    changed = [path for path in fresh[1] if here[1][path] != fresh[1][path]]
    assert not changed, f"other bytes in {changed[:10]}"


def _edit(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text(encoding="utf-8")
    new, count = re.subn(pattern, replacement, text, count=1, flags=re.MULTILINE)
    assert count == 1, f"{pattern} not in {path}"
    path.write_text(new, encoding="utf-8")


def test_regeneration_after_edits_equals_a_fresh_generation(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(PROJECT / "content", content)
    first = _here(content)
    assert first[1] is not None, first[0]
    _same(_here(content), first)  # everything reused: the same files

    # A title that many pages show, a reference that moves a meeting to another theme, an
    # article removed and a new one (linking an organisation), all in one rebuild.
    _edit(content / "themas" / "zorgonderwijs.md", r"^titel: .*$", 'titel: "Zorgonderwijs, bewerkt"')
    meeting = content / "bijeenkomsten" / "05-02-kernteam-in-nieuwe-samenstelling.md"
    _edit(meeting, r"^themas: .*$", "themas: [zorgonderwijs]")
    gone = content / "actueel" / "brief-loc-begroting-vws-2022.md"
    gone.unlink()
    (content / "actueel" / "nieuw-bericht-over-zorgonderwijs.md").write_text(
        '---\ntitel: "Nieuw bericht over zorgonderwijs"\ndatum: 2026-11-20\n'
        'samenvatting: "Een nieuw bericht, om te zien of het meteen overal staat."\n'
        "themas: [zorgonderwijs]\norganisaties: [brentano]\n---\n"
        "Brentano en anderen werken samen aan **nieuw** zorgonderwijs.\n", encoding="utf-8")
    edited = _here(content)
    assert edited[1] is not None, edited[0]
    fresh = _fresh(content, tmp_path)
    _same(edited, fresh)
    # The edits are really there (a test that cannot fail is a defect).
    assert edited[1] != first[1]
    assert "actueel/brief-loc-begroting-vws-2022.md" in first[1]
    assert "actueel/brief-loc-begroting-vws-2022.md" not in edited[1]
    assert "actueel/nieuw-bericht-over-zorgonderwijs.md" in edited[1]
    assert "Zorgonderwijs, bewerkt" in edited[1]["bijeenkomsten/05-02-kernteam-in-nieuwe-samenstelling.md"].decode()

    # A mistake: the same problems as a fresh check, and no site; then fixed again.
    _edit(meeting, r"^beweging: .*$", "beweging: bestaat-niet")
    broken = _here(content)
    assert broken[1] is None and "bestaat-niet" in broken[0]
    _same(broken, _fresh(content, tmp_path))
    _edit(meeting, r"^beweging: .*$", "beweging: zorg")
    _same(_here(content), fresh)


def test_a_changed_template_checks_every_file_again(tmp_path):
    """A file's outcome depends on more than its own bytes (the example text in _sjablonen/,
    the logos and downloads it names): a change there is seen without touching the file."""
    content = tmp_path / "content"
    shutil.copytree(PROJECT / "content", content)
    assert _here(content)[1] is not None
    article = content / "actueel" / "vijf-jaar-radicale-vernieuwing-zorg.md"
    summary = re.search(r"^samenvatting: (.*)$", article.read_text(encoding="utf-8"), re.MULTILINE)[1]
    _edit(content / "_sjablonen" / "artikel.md", r"^samenvatting: .*$", f"samenvatting: {summary}")
    here = _here(content)
    assert here[1] is None and "content/actueel/vijf-jaar-radicale-vernieuwing-zorg.md" in here[0], here[0]
    assert "het voorbeeld uit het sjabloon" in here[0]
    _same(here, _fresh(content, tmp_path))


def test_the_previews_search_index_after_edits_equals_a_fresh_builds(tmp_path):
    """`mkdocs serve --dirty` renders only the changed pages and the search plugin indexes only
    those; the hook keeps the other pages' entries. After a title many pages show, a removed
    and a new page, the preview searches the same entries as a fresh build."""
    import json

    from conftest import build, copy_project
    from test_serve import _free_port, _get, _wait_for, start_preview, stop_preview

    project = copy_project(tmp_path / "project")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server, log = start_preview(project, port)
    new = "actueel/nieuw-bericht-over-zorgonderwijs/"
    try:
        assert _wait_for(lambda: "Zorgonderwijs" in _get(f"{base}/themas/zorgonderwijs/"), 120), "".join(log)
        content = project / "content"
        _edit(content / "themas" / "zorgonderwijs.md", r"^titel: .*$", 'titel: "Zorgonderwijs van morgen"')
        (content / "actueel" / "brief-loc-begroting-vws-2022.md").unlink()
        (content / "actueel" / "nieuw-bericht-over-zorgonderwijs.md").write_text(
            '---\ntitel: "Nieuw bericht over zorgonderwijs"\ndatum: 2026-11-20\n'
            'samenvatting: "Een nieuw bericht, om te zien of het meteen overal staat."\n'
            "themas: [zorgonderwijs]\norganisaties: [brentano]\n---\n"
            "Brentano werkt samen aan **nieuw** zorgonderwijs, met een eigen zoekwoord: kwartelkoning.\n",
            encoding="utf-8")

        def searched() -> dict:
            return json.loads(_get(f"{base}/search/search_index.json"))

        def done() -> bool:
            locations = {entry["location"] for entry in searched()["docs"]}
            return new in locations and "actueel/brief-loc-begroting-vws-2022/" not in locations \
                and "Zorgonderwijs van morgen" in _get(f"{base}/themas/")
        assert _wait_for(done, 120), "".join(log)[-3000:]
        # Saving three files may wake the watcher more than once: wait until the builds are over.
        built = lambda: "".join(log).count("Documentation built")  # noqa: E731
        assert _wait_for(lambda: built() == "".join(log).count("Building documentation"), 60)
        time.sleep(3)
        preview = searched()
        # The removed article's page is gone from the preview too (--dirty alone keeps it).
        try:
            urllib.request.urlopen(f"{base}/actueel/brief-loc-begroting-vws-2022/", timeout=5)
            status = 200
        except urllib.error.HTTPError as error:
            status = error.code
        assert status == 404
    finally:
        stop_preview(server)
    fresh = json.loads((build(project) / "search" / "search_index.json").read_text(encoding="utf-8"))

    def key(entry: dict) -> str:
        return json.dumps(entry, sort_keys=True, ensure_ascii=False)
    # The preview writes absolute addresses (the embed code) with its own address, as it should:
    # the code shown there then works there. Compare them as the published site writes them.
    site_url = re.search(r"^site_url: *(\S+?)/?$", (project / "mkdocs.yml").read_text(encoding="utf-8"),
                         re.M).group(1)
    preview["docs"] = [json.loads(json.dumps(entry).replace(base, site_url)) for entry in preview["docs"]]
    assert preview["config"] == fresh["config"]
    assert len(preview["docs"]) == len(fresh["docs"])
    assert sorted(map(key, preview["docs"])) == sorted(map(key, fresh["docs"]))
    assert any("kwartelkoning" in entry["text"] for entry in preview["docs"])
