"""The self-assessment page's hand-over section, as HTML from the words data: the fields for
the application (who applies and where to: `data-detail`), and the place and template of the
scope detail fields (`data-scope-rows`, `template[data-scope-row]`), which the page script
(details.js) fills for the rows of the draft scope. Every text is escaped."""

from __future__ import annotations

from html import escape

from assessment.model.details import DETAIL_FIELDS, MAX_FIELD, PERSON_FIELDS
from assessment.model.rules_model import Rules

# Each typed field's autocomplete token (WCAG 1.3.5, where one exists).
AUTOCOMPLETE = {"name": "name", "job_title": "organization-title", "workplace": "organization",
                "contact": "email"}


def _field(field_id: str, label: str, attributes: str, complete: str = "off", *,
           lines: int = 1) -> str:
    """A labelled field: one line, or a box of `lines` lines for longer text."""
    # A template's fields get their id (and their label's `for`) from the page script.
    named = f'id="{field_id}" ' if field_id else ""
    for_ = f' for="{field_id}"' if field_id else ""
    common = f'{named}{attributes} autocomplete="{complete}" maxlength="{MAX_FIELD}"'
    control = (f'<input type="text" {common} spellcheck="false">' if lines == 1
               else f'<textarea {common} rows="{lines}"></textarea>')
    return ('<div class="assessment__who-field">'
            f"<label{for_}>{escape(label)}</label>{control}</div>")


def handover_fields(rules: Rules) -> str:
    """The section's HTML: the applicant's fields, then the scope detail's."""
    def words(key: str) -> str:
        return escape(rules.words.text("page", f"handover.{key}"))

    people = "".join(
        _field(f"who-{field}", rules.words.text("page", f"handover.field.{field}"),
               f'data-detail="{field}"', AUTOCOMPLETE.get(field, "off"))
        for field in PERSON_FIELDS)
    # What the page script says after the Word button and Forget, as data it prints.
    said = "".join(f' data-said-{key.replace("_", "-")}="{words(f"said.{key}")}"'
                   for key in ("share_label", "shared", "downloaded", "forgotten"))
    headings = {column.key: column.heading for column in rules.scope.columns}
    row_fields = "".join(_field("", headings[field], f'data-row-field="{field}"', lines=2)
                         for field in DETAIL_FIELDS)
    return (
        '<section class="assessment__handover" data-handover aria-labelledby="handover-heading"'
        f'{said}>'
        f'<fieldset class="assessment__who" aria-describedby="who-hint">'
        f'<legend id="handover-heading">{words("legend")}</legend>'
        f'<p id="who-hint">{words("hint")}</p>{people}</fieldset>'
        '<fieldset class="assessment__who" aria-describedby="scope-detail-hint">'
        f'<legend>{words("scope.legend")}</legend>'
        f'<p id="scope-detail-hint">{words("scope.hint")}</p>'
        f'<p data-scope-empty>{words("scope.empty")}</p>'
        '<div data-scope-rows></div>'
        f'<p class="assessment__feedback" data-scope-left-out hidden>{words("scope.left_out")}</p>'
        '</fieldset>'
        '<template data-scope-row><fieldset class="assessment__scope-row"><legend></legend>'
        f'{row_fields}</fieldset></template>'
        '</section>'
    )
