"""departments.yml: the organisation's departments.

Field descriptions are German: they become the JSON Schema that contributors' editors show.
"""

from __future__ import annotations

from pydantic import Field

from .base import Model
from .fields import Line, StrictBool, Text
from .ids import DepartmentId


class Department(Model):
    id: DepartmentId = Field(description="Eindeutige ID der Abteilung, z. B. 'kundenservice'.")
    name: Line = Field(description="Name der Abteilung.")
    description: Text = Field(description="Was die Abteilung zur Social-Media-Arbeit beiträgt.")
    customer_facing: StrictBool = Field(
        False, description="true, wenn die Abteilung nah am Kunden arbeitet (CRM, Hotline, Beratung)."
    )
    committee: StrictBool = Field(
        False, description="true für ein Gremium wie den Betriebsrat: Es wirkt am Leitfaden mit, schickt aber "
        "niemanden ins Social-Media-Team.",
    )


class DepartmentsFile(Model):
    """departments.yml: the company's departments."""

    departments: tuple[Department, ...] = Field(min_length=1, description="Alle Abteilungen des Unternehmens.")
