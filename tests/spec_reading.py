"""The specification (shared/spec/assessment.md) read by hand, once, for every test that checks
the engine or the rules against it.

Two parts. First, the ids the specification fixes (questions and their options, evidence items
and their basis, notices, the ionising modalities), copied by hand: tests/test_rules.py pins
the rules data to them, and this is the only place they are written. Every other test takes
its ids from `load_rules()`. Second, the tables "asked when", "applies when", "held when",
"partial when" and "shown when" and the section "Evaluation, precisely", written here as plain
Python independently of the engine (which reads them from the rules data): `asked` and
`evaluation` are what the specification says the engine must answer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

# ------------------------------------------------------------------ the ids the spec fixes

# Question id: (multi, option ids), in the order of the questions table.
SPEC_QUESTIONS = {
    "nation": (False, ["england", "wales", "scotland", "northern-ireland"]),
    "profession": (False, [
        "nurse", "midwife", "nursing-associate", "physiotherapist", "paramedic", "radiographer",
        "podiatrist", "occupational-therapist", "orthoptist", "speech-and-language-therapist",
        "operating-department-practitioner", "prosthetist-orthotist", "dietitian",
        "clinical-scientist", "pharmacist", "osteopath", "chiropractor", "physician-associate",
        "anaesthesia-associate", "other-registered", "not-registered"]),
    "practice_level": (False, ["enhanced", "advanced", "consultant", "other"]),
    "settings": (True, ["emergency-urgent", "inpatient", "outpatient", "primary-care",
                        "community", "independent"]),
    "imaging_provider": (False, ["same-organisation", "other-organisation",
                                 "several-organisations"]),
    "modalities": (True, ["xray", "ct", "fluoroscopy", "nuclear-medicine", "dexa", "ultrasound",
                          "mri"]),
    "patients": (True, ["adults", "children"]),
    "scope_written": (False, ["yes", "draft", "no"]),
    "service_need": (False, ["yes", "partly", "no"]),
    "irmer_training": (False, ["current", "expired", "none"]),
    "education": (False, ["completed", "in-progress", "none"]),
    "competence": (False, ["yes", "no"]),
    "paediatric_competence": (False, ["yes", "no"]),
    "supervisor": (False, ["yes", "no", "independent"]),
    "results_plan": (False, ["yes", "no"]),
    "referral_guidelines": (False, ["yes", "no"]),
    "audit_plan": (False, ["yes", "no"]),
    "mri_safety": (False, ["yes", "no"]),
}
# Evidence id: basis, in the order of the evidence table (the specification of 1 December 2026:
# each-provider rests on law, paediatric-competence on local practice).
SPEC_EVIDENCE = {
    "registration": "law",
    "role-level": "national-guidance",
    "service-need": "national-guidance",
    "scope-of-practice": "law",
    "irmer-training": "local-practice",
    "education": "professional-body",
    "competence": "professional-body",
    "paediatric-competence": "local-practice",
    "supervisor": "local-practice",
    "results-management": "local-practice",
    "referral-criteria": "law",
    "pregnancy-enquiry": "law",
    "ct-contrast": "local-practice",
    "mri-safety": "local-practice",
    "non-ionising": "professional-body",
    "each-provider": "law",
    "audit": "local-practice",
}
SPEC_NOTICES = ["associate-position", "nursing-associate-position", "nation-context"]
OUTCOMES = ("ready", "gaps", "blocked", "incomplete")
STATUSES = ("held", "partial", "gap", "check", "unknown")
IONISING = ("xray", "ct", "fluoroscopy", "nuclear-medicine", "dexa")
NON_IONISING = ("ultrasound", "mri")


# ------------------------------------------------------------------ the tables, read by hand


class Reading:
    """The answers as "Evaluation, precisely" reads them: an answer counts only if its
    question is asked, an empty list is no answer, and repeated options count once."""

    def __init__(self, answers: Mapping[str, object]) -> None:
        self.answers = answers
        profession = answers.get("profession")
        self.registered = profession is not None and profession != "not-registered"

    def raw(self, question: str) -> object:
        """An answer as given, None if unanswered (an empty list is unanswered)."""
        value = self.answers.get(question)
        return (set(value) or None) if isinstance(value, list) else value

    def chosen(self, question: str) -> set[str]:
        """The options chosen for a multi question that is asked (empty if none)."""
        value = self.raw(question) if self.registered else None
        return value if isinstance(value, set) else set()

    def answer(self, question: str) -> object:
        """An answer that counts: None if unanswered or not asked."""
        return self.raw(question) if question in asked(self.answers) else None


# "asked when", by question (a question missing here is asked when registered).
ASKED_WHEN: dict[str, Callable[[Reading], bool]] = {
    "nation": lambda r: True,
    "profession": lambda r: True,
    "irmer_training": lambda r: r.registered and bool(r.chosen("modalities") & set(IONISING)),
    "paediatric_competence": lambda r: r.registered and "children" in r.chosen("patients"),
    "mri_safety": lambda r: r.registered and "mri" in r.chosen("modalities"),
}


def asked(answers: Mapping[str, object]) -> list[str]:
    """The questions the specification's "asked when" column asks, in table order."""
    reading = Reading(answers)
    return [question for question in SPEC_QUESTIONS
            if ASKED_WHEN.get(question, lambda r: r.registered)(reading)]


@dataclass(frozen=True)
class Item:
    """One row of the evidence table, for a registered person: when it applies, the question
    its status reads, and the options that make it held, partial or check (an item with
    `always_check` is never held: its status is `check`)."""

    applies: Callable[[Reading], bool]
    reads: str | None = None
    held: frozenset[str] = frozenset()
    partial: frozenset[str] = frozenset()
    check: frozenset[str] = frozenset()
    always_check: bool = False


def _registered(reading: Reading) -> bool:
    return reading.registered


def _ionising(reading: Reading) -> bool:
    return bool(reading.chosen("modalities") & set(IONISING))


def _has(question: str, option: str) -> Callable[[Reading], bool]:
    return lambda reading: option in reading.chosen(question)


def _is(question: str, *options: str) -> Callable[[Reading], bool]:
    return lambda reading: reading.answer(question) in options


YES = frozenset({"yes"})
# The evidence table but `registration` (held when registered, gap when not-registered,
# unknown while profession is unanswered), in its order.
ITEMS: dict[str, Item] = {
    "role-level": Item(_registered, "practice_level",
                       frozenset({"enhanced", "advanced", "consultant"}),
                       check=frozenset({"other"})),
    "service-need": Item(_registered, "service_need", YES, frozenset({"partly"})),
    "scope-of-practice": Item(_registered, "scope_written", YES, frozenset({"draft"})),
    "irmer-training": Item(_ionising, "irmer_training", frozenset({"current"}),
                           frozenset({"expired"})),
    "education": Item(_registered, "education", frozenset({"completed"}),
                      frozenset({"in-progress"})),
    "competence": Item(_registered, "competence", YES),
    "paediatric-competence": Item(_has("patients", "children"), "paediatric_competence", YES),
    "supervisor": Item(_registered, "supervisor", YES, check=frozenset({"independent"})),
    "results-management": Item(_registered, "results_plan", YES),
    "referral-criteria": Item(_registered, "referral_guidelines", YES),
    "pregnancy-enquiry": Item(_ionising, "referral_guidelines", YES),
    "ct-contrast": Item(_has("modalities", "ct"), "referral_guidelines", YES),
    "mri-safety": Item(_has("modalities", "mri"), "mri_safety", YES),
    "non-ionising": Item(lambda r: bool(r.chosen("modalities") & set(NON_IONISING)),
                         always_check=True),
    "each-provider": Item(_is("imaging_provider", "other-organisation", "several-organisations"),
                          always_check=True),
    "audit": Item(_registered, "audit_plan", YES),
}
# The items whose status can be `partial`, and those whose status can be `check`.
PARTIAL_ITEMS = {item for item, row in ITEMS.items() if row.partial}
CHECK_ITEMS = {item for item, row in ITEMS.items() if row.check or row.always_check}

# "shown when", by notice, in the notices table's order.
SHOWN_WHEN: dict[str, Callable[[Mapping[str, object]], bool]] = {
    "associate-position": lambda answers: answers.get("profession") in {
        "physician-associate", "anaesthesia-associate"},
    "nursing-associate-position": lambda answers: answers.get("profession") == "nursing-associate",
    "nation-context": lambda answers: bool(answers.get("nation")),
}


def status(reading: Reading, row: Item) -> str:
    """An applicable item's status, as "Evaluation, precisely" gives it."""
    if row.always_check:
        return "check"
    value = reading.answer(row.reads)
    if value is None:
        return "unknown"
    if value in row.held:
        return "held"
    if value in row.partial:
        return "partial"
    return "check" if value in row.check else "gap"


def evaluation(answers: Mapping[str, object]) -> tuple[str, list[tuple[str, str]], list[str],
                                                       list[str]]:
    """The outcome, (item, status) pairs, notices and missing questions, as the tables and
    "Evaluation, precisely" of the specification read."""
    reading = Reading(answers)
    profession = answers.get("profession")
    missing = [question for question in asked(answers) if reading.answer(question) is None]
    registration = "held" if reading.registered else (
        "unknown" if profession is None else "gap")
    rows = [("registration", registration)]
    if reading.registered:
        rows += [(item, status(reading, row)) for item, row in ITEMS.items()
                 if row.applies(reading)]
    notices = [notice for notice, shown in SHOWN_WHEN.items() if shown(answers)]
    found = {found for _, found in rows}
    if profession == "not-registered":
        outcome = "blocked"
    elif missing:
        outcome = "incomplete"
    else:
        outcome = "gaps" if found & {"gap", "partial"} else "ready"
    return outcome, rows, notices, missing
