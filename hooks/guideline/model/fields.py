"""Field types shared by the models: slugs, text, durations, strict booleans, safe links, phone numbers."""

from __future__ import annotations

import datetime
import re
import unicodedata
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

from .duration import DURATION_PATTERN, Duration, DurationError, parse_duration
from .phone import PHONE_EXAMPLES, PHONE_PATTERN, PhoneError, PhoneNumber, parse_phone

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_SLUG_RE = re.compile(SLUG_PATTERN)
_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"})
MAX_SLUG_LENGTH = 60

PLACEHOLDER = "Bitte ausfüllen"
"""The text every free-text field of a new file starts with; `check` reports it until it is replaced."""


def suggest_slug(text: str) -> str:
    """Turn any text into the closest valid id, e.g. "Kunde beschwert sich" → "kunde-beschwert-sich"."""
    folded = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATION))
    ascii_only = folded.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")
    return slug[:MAX_SLUG_LENGTH].strip("-") or "neue-id"


def check_slug(value: str) -> str:
    if not _SLUG_RE.match(value) or len(value) > MAX_SLUG_LENGTH:
        raise PydanticCustomError(
            "slug",
            "'{value}' ist keine gültige ID: erlaubt sind Kleinbuchstaben a–z, Ziffern und einzelne "
            "Bindestriche (höchstens {limit} Zeichen), weil die ID Teil der Adresse ist; "
            "Vorschlag: '{suggestion}'",
            {"value": value, "suggestion": suggest_slug(value), "limit": MAX_SLUG_LENGTH},
        )
    return value


def _check_text(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("empty_text", "Text darf nicht leer sein")
    return value


_LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _check_line(value: str) -> str:
    _check_text(value)
    if _LINE_BREAKS.search(value.strip()):
        raise PydanticCustomError(
            "multi_line",
            "hier ist nur eine Zeile erlaubt; kürze den Text oder verteile ihn auf mehrere Felder",
        )
    return value.strip()


def _found(value: Any) -> str:
    """Name what a contributor wrote where a single value was expected: a list, a mapping or the text."""
    if isinstance(value, (list, tuple)):
        return "eine Liste"
    if isinstance(value, dict):
        return "eine Zuordnung"
    return f"'{value}'"


def _to_duration(value: Any) -> Any:
    if isinstance(value, Duration):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("duration_type", "hier wird eine Zeitangabe erwartet, z. B. '4 h' oder '2 Tage', "
                                  "gefunden: {found}", {"found": _found(value)})
    try:
        return parse_duration(value)
    except DurationError as error:
        raise PydanticCustomError("duration", str(error)) from None


def _to_phone(value: Any) -> Any:
    if isinstance(value, PhoneNumber):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("phone", "hier wird eine Telefonnummer als Text erwartet, z. B. '+49 30 23125 100', "
                                  "gefunden: {found}", {"found": _found(value)})
    try:
        return parse_phone(value)
    except PhoneError as error:
        raise PydanticCustomError("phone", str(error)) from None


def _to_strict_bool(value: Any) -> Any:
    """Accept only YAML 1.2's true/false: `yes`, `on` or `1` are typos more often than intent."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in {"true", "false"}:
        return value.lower() == "true"
    raise PydanticCustomError("strict_bool", "{found} ist kein Wahrheitswert: schreibe true oder false",
                              {"found": _found(value)})


def _to_date(value: Any) -> Any:
    """Accept a calendar date written as YYYY-MM-DD, the one form that reads the same everywhere."""
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise PydanticCustomError("date", "{found} ist kein gültiges Datum: schreib es als JJJJ-MM-TT, z. B. 2026-03-01",
                              {"found": _found(value)})


def _to_strict_int(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and re.fullmatch(r"[1-9][0-9]{0,5}|0", value.strip()):
        return int(value)
    raise PydanticCustomError(
        "strict_int",
        "{found} ist keine gültige Zahl: erlaubt sind ganze Zahlen ab 0 in Ziffern, ohne führende Null, "
        "Vorzeichen, Komma oder Einheit (höchstens 6 Stellen), z. B. 3",
        {"found": _found(value)},
    )


_SAFE_URL_RE = re.compile(r"^(https://|http://|mailto:)[^\s<>\"'`]+$")


def _check_url(value: str) -> str:
    if not _SAFE_URL_RE.match(value.strip()):
        raise PydanticCustomError(
            "url",
            "'{value}' ist keine erlaubte Adresse: nur https://, http:// oder mailto: ohne Leerzeichen",
            {"value": value},
        )
    return value.strip()


Slug = Annotated[str, AfterValidator(check_slug), WithJsonSchema({"type": "string", "pattern": SLUG_PATTERN})]
"""A lowercase kebab-case id; it doubles as URL path and anchor."""

Text = Annotated[str, AfterValidator(_check_text), WithJsonSchema({"type": "string", "minLength": 1})]
"""Non-empty free text, possibly several paragraphs; always shown as plain text."""

Line = Annotated[
    str, AfterValidator(_check_line), WithJsonSchema({"type": "string", "minLength": 1, "pattern": "^[^\\n]+\\n?$"})
]
"""Non-empty text on one line (titles, table cells)."""

DurationField = Annotated[
    Duration,
    BeforeValidator(_to_duration),
    PlainSerializer(lambda d: d.label, return_type=str),
    WithJsonSchema({"type": "string", "pattern": DURATION_PATTERN, "examples": ["4 h", "24 Stunden", "2 Tage"]}),
]
"""A duration written as "4 h", "24 Stunden", "2 Tage" or "sofort"."""

StrictBool = Annotated[bool, BeforeValidator(_to_strict_bool), WithJsonSchema({"type": "boolean"})]
"""true or false, and nothing YAML 1.1 would also read as a boolean."""

DateField = Annotated[datetime.date, BeforeValidator(_to_date), WithJsonSchema({"type": "string", "format": "date"})]
"""A calendar date, written YYYY-MM-DD (the loader keeps it as text; this field reads it)."""

StrictInt = Annotated[int, BeforeValidator(_to_strict_int), WithJsonSchema({"type": "integer", "minimum": 0})]
"""A whole number written in digits."""

Url = Annotated[
    str, AfterValidator(_check_url), WithJsonSchema({"type": "string", "pattern": "^(https?://|mailto:)\\S+$"})
]
"""An https, http or mailto link; never javascript: or data:."""

_WEB_URL_RE = re.compile(r"^https?://[^\s/<>\"'`?#]+(/[^\s<>\"'`]*)?$")


def _check_web_url(value: str) -> str:
    """Accept a web address (http or https) that a browser can open, with a host and no spaces."""
    if not _WEB_URL_RE.match(value.strip()):
        raise PydanticCustomError(
            "web_url",
            "'{value}' ist keine Web-Adresse: erwartet wird eine Adresse wie https://git.example.intern/team/leitfaden",
            {"value": value},
        )
    return value.strip()


def _check_https_url(value: str) -> str:
    """Accept only an https address: the site's own address, which every link and the sitemap use."""
    if not _check_web_url(value).startswith("https://"):
        raise PydanticCustomError(
            "web_url",
            "'{value}' beginnt nicht mit https://: die Website wird nur verschlüsselt ausgeliefert",
            {"value": value},
        )
    return value.strip()


WebUrl = Annotated[
    str, AfterValidator(_check_web_url), WithJsonSchema({"type": "string", "pattern": "^https?://[^\\s/]+(/\\S*)?$"})
]
"""A web address (http or https) with a host, e.g. of the repository."""

HttpsUrl = Annotated[
    str, AfterValidator(_check_https_url), WithJsonSchema({"type": "string", "pattern": "^https://[^\\s/]+(/\\S*)?$"})
]
"""An https address with a host, e.g. the site's own address in the intranet."""

Phone = Annotated[
    PhoneNumber,
    BeforeValidator(_to_phone),
    PlainSerializer(lambda p: p.label, return_type=str),
    WithJsonSchema({"type": "string", "pattern": PHONE_PATTERN, "examples": list(PHONE_EXAMPLES)}),
]
"""A phone number, international (+49 …) or national (0 …); pages show it as a tap-to-call `tel:` link."""
