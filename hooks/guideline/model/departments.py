"""departments.yml: the organisation's departments.

Field descriptions are German: they become the JSON Schema that contributors' editors show.
"""

from __future__ import annotations

from pydantic import Field

from .base import Model
from .fields import Line, StrictBool, Text
from .ids import DepartmentId


class Department(Model):
    id: DepartmentId = Field(description="Eindeutige ID der Abteilung, z. B. 'kundenservice' oder 'pressestelle'.")
    name: Line = Field(description="Name der Abteilung.")
    description: Text = Field(description="Was die Abteilung zur Social-Media-Arbeit beiträgt.")
    public_facing: StrictBool = Field(
        False, description="true, wenn die Abteilung direkt mit Menschen außerhalb spricht, etwa mit Kundinnen und "
        "Kunden, Bürgerinnen und Bürgern, Patientinnen und Patienten oder der Presse. Dann braucht sie eine Rolle im "
        "Social-Media-Team oder einen Grund unter 'team_exemption'.",
    )
    team_exemption: Line | None = Field(
        None, description="Warum die Abteilung niemanden ins Social-Media-Team schickt (nötig bei "
        "public_facing: true ohne Rolle im Team; sonst eine Erklärung für die Leserinnen und Leser), z. B. 'liefert Messwerte zu, antwortet aber nicht selbst öffentlich'.",
    )
    committee: StrictBool = Field(
        False, description="true für ein Gremium wie den Betriebs- oder Personalrat: Es wirkt am Leitfaden mit, "
        "schickt aber niemanden ins Social-Media-Team.",
    )


class DepartmentsFile(Model):
    """departments.yml: the organisation's departments."""

    departments: tuple[Department, ...] = Field(min_length=1, description="Alle Abteilungen der Organisation.")
