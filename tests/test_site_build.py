"""The strict build: the site builds, and self-hosts exactly the Pyodide files a browser needs."""

from __future__ import annotations

import itertools
import json
import re
import zipfile
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from hooks import pyodide_runtime

ROOT = Path(__file__).resolve().parent.parent


def test_runtime_is_copied_under_a_versioned_path(built_site: Path) -> None:
    version = json.loads((ROOT / "node_modules/pyodide/package.json").read_text())["version"]
    runtime = built_site / "pyodide" / version
    served = sorted(p.name for p in runtime.iterdir() if p.suffix not in {".gz", ".br"})
    assert served == sorted(pyodide_runtime.RUNTIME_FILES)
    for name in pyodide_runtime.RUNTIME_FILES:
        assert (runtime / name).read_bytes() == (ROOT / "node_modules/pyodide" / name).read_bytes()


def test_the_pinned_pyodide_is_the_one_installed() -> None:
    wanted = json.loads((ROOT / "package.json").read_text())["dependencies"]["pyodide"]
    assert pyodide_runtime.pyodide_version() == wanted == "314.0.7"


def test_build_fails_clearly_when_the_runtime_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pyodide_runtime, "PACKAGE_DIR", tmp_path / "node_modules" / "pyodide")
    with pytest.raises(PluginError, match=r"Pyodide is not installed: .* Run `npm ci`"):
        pyodide_runtime.on_config(config=None)  # type: ignore[arg-type]


def test_build_fails_naming_a_missing_runtime_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "pyodide"
    fake.mkdir()
    (fake / "package.json").write_text('{"version": "314.0.7"}')
    for name in pyodide_runtime.RUNTIME_FILES[:-1]:
        (fake / name).write_bytes(b"x")
    monkeypatch.setattr(pyodide_runtime, "PACKAGE_DIR", fake)
    with pytest.raises(PluginError, match=r"pyodide-lock\.json"):
        pyodide_runtime.on_config(config=None)  # type: ignore[arg-type]


def test_the_engine_is_packaged_as_a_plain_archive(built_site: Path) -> None:
    archives = list((built_site / "assets" / "py").glob("assessment-*.zip"))
    assert len(archives) == 1
    names = zipfile.ZipFile(archives[0]).namelist()
    assert "assessment/__init__.py" in names
    assert not [name for name in names if "__pycache__" in name]


def test_the_page_carries_the_snapshots_transfer_profile(built_site: Path) -> None:
    """The worker's pace estimate reads the share of the download from this: one entry per
    MiB boundary, rising from 0 to 10,000, and weighted by how each MiB compresses (the
    MiBs of zeros in the heap weigh next to nothing, the dense first MiB a lot)."""
    (snapshot,) = (built_site / "assets" / "py").glob("assessment-*.snapshot")
    page = (built_site / "assessment" / "index.html").read_text(encoding="utf-8")
    found = re.search(r'data-snapshot-profile="([0-9,]+)"', page)
    assert found, "the boot tag has no data-snapshot-profile"
    profile = [int(part) for part in found.group(1).split(",")]
    size = snapshot.stat().st_size
    assert len(profile) == -(-size // 2**20) + 1
    assert profile[0] == 0 and profile[-1] == 10_000
    assert profile == sorted(profile)
    steps = [after - before for before, after in itertools.pairwise(profile)]
    assert min(steps) < 10, steps  # a MiB of zeros weighs next to nothing
    assert max(steps) > 500, steps  # a dense MiB weighs a lot


def test_no_web_fonts_or_cdn_in_any_page(built_site: Path) -> None:
    for html in built_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for host in ("fonts.googleapis", "fonts.gstatic", "cdn.jsdelivr", "unpkg.com", "cdnjs"):
            assert host not in text, f"{html.relative_to(built_site)} mentions {host}"


def test_the_site_serves_only_the_part_of_the_standard_library_it_uses(built_site: Path) -> None:
    version = pyodide_runtime.pyodide_version()
    assert not (built_site / "pyodide" / version / pyodide_runtime.WHOLE_STDLIB).exists()
    (subset,) = (built_site / "assets" / "py").glob("python-stdlib-*.zip")
    whole_path = pyodide_runtime.PACKAGE_DIR / pyodide_runtime.WHOLE_STDLIB
    whole = zipfile.ZipFile(whole_path)
    part = zipfile.ZipFile(subset)
    names = part.namelist()
    assert {"json/__init__.py", "tomllib/__init__.py", "traceback.py"} <= set(names)
    assert len(names) < len(whole.namelist()) / 2
    assert subset.stat().st_size < 0.4 * whole_path.stat().st_size
    for name in names:  # copies of Pyodide's own files, nothing else
        assert part.read(name) == whole.read(name), name
    page = (built_site / "assessment" / "index.html").read_text(encoding="utf-8")
    assert f'data-stdlib-url="../assets/py/{subset.name}"' in page
