"""Page contexts for the role matrix and for each role's "Deine Aufgaben" page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model.channels import Channel
from ..model.ids import IdKind
from ..model.roles import Role
from ..model.scenarios import Scenario
from ..model.training import TrainingModule
from . import links as urls
from .curriculum import curriculum_order, with_prerequisites
from .links import Link, Links, anchor_of
from .matrix import (
    ChannelMatrix,
    MatrixOverview,
    RoleAssignment,
    TaskView,
    channel_matrices,
    matrix_overview,
    role_assignments,
    task_views,
)
from .onboarding import onboarding_link
from .page import PlannedPage, Planning
from .reach import RoleReach, role_reach
from .scenarios import by_question, question_link

if TYPE_CHECKING:
    from ..parse.corpus import Guideline


@dataclass(frozen=True)
class DepartmentView:
    """A department with its roles; team roles are those in the social media team, or the reason it has none."""

    anchor: str
    name: str
    description: str
    public_facing: bool
    team_exemption: str | None
    team_roles: tuple[Link, ...]
    other_roles: tuple[Link, ...]


@dataclass(frozen=True)
class RoleSummary:
    """One entry of the list of all roles."""

    role: Link
    department: Link
    summary: str


@dataclass(frozen=True)
class RoleMatrixPage:
    """Context of `rollen/index.md`."""

    overview: MatrixOverview
    channels: tuple[ChannelMatrix, ...]
    tasks: tuple[TaskView, ...]
    departments: tuple[DepartmentView, ...]
    roles: tuple[RoleSummary, ...]


@dataclass(frozen=True)
class ChannelDuty:
    """A channel the role owns, deputises for or administers."""

    channel: Link
    duty: str


@dataclass(frozen=True)
class ScenarioPart:
    """A scenario in which the role carries out steps."""

    scenario: Link
    steps: str


@dataclass(frozen=True)
class TrainingNeed:
    """A module the role must complete: required itself, or a prerequisite of a required one."""

    module: Link
    duration: str
    required: bool


@dataclass(frozen=True)
class RolePage:
    """Context of `rollen/<id>.md` ("Deine Aufgaben")."""

    summary: str
    department: Link
    responsibilities: tuple[str, ...]
    social_media_team: bool
    customer_dialogue: bool
    trainee_allowed: bool
    in_employment_contract: bool
    channel_duties: tuple[ChannelDuty, ...]
    assignments: tuple[RoleAssignment, ...]
    owned_scenarios: tuple[Link, ...]
    scenario_steps: tuple[ScenarioPart, ...]
    escalated_to: tuple[Link, ...]
    decides_levels: tuple[Link, ...]
    informed_levels: tuple[Link, ...]
    training: tuple[TrainingNeed, ...]
    audience_of: tuple[Link, ...]
    phases: tuple[Link, ...]
    matrix: Link
    reach: RoleReach | None = None
    onboarding: Link | None = None  # the role's onboarding checklist, if onboarding.yml lists the role


def role_matrix_context(guideline: Guideline, links: Links) -> RoleMatrixPage:
    """Build the role matrix page: per-channel tables, the overview, departments and all roles."""
    roles = guideline.roles.model.roles
    channels = guideline.channels.model.channels
    matrix = guideline.matrix.model
    departments = tuple(
        DepartmentView(
            anchor=anchor_of(IdKind.DEPARTMENT, d.id),
            name=d.name,
            description=d.description,
            public_facing=d.public_facing,
            team_exemption=d.team_exemption,
            team_roles=tuple(links.to(IdKind.ROLE, r.id) for r in roles if r.department == d.id and r.social_media_team),
            other_roles=tuple(links.to(IdKind.ROLE, r.id) for r in roles if r.department == d.id and not r.social_media_team),
        )
        for d in guideline.departments.model.departments
    )
    return RoleMatrixPage(
        overview=matrix_overview(matrix.assignments, channels, roles, links),
        channels=channel_matrices(matrix, channels, links),
        tasks=task_views(matrix),
        departments=departments,
        roles=tuple(RoleSummary(links.to(IdKind.ROLE, r.id), links.to(IdKind.DEPARTMENT, r.department), r.summary) for r in roles),
    )


def _channel_duties(role_id: str, channels: tuple[Channel, ...], links: Links) -> tuple[ChannelDuty, ...]:
    duties = []
    for channel in channels:
        parts = [("Verantwortlich", channel.owner == role_id), ("Vertretung", channel.deputy == role_id),
                 ("Admin", role_id in channel.legal.admins)]
        named = ", ".join(label for label, present in parts if present)
        if named:
            duties.append(ChannelDuty(links.to(IdKind.CHANNEL, channel.id), named))
    return tuple(duties)


def _training_needs(role: Role, curriculum: tuple[TrainingModule, ...], links: Links) -> tuple[TrainingNeed, ...]:
    needed = with_prerequisites(role.required_training, curriculum)
    return tuple(
        TrainingNeed(links.to(IdKind.TRAINING, m.id), m.duration.label, m.id in role.required_training)
        for m in curriculum
        if m.id in needed
    )


def _scenario_steps(role_id: str, scenarios: tuple[Scenario, ...]) -> tuple[ScenarioPart, ...]:
    parts = []
    for scenario in scenarios:
        numbers = [str(n) for n, step in enumerate(scenario.steps, start=1) if step.role == role_id]
        if numbers:
            parts.append(ScenarioPart(question_link(scenario), ", ".join(numbers)))
    return tuple(parts)


def _audience_of(role_id: str, curriculum: tuple[TrainingModule, ...], links: Links,
                 skip: set[Link]) -> tuple[Link, ...]:
    """Return the modules meant for the role that are not already among its required training."""
    return tuple(links.to(IdKind.TRAINING, m.id) for m in curriculum if role_id in m.audience and links.to(IdKind.TRAINING, m.id) not in skip)


@dataclass(frozen=True)
class RoleSources:
    """What every role's page lists from, sorted once per planning run rather than once per role."""

    scenarios: tuple[Scenario, ...]  # by question
    curriculum: tuple[TrainingModule, ...]  # in the order they are taken

    @classmethod
    def of(cls, guideline: Guideline) -> RoleSources:
        return cls(by_question(tuple(parsed.model for parsed in guideline.scenarios)),
                   curriculum_order(parsed.model for parsed in guideline.training))


def role_context(role: Role, guideline: Guideline, links: Links, matrix: Link, sources: RoleSources) -> RolePage:
    """Build one role's page: its tasks everywhere in the guideline, gathered in one place."""
    scenarios = sources.scenarios
    levels = guideline.escalation.model.levels
    training = _training_needs(role, sources.curriculum, links)
    return RolePage(
        summary=role.summary,
        department=links.to(IdKind.DEPARTMENT, role.department),
        responsibilities=role.responsibilities,
        social_media_team=role.social_media_team,
        customer_dialogue=role.customer_dialogue,
        trainee_allowed=role.trainee_allowed,
        in_employment_contract=role.in_employment_contract,
        channel_duties=_channel_duties(role.id, guideline.channels.model.channels, links),
        assignments=role_assignments(role.id, guideline.matrix.model, guideline.channels.model.channels, links),
        owned_scenarios=tuple(question_link(s) for s in scenarios if s.owner == role.id),
        scenario_steps=_scenario_steps(role.id, scenarios),
        escalated_to=tuple(question_link(s) for s in scenarios if any(e.to == role.id for e in s.escalate)),
        decides_levels=tuple(links.to(IdKind.ESCALATION_LEVEL, level.id) for level in levels if level.decides == role.id),
        informed_levels=tuple(links.to(IdKind.ESCALATION_LEVEL, level.id) for level in levels if role.id in level.informed),
        training=training,
        audience_of=_audience_of(role.id, sources.curriculum, links, skip={need.module for need in training}),
        phases=tuple(links.to(IdKind.PHASE, p.id) for p in guideline.process.model.phases if role.id in p.roles),
        matrix=matrix,
        reach=role_reach(role.id, guideline, links),
        onboarding=onboarding_link(guideline, role.id),
    )


def plan_roles(planning: Planning) -> tuple[PlannedPage, ...]:
    """Plan the role matrix and one "Deine Aufgaben" page per role."""
    guideline, links = planning.guideline, planning.links
    source = guideline.source_of(guideline.roles)
    matrix = Link("Rollen und Zuständigkeiten", urls.ROLES_PAGE)
    sources = RoleSources.of(guideline)
    roles = tuple(
        PlannedPage(urls.page_of(IdKind.ROLE, role.id), role.title, "role.md.j2",
                    role_context(role, guideline, links, matrix, sources), source,
                    trail=(urls.START, Link("Rollen", urls.ROLES_PAGE)))
        for role in guideline.roles.model.roles
    )
    index = PlannedPage(urls.ROLES_PAGE, matrix.label, "role_matrix.md.j2", role_matrix_context(guideline, links),
                        guideline.source_of(guideline.matrix))
    return (index, *roles)
