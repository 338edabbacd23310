"""matrix.yml: who does what, on which channel, how often.

Field descriptions are German: they become the JSON Schema that contributors' editors show.
"""

from __future__ import annotations

import enum

from pydantic import Field

from .base import Model
from .fields import Line
from .ids import ChannelRef, RoleRef


class Task(enum.Enum):
    """A recurring task on a channel."""

    MONITORING = "monitoring"
    POSTING = "posting"
    REPLYING = "replying"
    ESCALATION = "escalation"
    REPORTING = "reporting"

    @property
    def label(self) -> str:
        return _TASK_LABELS[self]


_TASK_LABELS = {
    Task.MONITORING: "Monitoring",
    Task.POSTING: "Beiträge veröffentlichen",
    Task.REPLYING: "Antworten",
    Task.ESCALATION: "Eskalation entscheiden",
    Task.REPORTING: "Reporting",
}


class Assignment(Model):
    channel: ChannelRef = Field(description="ID des Kanals.")
    task: Task = Field(description="Aufgabe: monitoring, posting, replying, escalation oder reporting.")
    responsible: RoleRef = Field(description="ID der Rolle, die die Aufgabe ausführt (R).")
    approves: RoleRef | None = Field(None, description="ID der Rolle, die freigibt und rechenschaftspflichtig ist (A).")
    consulted: tuple[RoleRef, ...] = Field((), description="IDs der Rollen, die beraten (C).")
    informed: tuple[RoleRef, ...] = Field((), description="IDs der Rollen, die informiert werden (I).")
    rhythm: Line = Field(description="Wie oft, z. B. 'täglich 9, 13 und 17 Uhr'.")


class MatrixFile(Model):
    """matrix.yml: who does what, on which channel, how often."""

    assignments: tuple[Assignment, ...] = Field(min_length=1, description="Zuordnungen Kanal × Aufgabe → Rollen.")
