"""What a reviewer's decision may name for one review view: its scope rows' identities
(`<modality>:<patient group>`) and its applicable items' ids (national and the employer's),
for `model.decision.read_decision`."""

from __future__ import annotations

from .result_view import ResultView

__all__ = ["decision_keys"]


def decision_keys(view: ResultView) -> tuple[list[str], list[str]]:
    """(scope row ids, item ids) of `view`, in the order the record prints them."""
    rows = [str(row["id"]) for row in view.scope.rows] if view.scope else []
    items = [item.id for _, members in view.groups for item in members]
    if view.employer is not None:
        items += [item.id for item in view.employer.items]
    return rows, items
