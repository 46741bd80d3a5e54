"""How many examples a property test (hypothesis) tries.

`make test` runs each with a tenth of the examples it asks for (at least 20), so the suite a
contributor runs stays quick; `make test-diep` runs them with every example (RV_DIEP=1), and CI
(.ci/run) runs both, so each change still meets the full number before it is merged."""

from __future__ import annotations

import os

DEEP = os.environ.get("RV_DIEP") == "1"


def examples(asked: int) -> int:
    return asked if DEEP else max(20, asked // 10)
