"""Turn one file's plain data into its typed model; validation errors become positioned diagnostics.

Contract: parse_file(kind, loaded) -> (ParsedFile | None, diagnostics). Pydantic's errors are mapped
to G1xx diagnostics at the offending value's position (unknown keys at the key, with a "did you
mean" hint), in German, for contributors who are not programmers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from pydantic import BaseModel

from .diagnostics import Diagnostic, DiagnosticCode
from .layout import DataKind
from .source import LoadedFile, SourceMap

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class ParsedFile(Generic[M]):
    """One data file's typed model with the source map it came from."""

    kind: DataKind
    model: M
    source_map: SourceMap


CODES: tuple[DiagnosticCode, ...] = ()
"""Every diagnostic code this module emits, documented for the contributors' page."""

def parse_file(kind: DataKind, loaded: LoadedFile) -> tuple[ParsedFile[BaseModel] | None, tuple[Diagnostic, ...]]:
    """Validate one loaded file against its kind's model."""
    raise NotImplementedError
