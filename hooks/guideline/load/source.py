"""Load one YAML data file into plain data plus a source map of positions.

Contract (implemented below):
- Input is the file's display path (relative to the repository root, used in messages) and its bytes.
- Output is a LoadedFile, or None with diagnostics (G0xx) when the file cannot be read as data.
- Plain data: dict[str, ...] / list / str / None only. Every scalar is the text the author wrote
  (YAML 1.1 would turn `no`, `on`, `0800`, `2024-01-01`, `4:00` into other types: we never do);
  a plain empty value, `~` or `null` is None. Models convert text to bool/int/Duration strictly.
- The source map gives, for every path tuple (keys and list indices) the 1-based position of the
  value and, for mapping entries, of the key.

The stages: source_text (bytes → text: size, encoding, control characters), invisible (characters
nobody can see: direction controls, zero-width characters, line separators), yaml_events (events →
data: anchors, tags, documents, keys, depth), yaml_document (the file as a whole: empty, top level),
yaml_scalars (what one value holds: length, escaped characters, list entries swallowed by a text,
text cut off by '#'), and yaml_errors with yaml_wording (syntax errors in German).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from ..diagnostics import TRUNCATED_NOTE, Diagnostic, DiagnosticCode, Position, cap_diagnostics, sort_diagnostics
from . import document as yaml_document
from . import errors as yaml_errors
from . import events as yaml_events
from . import invisible as invisible_characters
from . import scalars as yaml_scalars
from . import text as source_text
from .errors import translate_yaml_error
from .events import MAX_PROBLEMS, DataPath, PlainData, read_document
from .invisible import find_invisible
from .text import decode_source

__all__ = ["CODES", "MAX_PROBLEMS", "TRUNCATED_NOTE", "DataPath", "LoadedFile", "PlainData", "SourceMap", "load_yaml"]


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


_STAGES = (source_text, invisible_characters, yaml_document, yaml_events, yaml_scalars, yaml_errors)

CODES: tuple[DiagnosticCode, ...] = tuple(
    sorted((entry for stage in _STAGES for entry in stage.CODES), key=lambda entry: entry.code)
)
"""Every diagnostic code the loader emits (through its stages), documented for the contributors' page."""



def load_yaml(path: PurePosixPath, content: bytes) -> tuple[LoadedFile | None, tuple[Diagnostic, ...]]:
    """Load one YAML file safely; return its data and source map, or None and the reasons why not."""
    text, diagnostics = decode_source(path, content)
    if text is None:
        return None, diagnostics
    hidden = find_invisible(path, text, MAX_PROBLEMS + 1)
    document = read_document(path, text)
    found = [*diagnostics, *hidden, *document.diagnostics]
    if document.syntax_error is not None:
        found.extend(translate_yaml_error(path, text, document.syntax_error))
    if found:
        return None, cap_diagnostics(sort_diagnostics(found), MAX_PROBLEMS)
    return LoadedFile(document.data, SourceMap(path, document.values, document.keys)), ()

