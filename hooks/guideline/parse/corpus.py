"""The whole guideline: every parsed data file, gathered by kind."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from ..diagnostics import Diagnostic, DiagnosticCode, Position, Severity
from ..model import models
from ..model.layout import FOLDER_KINDS, SINGLE_FILE_KINDS, DataKind
from .file import ParsedFile


@dataclass(frozen=True)
class Guideline:
    """All parsed data files of one guideline; folder kinds sorted by id."""

    organisation: ParsedFile[models.Organisation]
    tone: ParsedFile[models.ToneFile]
    departments: ParsedFile[models.DepartmentsFile]
    roles: ParsedFile[models.RolesFile]
    channels: ParsedFile[models.ChannelsFile]
    matrix: ParsedFile[models.MatrixFile]
    escalation: ParsedFile[models.EscalationFile]
    process: ParsedFile[models.ProcessFile]
    strategy: ParsedFile[models.StrategyFile]
    scenarios: tuple[ParsedFile[models.Scenario], ...]
    training: tuple[ParsedFile[models.TrainingModule], ...]

    def source_of(self, parsed: ParsedFile[models.Model]) -> PurePosixPath:
        """Return the display path of the file a model came from."""
        return parsed.source_map.path

    def files(self) -> tuple[ParsedFile[models.Model], ...]:
        """Return every parsed file: the single files in layout order, then scenarios and training modules."""
        singles = tuple(getattr(self, kind.slug) for kind in SINGLE_FILE_KINDS)
        return (*singles, *self.scenarios, *self.training)


MISSING_FILE_CODE = "G004"

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode(
        code="G004",
        title="Pflichtdatei fehlt",
        explanation="Eine der Dateien, die jeder Leitfaden braucht (z. B. roles.yml), fehlt.",
        fix="Datei anlegen, am einfachsten mit `python3 build.py new <art>`.",
    ),
)
"""Every diagnostic code this module emits, documented for the contributors' page."""


def assemble_guideline(
    parsed_files: tuple[ParsedFile[models.Model], ...],
    present_kinds: frozenset[DataKind],
    data_root: PurePosixPath,
) -> tuple[Guideline | None, tuple[Diagnostic, ...]]:
    """Gather parsed files into one Guideline; report single-file kinds whose file does not exist.

    A file that exists but failed to parse was already reported: it makes the result None silently.
    """
    singles: dict[DataKind, ParsedFile[models.Model]] = {}
    folders: dict[DataKind, list[ParsedFile[models.Model]]] = {kind: [] for kind in FOLDER_KINDS}
    for parsed in parsed_files:
        if parsed.kind in folders:
            folders[parsed.kind].append(parsed)
        else:
            singles[parsed.kind] = parsed
    missing = [kind for kind in SINGLE_FILE_KINDS if kind not in present_kinds]
    diagnostics = tuple(
        Diagnostic(
            code=MISSING_FILE_CODE,
            severity=Severity.ERROR,
            path=data_root / kind.data_path(),
            position=Position(1, 1),
            message=f"die Datei fehlt: {kind.spec.title} ({kind.data_path()}) gehört zu jedem Leitfaden",
            help=f"leg sie an, z. B. mit: python3 build.py new {kind.slug}",
        )
        for kind in missing
    )
    if any(kind not in singles for kind in SINGLE_FILE_KINDS):
        return None, diagnostics
    return (
        Guideline(
            **{kind.slug: singles[kind] for kind in SINGLE_FILE_KINDS},  # type: ignore[arg-type]
            scenarios=_sorted_by_id(folders[DataKind.SCENARIO]),  # type: ignore[arg-type]
            training=_sorted_by_id(folders[DataKind.TRAINING]),  # type: ignore[arg-type]
        ),
        (),
    )


def _sorted_by_id(files: list[ParsedFile[models.Model]]) -> tuple[ParsedFile[models.Model], ...]:
    return tuple(sorted(files, key=lambda parsed: (getattr(parsed.model, "id", ""), str(parsed.source_map.path))))
