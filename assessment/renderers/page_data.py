"""The result view as the page's and the review page's data: plain dicts and lists that the
worker hands to the page scripts as JSON (`page_data`, `review_data`)."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping
from typing import Any

from ..views.result_view import ResultView
from .checklists import employer_counts_line

__all__ = ["announcement", "page_data", "plain", "review_data"]


@functools.cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(kind)
                 if field.metadata.get("plain", True))


def plain(value: Any) -> Any:
    """A tree of dataclasses as plain dicts and lists, ready for JSON (a field marked
    `metadata={"plain": False}`, the engine's result under the view, is left out).

    The same shape as `dataclasses.asdict`, made for speed: asdict deep-copies every leaf and
    took two thirds of each answer change's time in Python.
    """
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: plain(getattr(value, name)) for name in _field_names(type(value))}
    return value


def announcement(view: ResultView) -> str:
    """A short spoken summary of a new result: the outcome and the counts, never the list."""
    counts = ", ".join(f"{count} {label.lower()}" for label, count in view.counts)
    return view.said("checklist.announcement", sentence=view.outcome_sentence,
                     counts=counts).strip()


def page_data(view: ResultView) -> dict[str, Any]:
    """Everything the page shows for a result view (its links relative to the site root):
    the rules version, the asked questions, the view itself (`result_view`, with the
    employer's requirements in `employer`) and the announcement."""
    return {
        "rules_version": view.rules_version,
        "asked": list(view.result.settled.asked),
        "result_view": plain(view),
        "announcement": announcement(view),
        # How many of the employer's requirements apply, in the checklists' words.
        "employer_counts": employer_counts_line(view, view.employer) if view.employer else "",
        # The labels of what a printed result carries to stand on its own: the name and
        # imaging provider typed, and the line that its statuses are self-declared.
        "handover": view.part("handover"),
    }


def review_data(view: ResultView) -> dict[str, Any]:
    """What the person deciding an application sees, from the reviewer's result view: every
    applicable item, national then the employer's, each with what to ask the applicant for
    or to confirm (the reviewer's voice; for the employer's items, its requirement), the
    applicant's own (self-declared) status, its sources and, where a public check exists,
    how to verify it; the draft scope of practice; and the outcome in words."""
    items: list[dict[str, Any]] = []
    for group, members in view.groups:
        items += [{
            "id": item.id, "kind": "national", "group": group, "title": item.title,
            "status": item.status, "status_label": item.status_label,
            "basis_label": item.basis_label, "ask": item.ask,
            "verify": item.verify, "verify_sources": plain(item.verify_sources),
            "refines": None, "sources": plain(item.sources), "guidance": item.guidance,
        } for item in members]
    if view.employer is not None:
        items += [{
            "id": local.id, "kind": "local", "group": view.employer.name,
            "title": local.title, "status": local.status,
            "status_label": local.status_label, "basis_label": None, "ask": local.asks,
            # The reviewer's own voice for the employer's requirement, with its sources.
            "verify": local.reviewer or None, "verify_sources": plain(local.sources),
            "refines": local.refines,
            "sources": plain(local.sources), "guidance": None,
        } for local in view.employer.items]
    return {
        "rules_version": view.rules_version,
        "date": view.date,
        "outcome": view.outcome,
        "outcome_label": view.outcome_label,
        "outcome_sentence": view.outcome_sentence,
        "answers": plain(view.answers),
        "missing": [question.text for question in view.missing],
        "employer": None if view.employer is None else {
            "id": view.employer.id, "name": view.employer.name,
            "note": view.employer.note, "apply_text": view.employer.apply_text,
            "provenance": view.employer.provenance, "checked": view.employer.checked,
        },
        "items": items,
        "scope": plain(view.scope),
    }
