"""A scenario keeps the deadlines of its escalation levels (G373, G374).

A scenario's first response is due within its starting level's `max_first_response`. After an escalation the
level it escalates to applies, counted from the escalation, not from receipt: so a later level is not compared
with the scenario's own first response, but it may not relax the deadline of the level the scenario started on.
Step deadlines count from receipt and name no level, so they are not compared with any.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..diagnostics import Diagnostic, DiagnosticCode, Severity
from ..model.escalation import EscalationLevel
from ..parse.corpus import Guideline
from ..parse.file import ParsedFile
from .findings import finding_at, place_of

LEVEL_DEADLINE_CODE = "G373"
RELAXED_DEADLINE_CODE = "G374"

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode(LEVEL_DEADLINE_CODE, "Reaktionszeit über der Frist der Stufe",
                   "Die Erstreaktionszeit eines Szenarios ist länger als max_first_response der Eskalationsstufe, "
                   "mit der es beginnt (escalation.yml): das Szenario verspricht mehr Zeit, als die Stufe erlaubt "
                   "(Prüfung policies.scenario_deadlines_within_level).",
                   "Die Erstreaktionszeit des Szenarios verkürzen, oder das Szenario auf einer Stufe beginnen, die "
                   "so viel Zeit lässt."),
    DiagnosticCode(RELAXED_DEADLINE_CODE, "Eskalation lockert die Frist",
                   "Ein Eintrag unter 'escalate:' eines Szenarios führt auf eine Stufe, die mehr Zeit bis zur ersten "
                   "Reaktion lässt als die Stufe, mit der das Szenario beginnt. Eine Eskalation macht die Lage "
                   "ernster, die Frist darf dadurch nicht länger werden "
                   "(Prüfung policies.scenario_deadlines_within_level).",
                   "Auf eine höhere Stufe eskalieren, oder die Reihenfolge und Fristen der Stufen in escalation.yml "
                   "prüfen."),
)
"""Every diagnostic code this module emits, documented for the contributors' page."""


def check_scenario_deadlines_within_level(guideline: Guideline, severity: Severity) -> Iterator[Diagnostic]:
    """Report first responses longer than the starting level allows, and escalations to a slower level."""
    levels = {level.id: (index, level) for index, level in enumerate(guideline.escalation.model.levels)}
    for scenario in guideline.scenarios:
        model = scenario.model
        if model.escalation_level not in levels:
            continue  # the reference check reports the unknown level
        index, start = levels[model.escalation_level]
        where = _deadline_place(guideline, index)
        if model.first_response.minutes > start.max_first_response.minutes:
            yield finding_at(
                scenario, ("first_response",), LEVEL_DEADLINE_CODE,
                f"die Erstreaktionszeit ({model.first_response.label}) ist länger, als die Stufe „{start.title}“ "
                f"erlaubt ({start.max_first_response.label})",
                severity=severity, notes=(f"die Frist der Stufe steht in {where}",),
                help_text=f"verkürze die Erstreaktionszeit auf höchstens {start.max_first_response.label}, oder "
                "beginne das Szenario auf einer Stufe, die so viel Zeit lässt",
            )
        for number, escalation in enumerate(model.escalate):
            target = levels.get(escalation.level)
            if target is None or target[1].max_first_response.minutes <= start.max_first_response.minutes:
                continue
            yield _relaxed(guideline, scenario, number, start, target, severity)


def _deadline_place(guideline: Guideline, index: int) -> str:
    return place_of(guideline.escalation, ("levels", index, "max_first_response"))


def _relaxed(guideline: Guideline, scenario: ParsedFile[Any], number: int, start: EscalationLevel,
             target: tuple[int, EscalationLevel], severity: Severity) -> Diagnostic:
    index, level = target
    return finding_at(
        scenario, ("escalate", number, "level"), RELAXED_DEADLINE_CODE,
        f"die Eskalation führt auf die Stufe „{level.title}“ mit {level.max_first_response.label} bis zur ersten "
        f"Reaktion, das Szenario beginnt aber auf der Stufe „{start.title}“ mit {start.max_first_response.label}",
        severity=severity, notes=(f"die Frist der Stufe „{level.title}“ steht in {_deadline_place(guideline, index)}",),
        help_text="eskaliere auf eine Stufe, die mindestens so schnell reagiert, oder prüfe die Fristen der Stufen "
        "in escalation.yml",
    )
