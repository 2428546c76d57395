"""Build the reviewer's checklist into the site: the `review/` page, for the person who
decides an application to be entitled as a referrer.

It opens the same link as the self-assessment (`review/#nation=…&profession=…&employer=…`)
and shows, worked out by the very same engine in the same worker and memory snapshot as the
self-assessment (hooks/assessment_page.py starts it; `assessment.web.review_view` answers),
each applicable item with what to ask to see and how to verify it, the applicant's own
status, a "seen" tick and a note; the draft scope to approve line by line; and a decision
with reasons. Its script is overrides/assets/js/review.js; the reviewer's ticks and notes stay
on their device.

This hook writes the page's HTML as served (what shows without JavaScript, or if Python
cannot start: a clear message and a link to the evidence page), the decision's controls
(fixed, so they are plain HTML), and the questions' and employer profiles' ids the link is
read against, and it starts Python from the top of the page's head as the self-assessment
does.
"""

from __future__ import annotations

import json

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from assessment.reading.employer_profiles import load_employers
from assessment.reading.loader import load_rules
from assessment.renderers.decision_record import decisions
from assessment.views.catalogue import question_catalogue
from hooks import assessment_html
from hooks.assessment_page import boot_script, import_map

PLACEHOLDER = "<!-- review:app -->"
PAGE_SCRIPT = "assets/js/review.js"
APP_ID = "review-app"
BOOT_TAG = '<script data-assessment-boot=""'
TRACKING = '"navigation.tracking", '  # in the theme's page configuration (a JSON script)

ACTIONS = (
    ("print", "Print decision record"),
    ("download", "Download decision record (.docx)"),
    ("forget", "Forget this review"),
)


def link_controls() -> dict[str, dict[str, object]]:
    """What a link may carry, as the link reader (assessment-link.js) takes it: every
    question's options, and the employer's profile ids after them."""
    rules = load_rules()
    controls: dict[str, dict[str, object]] = {
        question["id"]: {"multi": question["multi"],
                         "values": [option["id"] for option in question["options"]]}
        for question in question_catalogue(rules)
    }
    controls["employer"] = {"multi": False, "values": list(load_employers(rules))}
    return controls


def decision_html() -> str:
    """The decision, a radio group with its reasons: fixed words, so plain HTML."""
    radios = "".join(
        '<div class="review__choice">'
        f'<input type="radio" name="decision" id="decision-{value}" value="{value}">'
        f'<label for="decision-{value}">{label}</label></div>'
        for value, label in decisions(load_rules().words)
    )
    return (
        '<section class="review__decision" aria-labelledby="decision-heading">'
        '<h2 id="decision-heading">Decision</h2>'
        '<fieldset><legend>The decision on this application</legend>'
        f"{radios}</fieldset>"
        '<p class="print-only" data-print-decision></p>'
        '<p class="review__reasons-label">'
        '<label for="review-reasons">Reasons for the decision</label></p>'
        '<textarea id="review-reasons" rows="5" data-review-reasons></textarea>'
        '<p class="print-only review__print-reasons" data-print-reasons></p>'
        '<p class="print-only review__signature">Decided by (name, role and signature):'
        " ………………………………………… Date: ……………………</p>"
        "</section>"
    )


def render_app(page: Page, config: MkDocsConfig) -> str:
    """The review: its status, the place the checklist goes, the decision and actions."""

    def link(target: str) -> str:
        return get_relative_url(target, page.url or ".")

    data = assessment_html.attrs(
        id=APP_ID,
        class_="review",
        data_site_root=link(""),
        data_controls=json.dumps(link_controls(), separators=(",", ":")),
    )
    buttons = "".join(
        f'<button type="button" class="md-button{" md-button--primary" if index == 0 else ""}"'
        f' data-action="{action}">{label}</button>'
        for index, (action, label) in enumerate(ACTIONS)
    )
    evidence = link("evidence/")
    assessment = link("assessment/")
    return (
        f"<div{data}>"
        '<div class="review__status">'
        '<p role="status" data-python-status>This review is worked out by the'
        " self-assessment's engine, which runs in your browser and needs JavaScript: it is off"
        " or blocked here, so the applicant's checklist cannot be shown. Every evidence item an"
        f' application may need, and what counts for each, is on <a href="{evidence}">the'
        " evidence page</a>.</p>"
        '<progress data-python-progress max="3" value="0" hidden'
        ' aria-label="Starting Python"></progress>'
        "</div>"
        '<div class="review__notes" role="status" data-notes hidden></div>'
        '<div class="review__body" data-review hidden>'
        '<p class="print-only" data-print-date></p>'
        '<div data-summary></div>'
        '<section class="review__items" aria-labelledby="items-heading">'
        '<h2 id="items-heading">Evidence to see</h2>'
        "<p>Each status is what the applicant said about themselves in the self-assessment."
        " Tick “Seen” once you have seen the evidence, and note anything to follow up.</p>"
        '<div data-items></div></section>'
        '<section class="review__scope" aria-labelledby="scope-heading">'
        '<h2 id="scope-heading">Scope of practice to approve</h2>'
        "<p>The draft scope the applicant's answers give, one line per kind of imaging and"
        " patient group. Tick each line you approve; leave a line unticked to exclude it.</p>"
        '<div data-scope></div></section>'
        f"{decision_html()}"
        '<div class="review__actions">'
        f"{buttons}"
        '<p role="status" class="review__feedback" data-action-feedback></p>'
        "<p>Your ticks, notes and decision are kept only in this browser, on this device,"
        " for this link: never in the link and never sent anywhere.</p>"
        "</div></div>"
        f'<p class="review__back"><a href="{assessment}" data-assessment-link>Open these'
        " answers in the self-assessment</a></p>"
        "</div>"
        f"{import_map(link, config.extra['asset_names'])}"
        f'<script type="module" src="{link(config.extra["asset_names"][PAGE_SCRIPT])}"></script>'
    )


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace the placeholder on the review page with the app."""
    if PLACEHOLDER not in html:
        return html
    return html.replace(PLACEHOLDER, render_app(page, config))


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Start Python from the top of the review page's head, as the self-assessment does,
    and turn off the theme's anchor tracking on this page: it rewrites the address as the
    page scrolls (to the bare page when no heading of its table of contents is in view),
    which would drop the applicant's link, and with it the reviewer's saved work on reload."""
    if f'id="{APP_ID}"' not in output:
        return output
    output = output.replace(TRACKING, "", 1)
    # Python starts only for a link that carries answers (assessment-boot.js).
    boot = boot_script(page, config).replace(BOOT_TAG, f'{BOOT_TAG} data-only-with-answers=""', 1)
    head_end = output.index("</head>")
    first_link = output.find("<link", 0, head_end)
    at = first_link if first_link != -1 else head_end
    return output[:at] + boot + output[at:]
