"""training/<id>.yml: the training modules.

Field descriptions are German: they become the JSON Schema that contributors' editors show.
"""

from __future__ import annotations

import enum

from pydantic import Field

from .base import Model
from .fields import DurationField, Line, StrictBool, Text
from .ids import FormerTrainingId, RoleRef, TrainingId, TrainingRef


class TrainingFormat(enum.Enum):
    """How a training module is delivered."""

    WORKSHOP = "workshop"
    SELF_STUDY = "self-study"
    SHADOWING = "shadowing"

    @property
    def label(self) -> str:
        return {"workshop": "Workshop", "self-study": "Selbststudium", "shadowing": "Hospitation"}[self.value]


class OutlineItem(Model):
    title: Line = Field(description="Titel des Abschnitts.")
    duration: DurationField | None = Field(None, description="Dauer des Abschnitts.")
    content: Text | None = Field(None, description="Was in diesem Abschnitt passiert.")


class Exercise(Model):
    title: Line = Field(description="Titel der Übung.")
    description: Text = Field(description="Aufgabenstellung.")


class SelfCheck(Model):
    question: Line = Field(description="Frage zur Selbstkontrolle.")
    answer: Text = Field(description="Erwartete Antwort.")


class TrainingModule(Model):
    """training/<id>.yml: one training module."""

    id: TrainingId = Field(description="Eindeutige ID; muss dem Dateinamen entsprechen.")
    title: Line = Field(description="Titel des Moduls.")
    summary: Text = Field(description="Worum es geht.")
    audience: tuple[RoleRef, ...] = Field(min_length=1, description="IDs der Rollen, für die das Modul gedacht ist.")
    duration: DurationField = Field(description="Gesamtdauer, z. B. '3 h' oder '2 Tage'.")
    format: TrainingFormat = Field(description="Format: workshop, self-study oder shadowing.")
    objectives: tuple[Line, ...] = Field(min_length=1, description="Lernziele.")
    prerequisites: tuple[TrainingRef, ...] = Field((), description="IDs der Module, die vorher abgeschlossen sein müssen.")
    outline: tuple[OutlineItem, ...] = Field(min_length=1, description="Ablauf.")
    exercises: tuple[Exercise, ...] = Field((), description="Übungen.")
    self_check: tuple[SelfCheck, ...] = Field((), description="Fragen zur Selbstkontrolle.")
    customer_dialogue_training: StrictBool = Field(
        False, description="true, wenn jede Rolle, die öffentlich antwortet oder Antworten freigibt, dieses Modul braucht."
    )
    aliases: tuple[FormerTrainingId, ...] = Field(
        (), description="Frühere IDs, deren Adressen weiter funktionieren sollen (z. B. nach dem Umbenennen); die alte "
        "Adresse leitet auf die neue weiter.")
