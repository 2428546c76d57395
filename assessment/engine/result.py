"""The engine's result as typed records: what `evaluate.evaluate` returns.

Each entry carries the rules record it was worked out from (the evidence item, the
employer's requirement, the notice), so nothing downstream looks a record up again by id.
The specification's JSON object is made from these by `renderers.result_json`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.rules_model import (
    Employer,
    EvidenceItem,
    Nation,
    Notice,
    ProfessionBody,
    Requirement,
    Source,
)
from .answers import Settled


@dataclass(frozen=True)
class EvidenceEntry:
    """One applicable evidence item: its status and why it applies, the answers filled in
    (with the position of the body that speaks for the person's profession, `body`, where the
    item rests on one)."""

    item: EvidenceItem
    status: str
    why: tuple[str, ...]
    sources: tuple[Source, ...]
    body: ProfessionBody | None = None


@dataclass(frozen=True)
class LocalEntry:
    """One applicable requirement of the chosen employer's profile."""

    requirement: Requirement
    status: str
    why: tuple[str, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class NoticeEntry:
    """One notice shown for these answers, its placeholders filled in."""

    notice: Notice
    text: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Result:
    """The result for one set of settled answers (and an employer profile, if one is
    chosen): the outcome, the nation, the evidence, notices and missing questions, and the
    employer's applicable requirements (`local`; none when registration blocks)."""

    rules_version: str
    settled: Settled
    outcome: str
    nation: Nation | None
    evidence: tuple[EvidenceEntry, ...]
    notices: tuple[NoticeEntry, ...]
    missing: tuple[str, ...]
    employer: Employer | None
    employer_sources: tuple[Source, ...]
    local: tuple[LocalEntry, ...]
