"""Share links are read by hostile rules: the page's fragment parser against many generated
links (hypothesis), and a guard that no script of ours can insert HTML.

`parseFragment` is exported by overrides/assets/js/link.js, a module that imports
nothing, so it loads on a page without the self-assessment (and its import map); it says
what it could not read in the page's words, which words.js (another such module) fills in
from the same words data the build writes into the page. Each
hypothesis example is a batch of fragments parsed in one call, so thousands of links cost a
few seconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessment.reading.loader import load_rules
from tests.page_constants import MAX_FRAGMENT

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
RULES = load_rules()
CONTROLS = {
    question.id: {"multi": question.multi, "values": [option.id for option in question.options]}
    for question in RULES.questions
}
ALL_OPTIONS = sorted({value for c in CONTROLS.values() for value in c["values"]})

PARSE = """async ({ fragments, controls, script, wordsScript, words }) => {
    const url = new URL(script, document.baseURI).href;
    const { parseFragment } = await import(url);
    const { sayer } = await import(new URL(wordsScript, document.baseURI).href);
    const say = sayer(words);
    const map = new Map(Object.entries(controls));
    return fragments.map((fragment) => {
        try {
            const started = performance.now();
            const result = parseFragment(fragment, map, say);
            return { ok: true, ms: performance.now() - started, ...result };
        } catch (error) {
            return { ok: false, error: String(error) };
        }
    });
}"""


@pytest.fixture(scope="module")
def parser_page(browser: object, site_url: str, built_site: Path) -> Iterator[object]:
    """One page (the home page, which has no self-assessment) shared by every example, which
    knows where the built page script is (its name carries a hash of its content)."""
    context = browser.new_context()
    context.route(
        "**/*",
        lambda route: route.continue_()
        if route.request.url.startswith(site_url)
        else route.abort(),
    )
    page = context.new_page()
    page.goto(site_url)
    (script,) = (built_site / "assets" / "js").glob("link-[0-9a-f]*.js")
    (words,) = (built_site / "assets" / "js").glob("words-[0-9a-f]*.js")
    page.script_path = script.relative_to(built_site).as_posix()
    page.words_path = words.relative_to(built_site).as_posix()
    yield page
    context.close()


def parse(page: object, fragments: list[str]) -> list[dict]:
    return page.evaluate(PARSE, {
        "fragments": fragments, "controls": CONTROLS, "script": page.script_path,
        "wordsScript": page.words_path, "words": RULES.words.section("page"),
    })


# --- an independent reading of the spec's rules for links ------------------------------------


def js_decode(part: str) -> str | None:
    """decodeURIComponent after `+` -> space; None where JavaScript would throw."""
    text = part.replace("+", " ")
    if re.search(r"%(?![0-9A-Fa-f]{2})", text):
        return None
    try:
        # Each run of %XX escapes must be whole UTF-8; other characters stay as they are.
        return re.sub(
            r"(?:%[0-9A-Fa-f]{2})+",
            lambda run: bytes.fromhex(run.group(0).replace("%", "")).decode("utf-8"),
            text,
        )
    except UnicodeDecodeError:
        return None


def expected_answers(fragment: str) -> dict[str, str | list[str]]:
    """What a link must give: known keys and options only, the first occurrence of a key."""
    text = fragment.removeprefix("#")
    units = text.encode("utf-16-le", "surrogatepass")
    text = units[: MAX_FRAGMENT * 2].decode("utf-16-le", "surrogatepass")
    answers: dict[str, str | list[str]] = {}
    seen: set[str] = set()
    for pair in text.split("&"):
        if not pair:
            continue
        key_part, _, raw = pair.partition("=")
        key = js_decode(key_part)
        if key is None or key not in CONTROLS or key in seen:
            continue
        seen.add(key)
        control = CONTROLS[key]
        values = []
        for part in raw.split(","):
            value = js_decode(part)
            if value and value in control["values"] and value not in values:
                values.append(value)
        if not values or (not control["multi"] and len(values) > 1):
            continue
        answers[key] = (
            [v for v in control["values"] if v in values] if control["multi"] else values[0]
        )
    return answers


# --- hostile links -------------------------------------------------------------------------------

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "javascript:alert(1)",
    "__proto__",
    "constructor",
    "toString",
    "hasOwnProperty",
    "%",
    "%2",
    "%zz",
    "%E0%A4%A",
    "%FF",
    "%ED%A0%80",
    "%C0%AF",
    "%00",
    "\u202e",
    "💥",
    "",
]
known_key = st.sampled_from(sorted(CONTROLS))
any_key = st.one_of(
    known_key,
    known_key.map(lambda k: quote(k, safe="")),
    known_key.map(lambda k: k.upper()),
    st.sampled_from(PAYLOADS),
    st.text(max_size=12),
)
any_value = st.one_of(
    st.sampled_from(ALL_OPTIONS),
    st.sampled_from(ALL_OPTIONS).map(lambda v: quote(v, safe="")),
    st.sampled_from(ALL_OPTIONS).map(lambda v: v.replace("-", "+")),
    st.sampled_from(PAYLOADS),
    st.sampled_from(PAYLOADS).map(lambda v: quote(v, safe="")),
    st.text(max_size=12),
)
pair = st.one_of(
    st.tuples(any_key, st.lists(any_value, max_size=5)).map(
        lambda kv: f"{kv[0]}={','.join(kv[1])}"
    ),
    any_key,  # a key without "="
    st.just(""),  # an empty part ("&&")
    st.just("="),
)
fragment = st.one_of(
    st.tuples(st.sampled_from(["", "#"]), st.lists(pair, max_size=25)).map(
        lambda t: t[0] + "&".join(t[1])
    ),
    st.text(max_size=200),
    # Long links: past the limit, cut anywhere, even inside a %-escape.
    st.tuples(st.lists(pair, min_size=1, max_size=6), st.integers(30, 400)).map(
        lambda t: "&".join(t[0] * t[1])
    ),
)


def check(fragment_text: str, result: dict) -> None:
    assert result["ok"], f"parseFragment threw {result.get('error')} on {fragment_text[:200]!r}"
    answers = result["answers"]
    for key, value in answers.items():
        control = CONTROLS.get(key)
        assert control is not None, key
        if control["multi"]:
            assert isinstance(value, list) and value, (key, value)
            assert value == [v for v in control["values"] if v in value], "not in option order"
            assert len(set(value)) == len(value), "repeated value"
        else:
            assert isinstance(value, str) and value in control["values"], (key, value)
    assert all(isinstance(note, str) for note in result["notes"])
    assert answers == expected_answers(fragment_text), fragment_text[:300]
    assert result["present"] is bool(fragment_text.removeprefix("#"))


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(fragment, min_size=1, max_size=40))
def test_any_link_gives_only_known_answers_and_never_throws(
    parser_page: object, fragments: list[str]
) -> None:
    for text, result in zip(fragments, parse(parser_page, fragments), strict=True):
        check(text, result)


def test_hand_picked_hostile_links(parser_page: object) -> None:
    cases = {
        "nation=england&nation=wales": {"nation": "england"},
        "nation=pet&nation=england": {},  # the first occurrence counts, even unusable
        "modalities=mri,xray,mri,pet": {"modalities": ["xray", "mri"]},
        "practice_level=advanced,consultant": {},
        "practice_level=advanced,advanced": {"practice_level": "advanced"},
        "%6Eation=wales": {"nation": "wales"},
        "__proto__=england&constructor=x&nation=scotland": {"nation": "scotland"},
        "nation=%3Cscript%3Ealert(1)%3C/script%3E": {},
        "nation=%E0%A4%A&profession=nurse": {"profession": "nurse"},
        "%E0%A4%A=1&nation=wales": {"nation": "wales"},
        "profession=speech+and+language+therapist": {},
        "profession=other-registered&&&=&nation": {"profession": "other-registered"},
    }
    results = parse(parser_page, list(cases))
    for (text, wanted), result in zip(cases.items(), results, strict=True):
        check(text, result)
        assert result["answers"] == wanted, text
    notes = " ".join(results[7]["notes"])
    assert "<script>" in notes  # quoted back as text (the page puts notes in textContent)


def test_a_huge_link_is_cut_and_read_quickly(parser_page: object) -> None:
    """Performance is not asserted elsewhere; this only catches a parser that would hang."""
    huge = [
        "nation=england&" + "x=" + "%41" * 3_000_000,
        "&".join(["modalities=xray,ct"] * 400_000),
        "%" * 5_000_000,
        "nation=" + ",".join(["wales"] * 1_000_000),
    ]
    for text, result in zip(huge, parse(parser_page, huge), strict=True):
        check(text, result)
        assert result["ms"] < 1000, f"{result['ms']:.0f} ms for a {len(text)}-character link"
        assert any("too long" in note for note in result["notes"])


# --- no script of ours can insert markup ---------------------------------------------------------

SCRIPTS = sorted((ROOT / "overrides").rglob("*.js")) + sorted((ROOT / "overrides").rglob("*.mjs"))
MARKUP_SINKS = re.compile(
    r"\binnerHTML\b|\bouterHTML\b|\binsertAdjacentHTML\b|\bdocument\.write(?:ln)?\b"
    r"|\beval\s*\(|\bnew\s+Function\b|\bcreateContextualFragment\b|\bsetHTML\b"
    r"|\bsrcdoc\b|\bDOMParser\b|\bsetTimeout\s*\(\s*[\"'`]"
)


def test_our_scripts_never_insert_html_or_evaluate_strings() -> None:
    assert {path.name for path in SCRIPTS} >= {
        "assessment.js",
        "assessment-worker.mjs",
        "offline.js",
        "sw.js",
    }
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in SCRIPTS
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if MARKUP_SINKS.search(line) and not line.lstrip().startswith("//")
    ]
    assert not found, "a script inserts HTML or evaluates a string:\n" + "\n".join(found)
