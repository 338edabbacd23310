"""roles.yml: the roles of the social media work.

Field descriptions are German: they become the JSON Schema that contributors' editors show.
"""

from __future__ import annotations

from pydantic import Field

from .base import Model
from .fields import Line, StrictBool, Text
from .ids import DepartmentRef, FormerRoleId, RoleId, TrainingRef


class Role(Model):
    id: RoleId = Field(description="Eindeutige ID der Rolle, z. B. 'community-manager'.")
    title: Line = Field(description="Bezeichnung der Rolle.")
    department: DepartmentRef = Field(description="ID der Abteilung, zu der die Rolle gehört.")
    summary: Text = Field(description="Was die Rolle tut, in ein, zwei Sätzen.")
    responsibilities: tuple[Line, ...] = Field(min_length=1, description="Aufgaben der Rolle, je eine Zeile.")
    social_media_team: StrictBool = Field(
        False, description="true, wenn die Rolle zum Social-Media-Team gehört."
    )
    customer_dialogue: StrictBool = Field(
        False, description="true, wenn die Rolle öffentlich mit Menschen außerhalb spricht, etwa mit Kundinnen und Kunden oder Bürgerinnen und Bürgern."
    )
    trainee_allowed: StrictBool = Field(
        False, description="true, wenn Azubis oder Praktikantinnen und Praktikanten die Rolle übernehmen dürfen (nur unterstützend)."
    )
    in_employment_contract: StrictBool = Field(
        False, description="true, wenn die Social-Media-Verantwortung im Arbeitsvertrag festgehalten ist."
    )
    required_training: tuple[TrainingRef, ...] = Field(
        (), description="IDs der Schulungsmodule, die abgeschlossen sein müssen, bevor die Rolle öffentlich spricht."
    )
    aliases: tuple[FormerRoleId, ...] = Field(
        (), description="Frühere IDs, deren Adressen weiter funktionieren sollen (z. B. nach dem Umbenennen); die alte "
        "Adresse leitet auf die neue weiter.")


class RolesFile(Model):
    """roles.yml: the roles of the social media work."""

    roles: tuple[Role, ...] = Field(min_length=1, description="Alle Rollen.")
