"""Command line: `python -m scripts check` and `python -m scripts generate`.

The build date is an input: --datum, else BUILD_DATE, else SOURCE_DATE_EPOCH, else today
(read here at the edge, never deep in the code).
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date, datetime, timezone
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def build_date_from(value: str | None) -> date:
    if value:
        return date.fromisoformat(value)
    if os.environ.get("BUILD_DATE"):
        return date.fromisoformat(os.environ["BUILD_DATE"])
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), timezone.utc).date()
    return date.today()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts", description="De site van de beweging.")
    parser.add_argument("--content", type=Path, default=PROJECT / "content", help="de map met inhoud")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="controleer alle bestanden in content/")
    check.add_argument("--github", action="store_true",
                       help="meld elk probleem ook als opmerking bij de regel in een pull request op GitHub")
    gen = commands.add_parser("generate", help="maak de pagina's in docs/")
    gen.add_argument("--docs", type=Path, default=PROJECT / "docs")
    gen.add_argument("--datum", help="de bouwdatum (JJJJ-MM-DD)")
    gen.add_argument("--site-url", default="https://www.radicalevernieuwing.nl/")
    commands.add_parser("publiceer", help="leg de gepubliceerde stand van de bijeenkomsten vast "
                        "(content/bijeenkomsten/_gepubliceerd.json)")
    new = commands.add_parser("deelnemer", help="maak een bestand voor een nieuwe deelnemer")
    new.add_argument("naam")
    args = parser.parse_args(argv)

    if args.command == "check":
        from .loader import load_content
        problems = load_content(args.content).problems
        if problems:
            print(problems.report())
            if args.github:
                print(problems.github_report())
            return 1
        print("Alles in orde: geen problemen gevonden.")
        return 0
    if args.command == "publiceer":
        from .loader import load_content
        from .published import write
        loaded = load_content(args.content)
        if loaded.problems:
            print(loaded.problems.report())
            return 1
        print(f"Vastgelegd in {write(loaded.site, args.content)}. Zet dit bestand mee in je commit.")
        return 0
    if args.command == "deelnemer":
        from .scaffold import new_organisation
        return new_organisation(args.content, args.naam)
    from .generate import generate
    from .pages.common import Settings
    try:
        build_date = build_date_from(args.datum)
    except ValueError:
        print("De bouwdatum is geen geldige datum (JJJJ-MM-DD).")
        return 2
    result = generate(args.content, args.docs, Settings(build_date=build_date, site_url=args.site_url))
    if result.problems:
        print(result.problems.report())
        return 1
    print(f"{result.files} bestanden gemaakt, {result.written} gewijzigd, {result.removed} verwijderd.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
