"""The engine's result as the specification's JSON object (`result_object`) and document
(`render_json`), made from the typed records of `engine.result`."""

from __future__ import annotations

import json
import sys
from typing import Any

from ..engine.result import Result
from ..model.rules_model import Source

__all__ = ["json_document", "render_json", "result_object"]

C_ENCODER_INDENTS = sys.version_info >= (3, 14)


def _sources(sources: tuple[Source, ...]) -> list[dict[str, str]]:
    return [{"title": source.title, "url": source.url} for source in sources]


def result_object(result: Result) -> dict[str, Any]:
    """The result as the specification's JSON object: its keys in the specification's
    order, the evidence in the order of the rules, the employer's part when one is chosen."""
    nation = result.nation
    employer = result.employer
    return {
        "rules_version": result.rules_version,
        "outcome": result.outcome,
        "context": None if nation is None else {
            "regulation": nation.regulation, "inspectorate": nation.inspectorate,
            "framework": nation.framework},
        "evidence": [{
            "id": entry.item.id,
            "title": entry.item.title,
            "status": entry.status,
            "basis": entry.item.basis,
            "why": list(entry.why),
            "sources": _sources(entry.sources),
            "guidance": f"evidence/#{entry.item.id}",
        } for entry in result.evidence],
        "notices": [{"id": entry.notice.id, "text": entry.text,
                     "sources": _sources(entry.sources)} for entry in result.notices],
        "missing": list(result.missing),
        "employer": None if employer is None else {
            "id": employer.id,
            "name": employer.name,
            "nation": employer.nation,
            "checked": employer.checked.isoformat(),
            "sources": _sources(result.employer_sources),
        },
        "local": [{
            "id": entry.requirement.id,
            "title": entry.requirement.title,
            "status": entry.status,
            "refines": entry.requirement.refines,
            "why": list(entry.why),
            "sources": _sources(entry.sources),
        } for entry in result.local],
    }


def render_json(result: Result) -> str:
    """The result as the specification's JSON document (the command line's `--format
    json`): `json_document` of `result_object`."""
    return json_document(result_object(result))


def json_document(value: dict[str, Any]) -> str:
    """A JSON object as the result's document is written, ending in a newline: exactly
    ``json.dumps(value, indent=2, ensure_ascii=False)``.

    Before Python 3.14 the standard library indents in pure Python, which took most of an
    evaluation's time, so there `_dumps` writes the same text; from 3.14 (Pyodide's) the C
    encoder indents and is faster still. The tests hold the two to the same bytes.
    """
    if C_ENCODER_INDENTS:
        return json.dumps(value, indent=2, ensure_ascii=False) + "\n"
    return _dumps(value, "\n") + "\n"


def _dumps(value: object, newline: str) -> str:
    """JSON for the result's shapes (objects, lists, strings, numbers, booleans, null)."""
    kind = type(value)
    if isinstance(value, str):
        return _string(value)
    inner = newline + "  "
    if kind is dict:
        if not value:
            return "{}"
        members = [f"{_string(key)}: {_string(item) if type(item) is str else _dumps(item, inner)}"
                   for key, item in value.items()]  # type: ignore[attr-defined]
        return "{" + inner + ("," + inner).join(members) + newline + "}"
    if kind is list:
        if not value:
            return "[]"
        items = [_string(item) if type(item) is str else _dumps(item, inner)
                 for item in value]  # type: ignore[attr-defined]
        return "[" + inner + ("," + inner).join(items) + newline + "]"
    return json.dumps(value)


_string = json.encoder.encode_basestring  # what json.dumps uses with ensure_ascii=False


