"""The thin MkDocs hook: run the generator before every build and watch content/.

All the work happens in the `scripts` package, which never imports MkDocs. This file is the
only place that knows about MkDocs.
"""

from __future__ import annotations

import logging
import os
from datetime import datetime, time, timezone
from pathlib import Path

from mkdocs.exceptions import Abort

log = logging.getLogger("mkdocs.hooks.generate")


def _project(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _build_date():
    from scripts.build.dates import build_date_from
    try:
        return build_date_from(None)
    except ValueError:
        raise Abort("BUILD_DATE of SOURCE_DATE_EPOCH is geen geldige datum; gebruik JJJJ-MM-DD.")


def on_config(config):
    # MkDocs dates the sitemap from SOURCE_DATE_EPOCH or the clock; tie it to the build date.
    _project(config)
    if "SOURCE_DATE_EPOCH" not in os.environ:
        midnight = datetime.combine(_build_date(), time(0), timezone.utc)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(midnight.timestamp()))
    # Snippets (the home page's generated fragments) resolve from the project, wherever
    # mkdocs is started.
    snippets = config.mdx_configs.setdefault("pymdownx.snippets", {})
    snippets["base_path"] = [str(Path(config.docs_dir) / "_fragmenten")]
    return config


def on_pre_build(config):
    from scripts.build.generate import generate
    from scripts.render.context import Settings

    project = _project(config)
    extra = config.extra or {}
    settings = Settings(build_date=_build_date(), site_url=config.site_url or "/",
                        edit_base=extra.get("bewerk_url", ""), site_name=config.site_name)
    result = generate(project / "content", Path(config.docs_dir), settings)
    if result.problems:
        raise Abort("De inhoud bevat fouten; de site is niet gebouwd.\n\n" + result.problems.report())
    log.info("Gegenereerd: %d bestanden (%d gewijzigd, %d verwijderd), bouwdatum %s",
             result.files, result.written, result.removed, settings.build_date.isoformat())


def on_serve(server, config, builder):
    server.watch(str(_project(config) / "content"))
    return server
