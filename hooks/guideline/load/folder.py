"""Find the data files in the data folder and read their bytes: the pipeline's only reading of files.

Files that belong to no known kind, folders named like files and unreadable files are reported, never
skipped silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..diagnostics import Diagnostic, DiagnosticCode, Position, Severity
from ..model.layout import DATA_SUFFIX, SCHEMA_DIR, DataKind, classify_data_file

UNKNOWN_FILE_CODE = "G003"
UNREADABLE_FILE_CODE = "G016"

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode(
        code="G003",
        title="Unbekannte Datei",
        explanation="Eine Datei in guideline_data/ gehört zu keiner bekannten Datenart (falscher Name, falscher "
        "Ordner oder Endung .yaml statt .yml) und würde nicht veröffentlicht.",
        fix="Datei umbenennen oder verschieben: Einzeldateien wie roles.yml liegen direkt in guideline_data/, "
        "Szenarien in scenarios/<id>.yml, Schulungsmodule in training/<id>.yml. Dateien, deren Name mit einem "
        "Punkt beginnt, werden nicht gelesen; ein Ordner darf nicht wie eine Datei heißen.",
    ),
    DiagnosticCode(
        code="G016",
        title="Datei nicht lesbar",
        explanation="Eine Datei in guideline_data/ kann nicht gelesen werden, z. B. weil die Rechte fehlen oder "
        "sie während der Prüfung gelöscht wurde.",
        fix="Datei wiederherstellen oder ihre Rechte korrigieren.",
    ),
)
"""Every diagnostic code this module emits, documented for the contributors' page."""


@dataclass(frozen=True)
class SourceFile:
    """One data file's bytes, its kind, and the path shown in messages."""

    kind: DataKind
    display_path: PurePosixPath
    content: bytes


def read_data_files(data_dir: Path, repo_root: Path) -> tuple[tuple[SourceFile, ...], tuple[Diagnostic, ...]]:
    """Find every data file under data_dir; report files that belong to no known kind or cannot be read."""
    files: list[SourceFile] = []
    diagnostics: list[Diagnostic] = []
    for path in sorted(data_dir.rglob("*")):
        relative = PurePosixPath(path.relative_to(data_dir).as_posix())
        if _ignored(relative) or (path.is_dir() and not _looks_like_data_file(relative)):
            continue
        display = display_path(path, repo_root)
        kind = classify_data_file(relative)
        if path.is_dir():
            diagnostics.append(_not_a_file(display))
        elif kind is None or _is_hidden(relative):
            diagnostics.append(_unknown_file(display, relative))
        else:
            try:
                files.append(SourceFile(kind=kind, display_path=display, content=path.read_bytes()))
            except OSError as error:
                diagnostics.append(_unreadable(display, error))
    return tuple(files), tuple(diagnostics)


_YAML_SUFFIXES = frozenset({".yml", ".yaml"})


def _is_hidden(relative: PurePosixPath) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _looks_like_data_file(relative: PurePosixPath) -> bool:
    return relative.suffix.lower() in _YAML_SUFFIXES


def _ignored(relative: PurePosixPath) -> bool:
    """Skip the schemas and hidden files (.gitkeep, .DS_Store), but not a hidden YAML file: it would be lost."""
    if relative.parts[0] == SCHEMA_DIR.name:
        return True
    return _is_hidden(relative) and not _looks_like_data_file(relative)


def display_path(path: Path, repo_root: Path) -> PurePosixPath:
    """Return the path shown in messages: relative to the repository, and the link's own name, not its target."""
    try:
        return PurePosixPath((path.parent.resolve() / path.name).relative_to(repo_root.resolve()).as_posix())
    except ValueError:
        return PurePosixPath(path.as_posix())


def _unknown_file(display: PurePosixPath, relative: PurePosixPath) -> Diagnostic:
    message = "diese Datei gehört zu keiner bekannten Datenart und würde nicht veröffentlicht"
    if _is_hidden(relative):
        visible = PurePosixPath(*(part.lstrip(".") or part for part in relative.parts))
        message = ("Dateien und Ordner, deren Name mit '.' beginnt, werden nicht gelesen: diese Datei würde nicht "
                   "veröffentlicht")
        help_text = f"benenne sie um, z. B. in '{visible.with_suffix(DATA_SUFFIX)}'"
    elif relative.suffix in {".yaml", ".YML", ".YAML"}:
        help_text = f"benenne die Datei um in '{relative.with_suffix(DATA_SUFFIX).name}'"
    else:
        known = ", ".join(
            [kind.spec.file for kind in DataKind if kind.spec.file]
            + [f"{kind.spec.folder}/<id>.yml" for kind in DataKind if kind.spec.folder]
        )
        help_text = f"erlaubt sind: {known}"
    return Diagnostic(
        code=UNKNOWN_FILE_CODE,
        severity=Severity.ERROR,
        path=display,
        position=Position(1, 1),
        message=message,
        help=help_text,
    )


def _not_a_file(display: PurePosixPath) -> Diagnostic:
    return Diagnostic(
        code=UNKNOWN_FILE_CODE,
        severity=Severity.ERROR,
        path=display,
        position=Position(1, 1),
        message=f"'{display.name}' ist ein Ordner, keine Datei, und würde nicht veröffentlicht",
        help="lösche oder benenne den Ordner um; Daten stehen in Dateien, z. B. scenarios/<id>.yml",
    )


def _unreadable(display: PurePosixPath, error: OSError) -> Diagnostic:
    return Diagnostic(
        code=UNREADABLE_FILE_CODE,
        severity=Severity.ERROR,
        path=display,
        position=Position(1, 1),
        message="die Datei kann nicht gelesen werden",
        notes=(f"das Betriebssystem meldet: {error.strerror or error}",),
        help="prüfe, ob die Datei noch existiert und ob du sie lesen darfst",
    )
