"""Cross-checks over the whole guideline: ids, references, cycles, and the guideline's own policies.

Contract: check_guideline(guideline) -> diagnostics (G2xx references, G3xx content policy), each at
the position of the offending value, found through the file's source map.
"""

from __future__ import annotations

from .corpus import Guideline
from .diagnostics import Diagnostic, DiagnosticCode


CODES: tuple[DiagnosticCode, ...] = ()
"""Every diagnostic code this module emits, documented for the contributors' page."""

def check_guideline(guideline: Guideline) -> tuple[Diagnostic, ...]:
    """Run every cross-check and policy check; return all problems."""
    raise NotImplementedError
