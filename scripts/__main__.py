"""Command line: `python -m scripts check`, `python -m scripts generate`, and the scaffolds
`deelnemer`, `bijeenkomst` and `bericht`.

There is no publishing command: the deploy job fetches the published state itself
(scripts/content/published.py).

The build date is an input: --datum, else BUILD_DATE, else SOURCE_DATE_EPOCH, else today
(read here at the edge, never deep in the code).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from scripts.assembly.dates import build_date_from

PROJECT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts", description="De site van de beweging.")
    parser.add_argument("--content", type=Path, default=PROJECT / "content", help="de map met inhoud")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="controleer alle bestanden in content/")
    check.add_argument("--github", action="store_true",
                       help="meld elk probleem ook als opmerking bij de regel in een pull request op GitHub")
    check.add_argument("--pull-request", metavar="BASIS",
                       help="controleer het hele voorstel (pull request) tegenover zijn basis, "
                            "bijvoorbeeld HEAD^1 of origin/main: elke wijziging buiten content/ wordt "
                            "geweigerd, want alleen een beheerder kan die samenvoegen")
    check.add_argument("--voorstel", type=Path, metavar="MAP",
                       help="controleer het voorstel in MAP (de repository op de commit van het voorstel) "
                            "met de code van deze map; de bestanden in MAP worden alleen gelezen, nooit "
                            "uitgevoerd. Alleen samen met --pull-request")
    check.add_argument("--uitslag", type=Path,
                       help="schrijf de uitslag als JSON, voor de reactie op een pull request (pr-reactie)")
    check.add_argument("--status", type=Path,
                       help="schrijf de status van de commit als JSON (state en description), voor de "
                            "status 'Controle door main' op een pull request")
    gen = commands.add_parser("generate", help="maak de pagina's in docs/")
    gen.add_argument("--docs", type=Path, default=PROJECT / "docs")
    gen.add_argument("--datum", help="de bouwdatum (JJJJ-MM-DD)")
    gen.add_argument("--config", type=Path, default=PROJECT / "mkdocs.yml",
                     help="mkdocs.yml: het adres, de naam en de bewerk-link van de site")
    gen.add_argument("--site-url", help="een ander adres dan site_url in mkdocs.yml")
    new = commands.add_parser("deelnemer", help="maak een bestand voor een nieuwe deelnemer")
    new.add_argument("naam")
    meeting = commands.add_parser("bijeenkomst", help="maak een bestand voor een nieuwe bijeenkomst")
    meeting.add_argument("titel")
    article = commands.add_parser("bericht", help="maak een bestand voor een nieuw nieuwsbericht")
    article.add_argument("titel")
    forms = commands.add_parser("issue-formulieren", help="maak de formulieren in .github/ISSUE_TEMPLATE/")
    forms.add_argument("--map", type=Path, default=PROJECT / ".github" / "ISSUE_TEMPLATE")
    from_issue = commands.add_parser("uit-issue", help="maak een bestand van een ingevuld formulier (een issue)")
    from_issue.add_argument("--event", type=Path, required=True, help="het event-bestand van de workflow")
    from_issue.add_argument("--uit", type=Path, required=True, help="map voor de antwoorden aan de workflow")
    done = commands.add_parser("issue-reactie", help="de reactie op een issue als het voorstel klaarstaat")
    done.add_argument("--link", required=True)
    done.add_argument("--uit", type=Path, required=True)
    reply = commands.add_parser("pr-reactie", help="de reactie op een pull request uit de uitslag van check")
    reply.add_argument("--uitslag", type=Path, required=True)
    reply.add_argument("--uit", type=Path, required=True)
    args = parser.parse_args(argv)

    if args.command == "issue-formulieren":
        from scripts.tools.issues import issue_forms
        args.map.mkdir(parents=True, exist_ok=True)
        for name, text in issue_forms(args.content).items():
            (args.map / name).write_text(text, encoding="utf-8")
        return 0
    if args.command == "uit-issue":
        from scripts.tools.issues import from_issue as make_from_issue
        return make_from_issue(args.event, args.content, args.uit)
    if args.command == "issue-reactie":
        from scripts.tools.issues import done_comment
        args.uit.write_text(done_comment(args.link), encoding="utf-8")
        return 0
    if args.command == "pr-reactie":
        from scripts.tools.pr_comment import write_comment
        return write_comment(args.uitslag, args.uit)

    if args.command == "check":
        # The whole build in memory, minus writing files and running the engine.
        from scripts.assembly.generate import render_site
        from scripts.assembly.new_files import files_added, proposal_problems, pull_request_problems
        from scripts.content.problems import ProblemList
        from scripts.render.context import Settings
        try:
            check_date = build_date_from(None)
        except ValueError:
            print("De bouwdatum is geen geldige datum (JJJJ-MM-DD).")
            return 2
        whole = ProblemList()
        readable = True
        if args.voorstel is not None:
            # Another tree (a pull request's files, fetched as data) checked by this code.
            if args.pull_request is None:
                print("Geef bij --voorstel ook --pull-request met de basis van het voorstel.")
                return 2
            args.content = args.voorstel / "content"
            readable = proposal_problems(args.voorstel, whole)
        new_files = files_added(args.content.parent)
        if args.pull_request is not None:
            # The pull request as a whole: a change outside content/ is for a maintainer.
            added = pull_request_problems(args.content.parent, args.pull_request, whole)
            new_files = (new_files or frozenset()) | added
        if readable:
            problems, _ = render_site(args.content, Settings(build_date=check_date), new_files=new_files)
        else:
            problems = ProblemList()
        pull_request = list(whole.items)
        problems.extend(whole)
        if args.uitslag:
            from scripts.tools.pr_comment import result_of
            outcome = result_of(problems.sorted(), args.content, args.content.parent)
            args.uitslag.parent.mkdir(parents=True, exist_ok=True)
            args.uitslag.write_text(json.dumps(outcome, ensure_ascii=False, indent=1), encoding="utf-8")
        if args.status:
            from scripts.tools.commit_status import status_of
            args.status.parent.mkdir(parents=True, exist_ok=True)
            args.status.write_text(json.dumps(status_of(len(problems) - len(pull_request), pull_request),
                                              ensure_ascii=False), encoding="utf-8")
        if problems:
            print(problems.report())
            if args.github:
                print(problems.github_report())
            return 1
        print("Alles in orde: geen problemen gevonden.")
        return 0
    if args.command in ("deelnemer", "bijeenkomst", "bericht"):
        from scripts.tools.scaffold import SCAFFOLDS, new_file
        return new_file(SCAFFOLDS[args.command], args.content,
                        args.naam if args.command == "deelnemer" else args.titel)
    from scripts.assembly.generate import generate
    from scripts.assembly.settings import settings_from
    try:
        build_date = build_date_from(args.datum)
    except ValueError:
        print("De bouwdatum is geen geldige datum (JJJJ-MM-DD).")
        return 2
    result = generate(args.content, args.docs, settings_from(args.config, build_date, args.site_url))
    if result.problems:
        print(result.problems.report())
        return 1
    print(f"{result.files} bestanden gemaakt, {result.written} gewijzigd, {result.removed} verwijderd.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
