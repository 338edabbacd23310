"""The chapter for every employee: short topics with what is fine, what is not, and whom to tell.

Not only the social media team uses social media: every employee posts privately, is asked about the
company or sees criticism of it. This chapter answers their questions, one topic each, so that a reader
on a phone finds "may I?" and "whom do I tell?" at a glance.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from .base import Model
from .fields import Line, Phone, Text, Url
from .ids import EmployeeTopicId, RoleRef

_MAILTO_RE = re.compile(r"^mailto:[^\s<>\"'`@]+@[^\s<>\"'`@]+$")


def _check_mailto(value: str) -> str:
    if not _MAILTO_RE.match(value.strip()):
        # "url" keeps this message and reports it as an address error (G112).
        raise PydanticCustomError(
            "url",
            "'{value}' ist keine E-Mail-Adresse: schreib sie als mailto:name@example.de",
            {"value": value},
        )
    return value.strip()


Mailto = Annotated[
    str, AfterValidator(_check_mailto), WithJsonSchema({"type": "string", "pattern": "^mailto:\\S+@\\S+$"})
]
"""An e-mail address written as a mailto: link."""


class TopicContact(Model):
    """Whom an employee turns to on one topic, and what the message needs."""

    action: Line = Field(
        description="Was du tust, in einem Satz, z. B. 'Leite die Anfrage an die Pressestelle weiter.'"
    )
    role: RoleRef | None = Field(None, description="ID der Rolle, an die du dich wendest, z. B. 'pr-referent'.")
    email: Mailto | None = Field(None, description="E-Mail-Adresse als mailto:-Link, z. B. mailto:presse@example.de.")
    phone: Phone | None = Field(None, description="Telefonnummer, international (+49 30 …) oder national (030 …); "
                                "auf der Website zum Antippen.")
    phone_label: Line | None = Field(None, description="Wofür die Nummer ist, z. B. 'Meldetelefon Social Media'.")
    form: Url | None = Field(
        None, description="Adresse eines Formulars im Intranet, z. B. https://intranet.example/meldung."
    )
    include: tuple[Line, ...] = Field(
        (), description="Was deine Nachricht enthalten soll, je eine Zeile, z. B. 'Link zum Beitrag'."
    )


class EmployeeTopic(Model):
    """One question employees have, answered with what is fine and what is not."""

    id: EmployeeTopicId = Field(description="Eindeutige ID des Themas; Anker auf der Seite, z. B. 'privat-posten'.")
    title: Line = Field(description="Titel des Themas, z. B. 'Privat in sozialen Medien'.")
    summary: Line = Field(description="Die Antwort in einem Satz: das Wichtigste zuerst.")
    do: tuple[Line, ...] = Field(min_length=1, description="Das geht: was du tun darfst oder sollst, je eine Zeile.")
    dont: tuple[Line, ...] = Field(min_length=1, description="Das geht nicht: was du lässt, je eine Zeile.")
    contact: TopicContact | None = Field(None, description="Wohin du dich wendest, wenn das Thema dich betrifft.")


class EmployeesFile(Model):
    """employees.yml: the chapter for every employee, not only the social media team."""

    title: Line = Field(description="Titel der Seite, z. B. 'Social Media für alle Mitarbeitenden'.")
    introduction: Text = Field(description="Für wen das Kapitel gilt und worum es geht, in zwei, drei Sätzen.")
    topics: tuple[EmployeeTopic, ...] = Field(min_length=1, description="Die Themen in Lesereihenfolge.")
