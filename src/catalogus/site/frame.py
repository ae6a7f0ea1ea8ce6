"""Fixes to mkdocs-material's page frame that no template block reaches, and the site's robots.txt.

Material's base.html puts autocomplete="off" on its two toggle checkboxes (__drawer, __search): invalid HTML on
every page, since autocomplete does not apply to checkboxes. Its nav-item partial writes an `#__toc` checkbox for
the current page even when the page has no table of contents, so no label names it (axe, WCAG 4.1.2): our pages
never show one, so the box goes.
"""

from __future__ import annotations

import re

CHECKBOX_AUTOCOMPLETE = re.compile(
    r'(<input class="md-toggle" data-md-toggle="\w+" type="checkbox" id="__\w+") autocomplete="off">'
)
TOC_TOGGLE = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
TOC_LABEL = 'for="__toc"'
ROBOTS = "robots.txt"
SITEMAP = "sitemap.xml"  # mkdocs' static template; also written gzipped


def fixed_frame(html: str) -> str:
    html = CHECKBOX_AUTOCOMPLETE.sub(r"\1>", html)
    if TOC_TOGGLE in html and TOC_LABEL not in html:
        html = html.replace(TOC_TOGGLE, "")
    return html


def robots_txt(site_url: str | None, staff: bool = False) -> str:
    """Everything may be indexed; the sitemap needs an absolute address, so it is named only when site_url is set.
    The staff edition (intranet) may not be indexed at all and has no sitemap."""
    if staff:
        return "User-agent: *\nDisallow: /\n"
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url.rstrip('/')}/sitemap.xml")
    return "\n".join(lines) + "\n"
