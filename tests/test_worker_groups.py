"""`make test` shares the suite between pytest-xdist's workers with `--dist loadgroup`, and
relies on it to keep together the tests that read one costly fixture (the crawl of every
page, a module's Pyodide run): tests/conftest.py marks them `xdist_group` while collecting.
pytest 9.2.0 silently broke that with pytest-xdist 3.8.0 (pytest-xdist#1386: the group is
written into a node id field pytest no longer reads), and the crawl of all 36 pages then ran
on both workers. This runs a small suite the same way and checks each group stayed on one
worker, so a pin that breaks it again fails here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

CONFTEST = '''
import pytest

@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    for item in items:  # as tests/conftest.py does: a group from what the test reads
        if "shared" in item.fixturenames:
            item.add_marker(pytest.mark.xdist_group("shared"))

@pytest.fixture(scope="session")
def shared():
    return "computed once"
'''

TESTS = '''
import json, os, pathlib

def record(name):
    out = pathlib.Path(os.environ["WORKER_LOG"])
    with out.open("a") as log:
        log.write(json.dumps([name, os.environ["PYTEST_XDIST_WORKER"]]) + "\\n")
'''


def test_tests_of_one_group_run_on_one_worker(tmp_path: Path) -> None:
    suite = tmp_path / "suite"
    suite.mkdir()
    (suite / "conftest.py").write_text(CONFTEST, encoding="utf-8")
    body = TESTS + "".join(
        f"\ndef test_reads_{n}(shared):\n    record('group')\n"
        f"\ndef test_alone_{n}():\n    record('alone')\n"
        for n in range(8)
    )
    for module in ("test_a.py", "test_b.py"):
        (suite / module).write_text(body, encoding="utf-8")
    log = tmp_path / "workers.jsonl"
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-n", "2", "--dist", "loadgroup",
         "-p", "no:cacheprovider", str(suite)],
        cwd=suite, capture_output=True, text=True, check=False, timeout=120,
        env={**os.environ, "WORKER_LOG": str(log)},
    )
    assert run.returncode == 0, run.stdout + run.stderr
    ran = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    grouped = {worker for name, worker in ran if name == "group"}
    assert len([name for name, _ in ran if name == "group"]) == 16
    assert len(grouped) == 1, f"the group's 16 tests ran on {sorted(grouped)}"
    assert {worker for _, worker in ran} == {"gw0", "gw1"}  # two workers did take part
