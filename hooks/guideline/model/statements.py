"""statements/<id>.yml: texts with a required wording, e.g. a warning an authority orders or a recall notice.

One file per statement, so that a change of wording is one file in a pull request, with its own history.
Field descriptions are German: they become the JSON Schema that contributors' editors show.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from .base import Model
from .fields import DateField, DurationField, Line, StrictBool, Text
from .ids import ChannelRef, RoleRef, StatementId

_PLACEHOLDER_RE = re.compile(r"\[([^\[\]\n]+)\]")
PLACEHOLDER_NAME_PATTERN = r"^[^\[\]\n]+$"
_PLACEHOLDER_SCHEMA = r"^(\[[^\[\]\n]+\]|[^\[\]\n]+)$"  # also with its brackets, which the parser removes


def _to_placeholder_name(value: Any) -> Any:
    """Take a placeholder's name; one written with its brackets, as in the text ("[Datum]"), is read the same."""
    if isinstance(value, str) and (match := _PLACEHOLDER_RE.fullmatch(value.strip())):
        return match.group(1)
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], str):
        raise PydanticCustomError(  # YAML reads an unquoted [Datum] as a list holding "Datum"
            "placeholder", "ohne Anführungszeichen liest YAML [{name}] als Liste: schreib nur den Namen, {name}, oder "
            "setze ihn in Anführungszeichen: \"[{name}]\"", {"name": value[0]})
    return value


def _check_placeholder_name(value: str) -> str:
    if not re.fullmatch(PLACEHOLDER_NAME_PATTERN, value.strip()):
        raise PydanticCustomError(
            "placeholder",
            "'{value}' ist kein Platzhalter: schreib nur seinen Namen, ohne eckige Klammern, z. B. Datum für [Datum] "
            "im Text",
            {"value": value},
        )
    return value.strip()


PlaceholderName = Annotated[
    str, BeforeValidator(_to_placeholder_name), AfterValidator(_check_placeholder_name),
    WithJsonSchema({"type": "string", "pattern": _PLACEHOLDER_SCHEMA, "examples": ["Datum", "Gebiet"]}),
]
"""The name of a placeholder, e.g. "Datum" for "[Datum]" in a text."""


def bracketed(name: str) -> str:
    """Return a placeholder as it stands in a text: "Datum" becomes "[Datum]"."""
    return f"[{name}]"


def placeholders_in(text: str) -> tuple[str, ...]:
    """Return the names of the placeholders a text contains, e.g. ("Datum", "Gebiet"), each once, in order."""
    return tuple(dict.fromkeys(match.group(1) for match in _PLACEHOLDER_RE.finditer(text)))


class Deadline(Model):
    within: DurationField = Field(description="Wie schnell der Text draußen sein muss, z. B. '30 min' oder '2 h'.")
    after: Line = Field(
        description="Das Ereignis, ab dem die Frist läuft, so geschrieben, dass es auf 'spätestens 2 Stunden nach' "
        "folgen kann, z. B. 'der Anordnung des Gesundheitsamts' oder 'dem Beschluss des Krisenstabs'."
    )

    @property
    def phrase(self) -> str:
        """Say by when the text is due, e.g. "spätestens 30 Minuten nach der Anordnung des Gesundheitsamts"."""
        if self.within.minutes == 0:
            return f"sofort nach {self.after}"
        return f"spätestens {self.within.label} nach {self.after}"


class Statement(Model):
    """statements/<id>.yml: one text whose wording is fixed, with who publishes it where and by when."""

    id: StatementId = Field(description="Eindeutige ID; muss dem Dateinamen entsprechen.")
    title: Line = Field(description="Kurzer Name des Textes, z. B. 'Abkochgebot' oder 'Unwetterwarnung'.")
    purpose: Text | None = Field(None, description="Wann der Text gebraucht wird, in ein, zwei Sätzen.")
    text: Text = Field(description="Der Wortlaut, genau so, wie er veröffentlicht wird.")
    verbatim: StrictBool = Field(
        description="true, wenn der Text Wort für Wort veröffentlicht werden muss, ohne jede Änderung; dann sind "
        "keine Platzhalter erlaubt."
    )
    placeholders: tuple[PlaceholderName, ...] = Field(
        (), description="Nur wenn verbatim false ist: die Namen der Platzhalter, die vor dem Senden ersetzt werden "
        "dürfen, ohne Klammern, z. B. Datum und Gebiet für [Datum] und [Gebiet] im Text."
    )
    source: Line = Field(
        description="Woher der Wortlaut stammt, z. B. 'Gesundheitsamt Musterstadt, Anordnung' oder 'Rechtsabteilung "
        "und Marktüberwachungsbehörde'."
    )
    source_date: DateField = Field(description="Von wann dieser Wortlaut stammt, als JJJJ-MM-TT, z. B. 2026-05-04.")
    all_channels: StrictBool = Field(
        False, description="true, wenn der Text auf allen Kanälen erscheinen muss; dann bleibt 'channels' leer."
    )
    channels: tuple[ChannelRef, ...] = Field(
        (), description="IDs der Kanäle, auf denen der Text erscheinen muss (leer lassen, wenn all_channels true ist)."
    )
    deadline: Deadline = Field(description="Bis wann der Text veröffentlicht sein muss, und ab welchem Ereignis.")
    published_by: RoleRef = Field(description="ID der Rolle, die den Text veröffentlicht.")
    changes_approved_by: RoleRef = Field(description="ID der Rolle, die jede Änderung am Wortlaut freigibt.")

    def channels_among(self, every_channel: tuple[str, ...]) -> tuple[str, ...]:
        """Return the ids of the channels the text goes to, given the ids of every channel of the guideline."""
        return every_channel if self.all_channels else self.channels
