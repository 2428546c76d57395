"""The build's Pyodide memory snapshot and standard-library subset: restored in Node from the
built site, with nothing written to its file system (as the browser's worker restores it), and
started plainly with the same subset (the fallback), Pyodide runs every scenario, and the
worker's own two calls, to the same bytes as CPython: nothing the engine needs is missing."""

from __future__ import annotations

import datetime
import hashlib
import json
import shutil
from pathlib import Path

import pytest

from assessment.reading.loader import load_rules
from assessment.renderers.result_json import json_document
from assessment.web import page_view, take_away
from hooks.assessment_page import package_archive
from hooks.pyodide_runtime import PACKAGE_DIR, pyodide_version
from hooks.snapshot import checked_heap, make_snapshot
from tests.assessing import evaluate, markdown_of, text_of
from tests.pyodide_run import run_scenarios

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = sorted((ROOT / "tests" / "scenarios").glob("*.json"))
DATE = "2025-01-20"

pytestmark = pytest.mark.node


@pytest.fixture(scope="module", params=["snapshot", "plain"])
def snapshot_outputs(request: pytest.FixtureRequest, built_site: Path) -> dict:
    """Every scenario's outputs from one start with the site's standard-library subset: from
    the snapshot (nothing written), and plainly with the package's files (the fallback)."""
    node = shutil.which("node")
    assert node, "node is not on PATH: the snapshot is made and checked with Node.js 20+"
    folder = built_site / "assets" / "py"
    (snapshot,) = folder.glob("assessment-*.snapshot")
    (stdlib,) = folder.glob("python-stdlib-*.zip")
    start = str(snapshot) if request.param == "snapshot" else ""
    done = run_scenarios(node, DATE, "", start, str(stdlib))
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    return json.loads(done.stdout.decode("utf-8"))


def test_the_snapshot_carries_the_package_and_the_rules(snapshot_outputs: dict) -> None:
    assert snapshot_outputs["python"].startswith("3.14.")
    assert snapshot_outputs["rules_version"] == load_rules().version
    assert sorted(snapshot_outputs["outputs"]) == [path.stem for path in SCENARIOS]


@pytest.fixture(scope="module")
def cpython_outputs() -> dict[str, dict[str, str]]:
    """What CPython gives for every scenario, computed once for both starts."""
    today = datetime.date.fromisoformat(DATE)
    outputs = {}
    for path in SCENARIOS:
        answers = json.loads(path.read_text(encoding="utf-8"))["answers"]
        result = evaluate(answers)
        outputs[path.stem] = {
            "json": json_document(result),
            "markdown": markdown_of(answers, today=today),
            "text": text_of(answers, today=today),
            "view": page_view(json.dumps(answers), DATE),
            "take_away": take_away(json.dumps(answers), DATE),
        }
    return outputs


@pytest.mark.parametrize("path", SCENARIOS, ids=[path.stem for path in SCENARIOS])
def test_the_snapshot_gives_cpythons_output(
    path: Path, snapshot_outputs: dict, cpython_outputs: dict
) -> None:
    expected = cpython_outputs[path.stem]
    for output, text in expected.items():
        assert snapshot_outputs["outputs"][path.stem][output] == text, output


def test_the_snapshot_name_changes_with_its_content(built_site: Path) -> None:
    (snapshot,) = (built_site / "assets" / "py").glob("assessment-*.snapshot")
    digest = hashlib.sha256(snapshot.read_bytes()).hexdigest()[:12]
    assert snapshot.name == f"assessment-{digest}.snapshot"


def test_the_builds_snapshot_fits_the_heap_it_is_restored_into(built_site: Path) -> None:
    """The snapshot the site serves is the one the build checked (from its cache), and it has
    spare room: the heap's bytes above the allocator's top."""
    _stdlib, snapshot, heap_record = make_snapshot(package_archive(), pyodide_version())
    (served,) = (built_site / "assets" / "py").glob("assessment-*.snapshot")
    assert served.read_bytes() == snapshot
    heap = checked_heap(snapshot, heap_record, (PACKAGE_DIR / "pyodide.asm.wasm").read_bytes())
    assert 0 < heap.headroom < heap.restorable_bytes
    assert heap.snapshot_bytes == heap.restorable_bytes
