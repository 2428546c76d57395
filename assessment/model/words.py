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

from .phrases import PLACEHOLDER

AUDIENCES = ("applicant", "reviewer")

# Each section: key -> the placeholders its text holds, in order.
PAGE_WORDS: dict[str, tuple[str, ...]] = {
    # application's (`handover.*`): the scope detail of a review link that was dropped, one
    # text per reason (views/review_link.py `ScopeProblem.reason`, `-` read as `_`).
    # The page's fields for the application: who applies and where to, and the scope detail.
    "handover.legend": (),
    "handover.hint": (),
    "handover.said.share_label": (),
    "handover.said.shared": (),
    "handover.said.downloaded": (),
    "handover.said.forgotten": (),
    "handover.field.name": (),
    "handover.field.regulator": (),
    "handover.field.registration_number": (),
    "handover.field.job_title": (),
    "handover.field.workplace": (),
    "handover.field.provider": (),
    "handover.field.supervisor": (),
    "handover.field.contact": (),
    "handover.scope.legend": (),
    "handover.scope.hint": (),
    "handover.scope.empty": (),
    "handover.scope.left_out": (),
    "handover.app_note": (),
    "handover.scope_note.too_long_link": (),
    "handover.scope_note.malformed": ("part",),
    "handover.scope_note.too_long": ("row",),
    "handover.scope_note.not_a_row": ("row",),
    "handover.scope_note.again": ("row",),
}
REVIEW_WORDS: dict[str, tuple[str, ...]] = {}
PACK_WORDS: dict[str, tuple[str, ...]] = {
    # application's: the Word application (renderers/pack.py).
    "title": (),
    "own_form": ('employer',),
    "reference": (),
    "date": (),
    "part1": (),
    "part2": (),
    "who.heading": (),
    "who.name": (),
    "who.profession": (),
    "who.regulator": (),
    "who.registration_number": (),
    "who.job_title": (),
    "who.workplace": (),
    "who.supervisor": (),
    "who.contact": (),
    "where.heading": (),
    "where.provider": (),
    "where.employer": (),
    "where.employer_none": (),
    "where.nation": (),
    "where.review": (),
    "where.review_text": (),
    "where.review_left_out": (),
    "scope.heading": (),
    "scope.intro": (),
    "scope.none": (),
    "scope.blocked": (),
    "index.heading": (),
    "index.intro": (),
    "index.headers": (),
    "index.appendix": ('number',),
    "index.yes": (),
    "index.no": (),
    "index.none": (),
    "readiness.heading": (),
    "readiness.counts": ('who', 'held', 'total'),
    "readiness.gathering": ('items',),
    "readiness.checking": ('items',),
    "readiness.unanswered": ('items',),
    "readiness.employer": ('employer', 'held', 'total'),
    "readiness.self_declared": (),
    "readiness.the_applicant": (),
    "signatures.heading": (),
    "signatures.applicant": (),
    "signatures.applicant_statement": (),
    "signatures.supervisor": (),
    "signatures.supervisor_statement": (),
    "signatures.signature": (),
    "signatures.name": (),
    "signatures.name_role": (),
    "signatures.date": (),
    "status.held": (),
    "status.partial": (),
    "status.gap": (),
    "status.check": (),
    "status.unknown": (),
    "basis.intro": (),
    "basis.national": (),
    "basis.employer": ('employer',),
    "basis.employer_intro": ('provenance', 'date'),
    "basis.basis": (),
    "basis.status": (),
    "basis.document": (),
    "basis.appendix": ('number',),
    "basis.references": (),
    "basis.employer_basis": (),
    "basis.reference_list": (),
}
# The decision record's words (renderers/decision_record.py).
RECORD_WORDS: dict[str, tuple[str, ...]] = {
    "title": (),
    "written": ('date',),
    "self_declared": (),
    "self_declared_rest": (),
    "scope_none": (),
    "undecided": (),
    "no_reasons": (),
    "decided_by": (),
    "date": (),
    "application.heading": (),
    "application.outcome": ('outcome',),
    "application.employer": (),
    "application.no_employer": (),
    "application.missing": (),
    "application.question": (),
    "application.answer": (),
    "application.answers": (),
    "evidence.heading": (),
    "evidence.item": (),
    "evidence.says": (),
    "evidence.seen_heading": (),
    "evidence.note": (),
    "evidence.seen": (),
    "evidence.not_seen": (),
    "evidence.verify": ('title',),
    "scope.heading": (),
    "scope.approved_heading": (),
    "scope.approved": (),
    "scope.not_approved": (),
    "decision.heading": (),
    "decision.label": (),
    "decision.reasons": (),
    "decisions.entitle": (),
    "decisions.entitle-limits": (),
    "decisions.not-yet": (),
}
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

# The results' own words beyond those words/result.toml's own reader checks (the outcomes,
# statuses, headings and the rest: reading/rules_reader.py, into the `Rules` fields).
RESULT_WORDS: dict[str, tuple[str, ...]] = {
    "handover.name": (),
    "handover.provider": (),
    "handover.self_declared": (),
    "handover.live_result": (),
    "item.status": (),
    "item.why": (),
    "item.what_counts": (),
    "item.sources": (),
    "item.guidance": (),
    "context.regulation": (),
    "context.inspectorate": (),
    "context.framework": (),
    "checklist.prepared": ("date", "version"),
    "checklist.prepared_at": ("date", "url", "version"),
    "checklist.not_answered": (),
    "checklist.no_answers": (),
    "checklist.announcement": ("sentence", "counts"),
    "checklist.employer_counts": ("count", "counts"),
}
# The tables of words/result.toml that its own reader checks, left out of RESULT_WORDS.
RESULT_OWN_TABLES = ("outcomes", "statuses", "basis", "groups", "headings", "labels", "scope",
                     "texts", "employer_topics")

SECTIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "result": RESULT_WORDS,
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

    def text(self, section: str, key: str, audience: str = "applicant", /,
             **fields: str) -> str:
        """One text in the audience's voice, its placeholders filled from `fields`."""
        value = self.sections[section][key]
        said = value if isinstance(value, str) else value[audience]
        if not fields:
            return said
        # In one pass, so a filler's own text (a file name, say) is never read as a placeholder.
        return PLACEHOLDER.sub(lambda match: fields.get(match.group(1), match.group(0)), said)

    def section(self, section: str, audience: str = "applicant") -> dict[str, str]:
        """A whole section in one audience's voice (placeholders left in), as the build
        writes it for the page scripts."""
        return {key: self.text(section, key, audience) for key in self.sections[section]}
