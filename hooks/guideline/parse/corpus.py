"""The whole guideline: every parsed data file, gathered by kind."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from types import MappingProxyType
from typing import Any, TypeVar

from ..diagnostics import Diagnostic, DiagnosticCode, Position, Severity
from ..model import strategy
from ..model.base import Model
from ..model.channels import ChannelsFile
from ..model.departments import DepartmentsFile
from ..model.escalation import EscalationFile
from ..model.layout import FOLDER_KINDS, SINGLE_FILE_KINDS, DataKind
from ..model.matrix import MatrixFile
from ..model.organisation import Organisation
from ..model.roles import RolesFile
from ..model.scenarios import Scenario
from ..model.tone import ToneFile
from ..model.training import TrainingModule
from .file import ParsedFile

T = TypeVar("T")


@dataclass(frozen=True)
class Guideline:
    """All parsed data files of one guideline, by kind; folder kinds sorted by id, optional kinds may be absent."""

    by_kind: Mapping[DataKind, tuple[ParsedFile[Any], ...]]
    _derived: dict[Callable[[Any], Any], Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def derived(self, make: Callable[[Guideline], T]) -> T:
        """Return what a pure function of the whole guideline makes of it, made once per guideline.

        Checks and planners that need the same view (the reply checker's rules, every reply template with its
        id) ask for it here instead of walking every data file again; the guideline is frozen, so it cannot go
        stale.
        """
        if make not in self._derived:
            self._derived[make] = make(self)
        return self._derived[make]  # type: ignore[no-any-return]

    def all_of(self, kind: DataKind) -> tuple[ParsedFile[Any], ...]:
        """Return every parsed file of a kind (none for an absent optional kind)."""
        return self.by_kind.get(kind, ())

    def one_of(self, kind: DataKind) -> ParsedFile[Any] | None:
        """Return the single file of a kind, or None if this optional kind is left out."""
        files = self.all_of(kind)
        return files[0] if files else None

    def replaced(self, kind: DataKind, files: tuple[ParsedFile[Any], ...]) -> Guideline:
        """Return a copy with the files of one kind replaced."""
        return Guideline(MappingProxyType({**self.by_kind, kind: files}))

    def source_of(self, parsed: ParsedFile[Model]) -> PurePosixPath:
        """Return the display path of the file a model came from."""
        return parsed.source_map.path

    def files(self) -> tuple[ParsedFile[Model], ...]:
        """Return every parsed file: the single files in layout order, then the folder kinds'."""
        return tuple(parsed for kind in (*SINGLE_FILE_KINDS, *FOLDER_KINDS) for parsed in self.all_of(kind))

    def by_data_file(self) -> dict[str, ParsedFile[Model]]:
        """Return every parsed file by its path relative to the data folder ('tone.yml', 'scenarios/x.yml')."""
        return {
            str(kind.data_path(None if kind.spec.file else parsed.source_map.path.stem)): parsed
            for kind in (*SINGLE_FILE_KINDS, *FOLDER_KINDS) for parsed in self.all_of(kind)
        }

    def _required(self, kind: DataKind) -> ParsedFile[Any]:
        return self.by_kind[kind][0]

    # The kinds every guideline has, typed, for the planners and checks that read them.

    @property
    def organisation(self) -> ParsedFile[Organisation]:
        return self._required(DataKind.ORGANISATION)
    @property
    def tone(self) -> ParsedFile[ToneFile]:
        return self._required(DataKind.TONE)
    @property
    def departments(self) -> ParsedFile[DepartmentsFile]:
        return self._required(DataKind.DEPARTMENTS)
    @property
    def roles(self) -> ParsedFile[RolesFile]:
        return self._required(DataKind.ROLES)
    @property
    def channels(self) -> ParsedFile[ChannelsFile]:
        return self._required(DataKind.CHANNELS)
    @property
    def matrix(self) -> ParsedFile[MatrixFile]:
        return self._required(DataKind.MATRIX)
    @property
    def escalation(self) -> ParsedFile[EscalationFile]:
        return self._required(DataKind.ESCALATION)
    @property
    def process(self) -> ParsedFile[strategy.ProcessFile]:
        return self._required(DataKind.PROCESS)
    @property
    def strategy(self) -> ParsedFile[strategy.StrategyFile]:
        return self._required(DataKind.STRATEGY)
    @property
    def scenarios(self) -> tuple[ParsedFile[Scenario], ...]:
        return self.all_of(DataKind.SCENARIO)
    @property
    def training(self) -> tuple[ParsedFile[TrainingModule], ...]:
        return self.all_of(DataKind.TRAINING)


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
    parsed_files: tuple[ParsedFile[Model], ...],
    present_kinds: frozenset[DataKind],
    data_root: PurePosixPath,
) -> tuple[Guideline | None, tuple[Diagnostic, ...]]:
    """Gather parsed files into one Guideline; report single-file kinds whose file does not exist.

    A file that exists but failed to parse was already reported: it makes the result None silently.
    """
    gathered: dict[DataKind, list[ParsedFile[Model]]] = {}
    for parsed in parsed_files:
        gathered.setdefault(parsed.kind, []).append(parsed)
    missing = [kind for kind in SINGLE_FILE_KINDS if kind.spec.required and kind not in present_kinds]
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
    if any(kind in present_kinds and kind not in gathered for kind in SINGLE_FILE_KINDS) or missing:
        return None, diagnostics  # a file that failed to parse was reported already
    by_kind = {kind: _sorted_by_id(files) if kind in FOLDER_KINDS else tuple(files) for kind, files in gathered.items()}
    return Guideline(MappingProxyType(by_kind)), ()


def _sorted_by_id(files: list[ParsedFile[Model]]) -> tuple[ParsedFile[Model], ...]:
    return tuple(sorted(files, key=lambda parsed: (getattr(parsed.model, "id", ""), str(parsed.source_map.path))))
