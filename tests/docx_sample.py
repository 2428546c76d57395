"""A sample Word document using every feature of `assessment.renderers.docx`, shared by the CPython
tests (tests/test_docx.py) and the Pyodide run (tests/node/docx_sample.mjs), which executes
this file's source: standard library and `assessment` only."""

from __future__ import annotations

import datetime

from assessment.renderers.docx import Document, Link, Run

TITLE = 'Application pack: <draft> & "notes" — Zoë’s café'
DATE = datetime.date(2026, 12, 1)
GUIDE_URL = "https://example.org/imaging-referrers/guidance/?part=1&view=full"
SOURCE_URL = "https://www.legislation.gov.uk/uksi/2017/1322/regulation/2"
TRICKY = 'Keep <b>this</b> & "that" as text: café, naïve, 1 µSv, £20, Ω, dŵr — Привет'
SCOPE_HEADERS = ("Kind of imaging", "Patient group", "Settings", "Body areas",
                 "Clinical indications")
SCOPE_ROWS = [("Plain X-ray", "Adults (16 and over)", "Emergency department", "", ""),
              ("Ultrasound", "Adults (16 and over)", "Outpatients\nCommunity", "", "")]
EVIDENCE_ROWS = [(f"Appendix {number}", f"Certificate of {name}", "")
                 for number, name in enumerate(
                     ["IR(ME)R training", "Registration", "Prescribing course",
                      "Supervised practice", "Competence sign-off"], start=1)]
# Long enough to run over a page, so the header row has to repeat.
LONG_ROWS = [(str(number), f"Item {number} <of> many & more", "Self-declared", "")
             for number in range(1, 61)]


def build() -> Document:
    """The sample, block by block: three pages (a page break, then a table over a page)."""
    document = Document(TITLE, DATE)
    document.heading(TITLE, 0)
    document.paragraph([Run("Date: ", bold=True), "1 December 2026"])
    document.paragraph([Run("Outcome: ", bold=True),
                        "You appear ready to apply for entitlement.",
                        Run(" The statuses are self-declared.", italic=True)])
    document.heading("Your answers in brief", 1)
    document.bullets(["Nation: England", "Profession: nurse",
                      [Run("Employer: ", bold=True), "Example NHS Trust"]])
    document.heading("What to show", 1)
    document.heading("Training", 2)
    document.paragraph(TRICKY)
    document.heading("IR(ME)R training", 3)
    document.paragraph(["Read the ", Link("guidance", GUIDE_URL), " and the ",
                        Link("regulation", SOURCE_URL, show_url=True), "."])
    document.link(GUIDE_URL, GUIDE_URL)
    document.heading("Draft scope of practice", 2)
    document.table(SCOPE_HEADERS, SCOPE_ROWS, widths=(3, 3, 3, 3, 4), caption="Draft scope")
    document.heading("Evidence index", 2)
    document.table(("Appendix", "Document", "Attached"), EVIDENCE_ROWS, widths=(1, 3, 1))
    document.heading("Signatures", 1)
    document.signature("Applicant")
    document.signature("Supervisor")
    document.page_break()
    document.heading("Every item", 1)
    document.table(("No.", "Item", "Status", "Seen"), LONG_ROWS, widths=(1, 6, 2, 1))
    document.paragraph("End of the pack.")
    return document


def sample() -> bytes:
    """The sample document's bytes."""
    return build().to_bytes()
