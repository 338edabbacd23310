"""Cross-checks over the whole guideline: ids, references, cycles, and the guideline's own policies.

Contract: check_guideline(guideline) -> diagnostics (G2xx references, G3xx content policy), each at
the position of the offending value, found through the file's source map. The checks themselves live
in references.py, prerequisites.py and policies.py; this module composes them and adds the one that
needs no model of its own: phase numbering. (Placeholders left in are found while parsing: parse/placeholders.py.)
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, DiagnosticCode, sort_diagnostics
from ..model.review import BuildDate
from ..parse.corpus import Guideline
from . import (
    broadcast,
    coverage,
    crisis,
    deadlines,
    employees,
    length,
    naming,
    onboarding,
    parties,
    policies,
    prerequisites,
    references,
    replies,
    reply_training,
    reserved,
    review,
    statement_deadlines,
    statements,
    templates,
)
from .findings import finding_at

PHASE_ORDER_CODE = "G205"

CODES: tuple[DiagnosticCode, ...] = (
    *references.CODES,
    *reserved.CODES,
    *prerequisites.CODES,
    DiagnosticCode(
        code=PHASE_ORDER_CODE,
        title="Phasen falsch nummeriert",
        explanation="Die Phasen in process.yml sind von 1 an fortlaufend nummeriert, in der Reihenfolge, in der "
        "sie in der Datei stehen.",
        fix="Nummern korrigieren oder die Phasen in die richtige Reihenfolge bringen.",
    ),
    *policies.CODES,
    *coverage.CODES,
    *reply_training.CODES,
    *templates.CODES,
    *naming.CODES,
    *employees.CODES,
    *crisis.CODES,
    *broadcast.CODES,
    *length.CODES,
    *deadlines.CODES,
    *statements.CODES,
    *statement_deadlines.CODES,
    *parties.CODES,
    *review.CODES,
    *onboarding.CODES,
    *replies.CODES,
)
"""Every diagnostic code this module (and the checks it composes) emits, for the contributors' page."""


def check_guideline(guideline: Guideline, today: BuildDate | None = None) -> tuple[Diagnostic, ...]:
    """Run every cross-check and policy check (reviews against the build's date `today`); return all problems."""
    definitions = references.defined_ids(guideline)
    referenced = references.referenced_ids(guideline)
    return sort_diagnostics(
        (
            *references.check_duplicate_ids(definitions),
            *reserved.check_reserved_ids(definitions),
            *references.check_references(definitions, referenced),
            *parties.check_parties(guideline, referenced),
            *prerequisites.check_self_prerequisites(guideline.training),
            *prerequisites.check_prerequisite_cycles(guideline.training),
            *check_phase_numbers(guideline),
            *coverage.check_hours_stated(guideline),
            *policies.check_policies(guideline),
            *statements.check_statements(guideline),
            *review.check_reviews(guideline, today),
            *onboarding.check_onboarding(guideline),
            *replies.check_reply_rules(guideline),
        )
    )


def check_phase_numbers(guideline: Guideline) -> tuple[Diagnostic, ...]:
    """Report the first phase whose number breaks the sequence 1, 2, …, n."""
    phases = guideline.process.model.phases
    for index, phase in enumerate(phases):
        if phase.number == index + 1:
            continue
        found = ", ".join(str(p.number) for p in phases)
        return (
            finding_at(
                guideline.process,
                ("phases", index, "number"),
                PHASE_ORDER_CODE,
                f"die {index + 1}. Phase hat die Nummer {phase.number}, erwartet wird {index + 1}",
                notes=(f"die Phasen sind von 1 an fortlaufend nummeriert; gefunden: {found}",),
                help_text="korrigiere die Nummer oder bring die Phasen in die richtige Reihenfolge",
            ),
        )
    return ()
