"""The crisis decision tree as an indented chart: one row per line of the tree, children indented.

The rows are the lines the crisis page prints as a nested list (plan/crisis.py `tree_lines`), so chart
and text say the same. Each child hangs off its parent's vertical line by an elbow, labelled Ja or Nein:
an indented tree never crosses edges and stays one column wide. A question reached a second time is a
small "weiter bei" reference, not a second subtree; check/crisis.py guarantees one root and no cycles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model.crisis import CrisisAction
from .flowchart import GAP, LABEL_SIZE, MARGIN, WIDTH, Box, Chart, Edge, Shape, make_box

if TYPE_CHECKING:
    from .crisis import OutcomeView, TreeLine

INDENT = 24
"""How far a child row sits right of its parent; less when the tree is deep, so boxes keep MIN_WIDTH."""
MIN_WIDTH = 200
ELBOW = 18
"""How far below a child's top its incoming elbow arrives: at its first line, on a straight side."""
OPEN = "Noch offen"
_ACTIONS = {action.label: action.value for action in CrisisAction}


def tree_indent(lines: tuple[TreeLine, ...]) -> int:
    """Return the indent per level: INDENT, or less so that the deepest box is still MIN_WIDTH wide."""
    deepest = max((line.depth for line in lines), default=0)
    room = WIDTH - 2 * MARGIN - MIN_WIDTH
    return min(INDENT, room // deepest) if deepest else INDENT


def _outcome_parts(outcome: OutcomeView) -> tuple[tuple[str, bool], ...]:
    return (
        (outcome.action or OPEN, True),
        (outcome.advice or ("" if outcome.action else "Hier fehlt im Playbook die Handlung."), False),
        (f"Vorgehen: {outcome.scenario.label}" if outcome.scenario else "", False),
        (f"Eskalationsstufe: {outcome.level.label}" if outcome.level else "", False),
    )


def _row(line: TreeLine, key: str, x: int, y: int, questions: dict[str, str]) -> Box:
    """Make the box of one line of the tree: a question, an outcome or a reference to a question."""
    width = WIDTH - MARGIN - x
    if line.question is not None:
        return make_box(key, Shape.DECISION, x, y, width, ((f"Frage {line.number}", True), (line.question, False)))
    if line.goto is not None:
        text = f"weiter bei {line.goto.label}: {questions.get(line.goto.label, '')}".rstrip(": ")
        return make_box(key, Shape.REFERENCE, x, y, width, ((text, False),))
    outcome = line.outcome
    assert outcome is not None  # a tree line is a question, a reference or an outcome
    variant = _ACTIONS.get(outcome.action or "", "open")
    return make_box(key, Shape.OUTCOME, x, y, width, _outcome_parts(outcome), variant)


def _elbow(parent: Box, child: Box, answer: str | None, indent: int) -> Edge:
    """Return the elbow from a parent's vertical line to a child's left side, its answer above the turn."""
    trunk = parent.x + indent // 2
    turn = child.y + ELBOW
    label_at = (trunk + 5, child.y - (GAP - LABEL_SIZE) // 2)
    return Edge(parent.key, child.key, ((trunk, parent.bottom), (trunk, turn), (child.x, turn)), answer, label_at)


def tree_chart(lines: tuple[TreeLine, ...], title: str) -> Chart:
    """Lay out the decision tree's lines as rows, each child indented under its parent and joined by an elbow."""
    indent = tree_indent(lines)
    questions = {f"Frage {line.number}": line.question for line in lines if line.question is not None}
    boxes: list[Box] = []
    edges: list[Edge] = []
    parents: list[Box] = []  # the open question at each depth above the current row
    y = MARGIN
    for number, line in enumerate(lines, start=1):
        box = _row(line, f"row-{number}", MARGIN + indent * line.depth, y, questions)
        del parents[line.depth:]
        if line.depth and len(parents) == line.depth:
            edges.append(_elbow(parents[-1], box, line.answer, indent))
        if line.question is not None:
            parents.append(box)
        boxes.append(box)
        y = box.bottom + GAP
    return Chart(title, WIDTH, (boxes[-1].bottom if boxes else 0) + MARGIN, tuple(boxes), tuple(edges))
