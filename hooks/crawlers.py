"""What search engines and link crawlers read besides the pages: `robots.txt` (everything may
be crawled; with the site's address it names the sitemap) and the sitemap itself, which the
theme writes with every page's absolute address when the site has one. Without an address a
sitemap could list no page (it needs absolute addresses), so the build leaves it out.

A crawler reads `robots.txt` only at the root of a host: a site published under a sub-path
needs the host's own file to name this sitemap.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

ROBOTS = "robots.txt"
SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")


def robots_txt(site_url: str | None) -> str:
    """The file's text: allow everything; name the sitemap when the address is known."""
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        root = site_url if site_url.endswith("/") else site_url + "/"
        lines.append(f"Sitemap: {root}sitemap.xml")
    return "\n".join(lines) + "\n"


def on_post_build(config: MkDocsConfig) -> None:
    """Write robots.txt; drop the empty sitemap of a site built without an address."""
    site = Path(config.site_dir)
    (site / ROBOTS).write_text(robots_txt(config.site_url or None), encoding="utf-8")
    if not config.site_url:
        for name in SITEMAPS:
            (site / name).unlink(missing_ok=True)
