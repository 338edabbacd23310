"""Page context of the crisis playbook: first minutes, storm scale, decision tree, holding statements, pauses.

The decision tree becomes a flat list of lines with a depth, walked depth-first with an explicit stack:
the template prints them as a nested list, every question once with its anchor; a branch that leads to a
question already shown links to it. Questions the start does not reach are shown after it, so every id
keeps its anchor even while the tree policy is switched off.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from ..model.crisis import Branch, CrisisFile, HoldingStatement, Question, branches, roots
from ..model.ids import IdKind
from ..model.layout import DataKind
from . import links as urls
from .flowchart import ChartFigure, TextAnchor
from .links import Link, Links, anchor_of, page_of
from .page import PlannedPage, Planning
from .tree_chart import tree_chart

CRISIS_TITLE = "Krise: Was jetzt?"
TREE_CHART_TITLE = "Entscheidungsbaum als Diagramm: Antworten, beobachten oder nicht antworten?"


@dataclass(frozen=True)
class ChecklistView:
    """One item of the first minutes: what to do and, if named, which role does it."""

    task: str
    role: Link | None


@dataclass(frozen=True)
class StormView:
    """One storm strength with its signs and the escalation level it leads to."""

    strength: int
    title: str
    reach: str
    tone: str
    press: str
    level: Link


@dataclass(frozen=True)
class OutcomeView:
    """Where a branch ends: the action (None while a branch is left open), advice, scenario and level."""

    action: str | None
    advice: str | None
    scenario: Link | None
    level: Link | None


@dataclass(frozen=True)
class TreeLine:
    """One line of the nested decision tree: a question, an outcome, or a link to a question shown before."""

    depth: int
    answer: str | None  # "Ja" or "Nein"; None for a question the tree starts with
    number: int | None = None
    anchor: str | None = None
    question: str | None = None
    outcome: OutcomeView | None = None
    goto: Link | None = None


@dataclass(frozen=True)
class PauseView:
    """When scheduled posts pause, who pauses them, who resumes them and when."""

    level: Link
    pause: str
    paused_by: Link
    resumed_by: Link
    resume_when: str


@dataclass(frozen=True)
class CrisisPage:
    """Context of `krise.md`."""

    introduction: str
    first_minutes: tuple[ChecklistView, ...]
    storm_scale: tuple[StormView, ...]
    tree: tuple[TreeLine, ...]
    holding_statements: tuple[HoldingStatement, ...]
    pause_rules: tuple[PauseView, ...]
    scenarios: Link
    escalation: Link
    card: Link = urls.CRISIS_CARD  # the one-page crisis card to print
    chart: ChartFigure | None = None  # the decision tree drawn as a chart, after its nested list


def crisis_link(planning: Planning) -> Link | None:
    """Return the link other pages show to the playbook, or None if the guideline has none."""
    if planning.guideline.one_of(DataKind.CRISIS) is None:
        return None
    return Link(CRISIS_TITLE, urls.CRISIS_PAGE)


def _outcome(branch: Branch, links: Links) -> OutcomeView:
    return OutcomeView(
        action=branch.action.label if branch.action else None,
        advice=branch.advice,
        scenario=links.to(IdKind.SCENARIO, branch.scenario) if branch.scenario else None,
        level=links.to(IdKind.ESCALATION_LEVEL, branch.escalation_level) if branch.escalation_level else None,
    )


_Pending = tuple[int, Union[str, None], Union[Question, Branch]]


def tree_lines(tree: tuple[Question, ...], links: Links) -> tuple[TreeLine, ...]:
    """Flatten the decision tree depth-first, the start first, then any question it does not reach."""
    by_id = {question.id: question for question in tree}
    numbers: dict[str, int] = {}
    lines: list[TreeLine] = []
    for start in (*roots(tree), *by_id):
        if start in numbers:
            continue
        stack: list[_Pending] = [(0, None, by_id[start])]
        while stack:
            depth, answer, item = stack.pop()
            if isinstance(item, Question):
                numbers[item.id] = len(numbers) + 1
                lines.append(TreeLine(depth, answer, numbers[item.id], anchor_of(IdKind.QUESTION, item.id),
                                      item.question))
                stack.extend((depth + 1, label, branch) for _, label, branch in reversed(tuple(branches(item))))
            elif item.next in numbers:
                goto = Link(f"Frage {numbers[item.next]}", page_of(IdKind.QUESTION, item.next))
                lines.append(TreeLine(depth, answer, goto=goto))
            elif item.next in by_id:
                stack.append((depth, answer, by_id[item.next]))
            else:
                lines.append(TreeLine(depth, answer, outcome=_outcome(item, links)))
    return tuple(lines)


def crisis_context(playbook: CrisisFile, links: Links) -> CrisisPage:
    """Build the playbook page from crisis.yml, every reference resolved."""
    def role(role_id: str | None) -> Link | None:
        return links.to(IdKind.ROLE, role_id) if role_id else None

    tree = tree_lines(playbook.decision_tree, links)
    return CrisisPage(
        introduction=playbook.introduction,
        first_minutes=tuple(ChecklistView(item.task, role(item.role)) for item in playbook.first_minutes),
        storm_scale=tuple(
            StormView(strength, s.title, s.reach, s.tone, s.press, links.to(IdKind.ESCALATION_LEVEL, s.escalation_level))
            for strength, s in enumerate(playbook.storm_scale)
        ),
        tree=tree,
        holding_statements=playbook.holding_statements,
        pause_rules=tuple(
            PauseView(links.to(IdKind.ESCALATION_LEVEL, rule.escalation_level), rule.pause,
                      links.to(IdKind.ROLE, rule.paused_by), links.to(IdKind.ROLE, rule.resumed_by), rule.resume_when)
            for rule in playbook.pause_rules
        ),
        scenarios=Link("Alle Szenarien", urls.SCENARIOS_PAGE),
        escalation=Link("Eskalationsstufen", urls.ESCALATION_PAGE),
        chart=ChartFigure(tree_chart(tree, TREE_CHART_TITLE), "entscheidungsbaum-diagramm",
                          (TextAnchor("Entscheidungsbaum", "entscheidungsbaum"),)),
    )


def plan_crisis(planning: Planning) -> tuple[PlannedPage, ...]:
    """Plan the crisis playbook page, if the guideline has a crisis.yml."""
    parsed = planning.guideline.one_of(DataKind.CRISIS)
    if parsed is None:
        return ()
    context = crisis_context(parsed.model, planning.links)
    return (PlannedPage(urls.CRISIS_PAGE, CRISIS_TITLE, "crisis.md.j2", context, parsed.source_map.path),)
