"""Find the data files in the data folder and read their bytes: the pipeline's only reading of files.

Files that belong to no known kind, folders named like files and unreadable files are reported, never
skipped silently. Symbolic links are refused without being followed: a link can point anywhere on the
machine that builds the site, and whatever it points at would be published or echoed into the log.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..diagnostics import Diagnostic, DiagnosticCode, Position, Severity
from ..model.layout import DATA_SUFFIX, SCHEMA_DIR, DataKind, classify_data_file

UNKNOWN_FILE_CODE = "G003"
UNREADABLE_FILE_CODE = "G016"
SYMBOLIC_LINK_CODE = "G018"

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
    DiagnosticCode(
        code=SYMBOLIC_LINK_CODE,
        title="Symbolischer Link",
        explanation="In guideline_data/ liegt ein symbolischer Link (auf eine Datei oder einen Ordner). Links "
        "werden nicht gelesen und nicht verfolgt: Sie können auf Dateien außerhalb des Leitfadens zeigen, "
        "deren Inhalt sonst veröffentlicht oder im Prüfprotokoll angezeigt würde.",
        fix="Den Link durch die Datei oder den Ordner selbst ersetzen (kopieren statt verlinken) oder ihn "
        "löschen.",
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
    """Find every data file under data_dir; report links, files of no known kind and files that cannot be read."""
    if data_dir.is_symlink():
        return (), (_symbolic_link(display_path(data_dir, repo_root)),)
    files: list[SourceFile] = []
    diagnostics: list[Diagnostic] = []
    for entry in _entries(data_dir):
        relative = PurePosixPath(entry.path.relative_to(data_dir).as_posix())
        display = display_path(entry.path, repo_root)
        if entry.link:
            diagnostics.append(_symbolic_link(display))
        elif entry.error is not None:
            diagnostics.append(_unreadable(display, entry.error, folder=True))
        elif _ignored(relative) or (entry.folder and not _looks_like_data_file(relative)):
            continue
        elif entry.folder:
            diagnostics.append(_not_a_file(display))
        elif (kind := classify_data_file(relative)) is None or _is_hidden(relative):
            diagnostics.append(_unknown_file(display, relative))
        else:
            try:
                files.append(SourceFile(kind=kind, display_path=display, content=_read_unfollowed(entry.path)))
            except OSError as error:
                diagnostics.append(_unreadable(display, error))
    return tuple(files), tuple(diagnostics)


@dataclass(frozen=True)
class _Entry:
    """One path under the data folder, told apart without following a link."""

    path: Path
    link: bool = False
    folder: bool = False
    error: OSError | None = None  # a folder that could not be listed


def _entries(data_dir: Path) -> list[_Entry]:
    """List everything under data_dir, sorted by path; never enter a linked folder, never read a link."""
    found: list[_Entry] = []
    folders = [data_dir] if data_dir.is_dir() else []
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                children = [(Path(i.path), i.is_symlink(), i.is_dir(follow_symlinks=False)) for i in listing]
        except OSError as error:
            found.append(_Entry(folder, error=error))
            continue
        for path, link, is_folder in children:
            found.append(_Entry(path, link=link, folder=is_folder and not link))
            if is_folder and not link:
                folders.append(path)
    return sorted(found, key=lambda entry: entry.path)


def _read_unfollowed(path: Path) -> bytes:
    """Read a file's bytes; fail rather than follow a link put in its place since the folder was listed."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(descriptor, "rb") as handle:
        return handle.read()


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


def _about_whole(
    code: str, display: PurePosixPath, message: str, help_text: str, notes: tuple[str, ...] = ()
) -> Diagnostic:
    """Report a problem with a file or folder as a whole, at its first line."""
    return Diagnostic(code, Severity.ERROR, display, Position(1, 1), message, notes, help_text)


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
    return _about_whole(UNKNOWN_FILE_CODE, display, message, help_text)


def _not_a_file(display: PurePosixPath) -> Diagnostic:
    return _about_whole(
        UNKNOWN_FILE_CODE, display, f"'{display.name}' ist ein Ordner, keine Datei, und würde nicht veröffentlicht",
        "lösche oder benenne den Ordner um; Daten stehen in Dateien, z. B. scenarios/<id>.yml",
    )


def _unreadable(display: PurePosixPath, error: OSError, *, folder: bool = False) -> Diagnostic:
    what = "der Ordner" if folder else "die Datei"
    return _about_whole(
        UNREADABLE_FILE_CODE, display, f"{what} kann nicht gelesen werden",
        f"prüfe, ob {what} noch existiert und ob du {'ihn' if folder else 'sie'} lesen darfst",
        (f"das Betriebssystem meldet: {error.strerror or error}",),
    )


def _symbolic_link(display: PurePosixPath) -> Diagnostic:
    return _about_whole(
        SYMBOLIC_LINK_CODE, display, f"'{display.name}' ist ein symbolischer Link; Links im Datenordner werden nicht "
        "gelesen",
        "ersetze den Link durch die Datei oder den Ordner selbst (kopieren statt verlinken) oder lösche ihn",
        ("ein Link kann auf Dateien außerhalb des Leitfadens zeigen, deshalb folgt die Prüfung keinem Link",),
    )
