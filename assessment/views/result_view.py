"""The one view model: a result as every surface prints it (`ResultView` and its parts).

It holds, for one result, everything a practitioner pastes into an application and a
reviewer checks: the outcome, the nation's context, the answers given, the evidence by
group with what to do next (and, for the reviewer, how to verify it), the notices, what is
still unanswered and a draft scope of practice built from the answers. Its words come from
the words data (words/result.toml). `views.assess.assess` makes it; the renderers and the
page print it, so no surface words a thing differently from another.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..engine.result import Result
from ..model.details import Details
from ..model.words import Words

__all__ = ["EmployerView", "ItemView",
           "LocalItemView", "MissingView", "NoticeView", "ResultView", "ScopeColumnView",
           "ScopeTable"]

@dataclass(frozen=True)
class ItemView:
    """One evidence item as the checklist shows it."""

    id: str
    title: str
    status: str
    status_label: str
    why: tuple[str, ...]
    basis_label: str
    basis_description: str
    what_counts: str
    next_label: str | None
    next_text: str | None
    sources: tuple[tuple[str, str], ...]
    guidance: str
    guidance_text: str
    # How the person deciding an application can check it for themselves, where a public
    # check exists, and that check's sources (each titled "publisher: title", with its
    # address): the reviewer's page shows them.
    verify: str | None = None
    verify_sources: tuple[tuple[str, str], ...] = ()
    # The reviewer's voice: what to ask the applicant for, or what to confirm.
    ask: str = ""
    # The Word application's voice: why it applies, of "the applicant"; and, for evidence
    # she attaches, the document as the evidence index names it and what it shows.
    third_person: tuple[str, ...] = ()
    document: str | None = None
    shows: str | None = None


@dataclass(frozen=True)
class LocalItemView:
    """One of the chosen employer's own requirements as the checklist shows it: what the
    employer asks, its status and why, the national item it sharpens and its sources."""

    id: str
    title: str
    status: str
    status_label: str
    asks: str
    why: tuple[str, ...]
    refines: str | None
    next_label: str | None
    next_text: str | None
    sources: tuple[tuple[str, str], ...]
    # Its words in the other two voices: the application pack's and the reviewer's.
    pack: str = ""
    reviewer: str = ""


@dataclass(frozen=True)
class EmployerView:
    """The chosen employer's profile in the checklist: who (`name` says a partner's or a
    system's profile as such), where the profile comes from and at which date (`note`, which
    begins with `provenance`), how to apply, and its applicable requirements with their counts."""

    id: str
    name: str
    checked: str
    note: str
    apply_text: str
    apply_url: str | None
    sources: tuple[tuple[str, str], ...]
    counts: tuple[tuple[str, int], ...]
    items: tuple[LocalItemView, ...]
    provenance: str = ""
    own_form: bool = False


@dataclass(frozen=True)
class NoticeView:
    """One notice: its id, its text, the date of its position (and that date said as a
    sentence) and its sources."""

    id: str
    text: str
    as_of: str
    position: str
    sources: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class MissingView:
    """One asked question still unanswered: its id and its text."""

    id: str
    text: str


@dataclass(frozen=True)
class ScopeColumnView:
    """A column of the draft scope table: its heading, the field of each row it prints and
    its kind (row, list or blank: see `rules_model.ScopeColumn`)."""

    heading: str
    field: str
    kind: str


@dataclass(frozen=True)
class ScopeTable:
    """The draft scope of practice: its heading, introduction, columns and rows; `note`
    stands in for the table while it has no rows."""

    heading: str
    intro: str
    note: str | None
    columns: tuple[ScopeColumnView, ...]
    rows: tuple[dict[str, str], ...]


@dataclass(frozen=True)
class ResultView:
    """The one view model: everything every surface prints about one result (the page, the
    Markdown and text checklists, the Word pack, the reviewer's page and decision record),
    in the order they print it. `audience` is whose voice it is told in (applicant or
    reviewer); `result` is the engine's result it was made from (never printed as such)."""

    headings: Mapping[str, str]
    labels: Mapping[str, str]
    title: str
    date: str
    rules_version: str
    assessment_url: str | None
    outcome: str
    outcome_label: str
    outcome_sentence: str
    counts: tuple[tuple[str, int], ...]
    nation: str | None
    context: tuple[tuple[str, str], ...]
    answers: tuple[tuple[str, str], ...]
    groups: tuple[tuple[str, tuple[ItemView, ...]], ...]
    notices: tuple[NoticeView, ...]
    missing: tuple[MissingView, ...]
    scope: ScopeTable | None
    result: Result = field(repr=False, compare=False, metadata={"plain": False})
    employer: EmployerView | None = None
    name: str = ""
    provider: str = ""
    self_declared: str = ""
    fragment: str = ""
    result_url: str | None = None
    iso_date: str = ""
    audience: str = "applicant"
    # What the applicant typed for her application (never printed as such: the pack and
    # checklists print its fields), the review link's fragment (answers, `app` and the scope
    # detail) and address, and whether the scope detail was left out of it for length.
    details: Details = field(default_factory=Details, repr=False, metadata={"plain": False})
    review_fragment: str = ""
    review_url: str | None = None
    scope_left_out: bool = False
    # Each answer's labels by question id (as in `answers`), for the documents that print one.
    answer_labels: Mapping[str, str] = field(default_factory=dict, repr=False,
                                             metadata={"plain": False})
    # The sections of words (page, pack, review, record), for the renderers that print them.
    words: Words = field(default_factory=lambda: Words({}), repr=False,
                         metadata={"plain": False})

    def said(self, key: str, **fields: str) -> str:
        """One of the results' own words (words/result.toml), in this view's voice."""
        return self.words.text("result", key, self.audience, **fields)

    def part(self, table: str) -> dict[str, str]:
        """A table of the results' own words (`handover`, `item`, `context`), by key."""
        prefix = table + "."
        return {key[len(prefix):]: self.said(key) for key in self.words.sections["result"]
                if key.startswith(prefix)}
