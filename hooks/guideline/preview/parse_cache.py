"""Reuse loaded and parsed data files between rebuilds of the live preview while their bytes are unchanged.

A file's entry is keyed by its path and a hash of its content (the bytes are read anyway, by the one reader in
`load.folder`; size and mtime would add nothing a hash does not already say, and could lie after a quick save).
Parsing a folder file depends on its neighbours only when its id differs from its file name (G113/G114): such a
file is parsed afresh every time, every other file's result is reused.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from ..diagnostics import Diagnostic
from ..load.folder import SourceFile
from ..load.source import LoadedFile, load_yaml
from ..parse.file import Neighbours, ParsedFile, parse_file

FileKey = tuple[PurePosixPath, str]


@dataclass(frozen=True)
class CachedFile:
    """One data file's load result and, once parsed without its neighbours mattering, its parse result."""

    loaded: LoadedFile | None
    load_diagnostics: tuple[Diagnostic, ...]
    parsed: tuple[ParsedFile[Any] | None, tuple[Diagnostic, ...]] | None = None


def file_key(source: SourceFile) -> FileKey:
    """Return the cache key of a data file: its path and a hash of its bytes."""
    return source.display_path, hashlib.blake2b(source.content, digest_size=20).hexdigest()


def depends_on_neighbours(loaded: LoadedFile, kind_has_folder: bool) -> bool:
    """Tell whether parsing a file looks at the other files of its folder: only when its id is not its name."""
    if not kind_has_folder or not isinstance(loaded.data, dict):
        return False
    item_id = loaded.data.get("id")
    return isinstance(item_id, str) and item_id != loaded.path.stem


class ParseCache:
    """Load and parse results of the files of the last build, by path and content hash; lives as long as a preview."""

    def __init__(self) -> None:
        self._files: dict[FileKey, CachedFile] = {}
        self._used: dict[FileKey, CachedFile] = {}

    def start(self) -> None:
        """Begin a build: entries that this build does not use are dropped when it ends."""
        self._used = {}

    def finish(self) -> None:
        """End a build: keep only the entries of the files it read (deleted and edited files' entries go)."""
        self._files = self._used

    def load(self, source: SourceFile) -> tuple[LoadedFile | None, tuple[Diagnostic, ...]]:
        """Return the file's loaded data and load diagnostics, loading it only if its bytes are new."""
        key = file_key(source)
        cached = self._files.get(key) or self._used.get(key)
        if cached is None:
            cached = CachedFile(*load_yaml(source.display_path, source.content))
        self._used[key] = cached
        return cached.loaded, cached.load_diagnostics

    def parse(self, source: SourceFile, loaded: LoadedFile,
              neighbours: Neighbours | None) -> tuple[ParsedFile[Any] | None, tuple[Diagnostic, ...]]:
        """Return the file's parse result; reuse it unless the file's id makes its neighbours matter."""
        if depends_on_neighbours(loaded, source.kind.spec.folder is not None):
            return parse_file(source.kind, loaded, neighbours)
        key = file_key(source)
        cached = self._used.get(key) or CachedFile(loaded, ())
        if cached.parsed is None:
            cached = CachedFile(cached.loaded, cached.load_diagnostics, parse_file(source.kind, loaded, neighbours))
            self._used[key] = cached
        return cached.parsed
