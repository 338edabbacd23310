"""The German wording of schema errors: what was expected at a place, and how to fix it.

schema_errors places each pydantic error in the data; this module says what is wrong there, using
the field's type and its German description from the models.
"""

from __future__ import annotations

import difflib
import enum
import re
import typing
from dataclasses import dataclass
from typing import Any, Union

from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from ..diagnostics import DiagnosticCode
from ..load.invisible import describe_invisible
from ..load.source import DataPath
from .model_paths import ModelType, field_at, model_at, type_at

_TYPE_NAMES = (
    ("string_type", "Text"),
    ("tuple_type", "eine Liste"),
    ("list_type", "eine Liste"),
    ("model_type", "eine Zuordnung"),
    ("model_attributes_type", "eine Zuordnung"),
    ("dict_type", "eine Zuordnung"),
)
# Our own field types (fields.py) already say in German what is wrong: their message is kept.
_KEPT_MESSAGES = (
    ("multi_line", "G108"),
    ("duration", "G109"),
    ("duration_type", "G109"),
    ("date", "G109"),
    ("strict_bool", "G110"),
    ("strict_int", "G111"),
    ("url", "G112"),
    ("phone", "G314"),
    ("clock_time", "G315"),
    ("placeholder", "G367"),
    ("web_url", "G390"),
)

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode("G100", "Ungültiger Wert", "Ein Wert passt nicht zu dem, was an dieser Stelle erwartet wird.",
                   "Wert anhand der Beschreibung des Feldes im Schema korrigieren."),
    DiagnosticCode("G101", "Unbekannter Schlüssel",
                   "Ein Schlüssel ist an dieser Stelle nicht vorgesehen, meist ein Tippfehler. Unbekannte "
                   "Schlüssel werden nicht stillschweigend übergangen, weil ihr Inhalt sonst nie erschiene.",
                   "Schlüssel wie vorgeschlagen korrigieren oder entfernen."),
    DiagnosticCode("G102", "Pflichtfeld fehlt", "Ein Feld, das jeder Eintrag dieser Art braucht, fehlt.",
                   "Feld mit einem passenden Wert ergänzen; die Hilfezeile beschreibt, was hineingehört."),
    DiagnosticCode("G103", "Falsche Art von Wert",
                   "An dieser Stelle wird Text, eine Liste oder eine Zuordnung erwartet, aber etwas anderes steht "
                   "dort, z. B. ein Text statt einer Liste mit '- '.",
                   "Wert in die erwartete Form bringen: Listen mit '- ' je Zeile, Zuordnungen als eingerückte "
                   "Zeilen 'schlüssel: wert'."),
    DiagnosticCode("G104", "Kein erlaubter Wert", "Das Feld erlaubt nur bestimmte Werte.",
                   "Einen der genannten Werte genau so schreiben."),
    DiagnosticCode("G105", "Ungültige ID",
                   "IDs sind Teil der Adresse einer Seite und dürfen nur Kleinbuchstaben a–z, Ziffern und "
                   "einzelne Bindestriche enthalten.",
                   "Vorgeschlagene ID übernehmen und alle Verweise darauf anpassen."),
    DiagnosticCode("G106", "Leerer Wert", "Ein Feld oder Listeneintrag hat keinen Inhalt.",
                   "Inhalt eintragen oder, wenn das Feld nicht nötig ist, die Zeile entfernen."),
    DiagnosticCode("G107", "Zu wenige Einträge", "Eine Liste braucht mindestens einen Eintrag.",
                   "Einträge ergänzen, jeweils in einer eigenen Zeile mit '- ' davor."),
    DiagnosticCode("G108", "Mehrzeiliger Text", "Titel und Tabellenzellen haben genau eine Zeile.",
                   "Text kürzen oder auf mehrere Felder verteilen."),
    DiagnosticCode("G109", "Ungültige Zeitangabe",
                   "Zeiten werden als Zahl mit Einheit geschrieben, z. B. '30 min', '4 h', '2 Tage' oder 'sofort'; "
                   "ein Datum (etwa 'valid_from') als JJJJ-MM-TT, z. B. '2026-03-01'.",
                   "Zeitangabe bzw. Datum in dieser Form schreiben."),
    DiagnosticCode("G110", "Kein Wahrheitswert",
                   "Ja/Nein-Felder erlauben nur true oder false; 'ja', 'yes' oder 'on' sind oft Tippfehler.",
                   "true oder false schreiben."),
    DiagnosticCode("G111", "Keine ganze Zahl", "Das Feld erwartet eine ganze Zahl in Ziffern.",
                   "Zahl in Ziffern ohne Punkt oder Einheit schreiben, z. B. 3."),
    DiagnosticCode("G112", "Unerlaubte Adresse",
                   "Links müssen mit https://, http:// oder mailto: beginnen, damit keine Skripte in die Seite "
                   "gelangen.",
                   "Vollständige Adresse eintragen, z. B. `https://example.de` oder `mailto:team@example.de`."),
    DiagnosticCode("G314", "Ungültige Telefonnummer",
                   "Telefonnummern werden auf der Website zu Links, die das Handy direkt wählt. Das geht nur mit einer "
                   "vollständigen Nummer: international mit + und Landesvorwahl oder national mit 0 und Vorwahl.",
                   "Nummer vollständig eintragen, z. B. '+49 30 23125 100' oder '030 23125 100'; nur Ziffern, "
                   "Leerzeichen, '/' und '-'."),
    DiagnosticCode("G315", "Ungültige Uhrzeit",
                   "Servicezeiten und Rufbereitschaft bestehen aus Zeitfenstern mit Beginn und Ende als Uhrzeit "
                   "(HH:MM, 00:00 bis 24:00).",
                   "Uhrzeit mit Doppelpunkt schreiben, z. B. '08:00'; für einen ganzen Tag start: '00:00' und "
                   "end: '24:00'."),
    DiagnosticCode("G367", "Platzhalter falsch geschrieben",
                   "Unter 'placeholders:' eines Pflichttextes steht je Zeile der Name eines Platzhalters, der vor dem "
                   "Senden ersetzt werden darf, ohne eckige Klammern: Datum für [Datum] im Text. Mit Klammern geht "
                   "es nur in Anführungszeichen, weil YAML [Datum] sonst als Liste liest.",
                   "Nur den Namen schreiben, z. B. '- Datum', und je Platzhalter eine Zeile."),
    DiagnosticCode("G390", "Ungültige Adresse der Website",
                   "Die Adressen unter 'site' in organisation.yml bilden den Rahmen jeder Seite: die Adresse der "
                   "Website (nur https://), der Link zum Repository und die Bearbeiten-Knöpfe (http:// oder "
                   "https://). Jede braucht einen Servernamen und darf keine Leerzeichen enthalten.",
                   "Vollständige Adresse eintragen, z. B. `https://leitfaden.beispiel.intern/` oder "
                   "`https://git.beispiel.intern/kommunikation/leitfaden/-/edit/main/`."),
)
"""Every diagnostic code schema_errors emits, documented for the contributors' page."""


@dataclass(frozen=True)
class Problem:
    """One validation error, placed in the data and in the model."""

    error_type: str
    data_path: DataPath
    value: Any
    error: ErrorDetails
    root: ModelType


def _folded_key(key: str) -> str:
    """Fold how a key may be mistyped without changing its word: case, '-', spaces, invisible characters."""
    return re.sub(r"[\s\-]+", "_", "".join(char for char in key if char.isprintable()).strip()).lower()


def closest_field(root: ModelType, key_path: DataPath) -> str | None:
    """Return the field name an unknown key most likely misspells."""
    if not key_path:
        return None
    model = model_at(root, key_path[:-1])
    allowed = list(model.model_fields) if model is not None else []
    folded = {_folded_key(name): name for name in allowed}
    written = _folded_key(str(key_path[-1]))
    if written in folded:
        return folded[written]
    close = difflib.get_close_matches(written, list(folded), n=1, cutoff=0.6)
    return folded[close[0]] if close else None


Explanation = tuple[str, str, tuple[str, ...], Union[str, None]]


def explain(problem: Problem) -> Explanation:
    """Return code, message, notes and help for one validation error."""
    kind = problem.error_type
    if kind == "extra_forbidden":
        return _explain_unknown_key(problem)
    if kind == "missing":
        return _explain_missing(problem)
    if problem.value is None:
        return _explain_empty(problem, f"{_label(problem.data_path)} ist leer")
    if kind == "empty_text":
        return _explain_empty(problem, f"{_label(problem.data_path)} ist leer")
    if kind == "slug":
        return _explain_slug(problem)
    if kind == "enum":
        return _explain_enum(problem)
    if kind == "too_short":
        return _explain_too_short(problem)
    kept = dict(_KEPT_MESSAGES).get(kind)
    if kept is not None:
        return kept, problem.error["msg"], (), None
    expected = dict(_TYPE_NAMES).get(kind)
    if expected is not None:
        return "G103", f"{_label(problem.data_path)} muss {expected} sein", (), _type_help(problem)
    notes = (f"technische Meldung: {problem.error['msg']}",)
    return "G100", f"ungültiger Wert für {_label(problem.data_path)}", notes, _field_help(problem)


def _explain_unknown_key(problem: Problem) -> Explanation:
    key = str(problem.data_path[-1]) if problem.data_path else ""
    model = model_at(problem.root, problem.data_path[:-1])
    allowed = list(model.model_fields) if model is not None else []
    close = closest_field(problem.root, problem.data_path)
    message = f"unbekannter Schlüssel '{key}'"
    invisible = describe_invisible(key)
    hidden = (f"der Schlüssel enthält ein unsichtbares Zeichen: {invisible}",) if invisible else ()
    if close:
        return "G101", message, hidden, f"meintest du '{close}'?"
    notes = (*hidden, f"erlaubte Schlüssel: {', '.join(allowed)}") if allowed else hidden
    return "G101", message, notes, "korrigiere den Namen des Schlüssels oder entferne ihn"


def _explain_missing(problem: Problem) -> Explanation:
    name = str(problem.data_path[-1]) if problem.data_path else ""
    description = _description(field_at(problem.root, problem.data_path))
    help_text = f"ergänze '{name}:' – {description}" if description else f"ergänze '{name}:'"
    return "G102", f"Pflichtfeld '{name}' fehlt", (), help_text


_LIST_HELP = "schreibe die Einträge darunter, jeden in eine eigene Zeile mit '- ' davor"


def _explain_empty(problem: Problem, message: str) -> Explanation:
    info = _described_field(problem)
    optional = info is not None and not info.is_required()
    is_list = _is_list_field(problem)
    entry = bool(problem.data_path) and isinstance(problem.data_path[-1], int)
    if is_list and not entry:
        help_text = f"{_LIST_HELP}, oder entferne die Zeile" if optional else _LIST_HELP
    elif optional or entry:
        help_text = "trage etwas ein oder entferne die Zeile"
    else:
        description = _description(info)
        help_text = f"trage etwas ein – {description}" if description else "trage etwas ein"
    return "G106", message, (), help_text


def _is_list_field(problem: Problem) -> bool:
    field_type = type_at(problem.root, problem.data_path)
    return typing.get_origin(field_type) in {tuple, list}


def _explain_slug(problem: Problem) -> Explanation:
    message = str(problem.error["msg"])
    suggestion = str(problem.error.get("ctx", {}).get("suggestion", ""))
    message = message.removesuffix(f"; Vorschlag: '{suggestion}'")
    invisible = describe_invisible(str(problem.value))
    notes = (f"die ID enthält ein unsichtbares Zeichen: {invisible}",) if invisible else ()
    return "G105", message, notes, f"schreibe z. B. '{suggestion}'" if suggestion else None


def _explain_enum(problem: Problem) -> Explanation:
    field_type = type_at(problem.root, problem.data_path)
    if isinstance(field_type, type) and issubclass(field_type, enum.Enum):
        allowed = [str(member.value) for member in field_type]
    else:
        allowed = [part.strip(" '") for part in str(problem.error.get("ctx", {}).get("expected", "")).split(",")]
    allowed_text = ", ".join(allowed)
    if not isinstance(problem.value, str):
        return "G104", f"{_label(problem.data_path)} muss einer dieser Werte sein: {allowed_text}", (), None
    message = f"'{problem.value}' ist kein erlaubter Wert für {_label(problem.data_path)}; erlaubt: {allowed_text}"
    close = difflib.get_close_matches(problem.value.lower(), allowed, n=1, cutoff=0.6)
    if not close and "off" in allowed and problem.value.lower() in _OFF_WORDS:
        close = ["off"]
    return "G104", message, (), f"meintest du '{close[0]}'?" if close else None


_OFF_WORDS = frozenset({"no", "false", "n", "nein", "aus", "0"})  # YAML 1.1 habits for "switched off"


def _explain_too_short(problem: Problem) -> Explanation:
    minimum = int(problem.error.get("ctx", {}).get("min_length", 1))
    wanted = "mindestens einen Eintrag" if minimum == 1 else f"mindestens {minimum} Einträge"
    help_text = "schreibe jeden Eintrag in eine eigene Zeile, beginnend mit '- '"
    return "G107", f"{_label(problem.data_path)} braucht {wanted}", (), help_text


def _type_help(problem: Problem) -> str | None:
    expected, value = problem.error_type, problem.value
    if expected == "string_type" and isinstance(value, dict):
        return "steht im Text ein Doppelpunkt mit Leerzeichen (': ')? Dann setze den Text in Anführungszeichen"
    if expected == "string_type" and isinstance(value, list):
        return "schreibe den Text ohne '- ' davor"
    if expected in {"tuple_type", "list_type"} and isinstance(value, str):
        return "schreibe jeden Eintrag in eine eigene Zeile, beginnend mit '- '"
    model = model_at(problem.root, problem.data_path)
    if model is not None:
        first = next(iter(model.model_fields))
        return f"schreibe eingerückte Zeilen der Form 'schlüssel: wert', beginnend mit '{first}: …'"
    return _field_help(problem)


def _field_help(problem: Problem) -> str | None:
    description = _description(_described_field(problem))
    return f"erwartet: {description}" if description else None


def _label(path: DataPath) -> str:
    """Name the place of a value as a reader sees it: the key, or the list entry under a key."""
    if not path:
        return "die Datei"
    last = path[-1]
    if isinstance(last, int):
        owner = next((part for part in reversed(path) if isinstance(part, str)), "")
        return f"Eintrag {last + 1} in '{owner}'"
    return f"'{last}'"


def _described_field(problem: Problem) -> FieldInfo | None:
    """Return the field a value belongs to; for a list entry, the list's field."""
    path = problem.data_path
    while path and isinstance(path[-1], int):
        path = path[:-1]
    return field_at(problem.root, path)


def _description(info: FieldInfo | None) -> str:
    return (info.description or "") if info is not None else ""
