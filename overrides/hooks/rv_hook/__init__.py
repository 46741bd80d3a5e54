"""The parts of the MkDocs hook (overrides/hooks/generate.py), one per job.

- build.py: run the generator and hand its pages and files to MkDocs in memory;
- preview.py: what `make serve` (`mkdocs serve --dirty`) needs on top: one build of only the
  changed pages per edit, removed pages gone, templates compiled once, the search index kept;
- watcher.py: the preview's watcher, content/ included, told of changes at once (issue 23);
- generation.py: the generator's output kept, and in the preview made ahead (issue 23);
- search.py: the search entries of the generated pages made by the generator, not by
  Material's plugin parsing every page again (issue 23);
- navigation.py: Material's navigation and tabs made once per folder of pages (issue 23).

Why a package beside the hook and not more hook files: MkDocs loads each file listed under
`hooks:` as a module of its own, named by its path (mkdocs/config/config_options.py, `Hooks`),
so two hook files cannot share state without importing each other under a second name. Here
the one hook file imports this package while MkDocs has put the hook's folder on sys.path
(only while the hook file runs its imports); inside the package, parts import each other
relatively. The hook keeps one object of each part for the whole process, so `mkdocs serve`,
which loads its configuration again for every build, finds them as the last build left them.

Only this folder imports MkDocs; the generator (`scripts/`) never does.
"""

from __future__ import annotations

import os


def plain_engine() -> bool:
    """RV_PLAIN_ENGINE=1: Material's search plugin indexes every page and Material makes every
    page's navigation and tabs, as before issue 23; the site to compare with, byte for byte
    (tests/test_search_index.py, `make bench`)."""
    return os.environ.get("RV_PLAIN_ENGINE") == "1"
