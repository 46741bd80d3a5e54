"""Issue form → file, and the Dutch answer on a pull request (issue 18).

The issue bodies here are written as the repository host writes a filled-in issue form
('### question', the answer, '_No response_' for an empty one, '- [X] option' for a ticked
box), from the generated issue forms themselves. Hostile answers (shell, workflow expressions,
backticks, YAML breakers, HTML, a 1 MB answer) must end up as text in the file, exactly as the
validator reads it, and nothing may run. The commands run as the workflows run them: a new
Python process with the event file.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import PROJECT, run_check
from scripts.content.loader import load_content
from scripts.content.problems import ProblemList
from scripts.content.source import read_source
from scripts.tools.issues import ISSUE_FORMS, issue_forms
from scripts.tools.pr_comment import MARKER, comment_of


def issue_body(form_file: str, answers: dict[str, str | list[str]]) -> str:
    """The body the host writes for a filled-in issue form (the committed one)."""
    form = yaml.safe_load((PROJECT / ".github" / "ISSUE_TEMPLATE" / form_file).read_text(encoding="utf-8"))
    parts = []
    for element in form["body"]:
        if element["type"] == "markdown":
            continue
        label = element["attributes"]["label"]
        answer = answers.get(element["id"])
        if element["type"] == "checkboxes":
            ticked = answer or []
            text = "\n".join(f"- [{'X' if o['label'] in ticked else ' '}] {o['label']}"
                             for o in element["attributes"]["options"])
        else:
            text = answer if answer else "_No response_"
        parts.append(f"### {label}\n\n{text}\n")
    return "\n".join(parts)


def run_issue(tmp_path: Path, body: str, number: int = 7) -> tuple[int, Path, Path]:
    content = tmp_path / "content"
    if not content.exists():
        shutil.copytree(PROJECT / "content", content)
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"issue": {"number": number, "title": "x", "body": body,
                                           "created_at": "2026-11-23T09:00:00Z"}}), encoding="utf-8")
    out = tmp_path / "uit"
    result = subprocess.run([sys.executable, "-m", "scripts", "--content", str(content), "uit-issue",
                             "--event", str(event), "--uit", str(out)],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, content, out


def validator_view(content: Path, out: Path) -> tuple[dict, str]:
    """The front matter and body as the validator reads the file the command wrote."""
    rel = (out / "bestand").read_text(encoding="utf-8")
    source = read_source(content.parent / rel, rel, ProblemList())
    assert source is not None
    return source.data, source.body


def test_the_committed_issue_forms_are_the_generated_ones():
    """They are made from the schemas and the content (`python -m scripts issue-formulieren`)."""
    made = issue_forms(PROJECT / "content")
    folder = PROJECT / ".github" / "ISSUE_TEMPLATE"
    assert sorted(made) == sorted(ISSUE_FORMS.values())
    for name, text in made.items():
        assert (folder / name).read_text(encoding="utf-8") == text, f"run `python -m scripts issue-formulieren` ({name})"
    spelled = yaml.safe_load(made["deelnemer.yml"])
    sector = next(e for e in spelled["body"] if e.get("id") == "sector")
    assert {"label": "Beschermd wonen"} in sector["attributes"]["options"]  # the label; the value stays beschermd-wonen


def test_a_good_issue_becomes_a_file_that_passes_the_check(tmp_path):
    body = issue_body("deelnemer.yml", {
        "naam": "Zorggroep De Linde", "bewegingen": ["Radicale vernieuwing zorg"], "rol": "Partner",
        "plaats": "Zwolle", "provincie": "Overijssel", "sector": ["Beschermd wonen", "Cliëntenorganisatie"],
        "website": "https://www.delinde.nl", "sinds": "2024-05", "tekst": "Wij doen mee.\n\nTweede alinea."})
    code, content, out = run_issue(tmp_path, body)
    assert code == 0, (out / "reactie.md").read_text(encoding="utf-8") if (out / "reactie.md").exists() else ""
    assert (out / "bestand").read_text() == "content/deelnemers/zorggroep-de-linde.md"
    data, text = validator_view(content, out)
    assert data["naam"] == "Zorggroep De Linde" and data["rol"] == "partner"
    assert data["sector"] == ["beschermd-wonen", "clientenorganisatie"]  # the schema's values, not the labels
    assert data["bewegingen"] == ["zorg"] and data["provincie"] == "Overijssel" and data["sinds"] == "2024-05"
    assert text.strip() == "Wij doen mee.\n\nTweede alinea."
    assert run_check(content).returncode == 0
    assert (out / "titel").read_text() == "Nieuwe deelnemer: Zorggroep De Linde"
    assert "Sluit #7." in (out / "voorstel.md").read_text()


HOSTILE = {
    "naam": "Zorg $(touch CANARY-1) `touch CANARY-2` ${{ github.token }} ; rm -rf / && echo | cat",
    "plaats": "Zwolle\"\n---\nrol: kernteam\n'# {a: b} [x] &anker *anker !!python/object:os.system",
    "beschrijving": "<script>fetch('//evil')</script><img src=x onerror=alert(1)> @iemand #12 [klik](javascript:alert(1))",
    "website": "https://www.x.nl/$(touch CANARY-3)",
}


def test_hostile_answers_are_text_in_the_file_and_nothing_runs(tmp_path):
    body = issue_body("deelnemer.yml", {**HOSTILE, "bewegingen": ["Radicale vernieuwing zorg"], "rol": "Deelnemer",
                                        "tekst": "```\n---\nnaam: kaping\n```\n${{ secrets.X }}"})
    code, content, out = run_issue(tmp_path, body)
    assert not any(tmp_path.rglob("CANARY*")) and not any(PROJECT.glob("CANARY*"))
    data, text = validator_view(content, out)
    # Exactly the answers (on one line, as a form's short answer), as the validator reads them.
    assert data["naam"] == " ".join(HOSTILE["naam"].split())
    assert data["plaats"] == " ".join(HOSTILE["plaats"].split())
    assert data["rol"] == "deelnemer"  # the 'rol: kernteam' in another answer stayed text
    assert data["beschrijving"] == HOSTILE["beschrijving"]
    assert data["website"] == HOSTILE["website"]
    assert text.strip() == "```\n---\nnaam: kaping\n```\n${{ secrets.X }}"
    # The check's problems come back as a Dutch answer on the issue, escaped.
    assert code == 1
    reply = (out / "reactie.md").read_text(encoding="utf-8")
    assert reply.startswith("Dank je wel voor het invullen!")
    assert "<script" not in reply and "<img" not in reply and "@iemand" not in reply
    assert "- **Website**: " in reply  # the question, not the key


def test_a_one_megabyte_answer(tmp_path):
    body = issue_body("deelnemer.yml", {"naam": "A" * 1_000_000, "bewegingen": ["Radicale vernieuwing zorg"],
                                        "rol": "Deelnemer", "tekst": "B" * 1_000_000})
    code, content, out = run_issue(tmp_path, body)
    assert code == 1
    data, _ = validator_view(content, out)
    assert data["naam"] == "A" * 2_000  # a short answer is cut at 2,000 characters; the check then says why
    reply = (out / "reactie.md").read_text(encoding="utf-8")
    assert "- **Naam van de organisatie**: De tekst is te lang\\: 2000 tekens, hoogstens 200." in reply
    assert "- **Over jullie organisatie**: De tekst is te lang \\(100001 tekens\\)." in reply
    assert len(reply) < 5_000


def test_an_issue_that_is_not_a_form_makes_nothing(tmp_path):
    code, content, out = run_issue(tmp_path, "Hallo, ik wil graag meedoen!\n\n### Vraag\n\nrm -rf /")
    assert code == 2
    assert not (out / "bestand").exists()
    assert "lijkt niet op een van de formulieren" in (out / "reactie.md").read_text(encoding="utf-8")


def test_a_meeting_issue(tmp_path):
    body = issue_body("bijeenkomst.yml", {
        "titel": "Kampvuur in Zwolle", "start": "2027-03-11 13:30", "eind": "2027-03-11 16:00",
        "beweging": "Radicale vernieuwing zorg", "locatie-plaats": "Zwolle", "locatie-naam": "De Brug",
        "themas": ["Belemmerende regels"], "samenvatting": "Over zinvolle dagen."})
    code, content, out = run_issue(tmp_path, body)
    assert code == 0, (out / "reactie.md").read_text(encoding="utf-8") if (out / "reactie.md").exists() else ""
    data, _ = validator_view(content, out)
    assert (out / "bestand").read_text() == "content/bijeenkomsten/2027-03-11-kampvuur-in-zwolle.md"
    assert data["uid"] == "2027-03-11-kampvuur-in-zwolle@radicalevernieuwing.nl"
    assert data["locatie"] == {"naam": "De Brug", "plaats": "Zwolle"}
    assert data["beweging"] == "zorg" and data["themas"] == ["belemmerende-regels"]


# ---- the answer on a pull request ----------------------------------------------------------------

THREE_MISTAKES = """---
provincie: Utrecht-Noord
bewegingen: [zorg]
rol: deelnemer
sinds: 2025-13-01
---

Wij doen mee.
"""

EXPECTED = f"""{MARKER}
## Controle van je voorstel

De site heeft je voorstel gecontroleerd. Er zijn 3 dingen nog niet in orde. Hieronder staat per regel wat er niet klopt en hoe je het oplost.
Pas het bestand aan (bij het bestand: de drie puntjes, dan **Edit file**). Daarna controleert de site het vanzelf opnieuw en wordt dit bericht bijgewerkt.

**In het bestand content/deelnemers/zorggroep-zonder-naam.md**

- **Regel 2, bij naam**: Het verplichte veld 'naam' ontbreekt of is leeg.
  Zo los je het op: De naam van de organisatie.
- **Regel 2, bij provincie**: 'Utrecht-Noord' is geen toegestane waarde.
  Zo los je het op: Bedoel je 'Utrecht'? Kies uit\\: Drenthe, Flevoland, Friesland, Gelderland, Groningen, Limburg, Noord-Brabant, Noord-Holland, Overijssel, Utrecht, Zeeland, Zuid-Holland.
- **Regel 5, bij sinds**: '2025-13-01'\\: maand 13 bestaat niet.
  Zo los je het op: Schrijf een maand van 01 tot 12, bijvoorbeeld 2021-04.
"""  # noqa: E501  (the comment as the person reads it: its lines are long)


def test_the_comment_on_a_pull_request_with_three_typical_mistakes(tmp_path):
    """A wrong province, the 13th month and a missing name: plain Dutch, with line numbers."""
    content = tmp_path / "content"
    shutil.copytree(PROJECT / "content", content)
    (content / "deelnemers" / "zorggroep-zonder-naam.md").write_text(THREE_MISTAKES, encoding="utf-8")
    result = tmp_path / "uitslag" / "uitslag.json"
    check = subprocess.run([sys.executable, "-m", "scripts", "--content", str(content), "check", "--github",
                            "--uitslag", str(result)], cwd=PROJECT, capture_output=True, text=True, timeout=300)
    assert check.returncode == 1
    comment = tmp_path / "reactie.md"
    reply = subprocess.run([sys.executable, "-m", "scripts", "pr-reactie", "--uitslag", str(result),
                            "--uit", str(comment)], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert reply.returncode == 0, reply.stderr
    text = comment.read_text(encoding="utf-8")
    print(text)
    assert text == EXPECTED


def test_a_comment_shows_how_the_entry_will_look():
    entry = {"path": "content/deelnemers/x.md", "kind": "deelnemer", "title": "Zorggroep X",
             "lines": ["Zwolle, Overijssel · Ouderenzorg", "Eigen pagina: /deelnemers/x/"]}
    text = comment_of({"problems": [], "entries": [entry]})
    assert "Alles is in orde" in text
    assert "> **Zorggroep X**\n>\n> Zwolle, Overijssel · Ouderenzorg" in text


@pytest.mark.parametrize("result", [
    None, [], "x", {"problems": "x"}, {"problems": [1, None, {"line": "12", "path": ["x"]}]},
    {"problems": [{"path": "a.md", "line": True, "field": {}, "message": 3}]},
])
def test_a_broken_result_gives_a_comment_not_a_crash(result):
    text = comment_of(result)
    assert text.startswith(MARKER)


def test_the_comment_is_escaped():
    """The result comes from a job that ran the pull request's code: whatever it says is text."""
    evil = "<img src=x onerror=alert(1)> @maintainer #1 [x](javascript:alert(1)) ```\n## Kop\n" + "x" * 10_000
    text = comment_of({"problems": [{"path": evil, "line": 3, "field": evil, "message": evil, "hint": evil}] * 500,
                       "entries": [{"title": evil, "lines": [evil] * 100}] * 100})
    assert "<img" not in text and "@maintainer" not in text and "](javascript" not in text
    assert "\n## Kop" not in text and "```" not in text
    assert len(text) < 65_536
    assert text.count("- **Regel 3") == 60  # at most 60 problems shown


def test_the_check_result_names_the_entries_of_the_change(tmp_path):
    """On a pull request's merge commit, the entries of the added files are described."""
    project = tmp_path / "project"
    shutil.copytree(PROJECT / "content", project / "content")
    git = ["git", "-C", str(project), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", "-b", "main", str(project)], check=True)
    subprocess.run(git + ["add", "."], check=True)
    subprocess.run(git + ["commit", "-qm", "base"], check=True)
    subprocess.run(git + ["checkout", "-qb", "voorstel"], check=True)
    (project / "content" / "deelnemers" / "zorggroep-de-linde.md").write_text(
        '---\nnaam: "Zorggroep De Linde"\nbewegingen: [zorg]\nrol: deelnemer\nplaats: Zwolle\n'
        "provincie: Overijssel\nsector: [ouderenzorg]\n---\n", encoding="utf-8")
    subprocess.run(git + ["add", "."], check=True)
    subprocess.run(git + ["commit", "-qm", "voorstel"], check=True)
    subprocess.run(git + ["checkout", "-q", "main"], check=True)
    subprocess.run(git + ["merge", "-q", "--no-ff", "-m", "merge", "voorstel"], check=True)
    result = project / "uitslag.json"
    check = subprocess.run([sys.executable, "-m", "scripts", "--content", str(project / "content"), "check",
                            "--uitslag", str(result)], cwd=PROJECT, capture_output=True, text=True, timeout=300)
    assert check.returncode == 0, check.stdout
    data = json.loads(result.read_text(encoding="utf-8"))
    assert data["problems"] == []
    assert data["entries"] == [{"path": "content/deelnemers/zorggroep-de-linde.md", "kind": "deelnemer",
                                "title": "Zorggroep De Linde",
                                "lines": ["Zwolle, Overijssel · Ouderenzorg", "Eigen pagina: /deelnemers/zorggroep-de-linde/"]}]
    assert load_content(project / "content").problems.items == []
