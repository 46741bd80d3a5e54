"""The shared macros of the templates (_macros.md.j2, _directory.md.j2, _filters.md.j2), made once per build
and given to every template by name: `{{ pager(current, paths) }}` needs no import.

An import `with context` in a template makes the macros' module anew for every page it
renders (a fifth of the templates' time). The macros use nothing of a page: only what every
template gets (ctx, index, site, cached), and a macro that read a page's own variable would
fail here (StrictUndefined), not write something else.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from jinja2.runtime import Macro

TEMPLATES = ("_macros.md.j2", "_directory.md.j2", "_filters.md.j2")


def build_macros(env: Environment, values: dict[str, Any]) -> dict[str, Macro]:
    """Every macro of TEMPLATES by name; `values`: what every template gets."""
    found: dict[str, Macro] = {}
    for template in TEMPLATES:
        module = env.get_template(template).make_module(values)
        found.update({name: value for name, value in vars(module).items() if isinstance(value, Macro)})
    return found
