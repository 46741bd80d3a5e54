"""What Evolution's parser (libical, through GObject introspection) reads in calendar files.

Runs with Debian's /usr/bin/python3 (python3-gi and gir1.2-ical-3.0 are system packages, not in
the virtual environment). For each file: libical's restriction check (RFC 5546), the calendar's
name, and each event's title, status and occurrences in UTC, moved repetitions applied as a
client applies them. Prints one JSON object {path: view}.
"""

import json
import sys
from datetime import UTC as PYTHON_UTC
from datetime import datetime

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib as I  # noqa: E402 (after require_version, as GObject asks)

MAX = 500
UTC = I.Timezone.get_utc_timezone()


def instant(time):
    if time.is_date():
        return f"{time.get_year():04d}-{time.get_month():02d}-{time.get_day():02d}"
    utc = time.convert_to_zone(UTC)
    return f"{utc.get_year():04d}-{utc.get_month():02d}-{utc.get_day():02d}T" \
           f"{utc.get_hour():02d}:{utc.get_minute():02d}:{utc.get_second():02d}Z"


def from_timet(seconds):
    return datetime.fromtimestamp(seconds, PYTHON_UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def children(component, kind):
    child = component.get_first_component(kind)
    while child is not None:
        yield child
        child = component.get_next_component(kind)


def view(text):
    calendar = I.Component.new_from_string(text)
    checked = calendar.clone()
    checked.check_restrictions()
    errors = checked.count_errors()
    name = None
    prop = calendar.get_first_property(I.PropertyKind.X_PROPERTY)
    while prop is not None:
        if prop.get_x_name() == "X-WR-CALNAME":
            value = prop.get_value()
            # VALUE=TEXT: libical unescapes it as TEXT; without it, the raw text
            name = value.get_text() if value.isa() == I.ValueKind.TEXT_VALUE else value.get_x()
        prop = calendar.get_next_property(I.PropertyKind.X_PROPERTY)
    events, overrides = {}, {}
    for event in children(calendar, I.ComponentKind.VEVENT_COMPONENT):
        uid = event.get_uid()
        recurrence_id = event.get_recurrenceid()
        if recurrence_id is not None and not recurrence_id.is_null_time():
            prop = event.get_first_property(I.PropertyKind.RECURRENCEID_PROPERTY)
            tzid = prop.get_first_parameter(I.ParameterKind.TZID_PARAMETER)
            if tzid is not None:
                recurrence_id.set_timezone(calendar.get_timezone(tzid.get_tzid()))
            overrides.setdefault(uid, {})[instant(recurrence_id)] = [
                instant(event.get_dtstart()), instant(event.get_dtend())]
            continue
        status = I.Property.status_to_string(event.get_status())
        events[uid] = {"summary": event.get_summary(), "status": status, "master": event}
    for uid, entry in events.items():
        event = entry.pop("master")
        start, end = event.get_dtstart(), event.get_dtend()
        found = []
        if event.get_first_property(I.PropertyKind.RRULE_PROPERTY) is None:
            found.append([instant(start), instant(end)])
        else:
            length = end.as_timet_with_zone(end.get_timezone()) - start.as_timet_with_zone(start.get_timezone())
            rule = event.get_first_property(I.PropertyKind.RRULE_PROPERTY).get_rrule()
            iterator = I.RecurIterator.new(rule, start)
            excluded = set()
            prop = event.get_first_property(I.PropertyKind.EXDATE_PROPERTY)
            while prop is not None:
                exdate = prop.get_exdate()
                tzid = prop.get_first_parameter(I.ParameterKind.TZID_PARAMETER)
                if tzid is not None:
                    exdate.set_timezone(calendar.get_timezone(tzid.get_tzid()))
                excluded.add(instant(exdate))
                prop = event.get_next_property(I.PropertyKind.EXDATE_PROPERTY)
            moved = overrides.get(uid, {})
            while len(found) < MAX:
                time = iterator.next()
                if time is None or time.is_null_time():
                    break
                time.set_timezone(start.get_timezone())
                key = instant(time)
                if key in excluded:
                    continue
                if key in moved:
                    found.append(moved[key])
                    continue
                found.append([key, from_timet(time.as_timet_with_zone(start.get_timezone()) + length)])
        entry["occurrences"] = sorted(found)
    return {"restriction_errors": errors, "restriction_report": checked.as_ical_string() if errors else "",
            "name": name, "events": events}


def read(path):
    with open(path, encoding="utf-8") as file:
        return file.read()


print(json.dumps({path: view(read(path)) for path in sys.argv[1:]}))
