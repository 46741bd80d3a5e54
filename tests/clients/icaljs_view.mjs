// What Thunderbird's parser (ical.js, from npm) reads in calendar files: for each file given on
// the command line, the calendar's name and each event's title, status and occurrences in UTC.
// Prints one JSON object {path: view}. Used by tests/test_calendar_clients.py.
import fs from "node:fs";
import ICAL from "ical.js";

const MAX = 500;

function instant(time) {
  if (time.isDate) return time.toString(); // YYYY-MM-DD, whole days
  return time.toJSDate().toISOString().replace(".000Z", "Z");
}

function view(text) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const all = calendar.getAllSubcomponents("vevent");
  const masters = all.filter((c) => !c.hasProperty("recurrence-id"));
  const events = {};
  for (const master of masters) {
    const event = new ICAL.Event(master);
    for (const other of all) {
      if (other !== master && other.hasProperty("recurrence-id") &&
          other.getFirstPropertyValue("uid") === event.uid) event.relateException(other);
    }
    const occurrences = [];
    if (event.isRecurring()) {
      const iterator = event.iterator();
      let next;
      while ((next = iterator.next()) && occurrences.length < MAX) {
        const details = event.getOccurrenceDetails(next);
        occurrences.push([instant(details.startDate), instant(details.endDate)]);
      }
    } else {
      occurrences.push([instant(event.startDate), instant(event.endDate)]);
    }
    events[event.uid] = {summary: event.summary, status: master.getFirstPropertyValue("status"),
                         occurrences: occurrences.sort()};
  }
  return {name: calendar.getFirstPropertyValue("x-wr-calname"),
          name_rfc7986: calendar.getFirstPropertyValue("name"), events};
}

const result = {};
for (const path of process.argv.slice(2)) result[path] = view(fs.readFileSync(path, "utf8"));
process.stdout.write(JSON.stringify(result));
