"""The at-a-glance page and its poster, both generated from docs/guidance/at-a-glance.toml
(read and checked by hooks/at_a_glance_data.py) at build time, so the page and the poster
cannot say different things.

- The page, `guidance/at-a-glance.md`, is generated Markdown with front matter like any
  page's (its sources are those the steps cite), so the site's citation and review checks
  apply to it as to every page. It shows the poster and links its downloads.
- The poster (hooks/poster_layout.py, drawn by hooks/poster_render.py) is written as SVG, A4
  and A3 PDF and a portrait PNG under `assets/poster/`. With the site's address known
  (`site_url`, from SITE_URL) it carries that address and a QR code to the self-assessment;
  without one the build leaves both out and says so in its output.
"""

from __future__ import annotations

import html
import json
import logging
import posixpath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from hooks import poster_render
from hooks.at_a_glance_data import DATA_FILE, ROOT, Glance, GlanceError, Step, load_glance
from hooks.page_sources import registry
from hooks.poster_layout import A4, Poster, layout
from hooks.qr_code import qr_modules

PAGE = "guidance/at-a-glance.md"
PAGE_URL = "guidance/at-a-glance/"  # as built (use_directory_urls: true)
ASSESSMENT_URL = "assessment/"
DATA_SRC = DATA_FILE.relative_to(ROOT / "docs").as_posix()
POSTER_FILES = {
    "svg": "assets/poster/at-a-glance.svg",
    "a4": "assets/poster/at-a-glance-a4.pdf",
    "a3": "assets/poster/at-a-glance-a3.pdf",
    "png": "assets/poster/at-a-glance.png",
}
log = logging.getLogger("mkdocs.hooks.at_a_glance")


def addresses(site_url: str | None) -> dict[str, str] | None:
    """The self-assessment's and the at-a-glance page's absolute addresses, if known."""
    if not site_url:
        return None
    root = site_url if site_url.endswith("/") else site_url + "/"
    return {"assessment": root + ASSESSMENT_URL, "page": root + PAGE_URL}


def poster(glance: Glance, site_url: str | None) -> Poster:
    """The poster's layout, with the address and QR code when the site has an address."""
    address = addresses(site_url)
    qr = qr_modules(address["assessment"]) if address else None
    return layout(glance, address, qr)


def poster_files(drawn: Poster) -> dict[str, bytes]:
    """The poster's downloads by key (svg, a4, a3, png)."""
    return {
        "svg": poster_render.svg(drawn),
        "a4": poster_render.pdf(drawn, "a4"),
        "a3": poster_render.pdf(drawn, "a3"),
        "png": poster_render.png(drawn),
    }


def _link(target: str) -> str:
    """A link from the page to a site file (both relative to docs/)."""
    return "../" + target


def _step_markdown(step: Step, glance: Glance) -> list[str]:
    page = glance.page
    lines = [f"{step.number}. **{step.title}.**", f"    {step.text}"]
    if step.suggestion:
        lines.append(f'    <em class="journey__suggestion">{page["suggestion_label"]}: '
                     f"{step.suggestion}</em>")
    lines.append(f'    <span class="journey__basis">{page["basis_label"]}: {step.basis}</span>')
    lines.append(f"    [{step.more.text}]({step.more.page}){{ .journey__more }}")
    return [*lines, ""]


def page_markdown(glance: Glance) -> str:
    """The at-a-glance page, front matter included."""
    page, words = glance.page, glance.poster
    sources = "\n".join(f"  - {source}" for source in glance.sources())
    lines = [
        "---",
        f"title: {json.dumps(page['title'], ensure_ascii=False)}",
        f"description: {json.dumps(page['description'], ensure_ascii=False)}",
        f"reviewed: {glance.reviewed.isoformat()}",
        f"sources:\n{sources}",
        "---",
        "",
        f"# {page['heading']}",
        "",
        page["intro"],
        "",
        '<div class="journey" markdown>',
        "",
        f'<p class="journey__start">{page["start_label"]}: <strong>“{page["start"]}”</strong></p>',
        "",
    ]
    for step in glance.steps:
        lines += _step_markdown(step, glance)
    size = (round(A4[0]), round(A4[1]))
    downloads = " · ".join(
        f"[{words[key]}]({_link(POSTER_FILES[key])})" for key in ("a4", "a3", "png", "svg"))
    lines += [
        f'<p class="journey__end">{page["end_label"]}: <strong>{page["end"]}</strong></p>',
        "",
        "</div>",
        "",
        page["closing"],
        "",
        f"## {words['heading']} {{#poster}}",
        "",
        f'{words["intro"]} <span class="poster-print-note">{words["print_note"]}</span>',
        "",
        f"{words['downloads']} {downloads}",
        "",
        '<figure class="poster-figure">',
        f'<img src="{posixpath.relpath(POSTER_FILES["svg"], PAGE_URL)}" '
        f'alt="{html.escape(words["image_alt"])}" width="{size[0]}" height="{size[1]}">',
        "</figure>",
        "",
    ]
    return "\n".join(lines)


def load() -> Glance:
    """The checked data; a mistake fails the build naming the file and the key."""
    try:
        return load_glance(registry())
    except GlanceError as error:
        raise PluginError(str(error)) from error


def generated(glance: Glance, site_url: str | None) -> dict[str, str | bytes]:
    """The page's Markdown and the poster's files, by their path under docs/. Without a
    site address the poster has no QR code and no address, and the build output says so."""
    try:
        drawn = poster(glance, site_url)
    except ValueError as error:
        raise PluginError(f"{DATA_SRC}: {error}") from error
    out: dict[str, str | bytes] = {PAGE: page_markdown(glance)}
    for key, content in poster_files(drawn).items():
        out[POSTER_FILES[key]] = content
    if not site_url:
        log.info("The poster has no QR code and no web address: this build has no site "
                 "address (set SITE_URL, or use `make publish`).")
    return out


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Replace the data file by the generated page; add the poster's files."""
    data = files.get_file_from_path(DATA_SRC)
    if data is not None:
        files.remove(data)  # the data, not a page of the site
    for src_uri, content in generated(load(), config.site_url or None).items():
        files.append(File.generated(config, src_uri, content=content))
    return files
