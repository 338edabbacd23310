"""Page context of the table of diagnostic codes on the contributors' pages."""

from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import DiagnosticCode
from . import links as urls
from .links import Link
from .page import PlannedPage, Planning


@dataclass(frozen=True)
class ErrorCodesPage:
    """Context of `mitmachen/fehlercodes.md`."""

    codes: tuple[DiagnosticCode, ...]
    contributing: Link


def error_codes_context(codes: tuple[DiagnosticCode, ...]) -> ErrorCodesPage:
    """List every diagnostic code for contributors."""
    return ErrorCodesPage(codes=codes, contributing=urls.CONTRIBUTING)


def plan_error_codes(planning: Planning) -> tuple[PlannedPage, ...]:
    """Plan the table of diagnostic codes; no edit link, the codes are declared in the modules that emit them."""
    context = error_codes_context(planning.codes)
    return (PlannedPage(urls.ERROR_CODES_PAGE, "Fehlercodes", "error_codes.md.j2", context, None),)
