"""The catalogue of every diagnostic code, gathered from the stages that emit them."""

from __future__ import annotations

from .check import guideline as checks
from .diagnostics import DiagnosticCode
from .load import folder, source
from .parse import corpus
from .parse import file as parse
from .plan import addresses


def all_codes() -> tuple[DiagnosticCode, ...]:
    """Return every documented diagnostic code, sorted by code."""
    gathered = (*source.CODES, *folder.CODES, *parse.CODES, *corpus.CODES, *checks.CODES, *addresses.CODES)
    return tuple(sorted(gathered, key=lambda entry: entry.code))
