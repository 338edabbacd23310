"""Render the redirect of a former address: a small HTML page with a meta refresh and a link, no script.

MkDocs copies it as a static file; the harden stage gives it its policy like every page. Without a script
it needs no CSP exception, and a reader whose browser ignores the refresh still has the link.

Why not the mkdocs-redirects plugin, which the issue named first: it would work under the CSP (the harden
stage hashes its inline script), and its script keeps a link's #anchor, which a meta refresh drops. But it
runs only inside MkDocs with its config written by hand, while our redirects come from the data (`aliases:`)
and must survive the export for engines that run neither hooks nor this plugin (Zensical): a static page
in the export does. The dropped anchor is the price; the new page's address is what readers keep.
"""

from __future__ import annotations

import html
import posixpath

from ..plan.addresses import Redirect
from .markdown import RenderedPage


def redirect_href(redirect: Redirect) -> str:
    """Return the link from the old address to the new one, relative: '/szenarien/alt/' → '../neu/'."""
    relative = posixpath.relpath(redirect.new, redirect.old)
    return "./" if relative == "." else f"{relative}/"


def render_redirect(redirect: Redirect) -> RenderedPage:
    """Return the redirect page at the old address's index.html (its `markdown` is the page's HTML)."""
    href = html.escape(redirect_href(redirect))
    title = html.escape(redirect.title)
    page = (
        '<!doctype html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Neue Adresse: {title}</title>\n"
        '<meta name="robots" content="noindex, nofollow">\n'
        f'<link rel="canonical" href="{href}">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        "</head>\n<body>\n"
        f'<p>Diese Seite hat eine neue Adresse: <a href="{href}">{title}</a></p>\n'
        "</body>\n</html>\n"
    )
    return RenderedPage(src_uri=f"{redirect.old.lstrip('/')}index.html", title=redirect.title, markdown=page,
                        edit_path=redirect.source)
