"""escalation.yml: the escalation levels.

Field descriptions are German: they become the JSON Schema that contributors' editors show.
"""

from __future__ import annotations

from pydantic import Field

from .base import Model
from .contacts import AlarmThreshold, Alert
from .fields import DurationField, Line, StrictBool, Text
from .ids import ActorRef, LevelId, RoleRef


class EscalationLevel(Model):
    id: LevelId = Field(description="Eindeutige ID der Stufe, z. B. 'stufe-1'.")
    title: Line = Field(description="Name der Stufe, z. B. 'Alltag'.")
    description: Text = Field(description="Woran man die Stufe erkennt.")
    informed: tuple[ActorRef, ...] = Field(
        (), description="IDs der Rollen und externen Stellen (parties.yml), die informiert werden."
    )
    max_first_response: DurationField = Field(description="Längste Zeit bis zur ersten Reaktion, z. B. '1 h'.")
    pause_scheduled_posts: StrictBool = Field(description="true, wenn geplante Beiträge pausiert werden.")
    decides: RoleRef = Field(description="ID der Rolle, die auf dieser Stufe entscheidet.")
    thresholds: tuple[AlarmThreshold, ...] = Field((), description="Ab wann die Stufe gilt, in Zahlen.")
    alerted_by: RoleRef | None = Field(None, description="ID der Rolle, die auf dieser Stufe alarmiert.")
    alerts: tuple[Alert, ...] = Field((), description="Wer auf dieser Stufe wie und wie schnell alarmiert wird.")


class EscalationFile(Model):
    """escalation.yml: the escalation levels, from everyday to crisis."""

    levels: tuple[EscalationLevel, ...] = Field(min_length=1, description="Die Stufen, aufsteigend.")
