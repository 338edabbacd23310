"""Onboarding (G410–G413): every phase has steps, each role once, steps name only modules the role takes.

onboarding.yml is optional: a guideline without it is not checked here. Unknown roles, phases and
modules are reported by the reference check (G2xx), like everywhere else.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic, DiagnosticCode
from ..model.layout import DataKind
from ..model.onboarding import OnboardingFile
from ..model.training import TrainingModule
from ..parse.corpus import Guideline
from ..parse.file import ParsedFile
from .findings import finding_at, place_of, shorten_list

EMPTY_PHASE_CODE = "G410"
MODULE_NOT_REQUIRED_CODE = "G411"
ROLE_TWICE_CODE = "G412"
TRAINING_PHASE_TWICE_CODE = "G413"

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode(
        EMPTY_PHASE_CODE, "Einarbeitungsphase ohne Schritte",
        "Eine Phase in onboarding.yml hat keine Schritte, keine Rolle legt dort einen eigenen Schritt ab, und die "
        "Pflichtschulungen stehen auch nicht darin ('training: true'). Auf jeder Einarbeitungsseite stünde eine "
        "leere Überschrift.",
        "Unter 'steps:' der Phase Schritte eintragen, bei einer Rolle einen Schritt mit 'phase:' dieser Phase "
        "anlegen oder die Phase löschen.",
    ),
    DiagnosticCode(
        MODULE_NOT_REQUIRED_CODE, "Einarbeitungsschritt mit einem Modul, das die Rolle nicht braucht",
        "Ein Schritt einer Rolle in onboarding.yml nennt unter 'training:' ein Schulungsmodul, das die Rolle weder "
        "unter 'required_training' in roles.yml hat noch als Voraussetzung eines ihrer Module braucht. Die neue "
        "Kollegin oder der neue Kollege würde auf ein Modul geschickt, das ihr Plan nicht vorsieht.",
        "Das Modul in roles.yml bei der Rolle unter 'required_training' eintragen oder im Schritt das richtige "
        "Modul nennen.",
    ),
    DiagnosticCode(
        ROLE_TWICE_CODE, "Rolle zweimal in der Einarbeitung",
        "Eine Rolle steht unter 'roles:' in onboarding.yml zweimal; sie hat aber nur eine Einarbeitungsseite.",
        "Die Schritte beider Einträge in einem Eintrag zusammenführen und den zweiten löschen.",
    ),
    DiagnosticCode(
        TRAINING_PHASE_TWICE_CODE, "Pflichtschulungen in mehreren Phasen",
        "Mehr als eine Phase in onboarding.yml setzt 'training: true'; die Pflichtschulungen stünden dann doppelt "
        "auf jeder Einarbeitungsseite.",
        "'training: true' nur bei der Phase lassen, in der die Schulungen stattfinden, meist im ersten Monat.",
    ),
)
"""Every diagnostic code this module emits, documented for the contributors' page."""


def check_onboarding(guideline: Guideline) -> tuple[Diagnostic, ...]:
    """Run every check of onboarding.yml; nothing without it."""
    parsed = guideline.one_of(DataKind.ONBOARDING)
    if parsed is None:
        return ()
    modules = tuple(module.model for module in guideline.training)
    return (
        *_empty_phases(parsed),
        *_modules_not_required(guideline, parsed, modules),
        *_roles_twice(parsed),
        *_training_phases_twice(parsed),
    )


def _empty_phases(parsed: ParsedFile[OnboardingFile]) -> Iterator[Diagnostic]:
    used = {step.phase for entry in parsed.model.roles for step in entry.steps}
    for index, phase in enumerate(parsed.model.phases):
        if phase.steps or phase.training or phase.id in used:
            continue
        yield finding_at(
            parsed, ("phases", index, "id"), EMPTY_PHASE_CODE,
            f"die Phase '{phase.id}' hat keine Schritte",
            notes=("weder 'steps:' noch 'training: true', und keine Rolle legt dort einen eigenen Schritt ab",),
            help_text=f"trage unter 'steps:' Schritte ein, leg bei einer Rolle einen Schritt mit 'phase: {phase.id}' "
            "an oder lösche die Phase",
        )


def _modules_not_required(guideline: Guideline, parsed: ParsedFile[OnboardingFile],
                          modules: tuple[TrainingModule, ...]) -> Iterator[Diagnostic]:
    roles = {role.id: (index, role) for index, role in enumerate(guideline.roles.model.roles)}
    known = {module.id for module in modules}
    for entry_index, entry in enumerate(parsed.model.roles):
        if entry.role not in roles:
            continue
        role_index, role = roles[entry.role]
        needed = _needed_modules(role.required_training, modules)
        for step_index, step in enumerate(entry.steps):
            if step.training is None or step.training not in known or step.training in needed:
                continue
            yield finding_at(
                parsed, ("roles", entry_index, "steps", step_index, "training"), MODULE_NOT_REQUIRED_CODE,
                f"der Schritt '{step.id}' nennt das Modul '{step.training}', das die Rolle '{role.id}' nicht braucht",
                notes=(f"Pflichtschulungen der Rolle ({place_of(guideline.roles, ('roles', role_index, 'id'))}): "
                       f"{shorten_list(sorted(needed)) if needed else 'keine'}",),
                help_text=f"trage '{step.training}' in roles.yml bei '{role.id}' unter 'required_training' ein oder "
                "nenne im Schritt das richtige Modul",
            )


def _needed_modules(required: tuple[str, ...], modules: tuple[TrainingModule, ...]) -> frozenset[str]:
    """Return the required modules with everything they require (the check stage plans no curriculum)."""
    by_id = {module.id: module for module in modules}
    needed: set[str] = set()
    stack = [module_id for module_id in required if module_id in by_id]
    while stack:
        module_id = stack.pop()
        if module_id not in needed:
            needed.add(module_id)
            stack.extend(p for p in by_id[module_id].prerequisites if p in by_id)
    return frozenset(needed)


def _roles_twice(parsed: ParsedFile[OnboardingFile]) -> Iterator[Diagnostic]:
    first: dict[str, int] = {}
    for index, entry in enumerate(parsed.model.roles):
        if entry.role not in first:
            first[entry.role] = index
            continue
        yield finding_at(
            parsed, ("roles", index, "role"), ROLE_TWICE_CODE,
            f"die Rolle '{entry.role}' steht zweimal in der Einarbeitung",
            notes=(f"zuerst in {place_of(parsed, ('roles', first[entry.role], 'role'))}",),
            help_text="führe die Schritte beider Einträge in einem zusammen und lösche den zweiten",
        )


def _training_phases_twice(parsed: ParsedFile[OnboardingFile]) -> Iterator[Diagnostic]:
    marked = [index for index, phase in enumerate(parsed.model.phases) if phase.training]
    for index in marked[1:]:
        yield finding_at(
            parsed, ("phases", index, "training"), TRAINING_PHASE_TWICE_CODE,
            f"die Phase '{parsed.model.phases[index].id}' listet die Pflichtschulungen ein zweites Mal",
            notes=(f"'training: true' steht schon in {place_of(parsed, ('phases', marked[0], 'training'))}",),
            help_text="lass 'training: true' nur bei der Phase, in der die Schulungen stattfinden",
        )

