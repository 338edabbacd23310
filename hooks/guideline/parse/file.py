"""Turn one file's plain data into its typed model; validation errors become positioned diagnostics.

Contract: parse_file(kind, loaded, neighbours) -> (ParsedFile | None, diagnostics). Pydantic's errors
are mapped to G1xx diagnostics at the offending value's position (unknown keys at the key, with a "did
you mean" hint), in German, for contributors who are not programmers. A file in a folder is named after
its id; its neighbours (the other files of that folder) tell a copied file with a taken id from a file
that is merely misnamed, and keep the help from suggesting a file name that is already taken.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from ..diagnostics import Diagnostic, DiagnosticCode, Severity, cap_diagnostics, sort_diagnostics
from ..load.source import MAX_PROBLEMS, LoadedFile, SourceMap
from ..model.fields import SLUG_PATTERN
from ..model.layout import DataKind
from .errors import CODES as SCHEMA_ERROR_CODES
from .errors import describe_errors
from .placeholders import CODES as PLACEHOLDER_CODES
from .placeholders import find_placeholders

M = TypeVar("M", bound=BaseModel)

FILE_NAME_CODE = "G113"
TAKEN_ID_CODE = "G114"


@dataclass(frozen=True)
class ParsedFile(Generic[M]):
    """One data file's typed model with the source map it came from."""

    kind: DataKind
    model: M
    source_map: SourceMap


CODES: tuple[DiagnosticCode, ...] = (
    *SCHEMA_ERROR_CODES,
    *PLACEHOLDER_CODES,
    DiagnosticCode(
        code=FILE_NAME_CODE,
        title="ID passt nicht zum Dateinamen",
        explanation="Szenarien und Schulungsmodule liegen je in einer eigenen Datei, die nach ihrer ID heißt "
        "(scenarios/<id>.yml, training/<id>.yml). So findet man zu jeder Adresse die Datei.",
        fix="Datei umbenennen oder die ID ändern, sodass beide gleich sind; Verweise auf die alte ID anpassen.",
    ),
    DiagnosticCode(
        code=TAKEN_ID_CODE,
        title="ID schon vergeben",
        explanation="Eine Datei in scenarios/ oder training/ hat dieselbe ID wie eine andere Datei im selben "
        "Ordner, meist nach dem Kopieren einer Datei. Jede ID gibt es nur einmal, weil sie die Adresse der "
        "Seite ist.",
        fix="Der Datei eine eigene ID geben, passend zu ihrem Dateinamen.",
    ),
)
"""Every diagnostic code this module emits, documented for the contributors' page."""


@dataclass(frozen=True)
class Neighbours:
    """The files of one folder (scenarios/, training/): their names, and which file declares which id where."""

    names: frozenset[str] = frozenset()
    ids: Mapping[str, tuple[tuple[PurePosixPath, int], ...]] = field(default_factory=dict)

    def others_declaring(self, item_id: str, path: PurePosixPath) -> tuple[str, ...]:
        """Return where files other than path declare item_id, as "path:line"."""
        return tuple(f"{other}:{line}" for other, line in self.ids.get(item_id, ()) if other != path)

    def name_taken(self, name: str, path: PurePosixPath) -> bool:
        """Tell whether a file other than path already has this name."""
        return name != path.name and name in self.names


def folder_neighbours(files: Iterable[tuple[DataKind, PurePosixPath, LoadedFile | None]]) -> dict[DataKind, Neighbours]:
    """Gather every folder kind's files; a file that failed to load still takes its name."""
    names: dict[DataKind, set[str]] = {}
    ids: dict[DataKind, dict[str, tuple[tuple[PurePosixPath, int], ...]]] = {}
    for kind, path, loaded in files:
        if kind.spec.folder is None:
            continue
        names.setdefault(kind, set()).add(path.name)
        item_id = loaded.data.get("id") if loaded is not None and isinstance(loaded.data, dict) else None
        if loaded is not None and isinstance(item_id, str):
            line = loaded.source_map.position_of(("id",)).line
            by_id = ids.setdefault(kind, {})
            by_id[item_id] = (*by_id.get(item_id, ()), (path, line))
    return {kind: Neighbours(frozenset(found), ids.get(kind, {})) for kind, found in names.items()}


def parse_file(
    kind: DataKind, loaded: LoadedFile, neighbours: Neighbours | None = None
) -> tuple[ParsedFile[BaseModel] | None, tuple[Diagnostic, ...]]:
    """Validate one loaded file against its kind's model; neighbours are the other files of its folder."""
    others = neighbours or Neighbours()
    try:
        model = kind.spec.model.model_validate(loaded.data)
    except ValidationError as error:
        errors = error.errors(include_url=False)
        placeholders, errors = find_placeholders(kind.spec.model, loaded, errors)
        diagnostics = describe_errors(kind.spec.model, loaded, errors)
        flagged_id = any(tuple(entry["loc"][:1]) == ("id",) for entry in error.errors(include_url=False))
        naming = () if flagged_id else check_file_name(kind, loaded, others)
        capped = cap_diagnostics(sort_diagnostics((*diagnostics, *naming)), MAX_PROBLEMS)
        return None, sort_diagnostics((*capped, *placeholders))  # the placeholders are a to-do list: all of them
    placeholders, _ = find_placeholders(kind.spec.model, loaded)
    naming = check_file_name(kind, loaded, others)
    if naming:
        return None, sort_diagnostics((*naming, *placeholders))
    return ParsedFile(kind=kind, model=model, source_map=loaded.source_map), placeholders


def check_file_name(kind: DataKind, loaded: LoadedFile, neighbours: Neighbours) -> tuple[Diagnostic, ...]:
    """Report a folder-kind file whose `id` differs from its file name, or is the id of another file there."""
    if kind.spec.folder is None or not isinstance(loaded.data, dict):
        return ()
    item_id = loaded.data.get("id")
    stem = loaded.path.stem
    if not isinstance(item_id, str) or item_id == stem:
        return ()
    position = loaded.source_map.position_of(("id",))
    taken = neighbours.others_declaring(item_id, loaded.path)
    free_stem = re.fullmatch(SLUG_PATTERN, stem) is not None and not neighbours.others_declaring(stem, loaded.path)
    if taken:
        code, message = TAKEN_ID_CODE, f"doppelte ID '{item_id}': eine andere Datei hat schon diese ID"
        notes = tuple(f"ebenfalls definiert in {place}" for place in taken)
        help_text = (f"ändere die ID in '{stem}', passend zum Dateinamen" if free_stem
                     else "gib dieser Datei eine eigene ID und benenne die Datei genauso")
    else:
        new_name = f"{item_id}{loaded.path.suffix}"
        name_taken = neighbours.name_taken(new_name, loaded.path)
        code, message = FILE_NAME_CODE, f"die ID '{item_id}' passt nicht zum Dateinamen '{loaded.path.name}'"
        notes = (
            "die Datei muss so heißen wie ihre ID, damit Adresse und Datei zusammenpassen",
            *((f"eine Datei '{new_name}' gibt es in diesem Ordner schon",) if name_taken else ()),
        )
        help_text = _rename_help(None if name_taken else new_name, stem if free_stem else None)
    return (Diagnostic(code, Severity.ERROR, loaded.path, position, message, notes, help_text),)


def _rename_help(new_name: str | None, stem: str | None) -> str:
    """Suggest renaming the file and/or changing the id, each only where the new name is free."""
    if new_name and stem:
        return f"benenne die Datei in '{new_name}' um oder ändere die ID in '{stem}'"
    if new_name:
        return f"benenne die Datei in '{new_name}' um"
    if stem:
        return f"ändere die ID in '{stem}'"
    return "wähle eine ID, die noch keine andere Datei hat, und benenne die Datei genauso"
