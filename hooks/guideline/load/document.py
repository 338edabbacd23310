"""Checks on a file as a whole: it holds data, and its top level is a mapping of `key: value` lines."""

from __future__ import annotations

from yaml import events

from ..diagnostics import DiagnosticCode, Position
from .scalars import ReadProblem

EMPTY_CODE = "G005"
ROOT_CODE = "G006"

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode(EMPTY_CODE, "Leere Datei", "Die Datei ist leer oder enthält nur Kommentare und Leerzeilen.",
                   "Daten eintragen (Zeilen der Form `schlüssel: wert`) oder die Datei löschen."),
    DiagnosticCode(ROOT_CODE, "Oberste Ebene ist keine Zuordnung",
                   "Jede Datendatei besteht auf der obersten Ebene aus Zeilen der Form `schlüssel: wert`; gefunden "
                   "wurde stattdessen eine Liste (Zeilen mit `-`) oder ein einzelner Wert.",
                   "Jede Zeile der obersten Ebene mit einem Schlüssel und Doppelpunkt beginnen, ohne `-` davor."),
)
"""Every diagnostic code this module emits, documented for the contributors' page."""


def empty_file(text: str) -> ReadProblem:
    """Say that a file holds no data: nothing at all, or only comments."""
    if not text.strip():
        message = "die Datei ist leer"
    elif "#" in text:
        message = "die Datei enthält keine Daten, nur Kommentare"
    else:
        message = "die Datei enthält keine Daten"
    return ReadProblem(EMPTY_CODE, Position(1, 1), message,
                       "trage Daten in der Form 'schlüssel: wert' ein oder lösche die Datei")


def root_problem(root: events.Event, text: str) -> ReadProblem | None:
    """Return what is wrong with the top level of a file, or None when it is a mapping."""
    if isinstance(root, events.MappingStartEvent):
        return None
    if isinstance(root, events.ScalarEvent) and root.style is None and root.value == "":
        return empty_file(text)
    found = {
        events.SequenceStartEvent: "eine Liste",
        events.AliasEvent: "ein Verweis",
    }.get(type(root), "ein einzelner Wert")
    help_text = "beginne jede Zeile der obersten Ebene mit einem Schlüssel und Doppelpunkt"
    if isinstance(root, events.SequenceStartEvent):
        help_text += ", ohne '-' davor"
    return ReadProblem(
        ROOT_CODE,
        Position(root.start_mark.line + 1, root.start_mark.column + 1),
        f"die oberste Ebene muss aus Zeilen der Form 'schlüssel: wert' bestehen, gefunden: {found}",
        help_text,
    )
