"""Every built page passes html-validate (pinned in package.json) with the recommended rules,
less only what the theme's own markup forces, each change justified in .htmlvalidate.mjs."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VALIDATOR = ROOT / "node_modules" / ".bin" / "html-validate"
CONFIG = ROOT / ".htmlvalidate.mjs"


def validate(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the pinned html-validate with the project's configuration."""
    assert VALIDATOR.exists(), "html-validate is missing: run `npm ci` (or `make setup`)"
    return subprocess.run(
        [str(VALIDATOR), "--config", str(CONFIG), "--formatter", "text", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def test_every_built_page_is_valid_html(built_site: Path) -> None:
    pages = sorted(str(path) for path in built_site.rglob("*.html"))
    assert len(pages) >= 20
    result = validate(*pages)
    assert result.returncode == 0, f"html-validate found problems:\n{result.stdout}{result.stderr}"


def test_the_validator_still_catches_mistakes_in_our_kind_of_markup() -> None:
    """The configuration must not switch the checks off: a broken page fails."""
    broken = (
        "<!doctype html>\n<html lang='en'><head><title>x</title></head><body>"
        '<main><p id="a">one</p><p id="a">two</p><span tabindex="x">y</span>'
        '<form><input type="text" name="q" aria-label="A"><input type="text" name="q"'
        ' aria-label="B"></form></main></body></html>\n'
    )
    result = validate("--stdin", stdin=broken)
    assert result.returncode != 0
    for rule in ("no-dup-id", "attribute-allowed-values", "form-dup-name", "attr-quotes"):
        assert rule in result.stdout, rule


def test_each_rule_the_configuration_changes_is_justified_in_a_comment() -> None:
    lines = CONFIG.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "rules: {")
    changed = [
        (index, line)
        for index, line in enumerate(lines[start + 1 :], start + 1)
        if re.match(r'\s*"[\w/-]+":', line)
    ]
    assert changed, "no rule changes found: update this test if the format changed"
    for index, line in changed:
        assert lines[index - 1].strip().startswith("//"), f"no justification above: {line}"
