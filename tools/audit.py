"""`make audit`: Lighthouse (the pinned npm dev dependency) over the key pages of a built site,
in Debian's Chromium: the accessibility, best-practice and SEO scores of each page.

`python -m tools.audit SITE_DIR [--port N]` serves SITE_DIR on loopback as tools/serve.py
does and writes `audit-results/audit.md` and `audit.json`. Build the site with
SITE_URL=http://127.0.0.1:N/ first (`make audit` does), so that its canonical links and
preview tags point where it is served, as a published site's do. Scores are reported, never
asserted: the tests check what they measure one by one.
"""

from __future__ import annotations

import argparse
import functools
import json
import subprocess
import sys
import tempfile
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

from tools.chromium import CHROMIUM
from tools.serve import SiteHandler

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
KEY_PAGES = (
    "",
    "assessment/",
    "guidance/at-a-glance/",
    "evidence/",
    "employers/compared/",
    "employers/dorset-county-hospital/",
    "review/",
)
CATEGORIES = ("accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-sync"


def lighthouse(url: str, report: Path) -> dict[str, object]:
    """One Lighthouse run; the scores (0-100) and the failed audits' titles."""
    command = [
        str(LIGHTHOUSE), url, f"--chrome-path={CHROMIUM}", f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}", "--output=json",
        f"--output-path={report}", "--quiet", "--form-factor=desktop", "--screenEmulation.disabled",
    ]
    subprocess.run(command, check=True, timeout=300)
    found = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: round(found["categories"][name]["score"] * 100) for name in CATEGORIES}
    failed = sorted(
        audit["title"] for name in CATEGORIES
        for ref in found["categories"][name]["auditRefs"]
        if ref.get("weight", 0) > 0
        and (audit := found["audits"][ref["id"]]).get("score") is not None
        and audit["score"] < 1
    )
    return {"scores": scores, "failed": failed}


def markdown(results: dict[str, dict[str, object]]) -> str:
    lines = ["| page | accessibility | best practices | SEO | below full marks |",
             "|---|---|---|---|---|"]
    for page, result in results.items():
        scores = result["scores"]
        assert isinstance(scores, dict)
        failed = "; ".join(result["failed"]) or "none"  # type: ignore[arg-type]
        lines.append(f"| /{page} | {scores['accessibility']} | {scores['best-practices']} | "
                     f"{scores['seo']} | {failed} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.audit", description=__doc__)
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--out", type=Path, default=ROOT / "audit-results")
    options = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE} is missing: run `npm ci`.", file=sys.stderr)
        return 1
    server = ThreadingHTTPServer(("127.0.0.1", options.port),
                                 functools.partial(SiteHandler, directory=str(options.site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    results: dict[str, dict[str, object]] = {}
    try:
        with tempfile.TemporaryDirectory() as scratch:
            for page in KEY_PAGES:
                url = f"http://127.0.0.1:{options.port}/{page}"
                results[page] = lighthouse(url, Path(scratch) / "report.json")
                print(f"/{page}: {results[page]['scores']}", flush=True)
    finally:
        server.shutdown()
        server.server_close()
    options.out.mkdir(parents=True, exist_ok=True)
    (options.out / "audit.json").write_text(json.dumps(results, indent=1) + "\n",
                                            encoding="utf-8")
    (options.out / "audit.md").write_text(markdown(results), encoding="utf-8")
    print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
