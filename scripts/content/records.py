"""Turn schema-checked front matter into typed records, checking what a schema cannot:
real dates, times that exist in Amsterdam, an end after the start, an online meeting's link."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from scripts.content.assets import published_logo
from scripts.model import items as model
from scripts.model.items import Frequency, Status
from scripts.model.moments import day_of, is_timed
from scripts.content.problems import ProblemList
from scripts.content.source import SourceFile
from scripts.model.occurrences import MAX_OCCURRENCES, occurrences
from scripts.model.values import (AMSTERDAM, ValueProblem, instant, parse_clock, parse_date, parse_moment,
                                  parse_partial_date)


_Moment = date | datetime  # named here: inside Fields, 'date' is a method

# Dates outside these years are typing mistakes (0001, 9999), and the calendar arithmetic of
# the build cannot reach them.
FIRST_YEAR, LAST_YEAR = 1900, 2100


class Fields:
    """Reads fields of one file; a value that fails is reported once and read as missing."""

    def __init__(self, source: SourceFile, data: dict, failed: set[str], problems: ProblemList):
        self.source, self.data, self.failed, self.problems = source, data, failed, problems
        self.ok = True

    def problem(self, path: tuple, message: str, hint: str = "") -> None:
        self.ok = False
        name = ".".join(str(p) for p in path)
        self.problems.add(self.source.path, self.source.line(*path), name, message, hint)

    def raw(self, *path: str | int) -> Any:
        if path[0] in self.failed:
            return None
        value: Any = self.data
        for part in path:
            if isinstance(value, dict):
                value = value.get(part)
            elif isinstance(value, list) and isinstance(part, int) and part < len(value):
                value = value[part]
            else:
                return None
        return value

    def text(self, *path: str | int) -> str:
        value = self.raw(*path)
        return str(value).strip() if value is not None else ""

    def texts(self, *path: str | int) -> tuple[str, ...]:
        value = self.raw(*path)
        return tuple(str(v).strip() for v in value) if isinstance(value, list) else ()

    def parsed(self, parser: Callable[[Any], Any], *path: str | int) -> Any:
        value = self.raw(*path)
        if value is None:
            return None
        try:
            result = parser(value)
        except ValueProblem as problem:
            self.problem(path, problem.message, problem.hint)
            return None
        year = getattr(result, "year", None)
        if isinstance(year, int) and not FIRST_YEAR <= year <= LAST_YEAR:
            self.problem(path, f"Het jaar {year} ligt te ver weg.",
                         f"Kies een jaar tussen {FIRST_YEAR} en {LAST_YEAR}; klopt de datum?")
            return None
        return result

    def date(self, *path: str | int) -> date | None:
        return self.parsed(parse_date, *path)

    def moment(self, *path: str | int) -> _Moment | None:
        return self.parsed(parse_moment, *path)


def build_movement(slug: str, f: Fields) -> model.Movement:
    return model.Movement(
        slug=slug, name=f.text("naam"), started=f.raw("gestart") or 0,
        description=f.text("beschrijving"), short_name=f.text("korte_naam"),
        former_names=f.texts("eerder"), website=f.text("website"), email=f.text("email"),
        phone=f.text("telefoon"), body=f.source.body, source=f.source.path)


def build_theme(slug: str, f: Fields) -> model.Theme:
    return model.Theme(slug=slug, title=f.text("titel"), description=f.text("beschrijving"),
                       parent=f.text("ouder"), body=f.source.body, source=f.source.path)


def build_organisation(slug: str, f: Fields) -> model.Organisation:
    since = f.parsed(parse_partial_date, "sinds")
    until = f.parsed(parse_partial_date, "tot")
    if since and until and until < since:
        f.problem(("tot",), f"'tot' ({until}) ligt voor 'sinds' ({since}).",
                  "Controleer beide data.")
    logo = f.text("logo")
    return model.Organisation(
        slug=slug, name=f.text("naam"), movements=f.texts("bewegingen"), role=f.text("rol"),
        website=f.text("website"), place=model.Place(city=f.text("plaats")) if f.text("plaats") else None,
        province=f.text("provincie"),
        sectors=f.texts("sector"), since=since, until=until, logo=published_logo(logo) if logo else "",
        logo_alt=f.text("logo_tekst") or (f"Logo van {f.text('naam')}" if logo else ""),
        description=f.text("beschrijving"), body=f.source.body, source=f.source.path)


def build_meeting(slug: str, f: Fields) -> model.Meeting:
    start = f.moment("start")
    end = f.moment("eind")
    if start is not None and end is not None:
        _check_end(f, start, end)
    elif start is not None and is_timed(start) and end is None and "eind" not in f.failed:
        f.problem(("eind",), "Er is een begintijd, maar geen eindtijd.",
                  "Schrijf de eindtijd erbij, bijvoorbeeld 'eind: 2026-03-12 16:00'. "
                  "Weet je geen tijden? Schrijf dan alleen de datum bij 'start'.")

    place = None
    if f.raw("locatie") is not None:
        latitude, longitude = _coordinates(f.text("locatie", "coordinaten"))
        place = model.Place(city=f.text("locatie", "plaats"), name=f.text("locatie", "naam"),
                            address=f.text("locatie", "adres"), postcode=f.text("locatie", "postcode"),
                            latitude=latitude, longitude=longitude)
        if not place.city and not place.name and "locatie" not in f.failed:
            f.problem(("locatie",), "Bij 'locatie' staat geen plek en geen plaats.",
                      "Schrijf minstens 'plaats: Utrecht' of 'naam: …' onder 'locatie'.")
    online = None
    if f.raw("online") is not None:
        online = model.Online(link=f.text("online", "link"), note=f.text("online", "toelichting"))
        if not online.link and not online.note and "online" not in f.failed:
            f.problem(("online",), "Een online bijeenkomst heeft een link of een toelichting nodig.",
                      "Schrijf 'link: https://…' als de link openbaar is, of 'toelichting: Je krijgt "
                      "de link na aanmelding.'")
    registration = None
    if f.raw("aanmelden") is not None:
        registration = model.Registration(
            link=f.text("aanmelden", "link"), email=f.text("aanmelden", "email"),
            phone=f.text("aanmelden", "telefoon"), note=f.text("aanmelden", "toelichting"))

    programme = []
    for index, _ in enumerate(f.raw("programma") or ()):
        day = f.date("programma", index, "dag")
        if day and start is not None and not (day_of(start) <= day <= day_of(end or start)):
            f.problem(("programma", index, "dag"), f"De dag {day} valt buiten de bijeenkomst.",
                      "Kies een dag tussen 'start' en 'eind'.")
        programme.append(model.ProgrammeItem(
            text=f.text("programma", index, "onderdeel"), day=day,
            time=f.parsed(parse_clock, "programma", index, "tijd") or ""))

    recurrence = _recurrence(f, start)
    if recurrence is not None and start is not None and "herhaling" not in f.failed:
        _check_series(f, start, end, recurrence)
    status = _member(Status, f.text("status"), Status.PLANNED)
    if status == Status.MOVED and f.raw("eerder_gepland") is None:
        f.problem(("status",), "Bij een verplaatste bijeenkomst hoort de oude datum.",
                  "Schrijf 'eerder_gepland: 2026-03-12 19:30' met de datum (en tijd) van eerst.")
    return model.Meeting(
        slug=slug, title=f.text("titel"), uid=f.text("uid"), start=start or date(1970, 1, 1),
        end=end, movement=f.text("beweging"), place=place, online=online,
        themes=f.texts("themas"), organisers=f.texts("organisatoren"), registration=registration,
        status=status, sequence=f.raw("volgnummer") or 0,
        modified=f.date("gewijzigd"), originally=f.moment("eerder_gepland"),
        series=f.text("reeks"), earlier_slugs=f.texts("eerdere_namen"), report=f.text("verslag"),
        recurrence=recurrence, programme=tuple(programme),
        summary=f.text("samenvatting"), body=f.source.body, source=f.source.path)


_Member = TypeVar("_Member", bound=StrEnum)


def _member(kind: type[_Member], text: str, default: _Member) -> _Member:
    """The member written as `text`; `default` when nothing is written, or when the schema
    already refused the value (its problem is reported there)."""
    return kind(text) if text in kind._value2member_map_ else default


def _coordinates(text: str) -> tuple[float | None, float | None]:
    """'52.0894, 5.1103' (the schema checked the form) → latitude and longitude."""
    if not text:
        return None, None
    latitude, longitude = (float(part) for part in text.split(","))
    return latitude, longitude


def _check_end(f: Fields, start: date | datetime, end: date | datetime) -> None:
    if is_timed(start) != is_timed(end):
        if is_timed(start):
            f.problem(("eind",), "'start' heeft een tijd, maar 'eind' niet.",
                      "Geef ze allebei een tijd, of schrijf bij allebei alleen de datum.")
        else:
            f.problem(("eind",), "'eind' heeft een tijd, maar 'start' niet.",
                      "Geef ze allebei een tijd, of schrijf bij allebei alleen de datum.")
        return
    if instant(end) < instant(start) or (is_timed(start) and instant(end) == instant(start)):
        f.problem(("eind",), f"Het einde ({f.text('eind')}) ligt niet na het begin ({f.text('start')}).",
                  "Controleer de datum en tijd van 'start' en 'eind'.")


def _recurrence(f: Fields, start: date | datetime | None) -> model.Recurrence | None:
    if f.raw("herhaling") is None:
        return None
    if f.raw("herhaling", "aantal") is None and f.raw("herhaling", "tot") is None \
            and "herhaling" not in f.failed:
        f.problem(("herhaling",), "Een herhaling heeft een einde nodig.",
                  "Schrijf 'aantal: 6' (zes keer) of 'tot: 2027-06-30'.")
    until = f.date("herhaling", "tot")
    if until and start is not None and until < day_of(start):
        f.problem(("herhaling", "tot"), "De herhaling eindigt voor de eerste bijeenkomst.",
                  "Kies een datum na 'start'.")
    except_dates = tuple(d for i, _ in enumerate(f.raw("herhaling", "behalve") or ())
                         if (d := f.date("herhaling", "behalve", i)))
    moved = []
    for i, _ in enumerate(f.raw("herhaling", "verplaatst") or ()):
        original = f.date("herhaling", "verplaatst", i, "van")
        new = f.moment("herhaling", "verplaatst", i, "naar")
        if original and new is not None:
            if is_timed(new) != (start is not None and is_timed(start)):
                f.problem(("herhaling", "verplaatst", i, "naar"),
                          "De nieuwe datum moet net als 'start' wel of geen tijd hebben.",
                          "Schrijf bijvoorbeeld '2026-05-14 19:30' als 'start' een tijd heeft.")
            moved.append((original, new))
    return model.Recurrence(
        frequency=_member(Frequency, f.text("herhaling", "frequentie"), Frequency.MONTHLY),
        interval=f.raw("herhaling", "interval") or 1,
        count=f.raw("herhaling", "aantal"), until=until, except_dates=except_dates,
        moved=tuple(moved))


def _check_series(f: Fields, start: date | datetime, end: date | datetime | None,
                  rule: model.Recurrence) -> None:
    """Skipped and moved dates must be dates of the series, and every repetition must have a
    local time that exists once (a weekly 02:30 meets the clock change twice a year)."""
    plain = model.Meeting(slug="", title="", uid="", start=start, end=end, movement="",
                          recurrence=model.Recurrence(rule.frequency, rule.interval, rule.count,
                                                      rule.until))
    found = occurrences(plain)
    days = {o.first_day for o in found}
    if rule.count is None and rule.until is None:
        return  # no end: reported where 'herhaling' is read
    if rule.count is None and rule.until is not None and found and len(found) >= MAX_OCCURRENCES \
            and rule.until > found[-1].first_day:
        f.problem(("herhaling", "tot"), f"De herhaling komt meer dan {MAX_OCCURRENCES} keer voor.",
                  "Kies een eerdere datum bij 'tot', of maak er twee bestanden van.")
    for path, hint in ((("herhaling", "behalve"), "Kies een datum waarop de reeks anders zou zijn."),
                       (("herhaling", "verplaatst"), "Schrijf bij 'van' de datum waarop de "
                                                     "bijeenkomst eerst zou zijn.")):
        for i, item in enumerate(f.raw(*path) or ()):
            where = path + (i,) if path[-1] == "behalve" else path + (i, "van")
            try:
                day = parse_date(item if path[-1] == "behalve" else (item or {}).get("van"))
            except (ValueProblem, AttributeError):
                continue  # reported where the value is read
            if day not in days:
                f.problem(where, f"Op {day} is er geen bijeenkomst van deze reeks.", hint)
    if is_timed(start):
        clock = start.astimezone(AMSTERDAM).time()
        changed = set(rule.except_dates) | {day for day, _ in rule.moved}
        for occurrence in found:
            if occurrence.first_day in changed:
                continue
            try:
                parse_moment(f"{occurrence.first_day} {clock:%H:%M}")
            except ValueProblem:
                f.problem(("herhaling",), f"Op {occurrence.first_day} valt de bijeenkomst in het uur "
                          "dat de klok verzet wordt.", "Kies een andere begintijd, of zet die dag "
                          "bij 'behalve'.")
                break


def build_article(slug: str, f: Fields, downloads_dir: Path) -> model.Article:
    downloads = []
    for i, _ in enumerate(f.raw("downloads") or ()):
        title = f.text("downloads", i, "titel")
        file, url = f.text("downloads", i, "bestand"), f.text("downloads", i, "url")
        if bool(file) == bool(url):
            f.problem(("downloads", i), "Een download heeft óf 'bestand' óf 'url'.",
                      "Schrijf 'bestand: downloads/naam.pdf' of 'url: https://…'.")
            continue
        if file:
            if not (downloads_dir / file.split("/", 1)[1]).is_file():
                f.problem(("downloads", i, "bestand"), f"Het bestand '{file}' bestaat niet.",
                          "Zet de pdf in content/actueel/downloads/ en controleer de naam.")
                continue
            url = "/actueel/" + file
        downloads.append(model.Link(title, url))
    return model.Article(
        slug=slug, title=f.text("titel"), date=f.date("datum") or date(1970, 1, 1),
        summary=f.text("samenvatting"), themes=f.texts("themas"), keywords=f.texts("trefwoorden"),
        movements=f.texts("bewegingen"), organisations=f.texts("organisaties"),
        sources=tuple(model.Link(f.text("bronnen", i, "titel"), f.text("bronnen", i, "url"))
                      for i, _ in enumerate(f.raw("bronnen") or ())),
        downloads=tuple(downloads), body=f.source.body, source=f.source.path)
