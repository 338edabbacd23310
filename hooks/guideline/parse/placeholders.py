"""Placeholders left in a data file: what `build.py new` and `build.py init` mark for the contributor to fill.

Contract: find_placeholders(root, loaded, errors) -> (diagnostics, remaining errors). Every value that
still holds PLACEHOLDER is reported at its own line and column, whether the file is otherwise valid or
not, so one `check` lists everything still to do. In free text the placeholder is valid text: a warning
(G308), so a draft builds but a strict build fails. Where it stands instead of a duration, date, number,
true/false, allowed value, id or address, the model cannot hold it: an error (G391) that replaces the
schema error there, because the contributor has not chosen a value yet, not written a wrong one.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Sequence

from pydantic_core import ErrorDetails

from ..diagnostics import Diagnostic, DiagnosticCode, Severity
from ..load.source import DataPath, LoadedFile, PlainData
from ..model.fields import PLACEHOLDER
from ..model.ids import Defines, field_marker
from ..model.layout import defining_kind
from .errors import data_path_of
from .model_paths import ModelType, model_at, type_at

PLACEHOLDER_CODE = "G308"
UNCHOSEN_CODE = "G391"

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode(
        code=PLACEHOLDER_CODE,
        title="Platzhalter nicht ersetzt",
        explanation="Eine mit `python3 build.py new` oder `init` angelegte Datei enthält in einem Text noch den "
        f"Platzhalter „{PLACEHOLDER}“. Das ist eine Warnung: `check` läuft durch, aber `check --strict` und der "
        "Build für die Veröffentlichung schlagen fehl, damit keine halb ausgefüllte Seite erscheint.",
        fix="Den Platzhalter durch den richtigen Text ersetzen.",
    ),
    DiagnosticCode(
        code=UNCHOSEN_CODE,
        title="Wert noch nicht gewählt",
        explanation=f"Wo eine Zeitangabe, ein Datum, eine Zahl, true/false, einer der erlaubten Werte, eine ID "
        f"oder eine Adresse hingehört, steht noch der Platzhalter „{PLACEHOLDER}“. Neue Dateien geben solche "
        "Werte nie vor, weil ein vorausgefüllter Wert unbemerkt gelten würde; ihr entscheidet ihn.",
        fix="Den Platzhalter durch einen Wert ersetzen, wie ihn der Kommentar über dem Feld und die Hilfezeile "
        "beschreiben.",
    ),
)
"""Every diagnostic code this module emits, documented for the contributors' page."""


def holds_placeholder(value: object) -> bool:
    """Tell whether a value is text that still contains the scaffold's placeholder."""
    return isinstance(value, str) and PLACEHOLDER.casefold() in value.casefold()


def placeholder_paths(data: PlainData, data_path: DataPath = ()) -> Iterator[DataPath]:
    """Yield the data path of every text in the plain data that still holds the placeholder, in file order."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from placeholder_paths(value, (*data_path, key))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from placeholder_paths(item, (*data_path, index))
    elif holds_placeholder(data):
        yield data_path


def find_placeholders(
    root: ModelType, loaded: LoadedFile, errors: Sequence[ErrorDetails] = ()
) -> tuple[tuple[Diagnostic, ...], tuple[ErrorDetails, ...]]:
    """Report every placeholder in one file; return the diagnostics and the errors not caused by a placeholder."""
    unchosen: dict[DataPath, ErrorDetails] = {}
    remaining: list[ErrorDetails] = []
    for error in errors:
        path = data_path_of(loaded.data, tuple(error["loc"]))
        if error["type"] != "missing" and holds_placeholder(_value_at(loaded.data, path)):
            unchosen.setdefault(path, error)
        else:
            remaining.append(error)
    # Below a value that is wrong itself, nothing is reported; a list that is too short still has its entries.
    failed = [data_path_of(loaded.data, tuple(error["loc"])) for error in remaining if error["type"] != "too_short"]
    diagnostics = [
        _unchosen(root, loaded, path, unchosen[path]) if path in unchosen else _left_in(loaded, path)
        for path in placeholder_paths(loaded.data)
        if path in unchosen or not any(path[: len(bad)] == bad for bad in failed)
    ]
    return tuple(diagnostics), tuple(remaining)


def _value_at(data: PlainData, path: DataPath) -> object:
    node: object = data
    for part in path:
        node = node[part] if isinstance(node, (dict, list)) else None  # type: ignore[index]
    return node


def _left_in(loaded: LoadedFile, path: DataPath) -> Diagnostic:
    return Diagnostic(
        code=PLACEHOLDER_CODE,
        severity=Severity.WARNING,
        path=loaded.path,
        position=loaded.source_map.position_of(path),
        message=f"hier steht noch der Platzhalter „{PLACEHOLDER}“",
        notes=("ohne Ersatz würde der Platzhalter so veröffentlicht; der Build für die Veröffentlichung bricht "
               "deshalb ab",),
        help="ersetze den Platzhalter durch den richtigen Text",
    )


def _unchosen(root: ModelType, loaded: LoadedFile, path: DataPath, error: ErrorDetails) -> Diagnostic:
    field_path = path if not path or isinstance(path[-1], str) else path[:-1]  # a list entry: its list's field
    model = model_at(root, field_path[:-1]) if field_path else None
    info = model.model_fields.get(str(field_path[-1])) if model is not None else None
    return Diagnostic(
        code=UNCHOSEN_CODE,
        severity=Severity.ERROR,
        path=loaded.path,
        position=loaded.source_map.position_of(path),
        message=f"hier steht noch der Platzhalter „{PLACEHOLDER}“ statt eines Werts",
        notes=(info.description,) if info is not None and info.description else (),
        help=_wanted(error, model, path[len(field_path) - 1:] if field_path else ()),
    )


_WANTED = {
    "duration": "trag eine Zeitangabe ein, z. B. '30 min', '4 h', '2 Tage' oder 'sofort'",
    "duration_type": "trag eine Zeitangabe ein, z. B. '30 min', '4 h', '2 Tage' oder 'sofort'",
    "date": "trag ein Datum als JJJJ-MM-TT ein, z. B. 2026-03-01",
    "strict_bool": "schreib true oder false",
    "strict_int": "trag eine ganze Zahl in Ziffern ein, z. B. 3",
    "url": "trag eine vollständige Adresse ein, z. B. https://example.de oder mailto:team@example.de",
    "web_url": "trag eine vollständige Adresse mit https:// ein",
    "phone": "trag eine Telefonnummer ein, z. B. '+49 30 23125 100'",
    "clock_time": "trag eine Uhrzeit ein, z. B. '08:00'",
}
"""What to write instead of the placeholder, by the error the field's type raised for it."""


def _wanted(error: ErrorDetails, model: ModelType | None, item_path: DataPath) -> str:
    """Say what belongs at item_path (a field of model, or an entry of one): its form, its values, or which id."""
    name = str(item_path[0]) if item_path else ""
    field_type = type_at(model, item_path) if model is not None else None
    if isinstance(field_type, type) and issubclass(field_type, enum.Enum):
        return "wähle einen der erlaubten Werte: " + ", ".join(str(member.value) for member in field_type)
    marker = field_marker(model, name) if model is not None else None
    if marker is not None and isinstance(marker, Defines):
        example = marker.kind.spec.example_id
        return f"gib eine eigene ID aus Kleinbuchstaben a–z, Ziffern und Bindestrichen, z. B. '{example}'"
    if marker is not None:
        file = defining_kind(marker.kind).data_path()
        return f"trag die ID ein, die hier gemeint ist; die {marker.kind.spec.plural} stehen in {file}"
    return _WANTED.get(error["type"], "ersetze den Platzhalter durch einen passenden Wert")
