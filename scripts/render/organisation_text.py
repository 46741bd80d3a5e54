"""What the pages and the feeds both say of an organisation: the period it took part
("sinds mei 2019") and the form of its name it is sorted under."""

from __future__ import annotations

import unicodedata

from scripts.model.items import Organisation
from scripts.model.values import PartialDate
from scripts.render import dutch


def _partial(partial: PartialDate) -> str:
    if partial.month and partial.day:
        return dutch.day(partial.first_day())
    if partial.month:
        return dutch.month_year(partial.first_day())
    return str(partial.year)


def period_of(organisation: Organisation) -> str:
    """'sinds mei 2019', '2021 tot 2022', 'tot 2022' or ''."""
    since = _partial(organisation.since) if organisation.since else ""
    until = _partial(organisation.until) if organisation.until else ""
    if since and until:
        return f"{since} tot {until}"
    if since:
        return f"sinds {since}"
    return f"tot {until}" if until else ""


def sort_name(name: str) -> str:
    """'\'t Zorghuus' → 't zorghuus', 'Één' → 'een': for sorting and the A–Z index."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return plain.lstrip(" '\"‘’“”.-_()[]").strip() or plain
