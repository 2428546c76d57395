"""Security and offline use of the built site; listed last in mkdocs.yml, on purpose.

- **Content Security Policy.** Each page carries its policy in a meta tag placed right after
  `<meta charset>`, before anything that loads or runs (static hosts cannot send headers).
  It allows the SHA-256 hash of each of the page's inline scripts (the theme's own), so no
  other inline script can run, and it needs neither `unsafe-inline` nor `unsafe-eval`.
- **Subresource Integrity.** Every local `<script src>` and stylesheet link gets an
  `integrity` attribute with the hash of the file as built.
- **Integrity manifest.** `integrity.json` lists the SHA-256 of every runtime file in the
  site (the Pyodide runtime, the package archive and anything else under `assets/py/`, every
  script), found by scanning the site after the other hooks have written theirs.
- **Service worker.** `sw.js` (from overrides/sw.js) gets the build's version and the lists
  of files it keeps: the site's from the first visit, Python's once the self-assessment has
  been used. A second visit works offline and a new build replaces the old cache.

Plain functions over the built `site/`, with no generator's API: `hooks/finish_site.py` calls
them after the build (as a hook, or as `python -m hooks.finish_site site`), pages first,
the manifest and the service worker last.
"""

from __future__ import annotations

import base64
import hashlib
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import urlparse

# The policy, one directive a line. It is the same for every page but for the hashes of the
# page's inline scripts, which are added to script-src.
POLICY: dict[str, tuple[str, ...]] = {
    # Anything not named below: this site only.
    "default-src": ("'self'",),
    # Our files only. 'wasm-unsafe-eval' lets Pyodide compile its WebAssembly; it is here as
    # well as in the worker's header because some browsers give a worker its page's policy.
    # Never 'unsafe-eval' (Pyodide needs none) and never 'unsafe-inline'.
    "script-src": ("'self'", "'wasm-unsafe-eval'"),
    # The site has no inline <style> and no style="" attributes (the tests check that every
    # page runs without a violation), so no 'unsafe-inline' for styles either. The theme sets
    # styles from its scripts through the CSSOM, which a policy does not restrict.
    "style-src": ("'self'",),
    # The theme's icons are inline SVG and data: URLs in its CSS.
    "img-src": ("'self'", "data:"),
    "font-src": ("'self'",),
    # fetch() of the Python runtime, the package, the snapshot and the search index.
    "connect-src": ("'self'",),
    # The self-assessment's worker, the search worker and the service worker: our files only.
    "worker-src": ("'self'",),
    "manifest-src": ("'self'",),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
}
CHARSET = re.compile(r"<meta charset=\"utf-8\">", re.IGNORECASE)
SW_TEMPLATE_LINE = 'const BUILD = { version: "unbuilt", files: [], python: [], immutable: [] };'
SW_FILE = "sw.js"
MANIFEST_FILE = "integrity.json"
CACHE_PREFIX = "imaging-referrer-"

# Runtime files: everything under these folders, and every script and WebAssembly module.
RUNTIME_DIRS = ("pyodide/", "assets/py/")
RUNTIME_SUFFIXES = {".js", ".mjs", ".wasm"}
# Never fetched by a browser as such: compressed copies (the server sends them in place of
# the file), source maps, the search's other languages (this site is in English), the
# sitemap and robots.txt, the link-preview cards (for other sites' crawlers, never shown by
# a page: about 0.7 MB), the poster's downloads (about 0.5 MB; the page shows its SVG, which
# is kept), and this hook's own outputs.
NOT_PRECACHED = re.compile(
    r"\.(gz|br|map)$|^assets/javascripts/lunr/|^sitemap\.xml|^robots\.txt$"
    r"|^assets/images/preview-|^assets/poster/.*\.(pdf|png)$|^(sw\.js|integrity\.json)$"
)
# Files whose name changes whenever their content does: kept cache-first by the worker.
IMMUTABLE = re.compile(r"^pyodide/[^/]+/|^assets/py/|[.-][0-9a-f]{8,}\.[a-z.]+$")
# Python and the engine: kept only once the self-assessment has been used, never for a reader
# of the guidance alone (about 12 MB compressed).
PYTHON = re.compile(r"^pyodide/|^assets/py/|^assets/js/assessment-worker-[0-9a-f]+\.mjs$")

SCRIPT_TAG = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)
STYLESHEET_TAG = re.compile(r"<link\b[^>]*\brel=\"stylesheet\"[^>]*>", re.IGNORECASE)
ATTRIBUTE = re.compile(r"""\b([a-z-]+)=(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
# An import map is inline script text to a policy too (the self-assessment's has one).
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module", "importmap"}


class SiteError(Exception):
    """A built site that cannot be finished safely, naming the file."""


def header_policy() -> str:
    """The policy without page hashes: for a worker's response header (tools/serve.py)."""
    return "; ".join(f"{name} {' '.join(values)}" for name, values in POLICY.items())


def page_policy(inline_hashes: list[str]) -> str:
    """The policy for one page, allowing exactly its own inline scripts."""
    directives = dict(POLICY)
    directives["script-src"] = POLICY["script-src"] + tuple(
        f"'{digest}'" for digest in dict.fromkeys(inline_hashes)
    )
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def sri(data: bytes) -> str:
    """A Subresource Integrity / CSP hash source: `sha256-<base64>`."""
    return "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")


def attributes(tag_inside: str) -> dict[str, str]:
    """A tag's attributes (names lower-cased; boolean attributes are left out)."""
    return {
        match.group(1).lower(): next(g for g in match.groups()[1:] if g is not None)
        for match in ATTRIBUTE.finditer(tag_inside)
    }


def local_file(site_dir: Path, page_dest: str, url: str) -> Path | None:
    """The built file a page's URL points at, or None for other hosts. A URL from the root
    (the 404 page's, which MkDocs writes for a site at the root of its host) is taken from
    the site's root."""
    if re.match(r"^[a-z][a-z0-9+.-]*:|^//", url, re.IGNORECASE):
        return None
    path = url.split("#", 1)[0].split("?", 1)[0]
    folder = "" if path.startswith("/") else posixpath.dirname(page_dest)
    resolved = posixpath.normpath(posixpath.join(folder, path.lstrip("/")))
    if resolved.startswith("../"):
        return None
    target = site_dir / resolved
    return target if target.is_file() else None


def with_integrity(tag: str, file: Path | None) -> str:
    """The tag with an integrity attribute for `file`, unless it has one or no file."""
    if file is None or re.search(r"\bintegrity=", tag, re.IGNORECASE):
        return tag
    return re.sub(r"\s*/?>$", f' integrity="{sri(file.read_bytes())}">', tag, count=1)


def finish_page(html: str, page_dest: str, site_dir: Path) -> str:
    """Fill in the page's policy and add Subresource Integrity to its scripts and styles."""
    if CHARSET.search(html) is None:
        raise SiteError(f"{page_dest}: no <meta charset> to put the policy after")
    if "Content-Security-Policy" in html[: html.find("</head>")]:
        raise SiteError(f"{page_dest}: already has a policy; it must have exactly one")
    inline: list[str] = []

    def script(match: re.Match[str]) -> str:
        attrs = attributes(match.group(1))
        if "src" in attrs:
            opening = match.group(0)[: match.group(0).index(">") + 1]
            rest = match.group(0)[len(opening) :]
            return with_integrity(opening, local_file(site_dir, page_dest, attrs["src"])) + rest
        if attrs.get("type", "").lower() in EXECUTABLE_TYPES:
            inline.append(sri(match.group(2).encode("utf-8")))
        return match.group(0)

    html = SCRIPT_TAG.sub(script, html)
    html = STYLESHEET_TAG.sub(
        lambda m: with_integrity(
            m.group(0), local_file(site_dir, page_dest, attributes(m.group(0)).get("href", ""))
        ),
        html,
    )
    charset = CHARSET.search(html)  # the tags above may have moved it
    assert charset is not None  # found above; the tags changed only script and link tags
    indent = html[html.rfind("\n", 0, charset.start()) + 1 : charset.start()]
    meta = f'<meta http-equiv="Content-Security-Policy" content="{page_policy(inline)}">'
    return html[: charset.end()] + f"\n{indent}{meta}" + html[charset.end() :]


# --- the manifest and the service worker -------------------------------------------------------


def site_files(site_dir: Path) -> list[str]:
    """Every file of the built site, as site-relative POSIX paths, sorted."""
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())


def is_runtime(path: str) -> bool:
    """A file the browser runs or Python starts from (not a compressed copy or a source map)."""
    if path.endswith((".gz", ".br", ".map")):
        return False
    return path.startswith(RUNTIME_DIRS) or Path(path).suffix in RUNTIME_SUFFIXES


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def precache_url(path: str) -> str:
    """The URL a browser asks for: folder URLs for index pages (`./`, `help/faq/`)."""
    if path == "index.html":
        return "./"
    return path.removesuffix("index.html") if path.endswith("/index.html") else path


def service_worker_build(site_dir: Path, hashes: dict[str, str]) -> dict[str, object]:
    """The worker's version (a hash of every file it keeps) and its file lists: the site's,
    kept from the first visit, and Python's, kept once the self-assessment has been used."""
    kept = [path for path in site_files(site_dir) if not NOT_PRECACHED.search(path)]
    digest = hashlib.sha256()
    for path in kept:
        digest.update(f"{path}\0{hashes.get(path) or sha256_file(site_dir / path)}\n".encode())
    return {
        "version": digest.hexdigest()[:16],
        "files": [precache_url(path) for path in kept if not PYTHON.search(path)],
        "python": [path for path in kept if PYTHON.search(path)],
        "immutable": [path for path in kept if IMMUTABLE.search(path)],
    }


def write_service_worker(site_dir: Path, build: dict[str, object]) -> None:
    """Put the build's version and file lists into the worker copied from overrides/sw.js."""
    target = site_dir / SW_FILE
    source = target.read_text(encoding="utf-8") if target.is_file() else ""
    if source.count(SW_TEMPLATE_LINE) != 1:
        raise SiteError(f"overrides/{SW_FILE} must contain the line: {SW_TEMPLATE_LINE}")
    line = f"const BUILD = {json.dumps(build, indent=1)};"
    target.write_text(source.replace(SW_TEMPLATE_LINE, line), encoding="utf-8")


def finish_pages(site_dir: Path) -> None:
    """Give every HTML page of the built site its policy and Subresource Integrity."""
    for path in sorted(site_dir.rglob("*.html")):
        dest = path.relative_to(site_dir).as_posix()
        html = path.read_text(encoding="utf-8")
        path.write_text(finish_page(html, dest, site_dir), encoding="utf-8")


def cache_name(version: str, site_url: str | None) -> str:
    """The service worker's cache name, as overrides/sw.js computes it: the prefix, the
    build's version, a space and the path of the site's root (from the configured site
    address; `/` for a site at the root of its host)."""
    root = urlparse(site_url).path if site_url else "/"
    return f"{CACHE_PREFIX}{version} {root if root.endswith('/') else root + '/'}"


def write_worker_and_manifest(site_dir: Path, site_url: str | None = None) -> None:
    """Write the service worker and the integrity manifest, from the site as built."""
    for name in (SW_FILE, MANIFEST_FILE):  # a compressed copy would be stale after this
        for stale in (site_dir / f"{name}.gz", site_dir / f"{name}.br"):
            stale.unlink(missing_ok=True)
    hashes = {path: sha256_file(site_dir / path) for path in site_files(site_dir)
              if is_runtime(path) and path != SW_FILE}
    build = service_worker_build(site_dir, hashes)
    write_service_worker(site_dir, build)
    hashes[SW_FILE] = sha256_file(site_dir / SW_FILE)
    manifest = {
        "algorithm": "sha256",
        "cache": cache_name(str(build["version"]), site_url),
        "files": dict(sorted(hashes.items())),
    }
    (site_dir / MANIFEST_FILE).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
