"""Internal addresses of a built site: every file they name exists, every #fragment is an id there."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from .finding import Finding
from .html import Reference

INDEX_FILE = "index.html"
ALWAYS_VALID_FRAGMENTS = frozenset({"", "top"})
"""Fragments a browser understands without any id: the empty one and `#top` scroll to the top."""


@dataclass(frozen=True)
class SiteIndex:
    """Every file of a built site (relative to its folder) and the ids of each HTML page."""

    files: frozenset[PurePosixPath]
    ids: Mapping[PurePosixPath, frozenset[str]]
    base_path: str = "/"


def is_internal(url: str) -> bool:
    """Tell whether an address stays on this site: no scheme such as https: or mailto:, no //host."""
    parts = urlsplit(url.strip())
    return not parts.scheme and not parts.netloc


def _site_path(index: SiteIndex, source: PurePosixPath, path: str) -> str | None:
    """Return the site-relative path an address points at, or None if it leaves the site."""
    if not path:
        return str(source)
    if path.startswith("/"):
        base = index.base_path.rstrip("/") + "/"
        if not path.startswith(base):
            return None
        joined = path[len(base):]
    else:
        joined = posixpath.join(str(source.parent), path)
    normalized = posixpath.normpath(joined) if joined else "."
    return None if normalized == ".." or normalized.startswith("../") else normalized


def resolve_file(index: SiteIndex, source: PurePosixPath, path: str) -> PurePosixPath | None:
    """Return the file a path points at: the file itself or a folder's index.html; None if missing."""
    relative = _site_path(index, source, path)
    if relative is None:
        return None
    candidate = PurePosixPath(relative)
    if candidate in index.files and not path.endswith("/"):
        return candidate
    folder_index = candidate / INDEX_FILE  # a folder's address serves its index.html
    return folder_index if folder_index in index.files else None


def check_reference(index: SiteIndex, source: PurePosixPath, reference: Reference) -> Finding | None:
    """Check one internal address: its file exists and, for an HTML page, its fragment is an id there."""
    parts = urlsplit(reference.url.strip())
    path = unquote(parts.path)
    shown = f'{reference.source} "{reference.url}"'
    if _site_path(index, source, path) is None:
        return Finding(source, reference.position, f"Verweis aus der Website hinaus: {shown}")
    target = resolve_file(index, source, path)
    if target is None:
        return Finding(source, reference.position, f"Verweis auf eine Datei, die es nicht gibt: {shown}")
    fragment = unquote(parts.fragment)
    if target.suffix != ".html" or fragment.lower() in ALWAYS_VALID_FRAGMENTS:
        return None
    if fragment not in index.ids.get(target, frozenset()):
        return Finding(
            source, reference.position, f"Verweis auf einen Anker, den es nicht gibt: {shown} ({target} hat keine "
            f"id „{fragment}“)",
        )
    return None


def check_internal_references(
    index: SiteIndex, source: PurePosixPath, references: Iterable[Reference]
) -> Iterator[Finding]:
    """Check every internal address of one file; addresses to other hosts are left to audit_hosts."""
    for reference in references:
        if is_internal(reference.url):
            finding = check_reference(index, source, reference)
            if finding is not None:
                yield finding
