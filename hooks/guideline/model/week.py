"""The week as service hours and on-call rotas see it: days (with public holidays) and times of day."""

from __future__ import annotations

import enum
import re

MINUTES_PER_DAY = 24 * 60
CLOCK_PATTERN = r"^\s*([01]?[0-9]|2[0-3]):[0-5][0-9]\s*$|^\s*24:00\s*$"
_CLOCK_RE = re.compile(CLOCK_PATTERN)


class Day(enum.Enum):
    """A day of the week, or a public holiday (whatever weekday it falls on)."""

    MO = "Mo"
    DI = "Di"
    MI = "Mi"
    DO = "Do"
    FR = "Fr"
    SA = "Sa"
    SO = "So"
    FEIERTAG = "Feiertag"

    @property
    def index(self) -> int:
        """Return the day's place in the week (Mo = 0); a holiday has none and raises."""
        if self is Day.FEIERTAG:
            raise ValueError("a holiday has no fixed place in the week")
        return list(Day).index(self)


WEEKDAYS = tuple(day for day in Day if day is not Day.FEIERTAG)
MINUTES_PER_WEEK = len(WEEKDAYS) * MINUTES_PER_DAY


class ClockError(ValueError):
    """A text that is no time of day; the message is German."""


def parse_clock(text: str) -> int:
    """Read a time of day "HH:MM" (00:00 to 24:00) as minutes since midnight."""
    if not _CLOCK_RE.match(text):
        raise ClockError(f"'{text}' ist keine Uhrzeit: schreibe Stunden und Minuten mit Doppelpunkt, von 00:00 bis "
                         "24:00, z. B. '08:00' oder '18:30'")
    hours, minutes = text.strip().split(":")
    return int(hours) * 60 + int(minutes)


def clock_label(minutes: int) -> str:
    """Write minutes since midnight as "08:00"."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def span_label(minutes: int) -> str:
    """Write a length of time as "42 h", "1 h 30 min" or "45 min"."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"
