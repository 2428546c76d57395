"""Keyboard users reach the first use of each abbreviation on a page, so its expansion shows
on focus as well as on hover; in print that first use is spelled out (print.css), unless the
text spells it out right there ("CPD (continuing professional development)", or the words
followed by "(CPD)"), which would print the expansion twice."""

from __future__ import annotations

import re

_ABBR_OR_LINK = re.compile(r"<a\b[^>]*>|</a>|<abbr\b([^>]*)>([^<]*)</abbr>")
_TITLE = re.compile(r'title="([^"]*)"')
_TAGS = re.compile(r"<[^>]+>")


def spelled_out(html: str, start: int, end: int, expansion: str) -> bool:
    """Whether the text beside the abbreviation at html[start:end] already spells it out:
    "(expansion)" right after it, or "expansion (" right before it."""
    after = _TAGS.sub("", html[end : end + len(expansion) + 80]).lstrip()
    before = _TAGS.sub("", html[max(0, start - len(expansion) - 80) : start]).rstrip()
    wanted = expansion.casefold()
    return (after.casefold().startswith(f"({wanted}")
            or before.casefold().endswith(f"{wanted} ("))


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
        title = _TITLE.search(match.group(1))
        classes = "abbr-first"
        if title and spelled_out(html, match.start(), match.end(), title.group(1)):
            classes += " abbr-spelled-out"
        out.append(html[last : match.start()])
        out.append(f'<abbr{match.group(1)} tabindex="0" class="{classes}">{text}</abbr>')
        last = match.end()
    out.append(html[last:])
    return "".join(out)
