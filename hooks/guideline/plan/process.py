"""Page context of the five-phase process: phases, roles and the KPIs of measuring success."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model.ids import IdKind
from ..model.strategy import Kpi
from . import links as urls
from .links import Link, Links
from .page import PlannedPage, Planning

if TYPE_CHECKING:
    from ..parse.corpus import Guideline


@dataclass(frozen=True)
class PhaseView:
    """One process phase, anchored by its id."""

    id: str
    number: int
    title: str
    goal: str
    activities: tuple[str, ...]
    outputs: tuple[str, ...]
    roles: tuple[Link, ...]


@dataclass(frozen=True)
class KpiRow:
    """One KPI with the phase it belongs to."""

    phase: Link
    kpi: Kpi


@dataclass(frozen=True)
class ProcessPage:
    """Context of `prozess/index.md`."""

    introduction: str
    phases: tuple[PhaseView, ...]
    kpis: tuple[KpiRow, ...]
    strategy: Link


def process_context(guideline: Guideline, links: Links) -> ProcessPage:
    """Build the process page: the phases by number, then every KPI with its phase."""
    process = guideline.process.model
    phases = sorted(process.phases, key=lambda phase: phase.number)
    return ProcessPage(
        introduction=process.introduction,
        phases=tuple(
            PhaseView(p.id, p.number, p.title, p.goal, p.activities, p.outputs, tuple(links.to(IdKind.ROLE, r) for r in p.roles))
            for p in phases
        ),
        kpis=tuple(KpiRow(links.to(IdKind.PHASE, p.id), kpi) for p in phases for kpi in p.kpis),
        strategy=Link("Content-Strategie", urls.STRATEGY_PAGE),
    )


def plan_process(planning: Planning) -> tuple[PlannedPage, ...]:
    """Plan the page of the five-phase process."""
    guideline = planning.guideline
    context = process_context(guideline, planning.links)
    return (PlannedPage(urls.PROCESS_PAGE, "Prozess", "process.md.j2", context, guideline.source_of(guideline.process)),)
