"""Who is reachable when: service hours per channel, the on-call rota, the crisis team, and how levels alert.

contacts.yml is optional: a guideline without it still builds, but then no page says whom to call.
"""

from __future__ import annotations

import enum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

from .base import Model
from .fields import DurationField, Line, Phone, StrictBool, StrictInt, Url
from .ids import ActorRef, ChannelRef, LevelRef, RoleRef
from .week import CLOCK_PATTERN, ClockError, Day, clock_label, parse_clock


def _to_clock(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    try:
        return parse_clock(value if isinstance(value, str) else repr(value))
    except ClockError as error:
        raise PydanticCustomError("clock_time", str(error)) from None


ClockTime = Annotated[
    int,
    BeforeValidator(_to_clock),
    PlainSerializer(clock_label, return_type=str),
    WithJsonSchema({"type": "string", "pattern": CLOCK_PATTERN, "examples": ["08:00", "18:30", "24:00"]}),
]
"""A time of day written "HH:MM", held as minutes since midnight."""


class AlertMedium(enum.Enum):
    """How someone is alerted."""

    PHONE = "phone"
    MESSENGER = "messenger"
    EMAIL = "email"

    @property
    def label(self) -> str:
        return {"phone": "Anruf", "messenger": "Messenger", "email": "E-Mail"}[self.value]


class TimeWindow(Model):
    days: tuple[Day, ...] = Field(
        min_length=1, description="Tage, an denen das Zeitfenster gilt: Mo, Di, Mi, Do, Fr, Sa, So oder Feiertag."
    )
    start: ClockTime = Field(description="Beginn als Uhrzeit, z. B. '08:00'.")
    end: ClockTime = Field(
        description="Ende als Uhrzeit, z. B. '18:00' oder '24:00'. Liegt das Ende vor dem Beginn (z. B. 18:00 bis "
        "08:00), reicht das Fenster bis in den nächsten Tag; gleich dem Beginn heißt: 24 Stunden lang."
    )


class AlarmThreshold(Model):
    at_least: StrictInt = Field(description="Ab wie vielen Fällen die Stufe gilt, z. B. 20.")
    signal: Line = Field(
        description="Was gezählt wird, so geschrieben, dass es nach 'ab 20 …' passt, z. B. 'kritischen Beiträgen'."
    )
    within: DurationField = Field(description="In welchem Zeitraum, z. B. '1 h' oder '24 h'.")


class Alert(Model):
    role: ActorRef = Field(
        description="ID der Rolle oder der externen Stelle (parties.yml), die auf dieser Stufe alarmiert wird."
    )
    via: tuple[AlertMedium, ...] = Field(min_length=1, description="Wie: phone (Anruf), messenger oder email.")
    within: DurationField = Field(description="Spätestens wie lange nach Feststellen der Stufe, z. B. '15 min'.")


class Person(Model):
    name: Line = Field(description="Name der Person.")
    phone: Phone = Field(description="Telefonnummer, international (+49 …) oder national (0 …).")
    email: Url | None = Field(None, description="E-Mail-Adresse als mailto:-Link.")


class RoleContact(Model):
    role: RoleRef = Field(description="ID der Rolle, die diese Person innehat.")
    name: Line = Field(description="Name der Person.")
    phone: Phone = Field(description="Telefonnummer, international (+49 …) oder national (0 …).")
    email: Url | None = Field(None, description="E-Mail-Adresse als mailto:-Link.")


class ChannelHours(Model):
    channel: ChannelRef = Field(description="ID des Kanals.")
    around_the_clock: StrictBool = Field(
        False, description="true, wenn der Kanal rund um die Uhr betreut wird, an jedem Tag und jedem Feiertag; "
        "dann ohne 'hours'."
    )
    hours: tuple[TimeWindow, ...] = Field(
        (), description="Servicezeiten des Kanals als Zeitfenster; weglassen, wenn er rund um die Uhr betreut wird."
    )
    first_response: DurationField | None = Field(
        None, description="Versprochene Zeit bis zur ersten Reaktion; ohne Angabe gilt max_first_response."
    )


class OnCallShift(Model):
    title: Line = Field(description="Name der Rufbereitschaft, z. B. 'Rufbereitschaft Community'.")
    role: RoleRef = Field(description="ID der Rolle, die in dieser Zeit Rufbereitschaft hat.")
    phone: Phone = Field(description="Nummer des Bereitschaftstelefons.")
    levels: tuple[LevelRef, ...] = Field(min_length=1, description="IDs der Eskalationsstufen, für die sie gilt.")
    channels: tuple[ChannelRef, ...] = Field(
        (), description="IDs der Kanäle, die sie sichtet; leer heißt: kein Kanal, nur Alarmierung."
    )
    around_the_clock: StrictBool = Field(
        False, description="true, wenn die Rufbereitschaft rund um die Uhr gilt, an jedem Tag und jedem Feiertag; "
        "dann ohne 'windows'."
    )
    windows: tuple[TimeWindow, ...] = Field(
        (), description="Wann die Rufbereitschaft gilt; weglassen, wenn sie rund um die Uhr gilt."
    )
    duties: tuple[Line, ...] = Field((), description="Was die Rufbereitschaft tut, je eine Zeile.")


class CrisisMember(Model):
    role: RoleRef = Field(description="ID der Rolle, die im Krisenstab sitzt.")
    task: Line = Field(description="Aufgabe im Krisenstab, z. B. 'Leitung, entscheidet'.")
    member: Person = Field(description="Wer die Aufgabe übernimmt.")
    deputy: Person = Field(description="Wer vertritt.")


class CrisisTeam(Model):
    convenes: LevelRef = Field(description="ID der Eskalationsstufe, ab der der Krisenstab zusammentritt.")
    meeting: Line = Field(description="Wo und wie sich der Krisenstab trifft, z. B. 'Telefonkonferenz'.")
    dial_in: Phone | None = Field(None, description="Einwahlnummer der Telefonkonferenz des Krisenstabs.")
    members: tuple[CrisisMember, ...] = Field(min_length=1, description="Mitglieder mit Vertretung.")


class ContactsFile(Model):
    """contacts.yml: who is reachable when, and how to reach them."""

    office_hours: tuple[TimeWindow, ...] = Field(
        min_length=1, description="Bürozeiten: wann das Team regulär arbeitet und alle Rollen erreichbar sind."
    )
    people: tuple[RoleContact, ...] = Field(min_length=1, description="Wen man für welche Rolle anruft.")
    service_hours: tuple[ChannelHours, ...] = Field(min_length=1, description="Servicezeiten je Kanal.")
    on_call: tuple[OnCallShift, ...] = Field((), description="Die Rufbereitschaft außerhalb der Bürozeiten.")
    crisis_team: CrisisTeam | None = Field(None, description="Der Krisenstab mit Mitgliedern und Vertretungen.")
