"""The process phases and the content strategy: how we work and what we publish where."""

from __future__ import annotations

import enum

from pydantic import Field

from .base import Model
from .fields import Line, StrictInt, Text
from .ids import ChannelRef, DepartmentRef, PhaseId, RoleRef


class ContentOrigin(enum.Enum):
    """Who produces a kind of content."""

    OWN = "own"
    THIRD_PARTY = "third-party"

    @property
    def label(self) -> str:
        return {"own": "Eigene Inhalte", "third-party": "Inhalte Dritter"}[self.value]


class Kpi(Model):
    name: Line = Field(description="Name der Kennzahl.")
    description: Text = Field(description="Was sie misst und warum.")
    target: Line = Field(description="Zielwert.")
    source: Line = Field(description="Woher die Zahl kommt.")
    frequency: Line = Field(description="Wie oft sie erhoben wird.")


class Phase(Model):
    id: PhaseId = Field(description="Eindeutige ID der Phase, z. B. 'monitoring'.")
    number: StrictInt = Field(description="Nummer der Phase, fortlaufend ab 1.")
    title: Line = Field(description="Titel der Phase.")
    goal: Text = Field(description="Ziel der Phase.")
    activities: tuple[Line, ...] = Field(min_length=1, description="Tätigkeiten.")
    outputs: tuple[Line, ...] = Field(min_length=1, description="Ergebnisse.")
    roles: tuple[RoleRef, ...] = Field(min_length=1, description="IDs der beteiligten Rollen.")
    kpis: tuple[Kpi, ...] = Field((), description="Kennzahlen (vor allem in der Erfolgsmessung).")


class ProcessFile(Model):
    """process.yml: the process phases."""

    introduction: Text = Field(description="Einleitung zum Prozess.")
    phases: tuple[Phase, ...] = Field(min_length=1, description="Die Phasen in ihrer Reihenfolge.")


class ContentSource(Model):
    origin: ContentOrigin = Field(description="own (aus eigenen Abteilungen) oder third-party (von außen, z. B. von Nutzerinnen und Nutzern oder Partnern).")
    source: Line = Field(description="Woher die Inhalte kommen, z. B. 'Pressestelle' oder 'Beiträge von Nutzerinnen und Nutzern'.")
    department: DepartmentRef | None = Field(None, description="ID der Abteilung, falls eigene Inhalte.")
    content: Text = Field(description="Welche Inhalte das sind.")
    rework: Text = Field(description="Was pro Plattform überarbeitet werden muss.")
    allowed_messages: tuple[Line, ...] = Field(
        (), description="Welche Botschaften aus dieser Quelle kommen dürfen (vor allem bei Dritten)."
    )


class PlatformContent(Model):
    channel: ChannelRef = Field(description="ID des Kanals.")
    content: tuple[Line, ...] = Field(min_length=1, description="Welche Inhalte dieser Kanal bekommt.")


class CoreMessage(Model):
    title: Line = Field(description="Die Kernbotschaft in wenigen Worten.")
    description: Text = Field(description="Was wir damit meinen.")


class StrategyFile(Model):
    """strategy.yml: the content strategy."""

    direction: Text = Field(description="Strategische Ausrichtung.")
    core_messages: tuple[CoreMessage, ...] = Field(min_length=1, description="Kernbotschaften.")
    sources: tuple[ContentSource, ...] = Field(min_length=1, description="Woher Inhalte kommen.")
    platform_content: tuple[PlatformContent, ...] = Field(
        min_length=1, description="Welche Plattform welche Inhalte bekommt."
    )
    linking: Text = Field(description="Wie die Plattformen miteinander verknüpft sind.")
    practice: Text | None = Field(
        None, description="Warum und wie ihr eure Abläufe einübt, z. B. regelmäßige Übungen der Szenarien."
    )
