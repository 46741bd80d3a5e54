"""The movement site generator: content/ → validated model → Markdown pages and feeds.

The stages, each a subpackage, in the order the data flows:

    model/    the typed records and values every stage speaks in
    content/  read and validate the files in content/ → model records (or Dutch problems)
    index.py  derived views for one build date
    render/   the trust boundary for contributed text, settings, context, Jinja2 templates
              and the in-memory output
    feeds/    iCalendar, Atom and open-data files
    site/     the pages visitors read
    build/    one whole build, and writing docs/
    tools/    the benchmark and the scaffolds

A stage imports only the stages listed before it (pyproject.toml's import contract). This package never imports MkDocs; the
MkDocs hook (overrides/hooks/generate.py and its parts in overrides/hooks/rv_hook/) calls `scripts.assembly`.
"""

import zoneinfo as _zoneinfo

# Time zones come from the pinned `tzdata` package only, never from the machine's
# /usr/share/zoneinfo: the same content and build date give the same bytes on any machine,
# whatever its tz database version. Done here because every entry point (the command line, the
# MkDocs hook, the tests, the benchmark) imports this package before any zone is loaded.
_zoneinfo.reset_tzpath(to=())
