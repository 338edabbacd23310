"""channels.yml: the channels the organisation is present on.

Field descriptions are German: they become the JSON Schema that contributors' editors show.
"""

from __future__ import annotations

import enum

from pydantic import Field

from .base import Model
from .fields import Line, StrictBool, Text, Url
from .ids import ChannelId, ChannelRef, RoleRef


class FormOfAddress(enum.Enum):
    """How we address people on a channel."""

    DU = "du"
    SIE = "sie"

    @property
    def label(self) -> str:
        return {"du": "du", "sie": "Sie"}[self.value]


class ChannelLink(Model):
    channel: ChannelRef = Field(description="ID des Kanals, auf den verwiesen wird.")
    how: Line = Field(description="Wie der Verweis aussieht, z. B. 'Teaser mit Link auf den Blogartikel'.")


class ChannelLegal(Model):
    imprint: Line = Field(description="Wo das Impressum verlinkt ist (höchstens zwei Klicks entfernt).")
    privacy: Line = Field(description="Wo die Datenschutzerklärung verlinkt ist.")
    joint_controller: Text | None = Field(
        None, description="Hinweis zur gemeinsamen Verantwortlichkeit (Art. 26 DSGVO), z. B. bei Facebook-Seiten."
    )
    admins: tuple[RoleRef, ...] = Field(description="Rollen mit Admin-Zugang; mindestens zwei.")
    two_factor: StrictBool = Field(description="true, wenn alle Admin-Konten Zwei-Faktor-Authentifizierung nutzen.")
    notes: tuple[Line, ...] = Field((), description="Weitere rechtliche oder Sicherheitshinweise.")


class Channel(Model):
    id: ChannelId = Field(description="Eindeutige ID des Kanals, z. B. 'facebook'.")
    name: Line = Field(description="Name des Kanals, z. B. 'Facebook-Seite'.")
    url: Url | None = Field(None, description="Adresse des Kanals.")
    purpose: Text = Field(description="Wozu wir den Kanal nutzen.")
    audience: Line = Field(description="Wen wir dort erreichen.")
    content_types: tuple[Line, ...] = Field(min_length=1, description="Welche Inhalte dort erscheinen.")
    rhythm: Line = Field(description="Wie oft wir posten, z. B. '3 Beiträge pro Woche'.")
    service_hours: Line = Field(description="Wann der Kanal betreut wird, z. B. 'Mo–Fr 8–18 Uhr'.")
    form_of_address: FormOfAddress | None = Field(
        None, description="Wie wir die Leute auf dem Kanal ansprechen: du oder sie (Sie). Vorlagen werden daran geprüft."
    )
    owner: RoleRef = Field(description="ID der verantwortlichen Rolle.")
    deputy: RoleRef = Field(description="ID der vertretenden Rolle.")
    links_to: tuple[ChannelLink, ...] = Field((), description="Wie der Kanal auf andere Kanäle verweist.")
    legal: ChannelLegal = Field(description="Rechtliches und Sicherheit.")


class ChannelsFile(Model):
    """channels.yml: the channels the organisation is present on."""

    channels: tuple[Channel, ...] = Field(min_length=1, description="Alle Kanäle.")
