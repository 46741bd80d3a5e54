"""The movement site generator: content/ → validated model → Markdown pages and feeds.

The stages, each a subpackage, in the order the data flows:

    content/  read and validate the files in content/ → model records (or Dutch problems)
    model/    the typed records and values every stage speaks in
    index.py  derived views for one build date
    render/   settings, context, Jinja2 templates and the in-memory output
    feeds/    iCalendar, Atom and open-data files
    site/     the pages visitors read
    build/    one whole build, and writing docs/
    tools/    the benchmark and the scaffolds

Imports point down this list (model at the bottom). This package never imports MkDocs; the thin
hook overrides/hooks/generate.py calls `scripts.build`.
"""
