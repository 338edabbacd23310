"""Give every page of a built site its own Content-Security-Policy, whatever engine built the site.

The MkDocs hook runs it after every build (also under `mkdocs serve`); `build.py build` runs it again
through `python -m guideline.cli csp`, before the audit, so that any engine's output gets its policies.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .page import outline_page, secure_page
from .policy import hash_source, header_policy

PAGE_SUFFIXES = frozenset({".html", ".htm"})


@dataclass(frozen=True)
class SecuredSite:
    """How many pages a site has, and which of them lacked the policy their inline scripts need."""

    pages: int
    lacking: tuple[PurePosixPath, ...]


def site_pages(site_dir: Path) -> Iterator[tuple[PurePosixPath, Path]]:
    """Yield every HTML page of a built site, by its path in the site and its file, sorted."""
    for path in sorted(site_dir.rglob("*")):
        if path.suffix in PAGE_SUFFIXES and path.is_file():
            yield PurePosixPath(path.relative_to(site_dir).as_posix()), path


def _read(path: Path) -> str:
    # Bytes in and out: text mode would turn a page's CRLF into LF, and a page may change only in its policy.
    return path.read_bytes().decode("utf-8")


def secure_site(site_dir: Path, *, write: bool = True, live_preview: bool = False,
                since: float | None = None) -> SecuredSite:
    """Give each page the policy its inline scripts need, unless told only to look; say which pages lacked it.

    With `since` (a time in seconds, as file times are), only pages written since then are looked at: an
    incremental rebuild of the live preview leaves the others as the last rebuild secured them.
    """
    pages = 0
    lacking = []
    for name, path in site_pages(site_dir):
        if since is not None and path.stat().st_mtime < since:
            continue
        html = _read(path)
        secured = secure_page(html, live_preview=live_preview)
        pages += 1
        if secured != html:
            lacking.append(name)
            if write:
                path.write_bytes(secured.encode("utf-8"))
    return SecuredSite(pages, tuple(lacking))


def site_header_policy(site_dir: Path) -> str:
    """Return the one policy a web server can send with every page of the site: every page's scripts allowed."""
    return header_policy(
        hash_source(script) for _, path in site_pages(site_dir) for script in outline_page(_read(path)).inline_scripts
    )
