"""Turn one file's plain data into its typed model; validation errors become positioned diagnostics.

Contract: parse_file(kind, loaded) -> (ParsedFile | None, diagnostics). Pydantic's errors are mapped
to G1xx diagnostics at the offending value's position (unknown keys at the key, with a "did you
mean" hint), in German, for contributors who are not programmers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from ..diagnostics import Diagnostic, DiagnosticCode, Severity, cap_diagnostics, sort_diagnostics
from ..load.source import MAX_PROBLEMS, LoadedFile, SourceMap
from ..model.fields import SLUG_PATTERN
from ..model.layout import DataKind
from .errors import CODES as SCHEMA_ERROR_CODES
from .errors import describe_errors

M = TypeVar("M", bound=BaseModel)

FILE_NAME_CODE = "G113"


@dataclass(frozen=True)
class ParsedFile(Generic[M]):
    """One data file's typed model with the source map it came from."""

    kind: DataKind
    model: M
    source_map: SourceMap


CODES: tuple[DiagnosticCode, ...] = (
    *SCHEMA_ERROR_CODES,
    DiagnosticCode(
        code=FILE_NAME_CODE,
        title="ID passt nicht zum Dateinamen",
        explanation="Szenarien und Schulungsmodule liegen je in einer eigenen Datei, die nach ihrer ID heißt "
        "(scenarios/<id>.yml, training/<id>.yml). So findet man zu jeder Adresse die Datei.",
        fix="Datei umbenennen oder die ID ändern, sodass beide gleich sind; Verweise auf die alte ID anpassen.",
    ),
)
"""Every diagnostic code this module emits, documented for the contributors' page."""


def parse_file(kind: DataKind, loaded: LoadedFile) -> tuple[ParsedFile[BaseModel] | None, tuple[Diagnostic, ...]]:
    """Validate one loaded file against its kind's model."""
    try:
        model = kind.spec.model.model_validate(loaded.data)
    except ValidationError as error:
        errors = error.errors(include_url=False)
        diagnostics = describe_errors(kind.spec.model, loaded, errors)
        flagged_id = any(tuple(entry["loc"][:1]) == ("id",) for entry in errors)
        naming = () if flagged_id else check_file_name(kind, loaded)
        return None, cap_diagnostics(sort_diagnostics((*diagnostics, *naming)), MAX_PROBLEMS)
    naming = check_file_name(kind, loaded)
    if naming:
        return None, naming
    return ParsedFile(kind=kind, model=model, source_map=loaded.source_map), ()


def check_file_name(kind: DataKind, loaded: LoadedFile) -> tuple[Diagnostic, ...]:
    """Report a folder-kind file whose `id` differs from its file name."""
    if kind.spec.folder is None or not isinstance(loaded.data, dict):
        return ()
    item_id = loaded.data.get("id")
    stem = loaded.path.stem
    if not isinstance(item_id, str) or item_id == stem:
        return ()
    return (
        Diagnostic(
            code=FILE_NAME_CODE,
            severity=Severity.ERROR,
            path=loaded.path,
            position=loaded.source_map.position_of(("id",)),
            message=f"die ID '{item_id}' passt nicht zum Dateinamen '{loaded.path.name}'",
            notes=("die Datei muss so heißen wie ihre ID, damit Adresse und Datei zusammenpassen",),
            help=_rename_help(item_id, stem, loaded.path.suffix),
        ),
    )


def _rename_help(item_id: str, stem: str, suffix: str) -> str:
    rename = f"benenne die Datei in '{item_id}{suffix}' um"
    if re.fullmatch(SLUG_PATTERN, stem) is None:
        return rename
    return f"{rename} oder ändere die ID in '{stem}'"
