"""Phone numbers as contributors write them: international (+49 30 23125 100) or national (030 23125 100)."""

from __future__ import annotations

import re
from dataclasses import dataclass

PHONE_PATTERN = r"^\s*(\+[1-9]|0[1-9])[0-9 /-]*[0-9]\s*$"
_PHONE_RE = re.compile(PHONE_PATTERN)
MIN_DIGITS = 7
MAX_DIGITS = 15  # E.164: no phone number has more digits
PHONE_EXAMPLES = ("+49 30 23125 100", "030 23125 100", "0151 23456 789")


class PhoneError(ValueError):
    """A text that is no phone number; the message is German and says what to write instead."""


@dataclass(frozen=True)
class PhoneNumber:
    """A phone number: as written (with its grouping), and as the target of a `tel:` link."""

    label: str
    dial: str  # only '+' and digits: "+493023125100" or "03023125100"

    @property
    def uri(self) -> str:
        """Return the `tel:` address a phone dials when the number is tapped."""
        return f"tel:{self.dial}"

    def __str__(self) -> str:
        return self.label


def parse_phone(text: str) -> PhoneNumber:
    """Read an international (+…) or national (0…) number; spaces, '/' and '-' may group the digits."""
    written = " ".join(text.split())
    if written.startswith("00"):
        raise PhoneError(f"'{written}' beginnt mit 00: schreibe die Vorwahl des Landes mit +, z. B. "
                         f"'+{written[2:]}'")
    if not _PHONE_RE.match(written):
        raise PhoneError(f"'{written}' ist keine gültige Telefonnummer: erlaubt ist eine internationale Nummer "
                         "mit + (z. B. '+49 30 23125 100') oder eine nationale mit 0 (z. B. '030 23125 100'); "
                         "nur Ziffern, Leerzeichen, '/' und '-', keine Durchwahl allein und kein '(0)'")
    dial = re.sub(r"[ /-]", "", written)
    digits = len(dial.lstrip("+"))
    if not MIN_DIGITS <= digits <= MAX_DIGITS:
        raise PhoneError(f"'{written}' hat {digits} Ziffern: eine vollständige Telefonnummer hat "
                         f"{MIN_DIGITS} bis {MAX_DIGITS} Ziffern mit Vorwahl")
    return PhoneNumber(label=written, dial=dial)
