"""The commit status "Controle door main" on a pull request's head, in one short Dutch line.

The workflow .github/workflows/controle-door-main.yml runs the default branch's own checker on
the pull request's files as data (`python -m scripts check --voorstel … --status FILE`) and
posts what this module returns; maintainers make that status required in the branch
protection of main (CONTRIBUTING.md, "Voor beheerders"). A pull request cannot change what it
says: its own code never runs there.

GitHub shows the description next to the status and cuts it at 140 characters.
"""

from __future__ import annotations

from scripts.assembly.new_files import NOT_COMPARED
from scripts.content.problems import Problem

MAX_DESCRIPTION = 140
MAINTAINER_ONLY = "alleen een beheerder kan dit samenvoegen"


def status_of(content_problems: int, pull_request_problems: list[Problem]) -> dict[str, str]:
    """`state` and `description` of the status (the body of GitHub's "create a commit status").

    content_problems: how many problems the check found in the content files;
    pull_request_problems: what it found about the pull request as a whole (a change outside
    content/, a file the site keeps itself, a link, or no way to compare with the base)."""
    if pull_request_problems:
        if any(p.message.startswith(NOT_COMPARED) for p in pull_request_problems):
            why = "De controle kon dit voorstel niet met main vergelijken"
        else:
            why = "Dit voorstel verandert meer dan gewone bestanden in content/"
        description = f"{why}: {MAINTAINER_ONLY}."
        state = "failure"
    elif content_problems:
        count = "1 probleem" if content_problems == 1 else f"{content_problems} problemen"
        description = f"{count} in de inhoud; bij Details staan bestand en regel."
        state = "failure"
    else:
        description = "Geen problemen: de code van main heeft dit voorstel gecontroleerd."
        state = "success"
    return {"state": state, "description": description[:MAX_DESCRIPTION]}
