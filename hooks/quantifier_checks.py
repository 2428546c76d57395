"""The build check against generalisations written by hand: no sentence of the pages
(docs/**/*.md), the rules and their words (assessment/rules/**/*.toml) or the employer
profiles (assessment/employers/*.toml) may say what employers, bodies or practitioners do
in general with a quantifier ("many", "most", "every", "all", "widely", "usually",
"typically", "employers expect"). What employers ask is said from the profiles data
(`hooks/employer_counts.py`) or by naming who says it. A sentence that needs such a word
(a statement of law, say) is listed, with its reason, in `quantifier_claims_allowed.toml`.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# Who a generalisation is about: employers and the organisations that entitle referrers,
# the bodies that state positions, and the practitioners and referrers themselves.
_SUBJECTS = (r"employers?|trusts?|boards?|providers?|organisations?|hospitals?|services?"
             r"|bod(?:y|ies)|colleges?|regulators?|societ(?:y|ies)|inspectorates?"
             r"|practitioners?|professionals?|professions?|clinicians?"
             r"|nurses?|physiotherapists?|radiographers?|pharmacists?")
# In an employer's own profile, its referrers and applicants are that employer's: "every
# non-medical referrer completes the training" states one employer's rule.
_PEOPLE = r"|referrers?|applicants?"
# "many employers", "most trusts", "every registered referrer", "all providers": a
# determiner with the subject at most three words after it ("every three years" is a
# frequency, not a claim about anyone) ...
_DETERMINED = r"\b(?:many|most|every|all)\b(?:\s+(?:of\s+)?[\w'’-]+){{0,3}}?\s+(?:{})\b"
# ... and an adverb that generalises, anywhere in a sentence about such a subject.
ADVERB = re.compile(r"\b(?:widely|usually|typically)\b", re.IGNORECASE)
EXPECT = re.compile(r"\bemployers\s+expect\b", re.IGNORECASE)
GENERATED = "page-meta:employers-asking"
ALLOWLIST_FILE = Path(__file__).resolve().parent / "quantifier_claims_allowed.toml"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(*\[])")


@dataclass(frozen=True)
class Sentence:
    """One sentence a person reads, and where it is written."""

    file: str
    line: int
    text: str


def _patterns(in_profile: bool) -> tuple[re.Pattern[str], re.Pattern[str]]:
    subjects = _SUBJECTS if in_profile else _SUBJECTS + _PEOPLE
    return (re.compile(_DETERMINED.format(subjects), re.IGNORECASE),
            re.compile(rf"\b(?:{subjects})\b", re.IGNORECASE))


_PAGE, _PROFILE = _patterns(False), _patterns(True)


def generalises(sentence: str, in_profile: bool = False) -> bool:
    """Whether a sentence makes a quantified claim about employers, bodies or practitioners
    (in an employer's profile, its own referrers and applicants are not "in general")."""
    if GENERATED in sentence:
        return False
    determined, subject = _PROFILE if in_profile else _PAGE
    return bool(EXPECT.search(sentence) or determined.search(sentence)
                or (ADVERB.search(sentence) and subject.search(sentence)))


def _plain(markdown: str) -> str:
    """Markdown inline syntax reduced to the words a reader sees."""
    text = re.sub(r"<!--.*?-->", " ", markdown)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", text)
    text = re.sub(r"\{[#.][^}]*\}", "", text)
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"[*_`]+", "", text)


def _sentences(file: str, start: int, lines: list[str]) -> Iterator[Sentence]:
    """The sentences of one block of lines (a paragraph, list item or table cell)."""
    joined = ""
    starts: list[tuple[int, int]] = []
    for offset, text in enumerate(lines):
        starts.append((len(joined), start + offset))
        joined += _plain(text).strip() + " "
    position = 0
    for sentence in SENTENCE_END.split(joined):
        at = joined.find(sentence, position)
        position = at + len(sentence)
        number = max(line for begin, line in starts if begin <= max(at, 0))
        if sentence.strip():
            yield Sentence(file, number, " ".join(sentence.split()))


NEW_BLOCK = re.compile(r"\s*([-*+]|\d+\.)\s+|\s*#|\s*!!!|\s*\?\?\?|\s*\|")


def markdown_sentences(path: Path, name: str) -> Iterator[Sentence]:
    """The sentences of a page's body: not its front matter, code, comments or link
    definitions; each paragraph, list item and table cell on its own."""
    lines = path.read_text(encoding="utf-8").split("\n")
    number = 0
    if lines and lines[0].strip() == "---":
        number = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0) + 1
    block: list[str] = []
    block_start = number
    fenced = in_comment = False

    def flush() -> Iterator[Sentence]:
        if block:
            yield from _sentences(name, block_start + 1, block)
        block.clear()

    for index in range(number, len(lines)):
        line = lines[index]
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            fenced = not fenced
            yield from flush()
            continue
        if in_comment or (stripped.startswith("<!--") and "-->" not in stripped):
            in_comment = "-->" not in stripped
            yield from flush()
            continue
        if fenced or not stripped or re.match(r"\[[^\]]+\]:\s", stripped):
            yield from flush()
            continue
        if stripped.startswith("|"):
            yield from flush()
            for cell in stripped.strip("|").split("|"):
                if cell.strip() and not re.fullmatch(r"\s*:?-+:?\s*", cell):
                    yield from _sentences(name, index + 1, [cell])
            continue
        if NEW_BLOCK.match(line):
            yield from flush()
            block_start = index
        elif not block:
            block_start = index
        block.append(re.sub(r"^\s*([-*+]|\d+\.|#+|!!!\s*\w+|\?\?\?\s*\w+)\s*", "", line))
    yield from flush()


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def toml_sentences(path: Path, name: str) -> Iterator[Sentence]:
    """The sentences of every string in a TOML file, each with the line it starts on."""
    raw = path.read_text(encoding="utf-8")
    for value in _strings(tomllib.loads(raw)):
        if re.fullmatch(r"https?://\S+", value):
            continue
        probe = json.dumps(value.split("\n", 1)[0], ensure_ascii=False)[1:41]
        at = raw.find(probe) if probe else -1
        line = raw.count("\n", 0, at) + 1 if at >= 0 else 0
        for text in SENTENCE_END.split(" ".join(value.split())):
            if text.strip():
                yield Sentence(name, line, text)


def repository_sentences(root: Path) -> Iterator[Sentence]:
    """Every sentence of the pages, the rules and words, and the employer profiles."""
    for path in sorted((root / "docs").rglob("*.md")):
        yield from markdown_sentences(path, path.relative_to(root).as_posix())
    for folder in ("assessment/rules", "assessment/employers"):
        for path in sorted((root / folder).rglob("*.toml")):
            yield from toml_sentences(path, path.relative_to(root).as_posix())


def load_allowlist(path: Path = ALLOWLIST_FILE) -> dict[str, list[str]]:
    """File -> sentence beginnings allowed their quantifier (each entry says why)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    allowed: dict[str, list[str]] = {}
    for index, entry in enumerate(data.get("allowed", [])):
        if set(entry) != {"file", "starts", "why"} or not all(
                isinstance(value, str) and value.strip() for value in entry.values()):
            raise ValueError(f"{path.name}: allowed[{index}]: needs file, starts and why")
        allowed.setdefault(entry["file"], []).append(entry["starts"])
    return allowed


def quantified(sentences: Iterator[Sentence], allowed: dict[str, list[str]]) -> list[Sentence]:
    """The sentences that generalise with a quantifier and are not listed as allowed."""
    return [s for s in sentences
            if generalises(s.text, in_profile=s.file.startswith("assessment/employers/"))
            and not any(s.text.startswith(start) for start in allowed.get(s.file, []))]


def check_repository(root: Path, allowlist: Path = ALLOWLIST_FILE) -> None:
    """Fail, listing file, line and sentence, on every unlisted quantified generalisation."""
    found = quantified(repository_sentences(root), load_allowlist(allowlist))
    if found:
        listed = "\n".join(f"  {s.file}:{s.line}: {s.text}" for s in found)
        raise ValueError(
            f"{len(found)} sentence(s) say what employers, bodies or practitioners do in "
            "general with a quantifier (many, most, every, all, widely, usually, typically, "
            "employers expect). Say it from the profiles data (<!-- page-meta:employers-asking "
            "topic=… -->), name who says it, or list the sentence with its reason in "
            f"hooks/{ALLOWLIST_FILE.name}:\n{listed}")
