"""The words a person reads, beyond the results' own (`rules/words/result.toml`): one file
per section in `assessment/rules/words/` (page, review, pack, record, errors, employers), each read
into a `Words` record.

Every section's keys are declared here, each with the placeholders its text must hold (in
that order, each once): the reader fails on an unknown or missing key naming the file and
the key, as for the rules. A key is dotted (`download.button` for `[download] button` in
the file). Its value is a string said the same to every audience, or a table with one
string per audience (`applicant`: "you"; `reviewer`: "the applicant") where the voices
differ.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

AUDIENCES = ("applicant", "reviewer")

# Each section: key -> the placeholders its text holds, in order.
# The self-assessment page's (page.toml): its build-time HTML and its scripts.
PAGE_WORDS: dict[str, tuple[str, ...]] = {
    "status.no_js": (),
    "status.loading": (),
    "status.progress_label": (),
    "status.getting_ready": (),
    "status.step": ("number", "stage", "amount"),
    "status.amount": ("done",),
    "status.fallback": (),
    "status.fallback_slow": (),
    "status.ready": (),
    "status.failed": ("error",),
    "status.no_python": (),
    "status.result_failed": ("error",),
    "boot.worker_stopped": (),
    "boot.no_answers": (),
    "stages.downloading": (),
    "stages.starting": (),
    "stages.loading": (),
    "form.heading": (),
    "form.label": (),
    "form.choose_all": (),
    "form.asked_only_when": ("condition",),
    "form.dock_link": (),
    "employer.legend": (),
    "employer.compared": (),
    "employer.checked": ("date",),
    "employer.not_listed": (),
    "employer.not_listed_hint": (),
    "result.heading": (),
    "result.printed_on": ("date",),
    "result.checklist_intro": (),
    "result.applies": (),
    "result.held": (),
    "result.partial": (),
    "result.check": (),
    "result.more": (),
    "result.lead.heading": (),
    "result.lead.pending": (),
    "result.lead.answers_heading": (),
    "result.lead.unanswered": (),
    "result.lead.change": (),
    "result.lead.change_label": ("question",),
    "result.lead.back": (),
    "result.lead.actions_label": (),
    "result.lead.arrow_hint": (),
    "result.next.heading": (),
    "result.next.none": (),
    "result.next.question": (),
    "result.next.status": ("status",),
    "result.skip.label": (),
    "result.skip.result": (),
    "result.skip.next": (),
    "result.skip.actions": (),
    "result.live.count": ("count", "label"),
    "result.live.new_question": ("question",),
    "result.review.label": (),
    "result.review.hint": (),
    "result.review.copy": (),
    "result.review.share": (),
    "result.review.copied": (),
    "result.review.copy_failed": (),
    "result.employer.heading": ("name",),
    "result.scope.region": ("heading",),
    "result.scope.scroll_hint": (),
    "who.legend": (),
    "who.hint": (),
    "who.name": (),
    "who.provider": (),
    "actions.copy-link": (),
    "actions.review-link": (),
    "actions.download-docx": (),
    "actions.copy-text": (),
    "actions.download": (),
    "actions.print": (),
    "actions.start-again": (),
    "actions.forget": (),
    "actions.undo": (),
    "done.shared": (),
    "done.link_copied": (),
    "done.copy_link": ("url",),
    "done.text_copied": (),
    "done.copy_blocked": (),
    "done.markdown": (),
    "done.making_docx": (),
    "done.docx_failed": ("error",),
    "done.docx": (),
    "done.cleared": (),
    "done.answers_back": (),
    "done.forgotten": (),
    "done.undone": (),
    "files.markdown": ("date",),
    "files.docx": ("date",),
    "answers.from_link": (),
    "answers.switch_back": (),
    "answers.saved_back": (),
    "answers.now_own": (),
    "answers.restored": (),
    "answers.unreadable": (),
    "answers.newer": (),
    "answers.older": (),
    "answers.no_match": (),
    "answers.some_left_out": (),
    "link.too_long": ("max",),
    "link.unreadable": (),
    "link.unknown_question": ("key",),
    "link.repeated": ("key",),
    "link.unknown_employer": ("value",),
    "link.unknown_option": ("value", "key"),
    "link.several": ("key",),
}
# The reviewer's checklist page's (review.toml): its build-time HTML and its script.
REVIEW_WORDS: dict[str, tuple[str, ...]] = {
    "status.no_js": (),
    "status.evidence": ("link",),
    "status.evidence_link": (),
    "status.progress_label": (),
    "status.getting_ready": (),
    "status.step": ("stage", "number", "amount"),
    "status.amount": ("done",),
    "status.fallback": (),
    "status.fallback_slow": (),
    "status.ready": ("count",),
    "status.no_answers": (),
    "status.failed": ("error",),
    "status.no_python": (),
    "status.printed_on": ("date",),
    "stages.downloading": (),
    "stages.starting": (),
    "stages.loading": (),
    "summary.heading": (),
    "summary.outcome": ("outcome",),
    "summary.employer": (),
    "summary.no_employer": (),
    "summary.missing": (),
    "summary.answers": (),
    "evidence.heading": (),
    "evidence.intro": (),
    "evidence.applicant_says": (),
    "evidence.ask": (),
    "evidence.verify": (),
    "evidence.seen": (),
    "evidence.not_seen": (),
    "evidence.for_item": ("title",),
    "evidence.note_label": ("title",),
    "evidence.printed": ("seen",),
    "evidence.printed_note": ("seen", "note"),
    "scope.heading": (),
    "scope.intro": (),
    "scope.not_registered": (),
    "scope.approve": (),
    "scope.for_row": ("row",),
    "scope.approved": (),
    "scope.not_approved": (),
    "decision.heading": (),
    "decision.legend": (),
    "decision.reasons_label": (),
    "decision.decided_by": (),
    "decision.date": (),
    "decision.printed": ("decision",),
    "decision.not_decided": (),
    "decision.printed_reasons": ("reasons",),
    "actions.print": (),
    "actions.download": (),
    "actions.forget": (),
    "actions.kept": (),
    "actions.back": (),
    "done.writing": (),
    "done.downloaded": (),
    "done.failed": ("error",),
    "done.forgotten": (),
    "files.record": ("date",),
}
PACK_WORDS: dict[str, tuple[str, ...]] = {}
RECORD_WORDS: dict[str, tuple[str, ...]] = {}
ERROR_WORDS: dict[str, tuple[str, ...]] = {}
# The employers' words (words/employers.toml): a profile's provenance on every surface,
# the employer pages' own words. Owned by the employer profiles' work.
EMPLOYER_WORDS: dict[str, tuple[str, ...]] = {
    "name.partner": ('name', 'partner'),
    "name.system": ('name', 'partner'),
    "name.expanded": ('name', 'abbreviation'),
    "title.partner": ('name',),
    "title.system": ('name',),
    "provenance.own": (),
    "provenance.partner": ('partner',),
    "provenance.system": ('partner',),
    "provenance.expanded": ('abbreviation',),
    "provenance.label": (),
    "provenance.dated": (),
    "choice.hint": (),
    "caveat.title": (),
    "caveat.counts": ('own', 'total', 'partner', 'system'),
    "caveat.rest": ('report',),
    "facts.contact": (),
    "facts.decision-time": (),
    "compared.title": (),
    "compared.description": (),
    "compared.intro": ('count',),
    "compared.legend": (),
    "compared.not_stated": (),
    "compared.employer": (),
    "compared.where": ('nation', 'date'),
    "compared.how_to_apply": (),
    "compared.agree_heading": (),
    "compared.agree": ('count', 'total'),
    "compared.only_heading": (),
    "compared.only_one": ('label', 'employer'),
    "compared.none": ('label',),
    "compared.nations_heading": (),
    "compared.nations": ('counts',),
    "compared.nations_missing": ('nations', 'searched'),
    "profile.description": ('name', 'date'),
    "profile.nation": (),
    "profile.checked": (),
    "profile.compare": (),
    "profile.compare_link": (),
    "profile.how_to_apply": (),
    "profile.where_to_apply": (),
    "profile.source": (),
    "profile.also": (),
    "profile.states": (),
    "profile.asks": (),
    "profile.refines": (),
    "profile.applies": (),
    "profile.in_assessment": (),
    "profile.check_status": ('status', 'check'),
    "profile.held": ('held',),
    "profile.partial": ('partial',),
}

SECTIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "page": PAGE_WORDS,
    "review": REVIEW_WORDS,
    "pack": PACK_WORDS,
    "record": RECORD_WORDS,
    "errors": ERROR_WORDS,
    "employers": EMPLOYER_WORDS,
}

# A text as read: one for everyone, or one per audience.
Text = str | Mapping[str, str]


@dataclass(frozen=True)
class Words:
    """The sections' words, checked: section -> dotted key -> text (or text per audience)."""

    sections: Mapping[str, Mapping[str, Text]]

    def text(self, section: str, key: str, audience: str = "applicant",
             **fields: str) -> str:
        """One text in the audience's voice, its placeholders filled from `fields`."""
        value = self.sections[section][key]
        said = value if isinstance(value, str) else value[audience]
        for name, filler in fields.items():
            said = said.replace("{" + name + "}", filler)
        return said

    def section(self, section: str, audience: str = "applicant") -> dict[str, str]:
        """A whole section in one audience's voice (placeholders left in), as the build
        writes it for the page scripts."""
        return {key: self.text(section, key, audience) for key in self.sections[section]}
