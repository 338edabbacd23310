"""scenarios/<id>.yml: the agreed procedures and their reply templates.

Field descriptions are German: they become the JSON Schema that contributors' editors show.
"""

from __future__ import annotations

from pydantic import Field

from .base import Model
from .fields import DurationField, Line, Text
from .ids import (
    ActorRef,
    ChannelRef,
    FormerScenarioId,
    LevelRef,
    RoleRef,
    ScenarioId,
    StatementRef,
    ToneRuleRef,
    TrainingRef,
)


class Step(Model):
    role: ActorRef = Field(description="ID der Rolle oder der externen Stelle (parties.yml), die den Schritt ausführt.")
    action: Text = Field(description="Was zu tun ist.")
    deadline: DurationField | None = Field(None, description="Bis wann, ab Eingang, z. B. '1 h' oder 'sofort'.")


class Escalation(Model):
    when: Line = Field(description="Wann eskaliert wird.")
    to: ActorRef = Field(description="ID der Rolle oder der externen Stelle (parties.yml), an die eskaliert wird.")
    level: LevelRef = Field(description="ID der Eskalationsstufe, die dann gilt.")


class ReplyTemplate(Model):
    title: Line = Field(description="Wofür die Vorlage gedacht ist.")
    text: Text = Field(description="Der Vorlagentext; Platzhalter in eckigen Klammern, z. B. [Name].")
    channels: tuple[ChannelRef, ...] = Field(
        (), description="IDs der Kanäle, für die die Vorlage gedacht ist; leer: alle Kanäle des Szenarios."
    )


class Scenario(Model):
    """scenarios/<id>.yml: one agreed procedure."""

    id: ScenarioId = Field(description="Eindeutige ID; muss dem Dateinamen entsprechen.")
    title: Line = Field(description="Titel, z. B. 'Jemand beschwert sich öffentlich'.")
    question: Line = Field(description="Die Frage, unter der Leserinnen und Leser suchen: 'Was tun, wenn …?'")
    trigger: Text = Field(description="Woran man erkennt, dass dieses Szenario vorliegt.")
    escalation_level: LevelRef = Field(description="ID der Eskalationsstufe, mit der das Szenario beginnt.")
    first_response: DurationField = Field(description="Längste Zeit bis zur ersten öffentlichen Reaktion.")
    owner: RoleRef = Field(description="ID der Rolle, die das Szenario verantwortet.")
    channels: tuple[ChannelRef, ...] = Field((), description="IDs der Kanäle, auf denen es typischerweise vorkommt.")
    steps: tuple[Step, ...] = Field(min_length=1, description="Die Schritte in ihrer Reihenfolge.")
    escalate: tuple[Escalation, ...] = Field((), description="Wann und an wen eskaliert wird.")
    statements: tuple[StatementRef, ...] = Field(
        (), description="IDs der Pflichttexte (statements/), die in diesem Szenario veröffentlicht werden."
    )
    reply_templates: tuple[ReplyTemplate, ...] = Field((), description="Antwortvorlagen.")
    donts: tuple[Line, ...] = Field((), description="Was man auf keinen Fall tut.")
    tone_rules: tuple[ToneRuleRef, ...] = Field((), description="IDs der Tonalitätsregeln, die hier besonders gelten.")
    training: tuple[TrainingRef, ...] = Field((), description="IDs der Schulungsmodule, die auf das Szenario vorbereiten.")
    keywords: tuple[Line, ...] = Field(
        (),
        description="Suchbegriffe, unter denen Leserinnen und Leser das Szenario finden, auch Synonyme und "
        "zusammengesetzte Wörter (z. B. 'Beschwerde', 'Kundenbeschwerde'). Sie stehen nur im Suchindex, nicht auf "
        "der Seite, und bringen das Szenario dort vor andere Seiten.",
    )
    aliases: tuple[FormerScenarioId, ...] = Field(
        (), description="Frühere IDs, deren Adressen weiter funktionieren sollen (z. B. nach dem Umbenennen); die alte "
        "Adresse leitet auf die neue weiter.")
