"""The decision's calendar file (text/calendar, RFC 5545): one all-day event per dated
entry of the reviewer's decision (the review date; each condition with a due date).

SUMMARY and DESCRIPTION hold the application reference, the entry's words and at most the
applicant's name: never a registration number, contact or note. Each UID is derived from
`app` and the entry, and DTSTAMP from the record's date, so the same record gives the same
bytes. Words: words/record.toml `calendar.*`. Written here, in the package, so the page
(in its worker) and the command line give the same bytes.
"""

from __future__ import annotations

import datetime
import hashlib

from ..model.decision import Decision
from ..model.details import clean
from ..views.result_view import ResultView

__all__ = ["calendar_ics"]

PRODID = "-//imaging-referrer-guidance//decision record//EN"
LIMIT = 75  # octets a content line may hold before it is folded


def _escape(text: str) -> str:
    """TEXT as RFC 5545 writes it (section 3.3.11), on one line."""
    text = clean(text)
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,"))


def _fold(line: str) -> str:
    """One content line folded at 75 octets, never inside a character (section 3.1)."""
    out, current, size = [], "", 0
    for character in line:
        width = len(character.encode("utf-8"))
        if size + width > LIMIT:
            out.append(current)
            current, size = " ", 1
        current += character
        size += width
    out.append(current)
    return "\r\n".join(out)


def _day(iso: str) -> str:
    return iso.replace("-", "")


def calendar_ics(view: ResultView, decision: Decision, today: datetime.date) -> bytes:
    """The calendar's bytes for the decision (no events when nothing is dated)."""
    def words(key: str, **fields: str) -> str:
        return view.words.text("record", key, audience="reviewer", **fields)

    app = decision.app or "unnamed"
    reference = words("calendar.reference", app=app)
    name = decision.applicant.get("name", "")
    description = reference + (f"\n{words('calendar.applicant', name=name)}" if name else "")
    entries = []
    if decision.review:
        entries.append(("review", decision.review, words("calendar.review")))
    for condition in decision.conditions:
        if condition.due:
            digest = hashlib.sha256(condition.text.encode("utf-8")).hexdigest()[:12]
            entries.append((f"condition-{digest}", condition.due,
                            words("calendar.condition", text=condition.text)))
    stamp = today.strftime("%Y%m%dT000000Z")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH"]
    for entry, day, text in entries:
        end = (datetime.date.fromisoformat(day) + datetime.timedelta(days=1)).isoformat()
        lines += ["BEGIN:VEVENT", f"UID:{app}-{entry}@imaging-referrer-decision",
                  f"DTSTAMP:{stamp}", f"DTSTART;VALUE=DATE:{_day(day)}",
                  f"DTEND;VALUE=DATE:{_day(end)}",
                  f"SUMMARY:{_escape(text)} ({_escape(reference)})",
                  "DESCRIPTION:" + "\\n".join(_escape(part) for part in description.split("\n")),
                  "TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(_fold(line) for line in lines) + "\r\n").encode("utf-8")
