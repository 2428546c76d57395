"""Build the reviewer's checklist into the site: the `review/` page, for the person who
decides an application to be entitled as a referrer.

It opens the same link as the self-assessment (`review/#nation=…&profession=…&employer=…`)
and shows, worked out by the very same engine in the same worker and memory snapshot as the
self-assessment (`assessment.web.review_view` answers), each applicable item with what to ask
to see and how to verify it, the applicant's own status, a "seen" tick and a note; the draft
scope to approve row by row (by each row's identity); the reviewer's typed fields; and a
decision (one of the spec's outcomes) with reasons, dates and conditions. Its script is
overrides/assets/js/review.js; the reviewer's record stays on their device, one per
application (`app`), with a list of the records kept there.

The page is the template overrides/review.html (named by the page's front matter): this hook
gives it its data, the outcomes (`model.decision.OUTCOMES`), the typed fields, the questions'
and employer profiles' ids the link is read against and the page's words;
overrides/python-page.html starts Python from the top of its head, for a link that carries
answers only.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from assessment.model.decision import OUTCOMES
from assessment.reading.employer_profiles import load_employers
from assessment.reading.loader import load_rules
from assessment.views.catalogue import question_catalogue
from hooks.assessment_page import nested
from hooks.page_scripts import python_page

TEMPLATE = "review.html"
PAGE_SCRIPT = "assets/js/review.js"
# The page's buttons, in its order (the first is the main action); their words are the
# review words' `actions.<id>`.
ACTIONS = ("print", "download", "calendar", "export", "forget")
# The skip links at the top of the review, to each part's heading (`<part>-heading`); their
# words are the review words' `skip.<part>`.
SKIPS = ("people", "items", "scope", "decision", "records")
# The typed fields: (the record's group and field, its words under `people.`, input type).
FIELDS = (
    ("applicant.name", "applicant_name", "text"),
    ("applicant.regulator", "regulator", "text"),
    ("applicant.registration_number", "registration_number", "text"),
    ("applicant.register_checked", "register_checked", "date"),
    ("applicant.workplace", "workplace", "text"),
    ("applicant.supervisor", "supervisor", "text"),
    ("reviewer.name", "reviewer_name", "text"),
    ("reviewer.role", "reviewer_role", "text"),
)


def link_controls() -> list[tuple[str, dict[str, object]]]:
    """What a link may carry, as the link reader (overrides/assets/js/link.js) takes it:
    every question's options in the questions' order, and the employer's profile ids after
    them (pairs, so the order survives the JSON)."""
    rules = load_rules()
    controls: list[tuple[str, dict[str, object]]] = [
        (question["id"], {"multi": question["multi"],
                          "values": [option["id"] for option in question["options"]]})
        for question in question_catalogue(rules)
    ]
    controls.append(("employer", {"multi": False, "values": list(load_employers(rules))}))
    return controls


def script_words() -> dict[str, str]:
    """The words the page script prints: the review section's, the link reader's (the page
    section's `link.*`, said the same on both pages) and the rules' labels (`labels.*`)."""
    rules = load_rules()
    words = rules.words.section("review", "reviewer")
    link = {key: text for key, text in rules.words.section("page", "reviewer").items()
            if key.startswith("link.")}
    labels = {f"labels.{key}": text for key, text in rules.labels.items()}
    return {**words, **link, **labels}


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig,
                    nav: Navigation) -> dict[str, Any]:
    """Give the review's template its data."""
    if page.meta.get("template") != TEMPLATE:
        return context
    rules = load_rules()
    context["review"] = {
        "outcomes": OUTCOMES,
        "skips": SKIPS,
        "fields": [{"field": field, "id": "review-" + field.replace(".", "-"), "words": words,
                    "type": kind} for field, words, kind in FIELDS],
        "actions": ACTIONS,
        "words": nested(rules.words.section("review", "reviewer")),
        "script_data": {"controls": link_controls(), "words": script_words()},
    }
    context["python"] = python_page(page, config, PAGE_SCRIPT, rules,
                                    only_with_answers=True)
    return context
