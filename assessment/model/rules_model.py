"""The records the rules are made of: frozen dataclasses read from `assessment/rules/`.

`rules_reader` builds them from the TOML files; everything else only reads them.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .conditions import Condition, Registered
from .words import Words

STATUS_WORDS = ("held", "partial", "gap", "check", "unknown")
OUTCOME_WORDS = ("ready", "gaps", "blocked", "incomplete")
BASIS_WORDS = ("law", "national-guidance", "professional-body", "local-practice")
CONTEXT_FIELDS = ("regulation", "inspectorate", "framework")
# What kind of source each entry of sources.toml is; the references page groups by it.
SOURCE_KINDS = ("law", "inspectorate", "national-guidance", "framework", "regulator",
                "professional-body", "employer", "news")
NATION_QUESTION = "nation"
PROVENANCES = ("own", "partner", "system")
# What a profile may state besides its requirements (its [facts.<kind>] tables).
FACT_KINDS = ("contact", "decision-time")
LABEL_WORDS = ("basis", "more_about", "asks", "refines", "how_to_apply")
HEADING_WORDS = ("title", "outcome", "counts", "where", "answers", "evidence", "employer",
                 "notices", "missing")


@dataclass(frozen=True)
class Source:
    """A cited source from sources.toml."""

    id: str
    title: str
    url: str
    publisher: str
    kind: str
    date: str | None = None
    note: str | None = None
    checked: datetime.date | None = None


@dataclass(frozen=True)
class Option:
    """One answer a question offers."""

    id: str
    label: str
    help: str | None = None


@dataclass(frozen=True)
class Question:
    """A question, its options and when it is asked."""

    id: str
    text: str
    help: str
    multi: bool
    options: tuple[Option, ...]
    asked_when: Condition
    option_index: Mapping[str, int] = field(default_factory=dict, repr=False, compare=False)

    def option(self, option_id: str) -> Option:
        """The option with this id."""
        return self.options[self.option_index[option_id]]


@dataclass(frozen=True)
class OptionSet:
    """A named group of one question's options (the ionising modalities, say)."""

    id: str
    question: str
    label: str
    options: tuple[str, ...]


@dataclass(frozen=True)
class EvidenceItem:
    """A piece of evidence an application may need, and when the answers show it is held."""

    id: str
    title: str
    group: str
    basis: str
    what: str
    what_counts: str
    # The reviewer's voice: what to ask the applicant for, or what to confirm.
    ask: str
    applies_when: Condition
    why: tuple[str, ...]
    sources: tuple[str, ...]
    held_when: Condition | None = None
    partial_when: Condition | None = None
    check_when: Condition | None = None
    next_step: str | None = None
    next_step_partial: str | None = None
    check: str | None = None
    # How the person deciding an application can check this item for themselves where a
    # public check exists (a regulator's public register), and the sources of that check.
    verify: str | None = None
    verify_sources: tuple[str, ...] = ()
    # The Word application's voice: why it applies, said of "the applicant" (the same
    # placeholders as `why`); and, for evidence the applicant attaches, the document as the
    # evidence index names it and what it shows.
    third_person: tuple[str, ...] = ()
    document: str | None = None
    shows: str | None = None
    status_reads: frozenset[str] = field(default=frozenset(), repr=False, compare=False)


@dataclass(frozen=True)
class ProfessionBody:
    """The body whose position on requesting imaging applies to one profession
    (profession_bodies.toml): the sentence a result adds to the reasons of the items that rest
    on such a position, and its sources."""

    profession: str
    body: str
    kind: str
    says: str
    names: tuple[str, ...]
    dated: str
    read: bool
    sources: tuple[str, ...]
    reported_by: str | None = None


@dataclass(frozen=True)
class Notice:
    """A dated position shown beside the evidence when its condition holds."""

    id: str
    shown_when: Condition
    text: str
    as_of: datetime.date
    sources: tuple[str, ...]
    nation_context: bool = False


@dataclass(frozen=True)
class Nation:
    """The law, the inspectorate and the practice framework of one nation."""

    id: str
    regulation: str
    inspectorate: str
    framework: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Requirement:
    """One thing an employer's own procedure asks of its non-medical referrers.

    `applies_when` is the whole condition under which it applies: the profile's own (by
    default, registered) and, for a requirement that `refines` an evidence item, that item's
    too. Without `held_when` its status is always `check` (`check` says what to confirm).
    """

    id: str
    title: str
    text: str
    sources: tuple[str, ...]
    applies_when: Condition
    why: tuple[str, ...]
    topic: str | None = None
    in_short: str | None = None
    refines: str | None = None
    held_when: Condition | None = None
    partial_when: Condition | None = None
    next_step: str | None = None
    check: str | None = None
    status_reads: frozenset[str] = field(default=frozenset(), repr=False, compare=False)
    # More comparison columns the requirement states, each with its cell (a 3-yearly
    # refresher states the training too): ((topic, in short), ...).
    also: tuple[tuple[str, str], ...] = ()
    # Where the source is dated (a list older than the Regulations in force), saying so.
    dated: str | None = None
    # The requirement's other two voices: the application pack's (the third person) and the
    # reviewer's (the review page and record). The applicant's is `why`, `next_step`, `check`.
    pack: str = ""
    reviewer: str = ""

    def columns(self) -> tuple[tuple[str, str], ...]:
        """Every comparison column the requirement states, each with its cell."""
        own = ((self.topic, self.in_short or self.title),) if self.topic else ()
        return own + self.also


@dataclass(frozen=True)
class Fact:
    """Something a profile states that is not a requirement (who to contact, how long a
    decision takes): its kind (an [employer_facts] id), its words, an address to write to
    where there is one, and its sources."""

    kind: str
    text: str
    sources: tuple[str, ...]
    email: str | None = None


@dataclass(frozen=True)
class Employer:
    """An employer profile: what one employer's public documents ask of referrers, at a date."""

    id: str
    name: str
    nation: str
    checked: datetime.date
    sources: tuple[str, ...]
    apply_text: str
    apply_url: str | None
    requirements: tuple[Requirement, ...]
    file: str = field(default="", repr=False, compare=False)
    # Where the profile comes from: `own` (the employer's own pages or documents),
    # `partner` (a partner's description of its policy) or `system` (a system-level page);
    # `partner` names the partner or the system for the last two.
    provenance: str = "own"
    partner: str | None = None
    # The abbreviation the source gives, where the name is our expansion of it.
    expanded_from: str | None = None
    facts: tuple[Fact, ...] = ()

    def fact(self, kind: str) -> Fact | None:
        """The profile's fact of that kind, if it states one."""
        return next((fact for fact in self.facts if fact.kind == kind), None)
    # Whether its procedure asks for its own application form (the Word application then
    # says, at its top, to send it with that form).
    own_form: bool = False


@dataclass(frozen=True)
class Group:
    """A heading the evidence is grouped under in the checklist."""

    id: str
    title: str


@dataclass(frozen=True)
class ScopeColumn:
    """One column of the draft scope of practice.

    `kind` is "row" (each chosen option of `question` makes rows of its own), "list" (the
    labels chosen for `question`, together) or "blank" (left empty to fill; no question).
    `key` names the column's field in each row; a row column's cell is its `<key>_label`.
    """

    kind: str
    key: str
    heading: str
    question: str | None = None

    @property
    def cell(self) -> str:
        """The field of a row that the table prints in this column."""
        return f"{self.key}_label" if self.kind == "row" else self.key


@dataclass(frozen=True)
class Scope:
    """The draft scope of practice: its words and the columns it is built from."""

    heading: str
    intro: str
    needs: str
    columns: tuple[ScopeColumn, ...]

    def of_kind(self, kind: str) -> tuple[ScopeColumn, ...]:
        """The columns of one kind, in table order."""
        return tuple(column for column in self.columns if column.kind == kind)


@dataclass(frozen=True)
class Rules:
    """Everything the engine, the reports and the catalogue read, checked and frozen."""

    version: str
    directory: Path
    questions: tuple[Question, ...]
    option_sets: Mapping[str, OptionSet]
    evidence: tuple[EvidenceItem, ...]
    notices: tuple[Notice, ...]
    nations: Mapping[str, Nation]
    sources: Mapping[str, Source]
    groups: tuple[Group, ...]
    outcome_labels: Mapping[str, str]
    outcome_sentences: Mapping[str, str]
    status_labels: Mapping[str, str]
    basis_labels: Mapping[str, str]
    basis_descriptions: Mapping[str, str]
    next_labels: Mapping[str, str]
    headings: Mapping[str, str]
    labels: Mapping[str, str]
    scope: Scope
    texts: Mapping[str, str]
    employer_topics: Mapping[str, str]
    registered: Registered
    registered_text: str
    question_index: Mapping[str, Question] = field(repr=False, compare=False)
    item_index: Mapping[str, EvidenceItem] = field(repr=False, compare=False)
    words: Words = field(default_factory=lambda: Words({}), repr=False, compare=False)
    # Which body speaks for each profession, and the items whose reasons it joins.
    profession_bodies: Mapping[str, ProfessionBody] = field(default_factory=dict)
    body_items: frozenset[str] = frozenset()

    def question(self, question_id: str) -> Question:
        """The question with this id."""
        return self.question_index[question_id]

    def item(self, item_id: str) -> EvidenceItem:
        """The evidence item with this id."""
        return self.item_index[item_id]

    def cited_sources(self) -> frozenset[str]:
        """The ids of the sources the rules themselves cite (items, notices, nations)."""
        cited = [item.sources for item in self.evidence]
        cited += [notice.sources for notice in self.notices]
        cited += [nation.sources for nation in self.nations.values()]
        cited += [body.sources for body in self.profession_bodies.values()]
        return frozenset(source for sources in cited for source in sources)

    def group_title(self, group_id: str) -> str:
        """The title of an evidence group."""
        return next(group.title for group in self.groups if group.id == group_id)
