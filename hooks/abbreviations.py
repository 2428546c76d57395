"""Keyboard users reach the first use of each abbreviation on a page, so its expansion shows
on focus as well as on hover."""

from __future__ import annotations

import re

_ABBR_OR_LINK = re.compile(r"<a\b[^>]*>|</a>|<abbr\b([^>]*)>([^<]*)</abbr>")


def focusable_first_abbreviations(html: str) -> str:
    """Let keyboard users reach the first use of each abbreviation on a page.

    The theme shows an abbreviation's expansion as a tooltip on hover and on focus; an
    <abbr> is not focusable by default. Only the first use of each one (outside links, where
    a focusable element would nest inside another) gets tabindex="0", to keep tab stops few.
    """
    seen: set[str] = set()
    depth = 0
    out: list[str] = []
    last = 0
    for match in _ABBR_OR_LINK.finditer(html):
        token = match.group(0)
        if token.startswith("<a") and not token.startswith("<abbr"):
            depth += 1
            continue
        if token == "</a>":
            depth = max(0, depth - 1)
            continue
        text = match.group(2)
        if depth or text in seen or "title=" not in match.group(1):
            continue
        seen.add(text)
        out.append(html[last : match.start()])
        out.append(f'<abbr{match.group(1)} tabindex="0" class="abbr-first">{text}</abbr>')
        last = match.end()
    out.append(html[last:])
    return "".join(out)
