"""statements/<id>.yml: texts with a required wording, e.g. a warning an authority orders or a recall notice.

One file per statement, so that a change of wording is one file in a pull request, with its own history.
Field descriptions are German: they become the JSON Schema that contributors' editors show.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from .base import Model
from .fields import DateField, DurationField, Line, StrictBool, Text
from .ids import ChannelRef, RoleRef, StatementId

PLACEHOLDER_PATTERN = r"\[[^\[\]\n]+\]"
_PLACEHOLDER_RE = re.compile(PLACEHOLDER_PATTERN)


def _check_placeholder(value: str) -> str:
    if not re.fullmatch(PLACEHOLDER_PATTERN, value.strip()):
        raise PydanticCustomError(
            "placeholder",
            "'{value}' ist kein Platzhalter: schreib ihn in eckigen Klammern, so wie er im Text steht, z. B. [Datum]",
            {"value": value},
        )
    return value.strip()


Placeholder = Annotated[
    str, AfterValidator(_check_placeholder), WithJsonSchema({"type": "string", "pattern": f"^{PLACEHOLDER_PATTERN}$"})
]
"""A placeholder as it stands in a text, brackets included, e.g. "[Datum]"."""


def placeholders_in(text: str) -> tuple[str, ...]:
    """Return the placeholders a text contains, e.g. ("[Datum]", "[Gebiet]"), each once, in order."""
    return tuple(dict.fromkeys(_PLACEHOLDER_RE.findall(text)))


class Deadline(Model):
    within: DurationField = Field(description="Wie schnell der Text draußen sein muss, z. B. '30 min' oder '2 h'.")
    after: Line = Field(
        description="Das Ereignis, ab dem die Frist läuft, so geschrieben, dass es auf 'spätestens 2 Stunden nach' "
        "folgen kann, z. B. 'der Anordnung des Gesundheitsamts' oder 'dem Rückrufbeschluss der Geschäftsführung'."
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
    title: Line = Field(description="Kurzer Name des Textes, z. B. 'Abkochgebot' oder 'Rückrufwarnung'.")
    purpose: Text | None = Field(None, description="Wann der Text gebraucht wird, in ein, zwei Sätzen.")
    text: Text = Field(description="Der Wortlaut, genau so, wie er veröffentlicht wird.")
    verbatim: StrictBool = Field(
        description="true, wenn der Text Wort für Wort veröffentlicht werden muss, ohne jede Änderung; dann sind "
        "keine Platzhalter erlaubt."
    )
    placeholders: tuple[Placeholder, ...] = Field(
        (), description="Nur wenn verbatim false ist: die Platzhalter, die vor dem Senden ersetzt werden dürfen, "
        "so wie sie im Text stehen, z. B. [Datum] oder [Gebiet]."
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
