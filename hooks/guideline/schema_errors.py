"""Pydantic's validation errors, rewritten as German diagnostics at the offending value's position.

Each error's `loc` is turned into a data path (the same tuple the source map uses), the model is
walked along that path to find the field's type and description, and the error type picks the
message. One diagnostic per data path: the first error there is the one a contributor must fix.
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Union

from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from .diagnostics import Diagnostic, DiagnosticCode, Position, Severity, sort_diagnostics
from .model_paths import ModelType, field_at, model_at, type_at
from .source import DataPath, LoadedFile, PlainData

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
    ("strict_bool", "G110"),
    ("strict_int", "G111"),
    ("url", "G112"),
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
                   "Zeiten werden als Zahl mit Einheit geschrieben, z. B. '30 min', '4 h', '2 Tage' oder 'sofort'.",
                   "Zeitangabe in dieser Form schreiben."),
    DiagnosticCode("G110", "Kein Wahrheitswert",
                   "Ja/Nein-Felder erlauben nur true oder false; 'ja', 'yes' oder 'on' sind oft Tippfehler.",
                   "true oder false schreiben."),
    DiagnosticCode("G111", "Keine ganze Zahl", "Das Feld erwartet eine ganze Zahl in Ziffern.",
                   "Zahl in Ziffern ohne Punkt oder Einheit schreiben, z. B. 3."),
    DiagnosticCode("G112", "Unerlaubte Adresse",
                   "Links müssen mit https://, http:// oder mailto: beginnen, damit keine Skripte in die Seite "
                   "gelangen.",
                   "Vollständige Adresse eintragen, z. B. https://example.de oder mailto:team@example.de."),
)
"""Every diagnostic code this module emits, documented for the contributors' page."""


@dataclass(frozen=True)
class Problem:
    """One validation error, placed in the data and in the model."""

    error_type: str
    data_path: DataPath
    value: Any
    error: ErrorDetails
    root: ModelType


def describe_errors(root: ModelType, loaded: LoadedFile, errors: Sequence[ErrorDetails]) -> tuple[Diagnostic, ...]:
    """Turn pydantic's errors for one file into diagnostics, one per data path."""
    seen: set[DataPath] = set()
    diagnostics: list[Diagnostic] = []
    problems = [_problem_of(root, loaded.data, error) for error in errors]
    for problem in problems:
        if problem.data_path in seen or _is_follow_up(problem) or _is_misspelt(problem, problems):
            continue
        seen.add(problem.data_path)
        code, message, notes, help_text = _explain(problem)
        diagnostics.append(
            Diagnostic(code=code, severity=Severity.ERROR, path=loaded.path,
                       position=_position(loaded, problem), message=message, notes=notes, help=help_text)
        )
    return sort_diagnostics(diagnostics)


def _problem_of(root: ModelType, data: PlainData, error: ErrorDetails) -> Problem:
    path = data_path_of(data, tuple(error["loc"]), missing=error["type"] == "missing")
    return Problem(error_type=error["type"], data_path=path, value=error.get("input"), error=error, root=root)


def data_path_of(data: PlainData, loc: tuple[str | int, ...], *, missing: bool = False) -> DataPath:
    """Keep the parts of an error location that lead through the data; drop pydantic's union tags."""
    path: list[str | int] = []
    node: Any = data
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        if isinstance(node, dict) and isinstance(part, str) and (part in node or (missing and last)):
            path.append(part)
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
    return tuple(path)


def _is_follow_up(problem: Problem) -> bool:
    """Pydantic reports a list as too short once a bad item is dropped; the item's error is the real one."""
    if problem.error_type != "too_short" or not isinstance(problem.value, (list, tuple)):
        return False
    return len(problem.value) >= int(problem.error.get("ctx", {}).get("min_length", 0))


def _is_misspelt(problem: Problem, problems: list[Problem]) -> bool:
    """A missing field that an unknown key nearby misspells is reported once, at the misspelt key."""
    if problem.error_type != "missing" or not problem.data_path:
        return False
    parent, name = problem.data_path[:-1], problem.data_path[-1]
    return any(
        other.error_type == "extra_forbidden"
        and other.data_path[:-1] == parent
        and _closest_field(problem.root, other.data_path) == name
        for other in problems
    )


def _closest_field(root: ModelType, key_path: DataPath) -> str | None:
    """Return the field name an unknown key most likely misspells."""
    model = model_at(root, key_path[:-1])
    allowed = list(model.model_fields) if model is not None else []
    close = difflib.get_close_matches(str(key_path[-1]), allowed, n=1, cutoff=0.6) if key_path else []
    return close[0] if close else None


def _position(loaded: LoadedFile, problem: Problem) -> Position:
    source_map = loaded.source_map
    if problem.error_type == "extra_forbidden":
        return source_map.position_of(problem.data_path, key=True)
    if problem.error_type == "missing":
        return source_map.position_of(problem.data_path[:-1])
    return source_map.position_of(problem.data_path)


Explanation = tuple[str, str, tuple[str, ...], Union[str, None]]


def _explain(problem: Problem) -> Explanation:
    kind = problem.error_type
    if kind == "extra_forbidden":
        return _explain_unknown_key(problem)
    if kind == "missing":
        return _explain_missing(problem)
    if problem.value is None:
        return _explain_empty(problem, f"{_label(problem.data_path)} ist leer")
    if kind == "empty_text":
        return _explain_empty(problem, str(problem.error["msg"]))
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
    return "G100", f"ungültiger Wert für {_label(problem.data_path)}", (problem.error["msg"],), _field_help(problem)


def _explain_unknown_key(problem: Problem) -> Explanation:
    key = str(problem.data_path[-1]) if problem.data_path else ""
    model = model_at(problem.root, problem.data_path[:-1])
    allowed = list(model.model_fields) if model is not None else []
    close = _closest_field(problem.root, problem.data_path)
    message = f"unbekannter Schlüssel '{key}'"
    if close:
        return "G101", message, (), f"meinten Sie '{close}'?"
    notes = (f"erlaubte Schlüssel: {', '.join(allowed)}",) if allowed else ()
    return "G101", message, notes, "korrigieren Sie den Namen des Schlüssels oder entfernen Sie ihn"


def _explain_missing(problem: Problem) -> Explanation:
    name = str(problem.data_path[-1]) if problem.data_path else ""
    description = _description(field_at(problem.root, problem.data_path))
    help_text = f"ergänzen Sie '{name}:' – {description}" if description else f"ergänzen Sie '{name}:'"
    return "G102", f"Pflichtfeld '{name}' fehlt", (), help_text


def _explain_empty(problem: Problem, message: str) -> Explanation:
    info = _described_field(problem)
    optional = info is not None and not info.is_required()
    if optional or (problem.data_path and isinstance(problem.data_path[-1], int)):
        help_text = "tragen Sie etwas ein oder entfernen Sie die Zeile"
    else:
        description = _description(info)
        help_text = f"tragen Sie etwas ein – {description}" if description else "tragen Sie etwas ein"
    return "G106", message, (), help_text


def _explain_slug(problem: Problem) -> Explanation:
    message = str(problem.error["msg"])
    suggestion = str(problem.error.get("ctx", {}).get("suggestion", ""))
    message = message.removesuffix(f"; Vorschlag: '{suggestion}'")
    return "G105", message, (), f"schreiben Sie z. B. '{suggestion}'" if suggestion else None


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
    return "G104", message, (), f"meinten Sie '{close[0]}'?" if close else None


def _explain_too_short(problem: Problem) -> Explanation:
    minimum = int(problem.error.get("ctx", {}).get("min_length", 1))
    wanted = "mindestens einen Eintrag" if minimum == 1 else f"mindestens {minimum} Einträge"
    help_text = "schreiben Sie jeden Eintrag in eine eigene Zeile, beginnend mit '- '"
    return "G107", f"{_label(problem.data_path)} braucht {wanted}", (), help_text


def _type_help(problem: Problem) -> str | None:
    expected, value = problem.error_type, problem.value
    if expected == "string_type" and isinstance(value, dict):
        return "steht im Text ein Doppelpunkt mit Leerzeichen (': ')? Dann setzen Sie den Text in Anführungszeichen"
    if expected == "string_type" and isinstance(value, list):
        return "schreiben Sie den Text ohne '- ' davor"
    if expected in {"tuple_type", "list_type"} and isinstance(value, str):
        return "schreiben Sie jeden Eintrag in eine eigene Zeile, beginnend mit '- '"
    model = model_at(problem.root, problem.data_path)
    if model is not None:
        first = next(iter(model.model_fields))
        return f"schreiben Sie eingerückte Zeilen der Form 'schlüssel: wert', beginnend mit '{first}: …'"
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
