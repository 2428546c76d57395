"""The page scripts print only the words the build writes into their page (words.js), and the
page and review sections of the words data hold no sentence that no page prints: every key a
script asks for (`say("key")`) is in its page's words, and every key of the two sections is
printed by a template or asked for by a script. The Python worker says only the words the
boot script passes it (the page words' `worker.*`), and the inline boot script none of its
own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assessment.reading.loader import load_rules
from hooks.page_scripts import BOOT_SCRIPT, modules_of
from hooks.review_page import script_words

ROOT = Path(__file__).resolve().parent.parent
OVERRIDES = ROOT / "overrides"
RULES = load_rules()
PAGES = {
    "assets/js/assessment.js": RULES.words.section("page"),
    "assets/js/review.js": script_words(),
    # The worker (on both pages) is given the page words' worker.* in its start message.
    "assets/js/assessment-worker.mjs": {
        key: text for key, text in RULES.words.section("page").items()
        if key.startswith("worker.")},
}
SAY = re.compile(r"\bsay\(([^()]*(?:\([^()]*\)[^()]*)*)\)")
KEY = re.compile(r"""["'`]([a-z][\w-]*(?:\.[\w-]+)*)(\.\$\{)?""")
TEMPLATE_KEY = re.compile(r"\b(?:words|boot_words)\.([\w.]+)(\[)?")


def asked_keys(source: str) -> tuple[set[str], set[str]]:
    """The keys a script's say() calls name, and the prefixes of those it builds
    (`say(`stages.${stage}`)` asks for some key under `stages.`)."""
    keys: set[str] = set()
    prefixes: set[str] = set()
    for call in SAY.finditer(source):
        for key, built in KEY.findall(call.group(1)):
            if built:
                prefixes.add(key + ".")
            elif "." in key:
                keys.add(key)
    return keys, prefixes


def scripts_of(entry: str) -> list[str]:
    return [entry, *modules_of(entry)]


@pytest.mark.parametrize("entry", sorted(PAGES))
def test_every_word_a_page_script_asks_for_is_in_its_page(entry: str) -> None:
    words = PAGES[entry]
    asked_any = False
    for script in scripts_of(entry):
        keys, prefixes = asked_keys((OVERRIDES / script).read_text(encoding="utf-8"))
        asked_any = asked_any or bool(keys)
        missing = sorted(keys - set(words))
        assert not missing, f"{script} asks for words its page does not have: {missing}"
        for prefix in prefixes:
            assert any(key.startswith(prefix) for key in words), f"{script}: {prefix}*"
    assert asked_any, "no say() call found: update this test if the scripts changed"


def test_no_page_script_holds_a_sentence_of_its_own() -> None:
    """A string literal with a space and a full stop, or starting with a capital and holding
    a space, is a sentence a person would read: it belongs in the words data. (Words joined
    with punctuation, `${label}: ${count}.`, are not: they hold no word of their own.)"""
    sentence = re.compile(r"""(["'`])((?:[A-Z][a-z]+ [^"'`]*)|(?:[^"'`]* [^"'`]*\. ?))\1""")
    found = []
    for entry in [*PAGES, BOOT_SCRIPT]:
        for script in scripts_of(entry):
            for number, line in enumerate((OVERRIDES / script).read_text().splitlines(), 1):
                code = line.split("//", 1)[0]
                if code.strip().startswith("throw new Error"):
                    continue  # a mistake in the scripts themselves, for their developer
                found += [f"{script}:{number}: {m.group(2)}" for m in sentence.finditer(code)
                          if re.search(r"[A-Za-z]{2}", re.sub(r"\$\{[^}]*\}", "", m.group(2)))]
    assert not found, "sentences in a page script:\n" + "\n".join(found)


@pytest.mark.parametrize("section", ["page", "review"])
def test_every_word_of_the_page_sections_is_printed_somewhere(section: str) -> None:
    printed: set[str] = set()
    tables: set[str] = set()
    for template in (OVERRIDES / "partials").rglob("*.html"):
        for key, indexed in TEMPLATE_KEY.findall(template.read_text(encoding="utf-8")):
            printed.add(key)
            if indexed:
                tables.add(key + ".")
    for entry in PAGES:
        for script in scripts_of(entry):
            keys, prefixes = asked_keys((OVERRIDES / script).read_text(encoding="utf-8"))
            printed |= keys
            tables |= prefixes
    printed |= {f"boot.{key}" for key in ("worker_stopped", "no_answers")
                if f"boot_words.{key}" in (OVERRIDES / "partials/python/boot.html").read_text()}
    # Python says some page words too (the review page's notes on a link: assessment/web.py,
    # views/review_link.py): a key, or a table's prefix, as a literal in a module that reads
    # the page section.
    for module in [*(ROOT / "assessment").rglob("*.py"), *(ROOT / "hooks").glob("*.py")]:
        source = module.read_text(encoding="utf-8")
        if '"page"' not in source:
            continue
        for literal in re.findall(r"""["']([a-z][\w.-]*)["']""", source):
            if literal.endswith("."):
                tables.add(literal)
            else:
                printed.add(literal)
    words = RULES.words.section(section)
    unused = [key for key in words
              if key not in printed and not any(key.startswith(table) for table in tables)]
    assert not unused, f"{section} words no page prints: {unused}"


def test_the_worker_says_only_the_words_it_is_given() -> None:
    """Each error the worker makes is said by say() from its words, and its only string
    literals with spaces are code: the Pyodide warning it watches for and Python source."""
    worker = OVERRIDES / "assets/js/assessment-worker.mjs"
    code = "\n".join(line.split("//", 1)[0] for line in worker.read_text().splitlines())
    made = re.findall(r"new (?:Error|BadSnapshot|SlowLink)\((.*?)\)[;)]", code)
    assert len(made) >= 10, made
    assert [text for text in made if not text.startswith("say(")] == []
    literals = re.findall(r"""(["'`])((?:(?!\1).)*)\1""", code)
    spaced = {text for _, text in literals if re.search(r"[A-Za-z]{2,} [A-Za-z]{2,}", text)}
    assert spaced == {"wasm instantiation failed", "import sys; sys.version.split()[0]",
                      "import sys\\nif '/home/pyodide/app' not in sys.path: "
                      "sys.path.insert(0, '/home/pyodide/app')"}, spaced
