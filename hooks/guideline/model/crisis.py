"""The crisis playbook: how strong the storm is, whether to answer, what to say first and who stops the posts.

The decision tree is a graph with explicit edges: each question has an id and two branches (`if_yes`,
`if_no`), and each branch either names the next question or ends in an outcome. Checks walk it as a
graph (see check/crisis.py); the page prints it as a nested list, and a chart can draw the same edges.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator

from pydantic import Field

from .base import Model
from .fields import Line, Text
from .ids import LevelRef, QuestionId, QuestionRef, RoleRef, ScenarioRef


class CrisisAction(enum.Enum):
    """What the team does at the end of a branch of the decision tree."""

    RESPOND = "respond"
    MONITOR = "monitor"
    DONT_RESPOND = "dont-respond"

    @property
    def label(self) -> str:
        return {"respond": "Antworten", "monitor": "Beobachten", "dont-respond": "Nicht antworten"}[self.value]


class StormLevel(Model):
    title: Line = Field(description="Name der Sturmstärke, z. B. 'kein Sturm' oder 'Orkan'.")
    reach: Line = Field(description="Woran du die Reichweite erkennst: wie viele, wie schnell, wo.")
    tone: Line = Field(description="Woran du den Ton erkennst: sachlich, empört, beleidigend.")
    press: Line = Field(description="Ob und wie die Presse oder bekannte Accounts einsteigen.")
    escalation_level: LevelRef = Field(description="ID der Eskalationsstufe, die bei dieser Sturmstärke gilt.")


class Branch(Model):
    next: QuestionRef | None = Field(None, description="ID der nächsten Frage, wenn der Baum hier weitergeht.")
    action: CrisisAction | None = Field(
        None, description="Was wir tun, wenn der Baum hier endet: respond, monitor oder dont-respond."
    )
    advice: Line | None = Field(None, description="Was dabei konkret zu tun ist, in einem Satz.")
    scenario: ScenarioRef | None = Field(None, description="ID des Szenarios, nach dem du dann vorgehst.")
    escalation_level: LevelRef | None = Field(None, description="ID der Eskalationsstufe, die dann gilt.")


class Question(Model):
    id: QuestionId = Field(description="Eindeutige ID der Frage, z. B. 'betrifft-uns'; Teil der Adresse.")
    question: Line = Field(description="Die Frage, mit Ja oder Nein zu beantworten.")
    if_yes: Branch = Field(description="Wohin es bei „Ja“ geht: 'next' (nächste Frage) oder 'action' (Ende).")
    if_no: Branch = Field(description="Wohin es bei „Nein“ geht: 'next' (nächste Frage) oder 'action' (Ende).")


class HoldingStatement(Model):
    title: Line = Field(description="Wofür das Wartestatement gedacht ist.")
    du: Text = Field(description="Der Text mit „du“, zum Kopieren; Platzhalter in [eckigen Klammern].")
    sie: Text = Field(description="Derselbe Text mit „Sie“, zum Kopieren.")


class ChecklistItem(Model):
    task: Line = Field(description="Was zu tun ist, in einem Satz.")
    role: RoleRef | None = Field(None, description="ID der Rolle, die es tut; leer, wenn es jede:r tut.")


class PauseRule(Model):
    escalation_level: LevelRef = Field(description="ID der Eskalationsstufe, ab der die Regel gilt.")
    pause: Line = Field(description="Was pausiert wird, z. B. 'alle geplanten Beiträge auf allen Kanälen'.")
    paused_by: RoleRef = Field(description="ID der Rolle, die die Beiträge anhält.")
    resumed_by: RoleRef = Field(description="ID der Rolle, die entscheidet, dass es weitergeht.")
    resume_when: Line = Field(description="Wann die Beiträge wieder laufen dürfen.")


class CrisisFile(Model):
    """crisis.yml: the crisis playbook, the page to open first when a storm starts."""

    introduction: Text = Field(description="Zwei, drei Sätze oben auf der Seite: wofür sie da ist.")
    first_minutes: tuple[ChecklistItem, ...] = Field(
        min_length=1, description="Checkliste für die ersten 15 Minuten, in ihrer Reihenfolge."
    )
    storm_scale: tuple[StormLevel, ...] = Field(
        min_length=1, description="Die Sturmstärken, aufsteigend ab 0 ('kein Sturm'); die Position ist die Stärke."
    )
    decision_tree: tuple[Question, ...] = Field(
        min_length=1, description="Die Fragen des Entscheidungsbaums: antworten, beobachten oder nicht antworten?"
    )
    holding_statements: tuple[HoldingStatement, ...] = Field(
        (), description="Wartestatements: erste Antworten, solange wir noch prüfen, je mit „du“ und „Sie“."
    )
    pause_rules: tuple[PauseRule, ...] = Field(
        (), description="Wann geplante Beiträge pausieren und wer sie wieder freigibt."
    )


# --- the decision tree as a graph -----------------------------------------------------------------

ANSWERS = (("if_yes", "Ja"), ("if_no", "Nein"))
"""The two branches of every question: the field name and how the page names the answer."""


def branches(question: Question) -> Iterator[tuple[str, str, Branch]]:
    """Yield a question's branches in reading order: field name, answer label, branch."""
    for field, answer in ANSWERS:
        yield field, answer, getattr(question, field)


def successors(tree: tuple[Question, ...]) -> dict[str, tuple[str, ...]]:
    """Map each question to the known questions its branches lead to, in branch order."""
    known = {question.id for question in tree}
    return {q.id: tuple(dict.fromkeys(b.next for _, _, b in branches(q) if b.next in known)) for q in tree}


def roots(tree: tuple[Question, ...]) -> tuple[str, ...]:
    """Return the questions no branch leads to, in file order: a sound tree has exactly one."""
    targets = {target for following in successors(tree).values() for target in following}
    return tuple(question.id for question in tree if question.id not in targets)
