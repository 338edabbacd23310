"""Requests to other hosts: the site must load everything from itself, and run no `javascript:` links.

Plain links to other sites (`<a href="https://…">`) are fine: a reader follows them, the browser does
not fetch them. What the browser loads by itself (scripts, styles, images, fonts, frames) must come
from the site, so the intranet pages work offline and tell no third party who reads them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from .finding import Finding, position_in
from .html import Purpose, Reference

NETWORK_SCHEMES = frozenset({"file", "ftp", "http", "https", "ws", "wss"})
ACTIVE_SCHEMES = ("javascript:", "vbscript:")
FORBIDDEN_HOSTS = re.compile(
    r"(?<![\w.-])(?:fonts\.googleapis|fonts\.gstatic|use\.typekit\.net|use\.fontawesome\.com|"
    r"kit\.fontawesome\.com|cdn\.jsdelivr\.net|unpkg\.com|cdnjs\.cloudflare\.com|ajax\.googleapis\.com|"
    r"code\.jquery\.com|(?:stackpath|maxcdn)\.bootstrapcdn\.com|polyfill\.io|cdn\.tailwindcss\.com)",
    re.IGNORECASE,
)
"""Web font and CDN hosts: named anywhere in HTML or CSS, they are almost always something loaded."""

_URL_NOISE = re.compile(r"[\t\n\r]")


def normalized_url(url: str) -> str:
    """Return an address as a browser reads it: tabs and line breaks removed, controls and spaces trimmed."""
    return _URL_NOISE.sub("", url).strip("".join(map(chr, range(0x21))))


def is_active(url: str) -> bool:
    """Tell whether an address runs code when followed (javascript: or vbscript:)."""
    return normalized_url(url).lower().startswith(ACTIVE_SCHEMES)


def is_other_host(url: str) -> bool:
    """Tell whether fetching an address goes to another host (https://…, //host/…, file:…)."""
    parts = urlsplit(normalized_url(url))
    return bool(parts.netloc) or parts.scheme.lower() in NETWORK_SCHEMES


def check_references(source: PurePosixPath, references: Iterable[Reference]) -> Iterator[Finding]:
    """Report what a file loads from another host, and every javascript: address."""
    for reference in references:
        shown = f'{reference.source} "{reference.url}"'
        if is_active(reference.url):
            yield Finding(source, reference.position, f"Adresse, die Code ausführt: {shown}")
        elif reference.purpose is Purpose.LOAD and is_other_host(reference.url):
            yield Finding(source, reference.position, f"lädt von einem anderen Server: {shown}")


def check_forbidden_hosts(source: PurePosixPath, text: str) -> Iterator[Finding]:
    """Report every mention of a web font or CDN host in an HTML or CSS file."""
    for match in FORBIDDEN_HOSTS.finditer(text):
        yield Finding(
            source, position_in(text, match.start()),
            f"nennt den Webfont- bzw. CDN-Server „{match.group(0)}“: "
            "die Website darf nichts von fremden Servern laden",
        )
