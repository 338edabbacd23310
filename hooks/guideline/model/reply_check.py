"""reply_check.yml: the rules of the reply checker beyond the tone rules and the channels.

The tone rules' breach phrases (tone.yml) and each channel's form of address and length limit (channels.yml)
are checked without this file; it adds personal data, placeholders, link hosts, shouting, greeting and sign-off.
Field descriptions are German: they become the JSON Schema that contributors' editors show.
"""

from __future__ import annotations

import enum

from pydantic import Field

from .base import Model
from .fields import Line, StrictInt
from .ids import ChannelRef, ReplyRuleId


class Audience(enum.Enum):
    """Which replies a rule applies to: public ones only, or direct messages too."""

    PUBLIC = "public"
    ALL = "all"


class FindingSeverity(enum.Enum):
    """How serious a finding of the reply checker is; findings are listed in this order."""

    ERROR = "error"
    WARNING = "warning"
    HINT = "hint"

    @property
    def label(self) -> str:
        return {"error": "Fehler", "warning": "Warnung", "hint": "Hinweis"}[self.value]


PATTERN_HELP = (
    "Ein regulärer Ausdruck aus der erlaubten Teilmenge (siehe Mitmachen-Seite): Zeichen, [Klassen], "
    "Gruppen (…) und (?:…), |, Wiederholungen * + ? {n} {n,} {n,m}, ^ am Anfang, Escapes wie \\s \\. \\[; "
    "Groß- und Kleinschreibung zählt nicht."
)


class PatternRule(Model):
    id: ReplyRuleId = Field(description="Eindeutige ID der Regel, z. B. 'telefonnummer'; Teil des Ankers auf der Seite.")
    name: Line = Field(description="Name der Regel, wie die Prüfung ihn zeigt, z. B. 'Telefonnummer'.")
    message: Line = Field(description="Was an dem Fund nicht stimmt und was stattdessen hilft, ein Satz.")
    pattern: Line = Field(description=PATTERN_HELP)
    applies_to: Audience = Field(
        Audience.PUBLIC, description="public (Standard): nur in öffentlichen Antworten melden; all: auch in "
        "Direktnachrichten.",
    )
    severity: FindingSeverity = Field(FindingSeverity.ERROR, description="error, warning oder hint.")
    exceptions: tuple[Line, ...] = Field(
        (), alias="except", description="Texte, die trotzdem erlaubt sind, z. B. die öffentliche Servicenummer.",
    )


class PlaceholderRule(Model):
    pattern: Line = Field(r"\[[^\]\n]{1,40}\]", description="Woran ein vergessener Platzhalter zu erkennen ist. "
                          + PATTERN_HELP)
    message: Line = Field("Ersetze den Platzhalter vor dem Senden durch den richtigen Text.",
                          description="Hinweis zum Fund.")


class Shouting(Model):
    min_letters: StrictInt = Field(4, description="Wörter ab so vielen Buchstaben zählen mit.")
    max_capital_share: StrictInt = Field(
        30, description="Höchster Anteil (in Prozent) der Wörter in GROSSBUCHSTABEN unter den gezählten Wörtern.",
    )
    exclamation_marks: StrictInt = Field(2, description="Ab so vielen Ausrufezeichen hintereinander meldet die "
                                         "Prüfung Schreien, z. B. 2 für '!!'.")
    exceptions: tuple[Line, ...] = Field(
        (), alias="except", description="Abkürzungen in Großbuchstaben, die kein Schreien sind, z. B. 'DSGVO'.",
    )


class Expectation(Model):
    pattern: Line = Field(description="Woran die Prüfung die Anrede oder den Gruß erkennt. " + PATTERN_HELP)
    channels: tuple[ChannelRef, ...] = Field(
        min_length=1, description="IDs der Kanäle, auf denen jede Antwort das braucht.",
    )
    message: Line = Field(description="Hinweis, wenn es fehlt.")


class AddressWords(Model):
    du: tuple[Line, ...] = Field(
        ("du", "dich", "dir", "dein", "deine", "deinem", "deinen", "deiner", "deines", "euch", "euer", "eure",
         "eurem", "euren", "eurer", "eures"),
        description="Wörter, an denen die Prüfung das Duzen erkennt (Groß- und Kleinschreibung egal).",
    )
    sie: tuple[Line, ...] = Field(
        ("Sie", "Ihnen", "Ihr", "Ihre", "Ihrem", "Ihren", "Ihrer", "Ihres"),
        description="Wörter, an denen die Prüfung das Siezen erkennt (nur großgeschrieben und nicht am Satzanfang; "
        "das erste Wort zählt überall).",
    )


class ReplyCheckFile(Model):
    """reply_check.yml: the reply checker's own rules."""

    personal_data: tuple[PatternRule, ...] = Field(
        (), description="Persönliche Daten, die nicht öffentlich gepostet werden: Telefonnummern, E-Mail-Adressen, "
        "Anschriften, Bestell- und Kundennummern, IBAN.",
    )
    placeholder: PlaceholderRule = Field(PlaceholderRule(), description="Vergessene Platzhalter wie [Vorname].")
    link_hosts: tuple[Line, ...] = Field(
        (), description="Hosts, auf die Antworten verlinken dürfen, z. B. 'beispiel.example' oder "
        "'*.beispiel.example' (alle Unteradressen). Leer: Links werden nicht geprüft.",
    )
    shouting: Shouting = Field(Shouting(), description="Wann ein Text schreit: GROSSBUCHSTABEN und '!!!'.")
    greeting: Expectation | None = Field(None, description="Anrede am Anfang der Antwort, wo sie erwartet wird.")
    sign_off: Expectation | None = Field(None, description="Gruß am Ende der Antwort, wo er erwartet wird.")
    address_words: AddressWords = Field(AddressWords(), description="Woran du und Sie erkannt werden.")
