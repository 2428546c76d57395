"""Integrity of the built site: the manifest of runtime files, Subresource Integrity on every
page, compressed copies identical to their files, and the service worker's list and version.

The checks scan the site with their own rules rather than trusting the hook's, so a runtime
file added later (by any hook) must appear in the manifest for them to pass.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import os
import posixpath
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import brotli
import pytest

from hooks import security

SCRIPT_SRC = re.compile(r"<script\b[^>]*\bsrc=\"([^\"]+)\"[^>]*>")
STYLESHEET = re.compile(r"<link\b[^>]*\brel=\"stylesheet\"[^>]*>")
INTEGRITY = re.compile(r"\bintegrity=\"sha256-([A-Za-z0-9+/=]+)\"")
HREF = re.compile(r"\bhref=\"([^\"]+)\"")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def manifest(site: Path) -> dict:
    return json.loads((site / "integrity.json").read_text(encoding="utf-8"))


def service_worker_build(site: Path) -> dict:
    text = (site / "sw.js").read_text(encoding="utf-8")
    match = re.search(r"^const BUILD = (\{.*?\});$", text, re.MULTILINE | re.DOTALL)
    assert match, "sw.js has no BUILD line: the hook did not fill it in"
    return json.loads(match.group(1))


# Runs the built sw.js's top level in a bare context, as a browser would register it at
# `url`, and prints the name of the cache it opens (handlers are only recorded, never run).
SW_CACHE_NAME = """
const { readFileSync } = require("node:fs");
const vm = require("node:vm");
const [script, url] = process.argv.slice(1);
const self = { location: new URL(url), addEventListener: () => {} };
const context = vm.createContext({ self, URL, Set, Promise, console });
process.stdout.write(String(vm.runInContext(readFileSync(script, "utf8") + "\\n;CACHE", context)));
"""


def service_worker_cache_name(site: Path, site_url: str) -> str:
    """The cache name the built service worker computes when served from `site_url`."""
    node = shutil.which("node")
    assert node, "node is not on PATH: the service worker's cache name is read with Node.js 20+"
    done = subprocess.run(
        [node, "-e", SW_CACHE_NAME, str(site / "sw.js"), urljoin(site_url, "sw.js")],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_every_runtime_file_is_listed_with_its_hash(built_site: Path) -> None:
    listed = manifest(built_site)["files"]
    runtime = {
        path.relative_to(built_site).as_posix()
        for path in built_site.rglob("*")
        if path.is_file()
        and path.suffix not in {".gz", ".br", ".map"}
        and (
            path.suffix in {".js", ".mjs", ".wasm", ".zip", ".snapshot"}
            or path.relative_to(built_site).as_posix().startswith(("pyodide/", "assets/py/"))
        )
    }
    assert runtime - set(listed) == set(), "runtime files missing from integrity.json"
    for must in ("pyodide.asm.wasm", "pyodide.asm.mjs", "pyodide.mjs"):
        assert any(path.endswith(must) for path in listed), must
    assert any(re.fullmatch(r"assets/py/assessment-[0-9a-f]{12}\.zip", p) for p in listed)
    assert any(re.fullmatch(r"assets/py/python-stdlib-[0-9a-f]{12}\.zip", p) for p in listed)
    assert "sw.js" in listed
    assert any(re.fullmatch(r"assets/js/assessment-[0-9a-f]{12}\.js", p) for p in listed)
    assert any(re.fullmatch(r"assets/js/assessment-worker-[0-9a-f]{12}\.mjs", p) for p in listed)
    for path, digest in listed.items():
        assert (built_site / path).is_file(), f"integrity.json lists a missing file: {path}"
        assert sha256(built_site / path) == digest, f"{path} does not match integrity.json"


def test_compressed_copies_are_the_same_files(built_site: Path) -> None:
    """A host sends `name.br` or `name.gz` in place of `name`: each must hold exactly the
    same bytes."""
    for suffix, decompress in ((".gz", gzip.decompress), (".br", brotli.decompress)):
        copies = sorted(built_site.rglob(f"*{suffix}"))
        assert copies, f"no {suffix} copies"
        for copy in copies:
            original = copy.with_suffix("")
            assert original.is_file(), copy
            assert decompress(copy.read_bytes()) == original.read_bytes(), copy
    runtime = {p.name for p in built_site.glob("pyodide/*/*.br")}
    assert "pyodide.asm.wasm.br" in runtime
    assert list(built_site.glob("assets/py/assessment-*.snapshot.br"))


def test_every_local_script_and_stylesheet_carries_its_hash(built_site: Path) -> None:
    checked = set()
    for page in sorted(built_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        folder = posixpath.dirname(page.relative_to(built_site).as_posix())
        tags = [(m.group(0), m.group(1)) for m in SCRIPT_SRC.finditer(html)] + [
            (m.group(0), HREF.search(m.group(0)).group(1)) for m in STYLESHEET.finditer(html)
        ]
        for tag, url in tags:
            assert "://" not in url, f"{page}: {url} is not the site's own"
            base = "" if url.startswith("/") else folder  # the 404 page's are from the root
            target = built_site / posixpath.normpath(posixpath.join(base, url.lstrip("/")))
            integrity = INTEGRITY.search(tag)
            assert integrity, f"{page}: no integrity on {tag}"
            digest = base64.b64encode(hashlib.sha256(target.read_bytes()).digest()).decode()
            assert integrity.group(1) == digest, f"{page}: stale integrity for {url}"
            checked.add(target.relative_to(built_site).as_posix())
    plain = {re.sub(r"-[0-9a-f]{12}(?=\.)", "", path) for path in checked}  # our hashed names
    assert {"assets/js/assessment.js", "assets/js/offline.js", "assets/js/shortcuts.js"} <= plain
    assert {"assets/css/site.css", "assets/css/content.css", "assets/css/print.css"} <= plain


def test_the_service_worker_keeps_every_page_and_the_python_runtime(built_site: Path) -> None:
    build = service_worker_build(built_site)
    # The cache the worker really opens, as sw.js itself computes it for the site's address
    # (the build's site_url, or the root of a host when none is set, as in this build): its
    # prefix, the build's version and a suffix naming the site's root path.
    site_url = os.environ.get("SITE_URL") or "http://127.0.0.1:8000/"
    cache = service_worker_cache_name(built_site, site_url)
    assert cache.startswith("imaging-referrer-") and build["version"] in cache
    assert cache.endswith(" " + urlsplit(site_url).path)
    assert manifest(built_site)["cache"] == cache
    files = set(build["files"])
    pages = {
        p.relative_to(built_site).as_posix().removesuffix("index.html") or "./"
        for p in built_site.rglob("*.html")
    }
    assert pages <= files
    python = set(build["python"])
    runtime = {p for p in manifest(built_site)["files"] if p.startswith(("pyodide/", "assets/"))}
    runtime = {p for p in runtime if "/lunr/" not in p}  # other languages' search
    assert runtime <= files | python
    assert "search/search_index.json" in files
    copies = (".gz", ".br", ".map")
    assert not [f for f in files if f.endswith(copies) or f in {"sw.js", "integrity.json"}]
    # Python (kept only once the self-assessment is used) and nothing else is in its list.
    python_like = re.compile(r"^pyodide/|^assets/py/|assessment-worker|\.wasm$|\.snapshot$")
    assert not [f for f in files if python_like.search(f)]
    assert {p for p in runtime if python_like.search(p)} == python
    assert any(p.endswith(".snapshot") for p in python) or not list(
        built_site.glob("assets/py/*.snapshot")
    )
    for url in files:
        path = "index.html" if url == "./" else url + ("index.html" if url.endswith("/") else "")
        assert (built_site / path).is_file(), url
    assert set(build["immutable"]) <= files | python
    assert all(p.startswith(("pyodide/", "assets/py/")) or re.search(r"[.-][0-9a-f]{8,}\.", p)
               for p in build["immutable"])


# --- the hook itself, on a tiny site ------------------------------------------------------------


def tiny_site(root: Path) -> Path:
    (root / "assets" / "js").mkdir(parents=True)
    (root / "assets" / "py").mkdir(parents=True)
    (root / "assets" / "js" / "app.js").write_text("console.log(1)")
    (root / "assets" / "py" / "assessment-0123456789ab.snapshot").write_bytes(b"\0snapshot")
    (root / "index.html").write_text("<p>home</p>")
    (root / "sw.js").write_text(security.SW_TEMPLATE_LINE + "\n")
    return root


PAGE = (
    '<html><head><meta charset="utf-8"><link rel="stylesheet" href="x.css">'
    '<script>var inline = 1</script><script type="application/json">{"a": 1}</script>'
    '</head><body><script src="assets/js/app.js"></script></body></html>'
)


def test_hashes_follow_the_files_as_built(tmp_path: Path) -> None:
    site = tiny_site(tmp_path)
    first = security.finish_page(PAGE, "index.html", site)
    assert f'integrity="{security.sri(b"console.log(1)")}"' in first
    assert f"'{security.sri(b'var inline = 1')}'" in first
    assert security.sri(b'{"a": 1}') not in first  # data, not script
    (site / "assets" / "js" / "app.js").write_text("console.log(2)")
    second = security.finish_page(PAGE, "index.html", site)
    assert f'integrity="{security.sri(b"console.log(2)")}"' in second
    assert first.index("Content-Security-Policy") < first.index("<link")


def test_the_manifest_and_the_worker_pick_up_new_runtime_files(tmp_path: Path) -> None:
    site = tiny_site(tmp_path)
    security.write_worker_and_manifest(site)
    listed = manifest(site)["files"]
    assert set(listed) == {"assets/js/app.js", "assets/py/assessment-0123456789ab.snapshot",
                           "sw.js"}
    version = service_worker_build(site)["version"]
    (site / "assets" / "py" / "assessment-0123456789ab.snapshot").write_bytes(b"changed")
    (site / "sw.js").write_text(security.SW_TEMPLATE_LINE + "\n")
    security.write_worker_and_manifest(site)
    assert service_worker_build(site)["version"] != version
    assert "assets/py/assessment-0123456789ab.snapshot" in service_worker_build(site)["immutable"]


def test_the_cache_name_is_the_one_the_service_worker_computes(tmp_path: Path) -> None:
    """The hook's name for the cache is the one overrides/sw.js, filled in by the hook and run
    as a browser registers it, computes for a site at the root of its host and in a folder."""
    site = tiny_site(tmp_path)
    shutil.copy(Path(__file__).resolve().parent.parent / "overrides" / "sw.js", site / "sw.js")
    security.write_worker_and_manifest(site)
    version = service_worker_build(site)["version"]
    for site_url, served_from in ((None, "http://127.0.0.1:8000/"),
                                  ("https://example.org/referrers", "https://example.org/referrers/"),
                                  ("https://example.org/a/b/", "https://example.org/a/b/")):
        assert service_worker_cache_name(site, served_from) == security.cache_name(
            version, site_url), site_url
    assert security.cache_name("abc", None) == "imaging-referrer-abc /"
    assert security.cache_name("abc", "https://example.org/referrers") == (
        "imaging-referrer-abc /referrers/")


def test_a_page_without_a_charset_or_with_a_second_policy_fails_the_build(tmp_path: Path) -> None:
    with pytest.raises(security.SiteError, match="charset"):
        security.finish_page("<html><head></head></html>", "a/index.html", tmp_path)
    twice = '<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"></head>'
    with pytest.raises(security.SiteError, match="exactly one"):
        security.finish_page(twice, "a/index.html", tmp_path)
