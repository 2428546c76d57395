"""The command line's error messages are the words' errors section (rules/words/errors.toml):
checked at load like the other sections, and what the readers say comes from that file,
not from the code (a changed text is said changed)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assessment.engine.answers import check_answers
from assessment.interactive import InvalidAnswerError, parse_answer
from assessment.model.decision import read_decision
from assessment.model.errors import AnswerError
from assessment.reading.details_reader import read_details
from assessment.reading.loader import RULES_DIR, RulesError, load_rules


def _rules_with(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the rules whose errors.toml has `old` replaced by `new`."""
    rules_dir = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules_dir)
    errors = rules_dir / "words" / "errors.toml"
    text = errors.read_text(encoding="utf-8")
    assert old in text
    errors.write_text(text.replace(old, new), encoding="utf-8")
    return rules_dir


def test_a_placeholder_left_out_of_an_error_fails_naming_file_and_key(tmp_path: Path) -> None:
    rules_dir = _rules_with(tmp_path, "unknown option {option}; the options are {options}",
                            "unknown option; the options are {options}")
    with pytest.raises(RulesError) as raised:
        load_rules(rules_dir)
    assert raised.value.file.endswith("words/errors.toml")
    assert raised.value.key == "answers.unknown_option"
    assert "{option}, {options}" in raised.value.message


def test_an_unknown_error_key_fails_at_load(tmp_path: Path) -> None:
    rules_dir = _rules_with(tmp_path, "[terminal]", "[terminal]\nshrug = \"Hm.\"")
    with pytest.raises(RulesError) as raised:
        load_rules(rules_dir)
    assert (raised.value.key, raised.value.message) == ("terminal.shrug", "unknown key")


@pytest.fixture
def reworded(tmp_path: Path):
    """Rules whose error texts for a bad option, a non-string detail, a date and a
    terminal answer are reworded."""
    rules_dir = _rules_with(tmp_path, 'unknown_option = "unknown option',
                            'unknown_option = "no such option')
    for old, new in (('string = "must be a string"', 'string = "wants text"'),
                     ('date = "must be a date as YYYY-MM-DD"', 'date = "wants a date"'),
                     ('one_only = "Choose only one', 'one_only = "Pick just one')):
        errors = rules_dir / "words" / "errors.toml"
        errors.write_text(errors.read_text(encoding="utf-8").replace(old, new),
                          encoding="utf-8")
    return load_rules(rules_dir)


def test_the_readers_say_what_the_errors_file_says(reworded) -> None:
    with pytest.raises(AnswerError, match=r"^nation: no such option 'france'; the options"):
        check_answers({"nation": "france"}, reworded)
    with pytest.raises(AnswerError, match=r"^name: wants text$"):
        read_details({"name": 3}, [], reworded.words)
    with pytest.raises(AnswerError, match=r"^review: wants a date$"):
        read_decision({"review": "soon"}, rows=[], items=[], strict=True,
                      words=reworded.words)
    with pytest.raises(InvalidAnswerError, match=r"^Pick just one option"):
        parse_answer(reworded.question("nation"), "1,2", reworded.words)


def test_a_forgiving_decision_needs_no_words_and_a_strict_one_does() -> None:
    assert read_decision({"review": "soon"}, rows=[], items=[], strict=False).review == ""
    with pytest.raises(TypeError):
        read_decision({}, rows=[], items=[], strict=True)
    assert load_rules().words.text("errors", "field.date") == "must be a date as YYYY-MM-DD"
