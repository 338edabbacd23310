"""Page context of the table of diagnostic codes on the contributors' pages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from ..diagnostics import DiagnosticCode
from . import links as urls
from .links import Link
from .page import PlannedPage, Planning

CODES_SOURCE = PurePosixPath("hooks/guideline/codes.py")
"""Where the catalogue of diagnostic codes is maintained: the edit link of the error code page."""

@dataclass(frozen=True)
class ErrorCodesPage:
    """Context of `mitmachen/fehlercodes.md`."""

    codes: tuple[DiagnosticCode, ...]
    contributing: Link


def error_codes_context(codes: tuple[DiagnosticCode, ...]) -> ErrorCodesPage:
    """List every diagnostic code for contributors."""
    return ErrorCodesPage(codes=codes, contributing=urls.CONTRIBUTING)


def plan_error_codes(planning: Planning) -> tuple[PlannedPage, ...]:
    """Plan the table of diagnostic codes for contributors."""
    context = error_codes_context(planning.codes)
    return (PlannedPage(urls.ERROR_CODES_PAGE, "Fehlercodes", "error_codes.md.j2", context, CODES_SOURCE),)
