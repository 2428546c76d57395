"""The share link: the answers (and the chosen employer) as the URL fragment the page writes.

The page (overrides/assets/js/link.js, `fragmentFor`) writes the fragment as the
person answers; this module writes the very same text in Python, so a document made from
the same answers (the Word application pack, the Markdown and text checklists) can link
back to the live result. The rules are the specification's ("Web page" in assessment.md,
and employers.md): keys in the order of the questions table, values in the order of the
options, literal commas between the values of a multi answer, only the questions that are
asked, every key and value URL-encoded as JavaScript's `encodeURIComponent` does it, and
`employer=<id>` after the questions' keys. The name and imaging provider a person may type
for a document are never part of it.

Standard library only, and not `urllib.parse.quote` either: the browser's standard-library
subset and memory snapshot hold only the modules the package imports (hooks/make_snapshot.mjs),
and in Pyodide's Python 3.14 `urllib.parse` imports `ipaddress` as well: 128 KB of source
(47 KB and 81 KB; 29 KB compressed in Pyodide's library, measured 3 December 2026) for what
the few lines below do, matching `encodeURIComponent` exactly.
"""

from __future__ import annotations

from ..engine.answers import Settled
from ..model.rules_model import Rules

__all__ = ["ASSESSMENT_PATH", "encode_component", "fragment_for", "result_url"]

ASSESSMENT_PATH = "assessment/"
# What encodeURIComponent leaves as it is: ASCII letters and digits and - _ . ! ~ * ' ( )
_UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                        b"-_.!~*'()")


def encode_component(text: str) -> str:
    """`text` URL-encoded exactly as JavaScript's `encodeURIComponent` encodes it: UTF-8
    bytes, upper-case hex, and the unreserved characters kept."""
    return "".join(chr(byte) if byte in _UNRESERVED else f"%{byte:02X}"
                   for byte in text.encode("utf-8", "surrogatepass"))


def fragment_for(settled: Settled, rules: Rules, employer: str | None = None) -> str:
    """The fragment (without `#`) for answers settled once (`answers.settled_answers`):
    only asked, answered questions, in the order of the questions table; a multi answer's
    values in the order of the options; then `employer=<id>` when an employer is chosen."""
    asked = set(settled.asked)
    parts = []
    for question in rules.questions:
        value = settled.answers.get(question.id)
        if question.id not in asked or not value:
            continue
        chosen = (value,) if isinstance(value, str) else tuple(value)
        values = [option.id for option in question.options if option.id in chosen]
        if values:
            parts.append(f"{encode_component(question.id)}="
                         + ",".join(encode_component(option) for option in values))
    if employer:
        parts.append(f"employer={encode_component(employer)}")
    return "&".join(parts)


def result_url(site_url: str, fragment_text: str) -> str:
    """The address of the live result: the site's root, `assessment/`, and the fragment
    (no `#` when there is nothing to put after it, as the page writes it)."""
    base = site_url.rstrip("/") + "/" + ASSESSMENT_PATH
    return f"{base}#{fragment_text}" if fragment_text else base
