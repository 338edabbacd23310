"""Load one YAML data file into plain data plus a source map of positions.

Contract (implemented below):
- Input is the file's display path (relative to the repository root, used in messages) and its bytes.
- Output is a LoadedFile, or None with diagnostics (G0xx) when the file cannot be read as data.
- Plain data: dict[str, ...] / list / str / None only. Every scalar is the text the author wrote
  (YAML 1.1 would turn `no`, `on`, `0800`, `2024-01-01`, `4:00` into other types: we never do);
  a plain empty value, `~` or `null` is None. Models convert text to bool/int/Duration strictly.
- The source map gives, for every path tuple (keys and list indices) the 1-based position of the
  value and, for mapping entries, of the key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Union

from .diagnostics import Diagnostic, DiagnosticCode, Position

PlainData = Union[dict[str, "PlainData"], list["PlainData"], str, None]
DataPath = tuple[Union[str, int], ...]


@dataclass(frozen=True)
class SourceMap:
    """Positions of every value (and mapping key) of one file, by data path."""

    path: PurePosixPath
    values: dict[DataPath, Position] = field(default_factory=dict)
    keys: dict[DataPath, Position] = field(default_factory=dict)

    def position_of(self, data_path: DataPath, *, key: bool = False) -> Position:
        """Return the position of a value (or its key), falling back to the closest ancestor."""
        probe = tuple(data_path)
        while True:
            table = self.keys if key else self.values
            if probe in table:
                return table[probe]
            if not key and probe in self.keys:
                return self.keys[probe]
            if not probe:
                return Position(1, 1)
            probe = probe[:-1]
            key = False


@dataclass(frozen=True)
class LoadedFile:
    """One data file as plain data with its source map."""

    data: PlainData
    source_map: SourceMap

    @property
    def path(self) -> PurePosixPath:
        return self.source_map.path


CODES: tuple[DiagnosticCode, ...] = ()
"""Every diagnostic code this module emits, documented for the contributors' page."""

def load_yaml(path: PurePosixPath, content: bytes) -> tuple[LoadedFile | None, tuple[Diagnostic, ...]]:
    """Load one YAML file safely; return its data and source map, or None and the reasons why not."""
    raise NotImplementedError
