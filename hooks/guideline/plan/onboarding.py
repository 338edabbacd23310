"""Page contexts of "Neu hier?" and of each role's onboarding page: phases with steps to tick off.

Every step carries a stable key, derived from its id (or from a training module's id), never from its
position: the browser remembers ticks under "<page>:<key>", so reordering or adding steps in
onboarding.yml leaves the ticks where they were.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model.duration import DurationUnit
from ..model.ids import IdKind
from ..model.layout import DataKind
from ..model.onboarding import OnboardingFile, OnboardingPhase, OnboardingStep, RoleOnboarding, RoleStep
from ..model.roles import Role
from ..model.training import TrainingModule
from . import links as urls
from .curriculum import curriculum_order, with_prerequisites
from .links import Link, Links
from .page import PlannedPage, Planning
from .search import PageSearch, page_search

if TYPE_CHECKING:
    from ..parse.corpus import Guideline

ONBOARDING_FOLDER = "neu"
ONBOARDING_PAGE = f"{ONBOARDING_FOLDER}/index.md"
STEP_PREFIX = "schritt-"
MODULE_PREFIX = "schulung-"
OVERVIEW_BOOST = 2.0  # the way in for every newcomer: before the role pages, which repeat its words in their titles


@dataclass(frozen=True)
class StepView:
    """One step as a checklist entry: its stable key (also its anchor), what to do, and its module if any."""

    key: str
    title: str
    details: str | None
    training: Link | None
    duration: str | None = None


@dataclass(frozen=True)
class PhaseView:
    """One phase of a role's onboarding with its steps; the training phase also lists the modules' total time."""

    anchor: str
    title: str
    summary: str | None
    steps: tuple[StepView, ...]
    training_total: str | None


@dataclass(frozen=True)
class RoleOnboardingPage:
    """Context of `neu/<role-id>.md`: one role's first day, week and month as a checklist."""

    checklist: str  # the page's key in the browser's storage
    role: Link
    phases: tuple[PhaseView, ...]
    step_count: int
    overview: Link
    curriculum: Link


@dataclass(frozen=True)
class OverviewStep:
    """One step of a phase on the "Neu hier?" page, under its anchor, with the roles it is for (none: all)."""

    anchor: str
    title: str
    roles: tuple[Link, ...]


@dataclass(frozen=True)
class PhaseOverview:
    """One phase on the "Neu hier?" page: what it is about and its steps, without checkboxes."""

    anchor: str
    title: str
    summary: str | None
    steps: tuple[OverviewStep, ...]
    training: bool


@dataclass(frozen=True)
class OnboardingPage:
    """Context of `neu/index.md`: first steps for everyone, the phases, and every role's onboarding page."""

    checklist: str
    intro: str
    steps: tuple[StepView, ...]
    phases: tuple[PhaseOverview, ...]
    roles: tuple[Link, ...]
    employees: Link | None
    curriculum: Link


def page_of_role(role_id: str) -> str:
    """Return the onboarding page of a role: a short, stable address to send to a new hire."""
    return f"{ONBOARDING_FOLDER}/{role_id}.md"


def onboarding_link(guideline: Guideline, role_id: str) -> Link | None:
    """Return the link to a role's onboarding page, if onboarding.yml lists the role."""
    parsed = guideline.one_of(DataKind.ONBOARDING)
    if parsed is None or all(entry.role != role_id for entry in parsed.model.roles):
        return None
    return Link("Deine Einarbeitung", page_of_role(role_id))


def total_label(modules: Iterable[TrainingModule]) -> str:
    """Return the modules' total time in German, hours together and longer units each on their own."""
    minutes = sum(m.duration.minutes for m in modules if m.duration.unit.value <= DurationUnit.HOUR.value)
    longer: dict[DurationUnit, int] = {}
    for module in modules:
        if module.duration.unit.value > DurationUnit.HOUR.value:
            longer[module.duration.unit] = longer.get(module.duration.unit, 0) + module.duration.amount
    hours, rest = divmod(minutes, 60)
    parts = [f"{hours} Stunde" if hours == 1 else f"{hours} Stunden"] if hours or not longer else []
    if rest:
        parts.append(f"{rest} Minuten")
    names = {DurationUnit.DAY: ("Tag", "Tage"), DurationUnit.WEEK: ("Woche", "Wochen"),
             DurationUnit.MONTH: ("Monat", "Monate")}
    parts.extend(f"{amount} {names[unit][amount != 1]}" for unit, amount in sorted(longer.items(), key=_by_length))
    return " und ".join(parts)


def _by_length(entry: tuple[DurationUnit, int]) -> int:
    return entry[0].value


def _step_view(step: OnboardingStep, links: Links) -> StepView:
    module = step.training if isinstance(step, RoleStep) else None
    return StepView(STEP_PREFIX + step.id, step.title, step.details,
                    links.to(IdKind.TRAINING, module) if module else None)


def _module_view(module: TrainingModule, links: Links) -> StepView:
    return StepView(MODULE_PREFIX + module.id, f"Schulung: {module.title}", None,
                    links.to(IdKind.TRAINING, module.id), f"{module.duration.label}, {module.format.label}")


def required_modules(role: Role, modules: tuple[TrainingModule, ...]) -> tuple[TrainingModule, ...]:
    """Return the modules a role must take, with their prerequisites, in the order they are taken."""
    needed = with_prerequisites(role.required_training, modules)
    return tuple(module for module in curriculum_order(modules) if module.id in needed)


def _phase_view(phase: OnboardingPhase, own: tuple[RoleStep, ...], required: tuple[TrainingModule, ...],
                links: Links) -> PhaseView:
    shown = required if phase.training else ()
    steps = (*(_module_view(module, links) for module in shown),
             *(_step_view(step, links) for step in phase.steps),
             *(_step_view(step, links) for step in own if step.phase == phase.id))
    return PhaseView("phase-" + phase.id, phase.title, phase.summary, steps,
                     total_label(shown) if shown else None)


def role_onboarding_context(onboarding: OnboardingFile, entry: RoleOnboarding, role: Role,
                            modules: tuple[TrainingModule, ...], links: Links) -> RoleOnboardingPage:
    """Build one role's onboarding page: each phase's steps, the role's modules and its own steps."""
    required = required_modules(role, modules)
    phases = tuple(_phase_view(phase, entry.steps, required, links) for phase in onboarding.phases)
    return RoleOnboardingPage(
        checklist=page_of_role(role.id).removesuffix(".md"),
        role=links.to(IdKind.ROLE, role.id),
        phases=phases,
        step_count=sum(len(phase.steps) for phase in phases),
        overview=Link("Neu hier?", ONBOARDING_PAGE),
        curriculum=Link("Alle Schulungen", urls.CURRICULUM_PAGE),
    )


def onboarding_context(onboarding: OnboardingFile, planning: Planning) -> OnboardingPage:
    """Build the "Neu hier?" page: first steps for everyone, the phases and the roles' pages."""
    roles = {role.id: role for role in planning.guideline.roles.model.roles}
    has_employees = planning.guideline.one_of(DataKind.EMPLOYEES) is not None
    return OnboardingPage(
        checklist=ONBOARDING_FOLDER,
        intro=onboarding.intro,
        steps=tuple(_step_view(step, planning.links) for step in onboarding.everyone),
        phases=tuple(_phase_overview(phase, onboarding, planning.links) for phase in onboarding.phases),
        roles=tuple(Link(roles[e.role].title, page_of_role(e.role)) for e in _listed(onboarding, roles)),
        employees=Link("Social Media für alle Mitarbeitenden", urls.EMPLOYEES_PAGE) if has_employees else None,
        curriculum=Link("Alle Schulungen", urls.CURRICULUM_PAGE),
    )


def _phase_overview(phase: OnboardingPhase, onboarding: OnboardingFile, links: Links) -> PhaseOverview:
    own = tuple(OverviewStep(STEP_PREFIX + step.id, step.title, (links.to(IdKind.ROLE, entry.role),))
                for entry in onboarding.roles for step in entry.steps if step.phase == phase.id)
    return PhaseOverview(
        anchor="phase-" + phase.id, title=phase.title, summary=phase.summary,
        steps=(*(OverviewStep(STEP_PREFIX + step.id, step.title, ()) for step in phase.steps), *own),
        training=phase.training,
    )


def _listed(onboarding: OnboardingFile, roles: dict[str, Role]) -> tuple[RoleOnboarding, ...]:
    """Return each known role's entry once, the first one if a role is listed twice (the check reports it)."""
    seen: set[str] = set()
    listed = []
    for entry in onboarding.roles:
        if entry.role in roles and entry.role not in seen:
            seen.add(entry.role)
            listed.append(entry)
    return tuple(listed)


def onboarding_search(onboarding: OnboardingFile) -> PageSearch | None:
    """Find "Neu hier?" by its keywords, ahead of the roles' onboarding pages that share its words."""
    texts = (onboarding.intro, *(step.title for step in onboarding.everyone), *(p.title for p in onboarding.phases))
    return page_search(onboarding.keywords, texts, OVERVIEW_BOOST if onboarding.keywords else None)


def plan_onboarding(planning: Planning) -> tuple[PlannedPage, ...]:
    """Plan "Neu hier?" and one onboarding page per listed role, if the guideline has onboarding.yml."""
    parsed = planning.guideline.one_of(DataKind.ONBOARDING)
    if parsed is None:
        return ()
    onboarding, source = parsed.model, parsed.source_map.path
    roles = {role.id: role for role in planning.guideline.roles.model.roles}
    modules = tuple(module.model for module in planning.guideline.training)
    return (
        PlannedPage(ONBOARDING_PAGE, "Neu hier? Onboarding und Einarbeitung", "onboarding.md.j2",
                    onboarding_context(onboarding, planning), source, onboarding_search(onboarding)),
        *(
            PlannedPage(page_of_role(entry.role), f"Einarbeitung: {roles[entry.role].title}",
                        "role_onboarding.md.j2",
                        role_onboarding_context(onboarding, entry, roles[entry.role], modules, planning.links),
                        source)
            for entry in _listed(onboarding, roles)
        ),
    )
