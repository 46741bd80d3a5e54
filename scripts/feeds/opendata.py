"""Open data: /data/deelnemers.json and /data/bijeenkomsten.json, and the field lists that the
Dutch page documenting their format (/handleiding/open-data/, scripts/pages/guide.py) and their
JSON Schemas (opendata_schema.py) are made from. The lists also describe /data/gepubliceerd.json
(PUBLISHED_FIELDS), which scripts/content/published.py writes in the form the deploy reads
back: an object by uid without a wrapper, so it is described on its own, with its differences.

Deterministic: keys sorted, no clock (the files do not even depend on the build date), and
safe to embed: '<', '>' and '&' are written as \\u escapes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from datetime import date, datetime

from scripts.model.items import Meeting, Organisation
from scripts.render.context import Context

VERSION = 1


@dataclass(frozen=True)
class Field:
    name: str  # dotted for nested fields: "locatie.plaats"
    type: str  # in Dutch, as the documentation shows it
    description: str


ORGANISATION_FIELDS = (
    Field("id", "tekst", "Vaste naam van de organisatie op deze site (de bestandsnaam). Verandert niet."),
    Field("naam", "tekst", "De naam van de organisatie."),
    Field("url", "webadres", "De pagina van de organisatie op deze site."),
    Field("website", "webadres of null", "De eigen website van de organisatie."),
    Field("plaats", "tekst of null", "De plaats van vestiging."),
    Field("provincie", "tekst of null", "De provincie, zoals 'Noord-Brabant'."),
    Field("sectoren", "lijst van teksten", "De sectoren, zoals 'ouderenzorg' of 'ggz'. Kan leeg zijn."),
    Field("bewegingen", "lijst van teksten", "De id's van de bewegingen waarin de organisatie meedoet "
          "(zie 'bewegingen' onderaan het bestand)."),
    Field("rol", "tekst", "deelnemer, kernteam, partner of ondersteuner."),
    Field("sinds", "tekst of null", "Sinds wanneer de organisatie meedoet: een jaar (2021), maand "
          "(2021-04) of datum (2021-04-15)."),
    Field("tot", "tekst of null", "Tot wanneer de organisatie meedeed, als ze is gestopt. Zelfde vorm als 'sinds'."),
    Field("oud_deelnemer", "ja/nee (true/false)", "true als de organisatie niet meer meedoet."),
    Field("logo", "webadres of null", "Het logo (PNG, JPG of WebP)."),
    Field("logo_tekst", "tekst of null", "Wat er op het logo staat, voor wie het niet kan zien."),
    Field("beschrijving", "tekst of null", "Eén zin over de organisatie."),
    Field("agenda", "webadres", "Agenda-abonnement (iCalendar) met de bijeenkomsten die de organisatie organiseert."),
)
MOVEMENT_FIELDS = (
    Field("id", "tekst", "Vaste naam van de beweging."),
    Field("naam", "tekst", "De naam van de beweging."),
    Field("url", "webadres", "De pagina van de beweging op deze site."),
)
MEETING_FIELDS = (
    Field("id", "tekst", "Vaste naam van de bijeenkomst op deze site (de bestandsnaam). Verandert niet."),
    Field("uid", "tekst", "De vaste UID van de bijeenkomst in agenda's (iCalendar)."),
    Field("titel", "tekst", "De titel."),
    Field("url", "webadres", "De pagina van de bijeenkomst op deze site."),
    Field("samenvatting", "tekst of null", "Eén of twee zinnen over de bijeenkomst."),
    Field("status", "tekst", "gepland, verplaatst, onder-voorbehoud of geannuleerd."),
    Field("beweging", "tekst", "De id van de beweging (zie deelnemers.json)."),
    Field("themas", "lijst van teksten", "De id's van de thema's (de pagina's /themas/<id>/)."),
    Field("organisatoren", "lijst van teksten", "De id's van de organiserende deelnemers (zie deelnemers.json)."),
    Field("start", "datum of tijd", "Het begin van de eerste keer: 2026-03-12 (hele dag of tijd onbekend) of "
          "2026-03-12T13:00:00+01:00 (Nederlandse tijd, met de afwijking van UTC)."),
    Field("eind", "datum of tijd, of null", "Het einde van de eerste keer, in dezelfde vorm als 'start'. "
          "Bij hele dagen is dit de laatste dag zelf."),
    Field("met_tijd", "ja/nee (true/false)", "true als 'start' en 'eind' een tijd hebben."),
    Field("vorm", "tekst", "fysiek, online of hybride."),
    Field("locatie", "blok of null", "Waar de bijeenkomst is."),
    Field("locatie.naam", "tekst of null", "De naam van de plek."),
    Field("locatie.adres", "tekst of null", "Straat en huisnummer."),
    Field("locatie.postcode", "tekst of null", "De postcode."),
    Field("locatie.plaats", "tekst of null", "De plaats."),
    Field("online", "blok of null", "Voor een online of hybride bijeenkomst."),
    Field("online.link", "webadres of null", "De openbare link, als die er is."),
    Field("online.toelichting", "tekst of null", "Uitleg, bijvoorbeeld dat je de link na aanmelding krijgt."),
    Field("aanmelden", "blok of null", "Hoe je je aanmeldt."),
    Field("aanmelden.link", "webadres of null", "Het aanmeldformulier."),
    Field("aanmelden.email", "tekst of null", "Het e-mailadres voor aanmelden."),
    Field("aanmelden.telefoon", "tekst of null", "Het telefoonnummer voor aanmelden."),
    Field("aanmelden.toelichting", "tekst of null", "Uitleg over het aanmelden."),
    Field("reeks", "tekst of null", "De naam van de reeks waar de bijeenkomst bij hoort."),
    Field("keren", "lijst van blokken", "Elke keer dat de bijeenkomst plaatsvindt (bij een herhaling meer dan één)."),
    Field("keren.start", "datum of tijd", "Het begin van deze keer."),
    Field("keren.eind", "datum of tijd, of null", "Het einde van deze keer."),
    Field("keren.verplaatst_van", "datum of null", "De oorspronkelijke datum, als deze keer is verplaatst."),
    Field("agenda", "webadres", "Deze bijeenkomst als agendabestand (iCalendar)."),
)
PUBLISHED_FIELDS = (  # one entry of /data/gepubliceerd.json (scripts/content/published.py `track`)
    Field("bestand", "tekst", "Het bestand van de bijeenkomst, vanaf de map content/ "
          "(bijeenkomsten/kampvuur.md)."),
    Field("start", "datum of datum met tijd", "Het begin zoals agenda's het kregen: 2026-03-12 of "
          "2026-03-12 13:00 +01:00 (met een spatie, niet met een T)."),
    Field("eind", "datum of datum met tijd, of null", "Het einde, in dezelfde vorm als 'start'."),
    Field("plaats", "tekst", "De plek als één regel, met 'en online' bij een hybride bijeenkomst; "
          "leeg bij een online bijeenkomst."),
    Field("status", "tekst", "gepland, verplaatst, onder-voorbehoud of geannuleerd."),
    Field("herhaling", "blok of null", "De herhaling, als de bijeenkomst zich herhaalt."),
    Field("herhaling.frequentie", "tekst", "wekelijks of maandelijks."),
    Field("herhaling.interval", "getal", "Om de hoeveel weken of maanden."),
    Field("herhaling.aantal", "getal of null", "Hoe vaak in totaal."),
    Field("herhaling.tot", "datum of null", "De laatste dag waarop het kan."),
    Field("herhaling.behalve", "lijst van teksten", "De datums die niet doorgaan."),
    Field("herhaling.verplaatst", "lijst van paren", "Verplaatste keren: [oude datum, nieuw begin]."),
    Field("tekst", "tekst", "Een vingerafdruk (sha256:…) van titel, samenvatting en de andere teksten. "
          "Verandert die, dan krijgen agenda's een nieuwe 'gewijzigd', maar geen hoger volgnummer."),
    Field("volgnummer", "getal", "Het volgnummer (SEQUENCE) dat agenda's kregen. Gaat omhoog als tijd, "
          "plaats, status of herhaling verandert; gaat nooit omlaag."),
    Field("gewijzigd", "tijd in UTC", "Wanneer agenda's de laatste wijziging kregen (DTSTAMP en "
          "LAST-MODIFIED), zoals 2026-11-22T23:00:00Z."),
)
TOP_FIELDS = {
    "deelnemers": (
        Field("formaat", "tekst", "Altijd 'deelnemers'."),
        Field("versie", "getal", f"De versie van dit formaat, nu {VERSION}. Die gaat alleen omhoog als een "
              "veld verdwijnt of iets anders gaat betekenen; nieuwe velden kunnen er zonder nieuwe versie bij."),
        Field("documentatie", "webadres", "Deze pagina."),
        Field("aantal", "getal", "Het aantal organisaties in 'deelnemers'."),
        Field("deelnemers", "lijst van blokken", "Alle organisaties, ook die eerder meededen, op id."),
        Field("bewegingen", "lijst van blokken", "De bewegingen, op id."),
    ),
    "bijeenkomsten": (
        Field("formaat", "tekst", "Altijd 'bijeenkomsten'."),
        Field("versie", "getal", f"De versie van dit formaat, nu {VERSION}."),
        Field("documentatie", "webadres", "Deze pagina."),
        Field("tijdzone", "tekst", "Altijd 'Europe/Amsterdam': alle tijden zijn Nederlandse tijd."),
        Field("aantal", "getal", "Het aantal bijeenkomsten in 'bijeenkomsten'."),
        Field("bijeenkomsten", "lijst van blokken", "Alle bijeenkomsten, eerdere en komende, de vroegste eerst."),
    ),
}


def dumps(data: Any) -> bytes:
    """Stable JSON text: sorted keys, two-space indent, UTF-8, '<>&' and line separators escaped."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return (text + "\n").encode("utf-8")


def _or_none(value):
    return value if value not in ("", None) else None


def _moment(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def organisation_data(ctx: Context, o: Organisation) -> dict:
    return {
        "id": o.slug, "naam": o.name, "url": ctx.absolute(f"deelnemers/{o.slug}/"),
        "website": _or_none(o.website), "plaats": o.place.city if o.place else None, "provincie": _or_none(o.province),
        "sectoren": list(o.sectors), "bewegingen": list(o.movements), "rol": o.role,
        "sinds": str(o.since) if o.since else None, "tot": str(o.until) if o.until else None,
        "oud_deelnemer": o.is_former,
        "logo": ctx.absolute(f"deelnemers/{o.logo}") if o.logo else None,
        "logo_tekst": _or_none(o.logo_alt) if o.logo else None,
        "beschrijving": _or_none(o.description),
        "agenda": ctx.absolute(f"ical/deelnemer/{o.slug}.ics"),
    }


def meeting_data(ctx: Context, m: Meeting) -> dict:
    place = online = registration = None
    if m.place:
        place = {"naam": _or_none(m.place.name), "adres": _or_none(m.place.address),
                 "postcode": _or_none(m.place.postcode), "plaats": _or_none(m.place.city)}
    if m.online:
        online = {"link": _or_none(m.online.link), "toelichting": _or_none(m.online.note)}
    if m.registration:
        r = m.registration
        registration = {"link": _or_none(r.link), "email": _or_none(r.email),
                        "telefoon": _or_none(r.phone), "toelichting": _or_none(r.note)}
    return {
        "id": m.slug, "uid": m.uid, "titel": m.title, "url": ctx.absolute(f"bijeenkomsten/{m.slug}/"),
        "samenvatting": _or_none(m.summary), "status": m.status, "beweging": m.movement,
        "themas": list(m.themes), "organisatoren": list(m.organisers),
        "start": _moment(m.start), "eind": _moment(m.end), "met_tijd": m.timed, "vorm": m.attendance,
        "locatie": place, "online": online, "aanmelden": registration, "reeks": _or_none(m.series),
        "keren": [{"start": _moment(o.start), "eind": _moment(o.end),
                   "verplaatst_van": _moment(o.moved_from)} for o in ctx.index.occurrences_of(m)],
        "agenda": ctx.absolute(f"ical/bijeenkomst/{m.slug}.ics"),
    }


def organisations_file(ctx: Context) -> dict:
    site = ctx.site
    return {
        "formaat": "deelnemers", "versie": VERSION, "documentatie": ctx.absolute("handleiding/open-data/"),
        "aantal": len(site.organisations),
        "deelnemers": [organisation_data(ctx, o) for o in site.organisations.values()],
        "bewegingen": [{"id": m.slug, "naam": m.name, "url": ctx.absolute(f"bewegingen/{m.slug}/")}
                       for m in site.movements.values()],
    }


def meetings_file(ctx: Context) -> dict:
    meetings = sorted(ctx.site.meetings.values(),
                      key=lambda m: (min(o.sort_key for o in ctx.index.occurrences_of(m)), m.slug))
    return {
        "formaat": "bijeenkomsten", "versie": VERSION, "documentatie": ctx.absolute("handleiding/open-data/"),
        "tijdzone": "Europe/Amsterdam", "aantal": len(meetings),
        "bijeenkomsten": [meeting_data(ctx, m) for m in meetings],
    }


def build(ctx: Context) -> None:
    ctx.out.binary("data/deelnemers.json", dumps(organisations_file(ctx)))
    ctx.out.binary("data/bijeenkomsten.json", dumps(meetings_file(ctx)))
