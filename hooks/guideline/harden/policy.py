"""The site's Content-Security-Policy: fixed rules, plus the inline scripts a page may run, by hash."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable

SELF = "'self'"
ANY_INLINE_SCRIPT = "'unsafe-inline'"
DEFAULT_DIRECTIVE = "default-src 'self'"
FIXED_DIRECTIVES = (
    "style-src 'self'",
    "img-src 'self' data:",  # Material's icons are data: URLs in its CSS
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)
"""Every directive after script-src; script-src itself depends on the page."""

HEADER_ONLY_DIRECTIVES = ("frame-ancestors 'none'",)
"""Directives a browser ignores in a <meta>: only the web server's header can forbid framing."""


def hash_source(script: str) -> str:
    """Return the source expression that allows exactly this inline script: 'sha256-…' of its text."""
    # The browser turns CRLF and CR into LF before it parses the page, so it hashes the text with LF.
    text = script.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def format_policy(script_sources: Iterable[str], *, header: bool = False) -> str:
    """Return the policy text: the fixed rules, and script-src allowing the site's files plus these sources."""
    script_src = " ".join(["script-src", SELF, *script_sources])
    extra = HEADER_ONLY_DIRECTIVES if header else ()
    return "; ".join([DEFAULT_DIRECTIVE, script_src, *FIXED_DIRECTIVES, *extra])


def page_policy(scripts: Iterable[str]) -> str:
    """Return the policy of a page that runs these inline scripts and may run no other."""
    return format_policy(dict.fromkeys(hash_source(script) for script in scripts))


def live_preview_policy() -> str:
    """Return the live preview's policy: any inline script, since its reload script changes on every request."""
    # A hash next to 'unsafe-inline' would switch 'unsafe-inline' off, so there are none.
    return format_policy([ANY_INLINE_SCRIPT])


def header_policy(hash_sources: Iterable[str]) -> str:
    """Return the one policy a web server sends with every page: all their hashes, plus frame-ancestors."""
    return format_policy(sorted(set(hash_sources)), header=True)
