"""parties.yml: the external parties the organisation involves, such as authorities, emergency services, partners.

An external party is never part of the team: it holds no role, takes no training and is on no rota. It may act
in a scenario's step, receive an escalation, be informed on a level and be alerted, wherever a field takes a role
or a party (`ActorRef`). parties.yml is optional.
Field descriptions are German: they become the JSON Schema that contributors' editors show.
"""

from __future__ import annotations

import enum

from pydantic import Field

from .base import Model
from .fields import Line, Phone, Text, Url
from .ids import PartyId, RoleRef


class PartyKind(enum.Enum):
    """What kind of external party it is."""

    AUTHORITY = "authority"
    EMERGENCY_SERVICE = "emergency_service"
    SECURITY_SERVICE = "security_service"
    PARTNER = "partner"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "authority": "Behörde",
            "emergency_service": "Notruf und Gefahrenabwehr",
            "security_service": "IT-Sicherheit",
            "partner": "Partner",
            "other": "Sonstige Stelle",
        }[self.value]


class Party(Model):
    id: PartyId = Field(
        description="Eindeutige ID der externen Stelle, z. B. 'gesundheitsamt'; darf nicht die ID einer Rolle sein."
    )
    name: Line = Field(description="Name der Stelle, wie ihr sie am Telefon nennt, z. B. 'Gesundheitsamt Musterstadt'.")
    kind: PartyKind = Field(
        description="Art der Stelle: authority (Behörde), emergency_service (Polizei, Feuerwehr, Rettungsdienst), "
        "security_service (IT-Sicherheit, z. B. ein CERT), partner (Dienstleister, Agentur, Händler) oder other."
    )
    involve_when: Text = Field(description="Wann ihr die Stelle einbezieht, z. B. 'bei Drohungen gegen Personen'.")
    phone: Phone | None = Field(
        None, description="Telefonnummer der Stelle, international (+49 …) oder national (0 …); im Notfall zuerst."
    )
    email: Url | None = Field(None, description="E-Mail-Adresse als mailto:-Link, z. B. 'mailto:meldung@amt.example'.")
    web: Url | None = Field(None, description="Webadresse, z. B. ein Meldeformular, als https://-Link.")
    availability: Line | None = Field(
        None, description="Wann die Stelle erreichbar ist, z. B. 'rund um die Uhr' oder 'Mo–Fr 08:00–16:00'."
    )
    keeper: RoleRef = Field(
        description="ID der Rolle, die den Kontakt pflegt: sie hält Nummer und Ansprechpersonen aktuell."
    )


class PartiesFile(Model):
    """parties.yml: the external parties the organisation involves."""

    parties: tuple[Party, ...] = Field(min_length=1, description="Alle externen Stellen.")
