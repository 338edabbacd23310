"""The crisis playbook's decision tree as a graph: checked and flattened without recursion, whatever its shape."""

from __future__ import annotations

from typing import Any

from guideline.check.crisis import find_circles, reachable
from guideline.model.crisis import CrisisAction, Question, roots, successors
from guideline.model.ids import IdKind
from guideline.plan.crisis import tree_lines
from guideline.plan.links import Links

LEAF = {"action": "monitor", "escalation_level": "alltag"}
LINKS = Links({IdKind.ESCALATION_LEVEL: {"alltag": "Alltag"}, IdKind.SCENARIO: {}})


def question(question_id: str, if_yes: dict[str, Any], if_no: dict[str, Any]) -> Question:
    return Question.model_validate({"id": question_id, "question": f"{question_id}?", "if_yes": if_yes, "if_no": if_no})


def chain(length: int, last_next: str | None = None) -> tuple[Question, ...]:
    """A tree whose 'yes' answers lead through `length` questions; the last one ends, or points back."""
    items = [question(f"q{n}", {"next": f"q{n + 1}"}, LEAF) for n in range(length - 1)]
    items.append(question(f"q{length - 1}", {"next": last_next} if last_next else LEAF, LEAF))
    return tuple(items)


def test_a_very_deep_tree_is_walked_without_recursion() -> None:
    tree = chain(5000)
    assert roots(tree) == ("q0",)
    assert len(reachable(successors(tree), roots(tree))) == 5000
    assert find_circles(successors(tree)) == ()
    lines = tree_lines(tree, LINKS)
    assert max(line.depth for line in lines) == 5000 and len(lines) == 2 * 5000 + 1
    assert [line.number for line in lines if line.question] == list(range(1, 5001))


def test_a_very_long_circle_is_reported_once_and_cleanly() -> None:
    tree = chain(5000, last_next="q0")
    circles = find_circles(successors(tree))
    assert len(circles) == 1 and circles[0][0] == circles[0][-1] == "q0" and len(circles[0]) == 5001
    assert roots(tree) == ()


def test_every_question_gets_one_line_even_off_the_start_and_in_circles() -> None:
    tree = (
        question("start", LEAF, {"next": "geteilt"}),
        question("geteilt", LEAF, LEAF),
        question("hin", {"next": "her"}, LEAF),
        question("her", {"next": "hin"}, {"next": "geteilt"}),
    )
    lines = tree_lines(tree, LINKS)
    assert [line.anchor for line in lines if line.anchor] == ["frage-start", "frage-geteilt", "frage-hin", "frage-her"]
    gotos = [(line.answer, line.goto.label) for line in lines if line.goto]
    assert gotos == [("Ja", "Frage 3"), ("Nein", "Frage 2")]


def test_a_branch_left_open_is_shown_as_open() -> None:
    lines = tree_lines((question("start", {}, LEAF),), LINKS)
    assert lines[1].outcome is not None and lines[1].outcome.action is None
    assert lines[2].outcome is not None and lines[2].outcome.action == CrisisAction.MONITOR.label
