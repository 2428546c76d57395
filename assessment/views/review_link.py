"""The review link: the share link's answers for the person who decides the application,
with the application's id and the scope detail the applicant typed.

    review/#<answers>[&employer=<id>]&app=<application id>[&scope=<scope detail>]

(the specification's "Hand-over" in assessment.md). The page's script writes the same text
(overrides/assets/js/assessment-review-link.js, `encodeScope` and `reviewFragment`); this
module is the one encoder and decoder in Python, for the pack (which prints the link) and
the review page (which reads it).

The `scope=` encoding, without compression, the same text for the same detail:
- one part per scope row that has any detail, in the order of the scope table, joined by
  `,`;
- a part is the row's identity and its three fields, joined by `:`: the kind of imaging's
  option id, the patient group's option id, then the body areas, the clinical indications
  and the exclusions (an empty field stays empty: `xray:adults:knee%20and%20ankle::`);
- each of the five is percent-encoded as JavaScript's `encodeURIComponent` does it (UTF-8,
  upper-case hex), so a `,`, `:`, `&`, `=` or `%` in the typed text never reads as a
  separator, and the link stays URL-safe.
Reading it is forgiving, as for a share link: a part that is not five fields, whose
percent-encoding does not decode, whose field is over 200 characters, whose identity is not
a row of the table or that names a row again is dropped (with a `ScopeProblem` to say so)
and the rest is kept.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from ..model.details import DETAIL_FIELDS, MAX_FIELD, RowDetail, clean, is_app_id
from ..model.rules_model import Rules
from .share_link import encode_component

__all__ = ["MAX_REVIEW_FRAGMENT", "REVIEW_PATH", "ScopeProblem", "decode_scope",
           "encode_scope", "review_fragment", "review_url", "row_label", "scope_note"]

REVIEW_PATH = "review/"
# The review page reads a fragment (the text after `#`) of at most this many characters.
MAX_REVIEW_FRAGMENT = 8000

_PERCENT = re.compile(r"%([0-9A-Fa-f]{2})")


@dataclass(frozen=True)
class ScopeProblem:
    """A part of `scope=` that was dropped: its position (from 1), the row it names (or ""
    when it names none readable) and why (`malformed`, `too-long`, `not-a-row`, `again`)."""

    part: int
    row: str
    reason: str


def encode_scope(detail: Mapping[str, RowDetail], rows: Sequence[str]) -> str:
    """The `scope=` value for the detail of these table rows (identities, in table order);
    "" when no row has any. Rows with no detail and identities not in `rows` are left out."""
    parts = []
    for row in rows:
        typed = detail.get(row)
        if not typed:
            continue
        fields = [*row.split(":"), *(getattr(typed, name) for name in DETAIL_FIELDS)]
        parts.append(":".join(encode_component(text) for text in fields))
    return ",".join(parts)


def _decode_component(text: str) -> str | None:
    """`text` percent-decoded as `decodeURIComponent` does (a `+` read as a space, as the
    share link's reader does); None when it is not valid percent-encoded UTF-8."""
    if "%" in _PERCENT.sub("", text):
        return None
    text = text.replace("+", " ")
    raw = bytearray()
    position = 0
    for match in _PERCENT.finditer(text):
        raw += text[position:match.start()].encode("utf-8", "surrogatepass")
        raw.append(int(match.group(1), 16))
        position = match.end()
    raw += text[position:].encode("utf-8", "surrogatepass")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def decode_scope(text: str, rows: Collection[str] | None = None,
                 ) -> tuple[dict[str, RowDetail], tuple[ScopeProblem, ...]]:
    """The detail a `scope=` value carries, by row identity, and the parts dropped. With
    `rows` (the table's identities), a part naming another row is dropped too."""
    detail: dict[str, RowDetail] = {}
    problems: list[ScopeProblem] = []
    if not text:
        return detail, ()
    for number, part in enumerate(text.split(","), start=1):
        decoded = [_decode_component(piece) for piece in part.split(":")]
        if len(decoded) != 2 + len(DETAIL_FIELDS) or None in decoded:
            problems.append(ScopeProblem(number, "", "malformed"))
            continue
        fields = [clean(piece or "") for piece in decoded]
        row = ":".join(fields[:2])
        typed = fields[2:]
        if any(len(value) > MAX_FIELD for value in typed):
            problems.append(ScopeProblem(number, row, "too-long"))
        elif rows is not None and row not in rows:
            problems.append(ScopeProblem(number, row, "not-a-row"))
        elif row in detail:
            problems.append(ScopeProblem(number, row, "again"))
        else:
            detail[row] = RowDetail(**dict(zip(DETAIL_FIELDS, typed, strict=True)))
    return detail, tuple(problems)


def review_fragment(share_fragment: str, app: str, scope_text: str) -> tuple[str, bool]:
    """The review link's fragment (without `#`) from the share link's, the application's id
    (left out unless it is one) and the `scope=` value, and whether the scope detail was
    left out because the fragment would pass `MAX_REVIEW_FRAGMENT` characters."""
    parts = [share_fragment] if share_fragment else []
    if is_app_id(app):
        parts.append(f"app={app}")
    bare = "&".join(parts)
    if not scope_text:
        return bare, False
    full = f"{bare}&scope={scope_text}" if bare else f"scope={scope_text}"
    if len(full) > MAX_REVIEW_FRAGMENT:
        return bare, True
    return full, False


def review_url(site_url: str, fragment_text: str) -> str:
    """The review link's address: the site's root, `review/` and the fragment."""
    base = site_url.rstrip("/") + "/" + REVIEW_PATH
    return f"{base}#{fragment_text}" if fragment_text else base


def row_label(row: str, rules: Rules) -> str:
    """A row's identity as the scope table names it ("X-ray, Adults"); an option id the
    rules do not know stays as it is."""
    labels = []
    for column, option in zip(rules.scope.of_kind("row"), row.split(":"), strict=False):
        question = rules.question(str(column.question))
        labels.append(question.option(option).label if option in question.option_index
                      else option)
    return ", ".join(label for label in labels if label)


def scope_note(problem: ScopeProblem, rules: Rules) -> str:
    """The polite note for a dropped part of `scope=` (words/page.toml
    `handover.scope_note`)."""
    key = "handover.scope_note." + problem.reason.replace("-", "_")
    if problem.reason == "malformed":
        return rules.words.text("page", key, part=str(problem.part))
    return rules.words.text("page", key, row=row_label(problem.row, rules))
