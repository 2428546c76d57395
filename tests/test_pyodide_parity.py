"""Parity: the scenario files run inside Pyodide (CPython in WebAssembly, the interpreter the
browser uses, from the pinned npm package, under Node) give the same JSON, Markdown and text
as CPython, byte for byte. Skipped only when `node` or node_modules/pyodide is missing."""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path

import pytest

from assessment.reading.loader import load_rules
from assessment.renderers.result_json import json_document
from tests.assessing import evaluate, markdown_of, text_of
from tests.pyodide_run import run_scenarios

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = sorted((ROOT / "tests" / "scenarios").glob("*.json"))
DATE = "2025-01-20"
SITE_URL = "https://example.org/imaging-referrers/"

pytestmark = pytest.mark.node


@pytest.fixture(scope="module")
def pyodide_outputs() -> dict:
    """Every scenario's outputs from one Pyodide start."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not on PATH: the Pyodide parity test needs Node.js 20+")
    if not (ROOT / "node_modules" / "pyodide" / "pyodide.asm.wasm").is_file():
        pytest.skip("node_modules/pyodide is missing: run `npm ci` for the parity test")
    done = run_scenarios(node, DATE, SITE_URL)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return json.loads(done.stdout.decode("utf-8"))


def test_pyodide_runs_cpython_3_14_with_the_same_rules(pyodide_outputs) -> None:
    assert pyodide_outputs["python"].startswith("3.14.")
    assert pyodide_outputs["rules_version"] == load_rules().version
    assert sorted(pyodide_outputs["outputs"]) == [path.stem for path in SCENARIOS]


@pytest.mark.parametrize("path", SCENARIOS, ids=[path.stem for path in SCENARIOS])
def test_same_output_as_cpython_byte_for_byte(path: Path, pyodide_outputs) -> None:
    answers = json.loads(path.read_text(encoding="utf-8"))["answers"]
    result = evaluate(answers)
    today = datetime.date.fromisoformat(DATE)
    expected = {
        "json": json_document(result),
        "markdown": markdown_of(answers, site_url=SITE_URL, today=today),
        "text": text_of(answers, site_url=SITE_URL, today=today),
    }
    found = pyodide_outputs["outputs"][path.stem]
    for output, text in expected.items():
        assert found[output].encode("utf-8") == text.encode("utf-8"), output
