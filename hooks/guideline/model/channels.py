"""channels.yml: the channels the organisation is present on.

Field descriptions are German: they become the JSON Schema that contributors' editors show.
"""

from __future__ import annotations

import enum
from typing import Annotated

from pydantic import AfterValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from .base import Model
from .fields import Line, StrictBool, StrictInt, Text, Url
from .ids import ChannelId, ChannelRef, RoleRef


class FormOfAddress(enum.Enum):
    """How we address people on a channel."""

    DU = "du"
    SIE = "sie"

    @property
    def label(self) -> str:
        return {"du": "du", "sie": "Sie"}[self.value]


class Interaction(enum.Enum):
    """Whether people can answer us on a channel, or we only send."""

    DIALOG = "dialog"
    BROADCAST = "broadcast"

    @property
    def label(self) -> str:
        return {"dialog": "Dialog (Kommentare und Antworten)", "broadcast": "nur senden (keine Kommentare)"}[self.value]


def _check_character_count(value: int) -> int:
    if value < 1:  # reported like any other bad whole number (G111), with its own message
        raise PydanticCustomError(
            "strict_int", "{found} ist keine gültige Länge: schreib die Zahl der Zeichen als ganze Zahl ab 1, "
            "z. B. 280", {"found": value},
        )
    return value


CharacterCount = Annotated[
    StrictInt, AfterValidator(_check_character_count), WithJsonSchema({"type": "integer", "minimum": 1})
]
"""A number of characters, at least 1."""


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
    interaction: Interaction = Field(
        Interaction.DIALOG, description="dialog (Standard): Leute können kommentieren und wir antworten; broadcast: "
        "wir senden nur, Kommentare und Antworten gibt es nicht (z. B. WhatsApp-Kanal, Warn-App, Newsletter)."
    )
    max_length: CharacterCount | None = Field(
        None, description="Höchstzahl der Zeichen je Text auf dem Kanal, z. B. 280; Vorlagen werden daran geprüft."
    )
    owner: RoleRef = Field(description="ID der verantwortlichen Rolle.")
    deputy: RoleRef = Field(description="ID der vertretenden Rolle.")
    links_to: tuple[ChannelLink, ...] = Field((), description="Wie der Kanal auf andere Kanäle verweist.")
    legal: ChannelLegal = Field(description="Rechtliches und Sicherheit.")

    @property
    def broadcast(self) -> bool:
        """Return whether we only send on the channel, so nobody can answer there and nobody needs an answer."""
        return self.interaction is Interaction.BROADCAST


class ChannelsFile(Model):
    """channels.yml: the channels the organisation is present on."""

    channels: tuple[Channel, ...] = Field(min_length=1, description="Alle Kanäle.")
