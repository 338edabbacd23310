"""What one live preview keeps between its rebuilds, and how it tells a rebuild that must redo every page.

The MkDocs adapter keeps one `PreviewSession` per preview in memory (see hooks/guideline_preview.py); nothing
here is global. Only the page files live on disk (staging.py), because the engine compares their times.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .caches import PreviewCaches
from .search_index import Entries


@dataclass
class PreviewSession:
    """Caches, the staged page texts, and what the last build wrote: its frame, its pages and their index entries."""

    caches: PreviewCaches = field(default_factory=PreviewCaches)
    staged: dict[str, str] = field(default_factory=dict)  # page path -> Markdown in the pages folder
    frame: str | None = None  # fingerprint of what every page shows; None before the first build
    outputs: frozenset[Path] = frozenset()  # every file the last build wrote for its files (not sitemaps)
    search: dict[str, Entries] = field(default_factory=dict)  # page address -> its search index entries


def file_fingerprint(paths: Iterable[Path]) -> str:
    """Return a hash of the given files' names and bytes, for the files that exist."""
    digest = hashlib.blake2b(digest_size=20)
    for path in sorted(paths):
        if path.is_file():
            digest.update(str(path).encode() + b"\0" + hashlib.blake2b(path.read_bytes()).digest())
    return digest.hexdigest()


def frame_fingerprint(parts: Iterable[str]) -> str:
    """Return a hash of everything that every page shows (configuration, theme, navigation titles, site frame)."""
    digest = hashlib.blake2b(digest_size=20)
    for part in parts:
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()
