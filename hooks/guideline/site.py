"""Run the pipeline: read files → load → parse → assemble → check → plan → render.

This is the one place that does file I/O; every stage it calls is a pure function. The MkDocs hook
and the command line both call only `build_site` or `check_site`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .checks import check_guideline
from .corpus import Guideline, assemble_guideline
from .diagnostics import Diagnostic, Position, Report, Severity, sort_diagnostics
from .layout import DATA_SUFFIX, SCHEMA_DIR, DataKind, classify_data_file
from .pages import plan_pages
from .parse import ParsedFile, parse_file
from .render import RenderedPage, render_pages
from .report_page import plan_report_page
from .source import load_yaml

UNKNOWN_FILE_CODE = "G003"
UNREADABLE_FILE_CODE = "G016"


@dataclass(frozen=True)
class SourceFile:
    """One data file's bytes, its kind, and the path shown in messages."""

    kind: DataKind
    display_path: PurePosixPath
    content: bytes


@dataclass(frozen=True)
class SiteBuild:
    """The rendered pages (none if there were errors) and every diagnostic."""

    pages: tuple[RenderedPage, ...]
    report: Report


def read_data_files(data_dir: Path, repo_root: Path) -> tuple[tuple[SourceFile, ...], tuple[Diagnostic, ...]]:
    """Find every data file under data_dir; report files that belong to no known kind or cannot be read."""
    files: list[SourceFile] = []
    diagnostics: list[Diagnostic] = []
    for path in sorted(data_dir.rglob("*")):
        relative = PurePosixPath(path.relative_to(data_dir).as_posix())
        if _ignored(relative) or (path.is_dir() and not _looks_like_data_file(relative)):
            continue
        display = _display_path(path, repo_root)
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


def _display_path(path: Path, repo_root: Path) -> PurePosixPath:
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


def parse_source_files(
    files: tuple[SourceFile, ...],
) -> tuple[tuple[ParsedFile, ...], tuple[Diagnostic, ...]]:  # type: ignore[type-arg]
    """Load and parse each file on its own (so each result can be cached per file)."""
    parsed: list[ParsedFile] = []  # type: ignore[type-arg]
    diagnostics: list[Diagnostic] = []
    for source in files:
        loaded, load_diagnostics = load_yaml(source.display_path, source.content)
        diagnostics.extend(load_diagnostics)
        if loaded is None:
            continue
        result, parse_diagnostics = parse_file(source.kind, loaded)
        diagnostics.extend(parse_diagnostics)
        if result is not None:
            parsed.append(result)
    return tuple(parsed), tuple(diagnostics)


def load_guideline(data_dir: Path, repo_root: Path) -> tuple[Guideline | None, Report]:
    """Read, load, parse, assemble and check the guideline; the guideline is None on errors."""
    files, diagnostics = read_data_files(data_dir, repo_root)
    parsed, parse_diagnostics = parse_source_files(files)
    data_root = _display_path(data_dir, repo_root)
    present = frozenset(source.kind for source in files)
    guideline, assembly_diagnostics = assemble_guideline(parsed, present, data_root)
    collected = [*diagnostics, *parse_diagnostics, *assembly_diagnostics]
    if guideline is not None and not any(d.severity is Severity.ERROR for d in collected):
        collected.extend(check_guideline(guideline))
    report = Report(sort_diagnostics(collected))
    return (guideline if not report.errors else None), report


def check_site(data_dir: Path, repo_root: Path) -> Report:
    """Validate the data without rendering pages."""
    return load_guideline(data_dir, repo_root)[1]


def build_site(data_dir: Path, repo_root: Path) -> SiteBuild:
    """Validate the data and render every page; no pages when there are errors."""
    guideline, report = load_guideline(data_dir, repo_root)
    if guideline is None:
        return SiteBuild(pages=(), report=report)
    return SiteBuild(pages=render_pages(plan_pages(guideline)), report=report)


def build_preview(data_dir: Path, repo_root: Path) -> SiteBuild:
    """Like build_site, but with errors render one page listing them, so a live preview stays up."""
    build = build_site(data_dir, repo_root)
    if not build.report.errors:
        return build
    return SiteBuild(pages=render_pages((plan_report_page(build.report),)), report=build.report)
