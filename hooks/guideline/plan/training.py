"""Page contexts for the curriculum and its training modules."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.ids import IdKind
from ..model.roles import Role
from ..model.scenarios import Scenario
from ..model.training import Exercise, OutlineItem, SelfCheck, TrainingModule
from . import links as urls
from .curriculum import curriculum_order
from .links import Link, Links
from .page import PlannedPage, Planning


@dataclass(frozen=True)
class CurriculumRow:
    """One module in curriculum order."""

    number: int
    module: Link
    duration: str
    format: str
    audience: tuple[Link, ...]
    prerequisites: tuple[Link, ...]


@dataclass(frozen=True)
class CurriculumPage:
    """Context of `schulungen/index.md`: every module after its prerequisites."""

    rows: tuple[CurriculumRow, ...]


@dataclass(frozen=True)
class OutlineView:
    """One section of a module's outline."""

    title: str
    duration: str | None
    content: str | None


@dataclass(frozen=True)
class TrainingPage:
    """Context of `schulungen/<id>.md`."""

    summary: str
    number: int
    audience: tuple[Link, ...]
    duration: str
    format: str
    objectives: tuple[str, ...]
    prerequisites: tuple[Link, ...]
    outline: tuple[OutlineView, ...]
    exercises: tuple[Exercise, ...]
    self_check: tuple[SelfCheck, ...]
    required_by: tuple[Link, ...]
    scenarios: tuple[Link, ...]
    followed_by: tuple[Link, ...]
    curriculum: Link


def curriculum_context(modules: tuple[TrainingModule, ...], links: Links) -> CurriculumPage:
    """List every module in prerequisite order with duration, format and audience."""
    return CurriculumPage(
        rows=tuple(
            CurriculumRow(
                number=number,
                module=links.to(IdKind.TRAINING, module.id),
                duration=module.duration.label,
                format=module.format.label,
                audience=tuple(links.to(IdKind.ROLE, r) for r in module.audience),
                prerequisites=tuple(links.to(IdKind.TRAINING, p) for p in module.prerequisites),
            )
            for number, module in enumerate(curriculum_order(modules), start=1)
        )
    )


def _outline_view(item: OutlineItem) -> OutlineView:
    return OutlineView(
        title=item.title, duration=item.duration.label if item.duration else None, content=item.content
    )


def training_context(
    module: TrainingModule,
    ordered: tuple[TrainingModule, ...],
    roles: tuple[Role, ...],
    scenarios: tuple[Scenario, ...],
    links: Links,
    curriculum: Link,
) -> TrainingPage:
    """Build one module's page, with the roles that must take it and the scenarios it prepares for.

    ordered holds every module in curriculum order, sorted once for all pages.
    """
    return TrainingPage(
        summary=module.summary,
        number=[m.id for m in ordered].index(module.id) + 1,
        audience=tuple(links.to(IdKind.ROLE, r) for r in module.audience),
        duration=module.duration.label,
        format=module.format.label,
        objectives=module.objectives,
        prerequisites=tuple(links.to(IdKind.TRAINING, p) for p in module.prerequisites),
        outline=tuple(_outline_view(item) for item in module.outline),
        exercises=module.exercises,
        self_check=module.self_check,
        required_by=tuple(links.to(IdKind.ROLE, r.id) for r in roles if module.id in r.required_training),
        scenarios=tuple(links.to(IdKind.SCENARIO, s.id) for s in scenarios if module.id in s.training),
        followed_by=tuple(links.to(IdKind.TRAINING, m.id) for m in ordered if module.id in m.prerequisites),
        curriculum=curriculum,
    )


def plan_training(planning: Planning) -> tuple[PlannedPage, ...]:
    """Plan the curriculum and one page per training module."""
    guideline, links = planning.guideline, planning.links
    modules = tuple(parsed.model for parsed in guideline.training)
    roles = guideline.roles.model.roles
    scenarios = tuple(parsed.model for parsed in guideline.scenarios)
    curriculum = curriculum_context(modules, links)
    ordered = curriculum_order(modules)
    index = Link("Alle Schulungen", urls.CURRICULUM_PAGE)
    first = curriculum.rows[0].module.target if curriculum.rows else None
    index_source = next(
        (guideline.source_of(p) for p in guideline.training if urls.page_of(IdKind.TRAINING, p.model.id) == first),
        guideline.source_of(guideline.roles),
    )
    return (
        PlannedPage(urls.CURRICULUM_PAGE, "Schulungen", "curriculum.md.j2", curriculum, index_source),
        *(
            PlannedPage(urls.page_of(IdKind.TRAINING, parsed.model.id), parsed.model.title, "training.md.j2",
                        training_context(parsed.model, ordered, roles, scenarios, links, index),
                        guideline.source_of(parsed), trail=(urls.START, Link("Schulungen", urls.CURRICULUM_PAGE)))
            for parsed in guideline.training
        ),
    )
