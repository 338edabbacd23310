"""Whoever answers or approves customer replies has the customer-dialogue training (G340)."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic, DiagnosticCode, Severity
from ..parse.corpus import Guideline
from .findings import finding_at, place_of, shorten_list

REPLY_TRAINING_CODE = "G340"

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode(REPLY_TRAINING_CODE, "Kundenantworten ohne Kundendialog-Schulung",
                   "Eine Rolle antwortet laut Rollenmatrix Menschen öffentlich (bei einer Aufgabe mit "
                   "'answers_people: true' wie replying, als 'responsible' oder 'approves'), hat aber nicht jedes "
                   "Schulungsmodul mit 'customer_dialogue_training: true' unter ihren Pflichtschulungen "
                   "(Prüfung policies.reply_roles_trained).",
                   "Das Modul in roles.yml unter 'required_training' der Rolle eintragen, oder in matrix.yml eine "
                   "geschulte Rolle antworten bzw. freigeben lassen."),
)
"""Every diagnostic code this module emits, documented for the contributors' page."""


def _replying_roles(guideline: Guideline) -> dict[str, list[str]]:
    """Return each role that answers or approves replies, with where the matrix says so."""
    found: dict[str, list[str]] = {}
    for index, assignment in enumerate(guideline.matrix.model.assignments):
        if not guideline.matrix.model.answers_people(assignment.task):
            continue
        for field, role_id in (("responsible", assignment.responsible), ("approves", assignment.approves)):
            if role_id is not None:
                where = place_of(guideline.matrix, ("assignments", index, field))
                found.setdefault(role_id, []).append(f"{assignment.channel} ({where})")
    return found


def check_reply_roles_trained(guideline: Guideline, severity: Severity) -> Iterator[Diagnostic]:
    """Report roles that reply or approve replies without every module flagged as customer-dialogue training."""
    flagged = [module for module in guideline.training if module.model.customer_dialogue_training]
    replying = _replying_roles(guideline)
    for index, role in enumerate(guideline.roles.model.roles):
        missing = [module for module in flagged if module.model.id not in role.required_training]
        if role.id not in replying or not missing:
            continue
        names = ", ".join(f"'{module.model.id}'" for module in missing)
        yield finding_at(
            guideline.roles, ("roles", index, "id"), REPLY_TRAINING_CODE,
            f"die Rolle '{role.id}' antwortet Kundinnen und Kunden oder gibt Antworten frei, hat aber die "
            f"Kundendialog-Schulung {names} nicht unter ihren Pflichtschulungen",
            severity=severity,
            notes=(f"laut Rollenmatrix auf: {shorten_list(replying[role.id])}",
                   *(f"'{m.model.id}' ist als Kundendialog-Schulung markiert in "
                     f"{place_of(m, ('customer_dialogue_training',))}" for m in missing)),
            help_text=f"trag {names} unter 'required_training:' der Rolle ein, oder lass in matrix.yml eine "
            "geschulte Rolle antworten und freigeben",
        )
