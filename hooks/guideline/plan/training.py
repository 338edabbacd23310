"""Page contexts for the curriculum and its training modules."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.models import Exercise, OutlineItem, Role, Scenario, SelfCheck, TrainingModule
from .curriculum import curriculum_order
from .links import Link, Links


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
                module=links.module(module.id),
                duration=module.duration.label,
                format=module.format.label,
                audience=tuple(links.role(r) for r in module.audience),
                prerequisites=tuple(links.module(p) for p in module.prerequisites),
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
        audience=tuple(links.role(r) for r in module.audience),
        duration=module.duration.label,
        format=module.format.label,
        objectives=module.objectives,
        prerequisites=tuple(links.module(p) for p in module.prerequisites),
        outline=tuple(_outline_view(item) for item in module.outline),
        exercises=module.exercises,
        self_check=module.self_check,
        required_by=tuple(links.role(r.id) for r in roles if module.id in r.required_training),
        scenarios=tuple(links.scenario(s.id) for s in scenarios if module.id in s.training),
        followed_by=tuple(links.module(m.id) for m in ordered if module.id in m.prerequisites),
        curriculum=curriculum,
    )

