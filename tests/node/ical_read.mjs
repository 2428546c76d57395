// Reads a calendar file (.ics) with ical.js, the parser calendar programs on the web use,
// and prints its events as JSON: [{uid, summary, description, start, end, allDay, stamp}].
// Used by tests/test_decision_record.py to check the decision's calendar is RFC 5545.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const component = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], "utf8")));
const events = component.getAllSubcomponents("vevent").map((vevent) => {
  const event = new ICAL.Event(vevent);
  return {
    uid: event.uid,
    summary: event.summary,
    description: event.description,
    start: event.startDate.toString(),
    end: event.endDate.toString(),
    allDay: event.startDate.isDate,
    stamp: vevent.getFirstPropertyValue("dtstamp").toString(),
  };
});
process.stdout.write(JSON.stringify(events));
