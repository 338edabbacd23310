"""The first screen of a scenario on a phone: level badge, deadline, whom to call, first step.

Also the level badges and severity order that the start page and the scenario index show, so that the most
severe situations are the easiest to reach.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model.escalation import EscalationLevel
from ..model.ids import IdKind
from ..model.scenarios import Scenario
from .links import Link, Links, anchored, page_of, reading_key
from .reach import Callee, OnCallView, ScenarioReach

if TYPE_CHECKING:
    from ..parse.corpus import Guideline

TONES = 4  # colour classes level-badge--1 (calm) … level-badge--4 (most severe) in docs/stylesheets/extra.css


@dataclass(frozen=True)
class LevelBadge:
    """A level as a badge: its words ("Stufe 3 von 4: Krise") say what its colour (tone 1–4) shows."""

    label: str
    tone: int


@dataclass(frozen=True)
class FirstStep:
    """The first step of a scenario, as its summary shows it."""

    role: Link
    action: str
    deadline: str | None


@dataclass(frozen=True)
class ScenarioSummary:
    """The box at the top of a scenario page: everything needed before reading further."""

    badge: LevelBadge
    first_response: str
    decides: Callee  # the level's deciding role with the person and number from contacts.yml, if any
    on_call: tuple[OnCallView, ...]  # the level's on-call numbers, for outside office hours
    first_step: FirstStep
    steps_anchor: Link
    numbers: Link | None  # the full call list further down, if the guideline has contacts.yml


@dataclass(frozen=True)
class SevereScenarios:
    """The "Krise? Hier zuerst" entry: the crisis playbook and the scenarios at the highest level."""

    crisis: Link | None
    scenarios: tuple[Link, ...]
    badge: LevelBadge | None


@dataclass(frozen=True)
class BadgedScenario:
    """A scenario in a list, with the badge of the level it starts at."""

    scenario: Link
    badge: LevelBadge


def tone_of(rank: int, count: int) -> int:
    """Spread the levels over the colour tones: the lowest is always 1, the highest always 4."""
    if count <= 1:
        return TONES
    return 1 + int((TONES - 1) * rank / (count - 1) + 0.5)  # half rounds up: the middle of three is tone 3


def level_badges(levels: tuple[EscalationLevel, ...]) -> dict[str, LevelBadge]:
    """Return every level's badge by level id; levels are listed from everyday to crisis."""
    return {
        level.id: LevelBadge(f"Stufe {rank + 1} von {len(levels)}: {level.title}", tone_of(rank, len(levels)))
        for rank, level in enumerate(levels)
    }


def by_severity(scenarios: tuple[Scenario, ...], levels: tuple[EscalationLevel, ...]) -> tuple[Scenario, ...]:
    """Sort scenarios with the most severe starting level first, then by their question."""
    rank = {level.id: index for index, level in enumerate(levels)}
    return tuple(sorted(scenarios, key=lambda s: (-rank[s.escalation_level], reading_key(s.question), s.id)))


def badged_scenarios(guideline: Guideline) -> tuple[BadgedScenario, ...]:
    """Return every scenario, the most severe first, with its level badge."""
    levels = guideline.escalation.model.levels
    badges = level_badges(levels)
    scenarios = by_severity(tuple(p.model for p in guideline.scenarios), levels)
    return tuple(BadgedScenario(Link(s.question, page_of(IdKind.SCENARIO, s.id)), badges[s.escalation_level])
                 for s in scenarios)


def severe_scenarios(guideline: Guideline, crisis: Link | None) -> SevereScenarios | None:
    """Return the crisis playbook and the scenarios that start at the highest level any scenario starts at."""
    levels = guideline.escalation.model.levels
    scenarios = by_severity(tuple(p.model for p in guideline.scenarios), levels)
    top = tuple(s for s in scenarios if s.escalation_level == scenarios[0].escalation_level)
    if crisis is None and not top:
        return None
    # Titles, not questions: the entry must stay short enough to leave the rest of the first screen free.
    return SevereScenarios(crisis, tuple(Link(s.title, page_of(IdKind.SCENARIO, s.id)) for s in top),
                           level_badges(levels)[top[0].escalation_level] if top else None)


def scenario_summary(scenario: Scenario, guideline: Guideline, links: Links, first_response: str,
                     reach: ScenarioReach | None) -> ScenarioSummary:
    """Build the summary at the top of a scenario page."""
    levels = guideline.escalation.model.levels
    level = next(level for level in levels if level.id == scenario.escalation_level)
    step = scenario.steps[0]
    page = page_of(IdKind.SCENARIO, scenario.id)
    return ScenarioSummary(
        badge=level_badges(levels)[level.id],
        first_response=first_response,
        decides=reach.decides if reach else Callee(links.to(IdKind.ROLE, level.decides), None, None),
        on_call=reach.on_call if reach else (),
        first_step=FirstStep(links.actor(step.role), step.action, step.deadline.label if step.deadline else None),
        steps_anchor=Link("Alle Schritte", anchored(page, "schritte")),
        numbers=Link("Alle Nummern", anchored(page, "wen-anrufen")) if reach is not None else None,
    )
