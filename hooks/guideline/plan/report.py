"""The page the live preview shows instead of the guideline while the data has errors."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from ..diagnostics import Diagnostic, Report
from .links import START_PAGE
from .page import PlannedPage


@dataclass(frozen=True)
class DiagnosticView:
    """One diagnostic as the preview lists it."""

    location: str
    severity: str
    code: str
    message: str
    notes: tuple[str, ...]
    help: str | None


@dataclass(frozen=True)
class ReportPage:
    """Context of the preview's error page."""

    errors: int
    warnings: int
    diagnostics: tuple[DiagnosticView, ...]


REPORT_PAGE_TITLE = "Der Leitfaden enthält Fehler"
REPORT_PAGE_TEMPLATE = "report.md.j2"


def _view(diagnostic: Diagnostic) -> DiagnosticView:
    position = diagnostic.position
    return DiagnosticView(
        location=f"{diagnostic.path}:{position.line}:{position.column}",
        severity="Fehler" if diagnostic.severity.value == "error" else "Warnung",
        code=diagnostic.code,
        message=diagnostic.message,
        notes=diagnostic.notes,
        help=diagnostic.help,
    )


def report_context(report: Report) -> ReportPage:
    """Build the error page's context from a report."""
    return ReportPage(
        errors=len(report.errors),
        warnings=len(report.warnings),
        diagnostics=tuple(_view(d) for d in report.diagnostics),
    )


def plan_report_page(report: Report) -> PlannedPage:
    """Plan the error page in place of the start page (where the preview opens), edit link on the first problem."""
    edit_path = report.diagnostics[0].path if report.diagnostics else PurePosixPath("guideline_data")
    return PlannedPage(START_PAGE, REPORT_PAGE_TITLE, REPORT_PAGE_TEMPLATE, report_context(report), edit_path)
