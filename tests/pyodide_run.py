"""Running the scenario files inside Pyodide under Node (tests/node/run_scenarios.mjs), for the
parity and snapshot tests: the package's files are the build's own list
(hooks/assessment_page.py `package_files()`), sent to the script on stdin."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from hooks.assessment_page import package_files

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tests" / "node" / "run_scenarios.mjs"


def package_file_list() -> str:
    """The package's files as JSON: paths relative to the repository root."""
    return json.dumps([path.relative_to(ROOT).as_posix() for path in package_files()])


def run_scenarios(
    node: str, date: str, site_url: str, snapshot: str = "", stdlib: str = ""
) -> subprocess.CompletedProcess[bytes]:
    """Every scenario's outputs from one Pyodide start (see the script for the arguments)."""
    arguments = [str(ROOT), date, site_url, *([snapshot, stdlib] if stdlib else [])]
    return subprocess.run(
        [node, str(SCRIPT), *arguments],
        cwd=ROOT,
        input=package_file_list().encode(),
        capture_output=True,
        check=False,
        timeout=300,
    )
