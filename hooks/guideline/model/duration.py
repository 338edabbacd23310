"""Durations as contributors write them: "4h", "24 h", "30 min", "2 Tage", "sofort"."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass


class DurationUnit(enum.Enum):
    """Units a duration may be written in, with their length in minutes."""

    MINUTE = 1
    HOUR = 60
    DAY = 60 * 24
    WEEK = 60 * 24 * 7
    MONTH = 60 * 24 * 30  # a nominal month: good enough for review intervals, never for deadlines


_UNIT_WORDS: dict[str, DurationUnit] = {
    "min": DurationUnit.MINUTE,
    "minute": DurationUnit.MINUTE,
    "minuten": DurationUnit.MINUTE,
    "h": DurationUnit.HOUR,
    "std": DurationUnit.HOUR,
    "stunde": DurationUnit.HOUR,
    "stunden": DurationUnit.HOUR,
    "d": DurationUnit.DAY,
    "tag": DurationUnit.DAY,
    "tage": DurationUnit.DAY,
    "w": DurationUnit.WEEK,
    "woche": DurationUnit.WEEK,
    "wochen": DurationUnit.WEEK,
    "monat": DurationUnit.MONTH,
    "monate": DurationUnit.MONTH,
}

_SINGULAR = {
    DurationUnit.MINUTE: ("Minute", "Minuten"),
    DurationUnit.HOUR: ("Stunde", "Stunden"),
    DurationUnit.DAY: ("Tag", "Tage"),
    DurationUnit.WEEK: ("Woche", "Wochen"),
    DurationUnit.MONTH: ("Monat", "Monate"),
}

# Each unit word is accepted in lower case and capitalised ("Tage", "tage"); nothing else, so that the
# JSON Schema pattern (which has no case-insensitive flag) and this parser accept exactly the same texts.
_ACCEPTED_UNITS: dict[str, DurationUnit] = {
    spelling: unit for word, unit in _UNIT_WORDS.items() for spelling in (word, word.capitalize())
}
_IMMEDIATE_WORDS = frozenset({"sofort", "Sofort"})
_UNIT_ALTERNATIVES = "|".join(sorted(_ACCEPTED_UNITS, key=lambda w: (-len(w), w)))
_DURATION_RE = re.compile(rf"^\s*(\d{{1,4}})\s*({_UNIT_ALTERNATIVES})\.?\s*$")

DURATION_PATTERN = rf"^\s*(sofort|Sofort|\d{{1,4}}\s*({_UNIT_ALTERNATIVES})\.?)\s*$"
DURATION_EXAMPLES = ("sofort", "30 min", "4 h", "24 Stunden", "2 Tage", "1 Woche", "6 Monate")


@dataclass(frozen=True, order=True)
class Duration:
    """A length of time; compares by its length in minutes."""

    minutes: int
    amount: int
    unit: DurationUnit

    @property
    def label(self) -> str:
        """Return the German reading of this duration, e.g. "24 Stunden"."""
        if self.minutes == 0:
            return "sofort"
        singular, plural = _SINGULAR[self.unit]
        return f"{self.amount} {singular if self.amount == 1 else plural}"

    def __str__(self) -> str:
        return self.label


class DurationError(ValueError):
    """A text that is not a duration."""


def parse_duration(text: str) -> Duration:
    """Parse a duration such as "4h", "24 h", "2 Tage" or "sofort"."""
    cleaned = text.strip()
    if cleaned in _IMMEDIATE_WORDS:
        return Duration(minutes=0, amount=0, unit=DurationUnit.MINUTE)
    match = _DURATION_RE.match(cleaned)
    if match is None:
        raise DurationError(
            f"'{text}' ist keine Zeitangabe; erwartet wird eine Zahl mit Einheit, "
            f"z. B. {', '.join(repr(e) for e in DURATION_EXAMPLES[1:5])} oder 'sofort'"
        )
    amount = int(match.group(1))
    unit = _ACCEPTED_UNITS[match.group(2)]
    return Duration(minutes=amount * unit.value, amount=amount, unit=unit)
