"""Diagnostics: what every stage reports instead of raising, formatted like a compiler's."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath


class Severity(enum.Enum):
    """How bad a diagnostic is; errors stop the build, warnings only under --strict."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Position:
    """A 1-based line and column in a data file."""

    line: int
    column: int


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in the guideline data, with its place and a fix."""

    code: str
    severity: Severity
    path: PurePosixPath
    position: Position
    message: str
    notes: tuple[str, ...] = ()
    help: str | None = None

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order diagnostics by file, line, column, then code."""
        return (str(self.path), self.position.line, self.position.column, self.code, self.message)


@dataclass(frozen=True)
class DiagnosticCode:
    """A stable diagnostic code with its documentation for the contributors' page."""

    code: str
    title: str
    explanation: str
    fix: str


@dataclass(frozen=True)
class Report:
    """All diagnostics of a run, sorted."""

    diagnostics: tuple[Diagnostic, ...] = field(default_factory=tuple)

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.WARNING)

    def fails(self, *, strict: bool) -> bool:
        """Tell whether this report must stop the build."""
        return bool(self.errors) or (strict and bool(self.warnings))


def sort_diagnostics(diagnostics: list[Diagnostic] | tuple[Diagnostic, ...]) -> tuple[Diagnostic, ...]:
    """Return the diagnostics sorted by file and position, without duplicates."""
    return tuple(sorted(dict.fromkeys(diagnostics), key=Diagnostic.sort_key))


TRUNCATED_NOTE = "weitere Probleme in dieser Datei werden erst angezeigt, wenn diese behoben sind"


def cap_diagnostics(diagnostics: tuple[Diagnostic, ...], limit: int) -> tuple[Diagnostic, ...]:
    """Keep the first `limit` diagnostics of one file; say on the last one kept that there are more."""
    if len(diagnostics) <= limit:
        return diagnostics
    last = diagnostics[limit - 1]
    return (*diagnostics[: limit - 1], replace(last, notes=(*last.notes, TRUNCATED_NOTE)))


def format_diagnostic(diagnostic: Diagnostic) -> str:
    """Format one diagnostic as `path:line:col: severity[CODE]: message` with notes and help."""
    head = (
        f"{diagnostic.path}:{diagnostic.position.line}:{diagnostic.position.column}: "
        f"{diagnostic.severity.value}[{diagnostic.code}]: {diagnostic.message}"
    )
    lines = [head]
    lines.extend(f"    note: {note}" for note in diagnostic.notes)
    if diagnostic.help:
        lines.append(f"    help: {diagnostic.help}")
    return "\n".join(lines)


def format_report(report: Report) -> str:
    """Format all diagnostics and a closing summary line."""
    blocks = [format_diagnostic(d) for d in report.diagnostics]
    warnings = len(report.warnings)
    summary = f"{len(report.errors)} Fehler, {warnings} {'Warnung' if warnings == 1 else 'Warnungen'}"
    return "\n".join([*blocks, summary]) if blocks else summary


def _escape_annotation(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def format_github_annotation(diagnostic: Diagnostic) -> str:
    """Format one diagnostic as a GitHub Actions workflow command, so it shows on the PR's line."""
    level = "error" if diagnostic.severity is Severity.ERROR else "warning"
    body = "\n".join([diagnostic.message, *diagnostic.notes, *([diagnostic.help] if diagnostic.help else [])])
    props = (
        f"file={diagnostic.path},line={diagnostic.position.line},col={diagnostic.position.column},"
        f"title={diagnostic.code}"
    )
    return f"::{level} {props}::{_escape_annotation(body)}"
