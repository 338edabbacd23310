"""onboarding.yml: how a new hire starts — first steps for everyone, phases, and each role's own steps.

Field descriptions are German: they become the JSON Schema that contributors' editors show.
"""

from __future__ import annotations

from pydantic import Field

from .base import Model
from .fields import Line, StrictBool, Text
from .ids import OnboardingPhaseId, OnboardingPhaseRef, OnboardingStepId, RoleRef, TrainingRef


class OnboardingStep(Model):
    """One thing a new hire does, shown as a checkbox."""

    id: OnboardingStepId = Field(
        description="ID des Schritts, in onboarding.yml nur einmal vergeben, z. B. 'konten-anlegen'. Der Browser "
        "merkt sich das Häkchen unter dieser ID: ändere sie nicht, sonst ist der Schritt wieder offen."
    )
    title: Line = Field(description="Was zu tun ist, kurz, z. B. 'Auf den Plattformen registrieren'.")
    details: Text | None = Field(None, description="Wie es geht oder worauf es ankommt, in ein, zwei Sätzen.")


class OnboardingPhase(Model):
    """One stretch of the first weeks, e.g. the first day."""

    id: OnboardingPhaseId = Field(description="Eindeutige ID der Phase, z. B. 'erster-tag'.")
    title: Line = Field(description="Bezeichnung der Phase, z. B. 'Erster Tag' oder 'Erste Woche'.")
    summary: Text | None = Field(None, description="Worum es in dieser Phase geht, in einem Satz.")
    steps: tuple[OnboardingStep, ...] = Field(
        (), description="Schritte für alle Rollen in dieser Phase, in der Reihenfolge, in der sie dran sind."
    )
    training: StrictBool = Field(
        False, description="true, wenn in dieser Phase die Pflichtschulungen der Rolle stehen: automatisch aus "
        "'required_training' in roles.yml, mit allen Voraussetzungen, in der richtigen Reihenfolge und mit der "
        "Summe der Stunden. Höchstens eine Phase setzt das.",
    )


class RoleStep(OnboardingStep):
    """A step only one role takes, placed in one of the phases."""

    phase: OnboardingPhaseRef = Field(description="ID der Phase, in der der Schritt steht, z. B. 'erste-woche'.")
    training: TrainingRef | None = Field(
        None, description="ID des Schulungsmoduls, zu dem der Schritt gehört, z. B. eine Hospitation; die Rolle "
        "muss das Modul in 'required_training' haben (oder es als Voraussetzung brauchen)."
    )


class RoleOnboarding(Model):
    """The onboarding page of one role: the phases' steps plus the role's own."""

    role: RoleRef = Field(description="ID der Rolle, die eine Einarbeitungsseite bekommt, z. B. 'community-manager'.")
    steps: tuple[RoleStep, ...] = Field((), description="Schritte nur für diese Rolle, jeweils mit ihrer Phase.")


class OnboardingFile(Model):
    """onboarding.yml: the onboarding of new employees."""

    intro: Text = Field(description="Begrüßung auf der Seite „Neu hier?“, in ein, zwei Sätzen, per du.")
    everyone: tuple[OnboardingStep, ...] = Field(
        min_length=1, description="Erste Schritte für alle neuen Mitarbeitenden, auf der Seite „Neu hier?“."
    )
    phases: tuple[OnboardingPhase, ...] = Field(
        min_length=1, description="Die Phasen der Einarbeitung im Social-Media-Team, z. B. erster Tag, erste Woche, "
        "erster Monat."
    )
    roles: tuple[RoleOnboarding, ...] = Field(
        min_length=1, description="Die Rollen, die eine eigene Einarbeitungsseite bekommen, mit ihren eigenen Schritten."
    )
    keywords: tuple[Line, ...] = Field(
        (),
        description="Suchbegriffe, unter denen Leserinnen und Leser die Seite „Neu hier?“ finden (z. B. 'Onboarding', "
        "'Einarbeitung'). Sie stehen nur im Suchindex, nicht auf der Seite, und bringen sie dort vor die "
        "Einarbeitungsseiten der Rollen.",
    )
