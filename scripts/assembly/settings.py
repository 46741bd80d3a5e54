"""The build settings that live in mkdocs.yml (site address, name, edit link), read without
MkDocs, so that `python -m scripts generate` makes the same pages as the MkDocs hook does."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

from scripts.render.context import Settings


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as `!!python/name:` for extensions; they are not ours."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def settings_from(config_file: Path, build_date: date, site_url: str | None = None) -> Settings:
    config = yaml.load(Path(config_file).read_text(encoding="utf-8"), Loader=_Loader) or {}
    extra = config.get("extra") or {}
    return Settings(build_date=build_date, site_url=site_url or config.get("site_url") or "/",
                    edit_base=extra.get("bewerk_url", ""),
                    site_name=config.get("site_name") or Settings.site_name,
                    **contribution_settings(extra))


def contribution_settings(extra: dict) -> dict:
    """The repository, branch and e-mail address of mkdocs.yml's `extra` (one place for them:
    the hook reads them through this function too)."""
    return {"repository": str(extra.get("repository") or "").rstrip("/"),
            "branch": str(extra.get("branch") or "main"), "email": str(extra.get("email") or "")}
