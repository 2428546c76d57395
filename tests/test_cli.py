"""The command line: strict input (exit 2, one line on stderr, nothing on stdout), each
output format, and the interactive questions driven through stdin."""

from __future__ import annotations

import datetime
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assessment.cli import main
from assessment.reading.loader import load_rules
from tests.assessing import evaluate, markdown_of, text_of

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = ROOT / "tests" / "scenarios" / "wales-msk-physio-primary-care.json"
RULES = load_rules()


def run(argv: list[str], stdin: str = "", environ: dict[str, str] | None = None,
        ) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(argv, stdin=io.StringIO(stdin), stdout=out, stderr=err,
                  environ=environ or {})
    return status, out.getvalue(), err.getvalue()


def answers_file(tmp_path: Path, content: str | bytes, name: str = "answers.json") -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def scenario_answers(tmp_path: Path) -> tuple[Path, dict]:
    answers = json.loads(SCENARIO.read_text(encoding="utf-8"))["answers"]
    return answers_file(tmp_path, json.dumps(answers)), answers


# Bad input ------------------------------------------------------------------------------

BAD_INPUT = {
    "missing file": (None, None, "cannot read the answers file"),
    "empty file": ("", None, "not valid JSON"),
    "not JSON": ('{"nation": "wales",}', None, "not valid JSON"),
    "not UTF-8": (b'{"nation": "\xff"}', None, "not UTF-8"),
    "top level a list": ('["wales"]', None, "must be a JSON object, not a list"),
    "top level a string": ('"wales"', None, "must be a JSON object"),
    "unknown question": ('{"nation": "wales", "modality": ["ct"]}', "modality",
                         "unknown question"),
    "unknown option": ('{"modalities": ["xray", "pet"]}', "modalities", "unknown option 'pet'"),
    "unknown single option": ('{"nation": "france"}', "nation", "unknown option 'france'"),
    "list for a single-choice question": ('{"nation": ["wales"]}', "nation", "not a list"),
    "string for a multi-choice question": ('{"modalities": "ct"}', "modalities",
                                           "a list of option ids"),
    "number in a multi list": ('{"patients": [1]}', "patients", "the number 1"),
    "null": ('{"nation": null}', "nation", "null"),
    "null in a list": ('{"settings": [null]}', "settings", "null"),
    "boolean": ('{"competence": true}', "competence", "the boolean true"),
    "object": ('{"supervisor": {"id": "yes"}}', "supervisor", "an object"),
    "unasked question still checked": (
        '{"profession": "not-registered", "mri_safety": "maybe"}', "mri_safety",
        "unknown option 'maybe'"),
    "key given twice": ('{"nation": "wales", "nation": "england"}', "nation", "given twice"),
}


@pytest.mark.parametrize("case", list(BAD_INPUT), ids=list(BAD_INPUT))
def test_bad_input_exits_2_with_one_line_naming_file_and_key(case, tmp_path) -> None:
    content, key, message = BAD_INPUT[case]
    path = tmp_path / "nowhere.json" if content is None else answers_file(tmp_path, content)
    for output in ("json", "markdown", "text"):
        status, out, err = run(["--answers", str(path), "--format", output])
        assert status == 2
        assert out == ""
        assert err.endswith("\n") and err.count("\n") == 1, err
        assert f"{path}: " in err
        if key is not None:
            assert f"{path}: {key}: " in err, err
        assert message in err, err


def test_bad_input_through_the_real_entry_point(tmp_path) -> None:
    path = answers_file(tmp_path, '{"modalities": ["xray", "pet"]}')
    done = subprocess.run([sys.executable, "-m", "assessment", "--answers", str(path),
                           "--format", "json"], cwd=ROOT, capture_output=True, check=False)
    assert done.returncode == 2
    assert done.stdout == b""
    assert done.stderr.decode().splitlines() == [
        f"python -m assessment: error: {path}: modalities: unknown option 'pet'; the options "
        "are xray, ct, fluoroscopy, nuclear-medicine, dexa, ultrasound, mri"]


@pytest.mark.parametrize("argv", [["--format", "html"], ["--date", "20-01-2025"],
                                  ["--answers"], ["--colour"]])
def test_bad_arguments_exit_2_with_one_line(argv, capsys) -> None:
    with pytest.raises(SystemExit) as raised:
        main(argv, stdout=io.StringIO(), stderr=io.StringIO())
    assert raised.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "error:" in captured.err


# Each format ------------------------------------------------------------------------------


def test_json_format_prints_exactly_the_result(tmp_path) -> None:
    path, answers = scenario_answers(tmp_path)
    status, out, err = run(["--answers", str(path), "--format", "json"])
    assert status == 0 and err == ""
    assert json.loads(out) == evaluate(answers)
    assert out.endswith("}\n")


def test_markdown_format_with_date_and_site_url_from_the_environment(tmp_path) -> None:
    path, answers = scenario_answers(tmp_path)
    status, out, _ = run(["--answers", str(path), "--format", "markdown", "--date",
                          "2025-02-03"], environ={"SITE_URL": "https://example.org/x/"})
    assert status == 0
    assert out == markdown_of(answers, site_url="https://example.org/x/",
                                  today=datetime.date(2025, 2, 3))
    assert "(https://example.org/x/evidence/#mri-safety)" in out


def test_site_url_option_wins_over_the_environment(tmp_path) -> None:
    path, _ = scenario_answers(tmp_path)
    _, out, _ = run(["--answers", str(path), "--format", "markdown", "--site-url",
                     "https://guide.example/"], environ={"SITE_URL": "https://other.example/"})
    assert "https://guide.example/evidence/#audit" in out
    assert "other.example" not in out


def test_text_is_the_default_format(tmp_path) -> None:
    path, answers = scenario_answers(tmp_path)
    status, out, _ = run(["--answers", str(path), "--date", "2025-01-20"])
    assert status == 0
    assert out == text_of(answers, today=datetime.date(2025, 1, 20))
    assert out.startswith("IMAGING REFERRER ENTITLEMENT")


def test_blocked_result_exits_0(tmp_path) -> None:
    path = answers_file(tmp_path, '{"nation": "england", "profession": "not-registered"}')
    status, out, err = run(["--answers", str(path), "--format", "json"])
    assert status == 0 and err == ""
    assert json.loads(out)["outcome"] == "blocked"


def test_real_entry_point_prints_utf8_json(tmp_path) -> None:
    path, answers = scenario_answers(tmp_path)
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    done = subprocess.run([sys.executable, "-m", "assessment", "--answers", str(path),
                           "--format", "json"], cwd=ROOT, capture_output=True, check=False,
                          env={**env, "LC_ALL": "C", "PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.decode("utf-8")) == evaluate(answers)
    assert "“".encode() in done.stdout


# Interactive ------------------------------------------------------------------------------


def interactive(lines: list[str], *extra: str) -> tuple[int, str, str]:
    return run(["--format", "json", *extra], stdin="".join(f"{line}\n" for line in lines))


def test_interactive_asks_in_order_and_prints_the_result() -> None:
    lines = ["2", "physiotherapist", "advanced", "4", "other-organisation", "1, mri",
             "adults", "yes", "1", "current", "1", "1", "1", "1", "1", "1", "no"]
    status, out, err = interactive(lines)
    assert status == 0
    result = json.loads(out)
    expected = json.loads(SCENARIO.read_text(encoding="utf-8"))["expected"]
    assert result["outcome"] == expected["outcome"] == "gaps"
    assert {e["id"]: e["status"] for e in result["evidence"]} == expected["evidence"]
    assert err.count("Question ") == 17
    assert "Question 10: Have you done IR(ME)R training for referrers?" in err
    assert "Question 17: Have you done MRI safety training?" in err
    assert '"modalities": ["xray", "mri"]' in err  # the answers, to save for --answers


def test_invalid_answers_are_explained_and_asked_again() -> None:
    status, out, err = interactive(["0", "99", "wales, england", "scotland", "nurse"])
    assert status == 0
    assert "“0” is not one of the options: type a number from 1 to 4" in err
    assert "“99” is not one of the options" in err
    assert "Choose only one option for this question." in err
    assert err.count("Question 1: ") == 1
    assert json.loads(out)["context"]["inspectorate"].endswith("(HIS)")
    assert "Traceback" not in err


def test_conditional_questions_only_when_they_apply() -> None:
    skip_rest = [""] * 15
    status, _, err = interactive(["1", "nurse", "", "", "", "ultrasound", "adults", *skip_rest])
    assert status == 0
    assert "Question 15: Do you have a plan to audit" in err
    assert "End of input" not in err
    assert "IR(ME)R training for referrers?" not in err
    assert "MRI safety training?" not in err
    assert "Does that sign-off cover assessing children?" not in err
    _, _, err = interactive(["1", "nurse", "", "", "", "ct,mri", "2", *skip_rest])
    assert "Question 10: Have you done IR(ME)R training for referrers?" in err
    assert "Question 13: Does that sign-off cover assessing children?" in err
    assert "Question 18: Have you done MRI safety training?" in err
    assert "End of input" not in err
    _, _, err = interactive(["1", "not-registered"])
    assert "Question 3" not in err
    assert "End of input" not in err


def test_empty_line_skips_and_end_of_input_shows_the_result_so_far() -> None:
    status, out, err = interactive(["", "nurse", "enhanced"])
    assert status == 0
    result = json.loads(out)
    assert result["outcome"] == "incomplete"
    assert result["missing"][0] == "nation"
    assert "Skipped." in err
    assert "End of input: the remaining questions are left unanswered." in err


def test_not_registered_interactively_is_blocked() -> None:
    status, out, _ = interactive(["3", "21"])
    assert status == 0
    assert json.loads(out)["outcome"] == "blocked"


def test_ctrl_c_ends_cleanly_without_a_result() -> None:
    class Interrupting(io.StringIO):
        def readline(self, *args: object) -> str:
            raise KeyboardInterrupt

    out, err = io.StringIO(), io.StringIO()
    status = main([], stdin=Interrupting(), stdout=out, stderr=err, environ={})
    assert status == 130
    assert out.getvalue() == ""
    assert err.getvalue().endswith("Stopped: no result was printed.\n")


def test_interactive_text_output_by_default() -> None:
    status, out, _ = run([], stdin="1\nnot-registered\n")
    assert status == 0
    assert out.startswith("IMAGING REFERRER ENTITLEMENT")
    assert "Question" not in out  # the questions went to stderr


def test_help_says_the_terminal_words_for_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    """`--help` is the terminal words' `help.*` (one home for words): each text appears in it
    whole (argparse only re-wraps it), and each option has one."""
    words = load_rules().words
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    flowing = " ".join(capsys.readouterr().out.split())
    declared = [key for key in words.sections["terminal"] if key.startswith("help.")]
    assert len(declared) == 14
    for key in declared:
        assert " ".join(words.text("terminal", key).split()) in flowing, key
