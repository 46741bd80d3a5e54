"""The build date: an input, read at the edge of the program, never deep in the code.

--datum, else BUILD_DATE, else SOURCE_DATE_EPOCH, else today.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime


def build_date_from(value: str | None) -> date:
    if value:
        return date.fromisoformat(value)
    if os.environ.get("BUILD_DATE"):
        return date.fromisoformat(os.environ["BUILD_DATE"])
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), UTC).date()
    return date.today()
