"""Read PyYAML's event stream into plain data and a map of positions, refusing what we do not allow.

Nothing is composed or constructed: the parser's events (libyaml's or PyYAML's, see load/parser.py) are
checked one at a time (anchors, aliases, merge keys, tags, directives, further documents, depth, repeated
keys; each value by yaml_scalars) and plain data is built from them directly. An alias bomb is never expanded and a deeply
nested file is refused at the limit, so both cost bounded time and memory; and no scalar is ever
resolved to a YAML 1.1 type.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Union

from yaml import events
from yaml.error import Mark, YAMLError

from ..diagnostics import Diagnostic, DiagnosticCode, Position, Severity
from .document import empty_file, root_problem
from .parser import fast_path_allowed, parse_events_c, parse_events_pure
from .scalars import MAX_SCALAR_CHARS, ReadProblem, check_scalar
from .text import split_lines

PlainData = Union[dict[str, "PlainData"], list["PlainData"], str, None]
DataPath = tuple[Union[str, int], ...]

__all__ = ["CODES", "MAX_DEPTH", "MAX_PROBLEMS", "MAX_SCALAR_CHARS", "DataPath", "PlainData", "read_document"]

MAX_DEPTH = 40
MAX_PROBLEMS = 20
NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})
MERGE_KEY = "<<"
CORE_TAG_PREFIX = "tag:yaml.org,2002:"
UNUSABLE_KEY = "?"

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode("G007", "Doppelter Schlüssel",
                   "Derselbe Schlüssel steht zweimal in derselben Zuordnung; YAML würde den ersten Wert "
                   "stillschweigend verwerfen.",
                   "Einen der beiden Einträge löschen oder die Werte zusammenführen."),
    DiagnosticCode("G008", "Anker, Verweis oder Zusammenführung",
                   "Anker (`&name`), Verweise (`*name`) und Zusammenführungen (`<<:`) machen eine Datei schwer "
                   "lesbar und können riesige Datenmengen erzeugen; sie sind nicht erlaubt.",
                   "Den Wert an jeder Stelle ausschreiben. Soll ein Text mit `&` oder `*` beginnen, ihn in "
                   "Anführungszeichen setzen."),
    DiagnosticCode("G009", "Typangabe oder Direktive",
                   "Typangaben wie `!!str` oder `!name` und Direktiven wie `%YAML` werden nicht gebraucht: alle "
                   "Werte werden als Text gelesen und danach geprüft.",
                   "Die Angabe löschen. Soll ein Text mit `!` oder `%` beginnen, ihn in Anführungszeichen setzen."),
    DiagnosticCode("G010", "Mehrere Dokumente in einer Datei",
                   "Eine Zeile `---` mitten in der Datei beginnt ein zweites YAML-Dokument; jede Datei enthält "
                   "genau eines.",
                   "Das `---` löschen (erlaubt ist es nur ganz am Anfang) oder den Inhalt auf zwei Dateien "
                   "verteilen."),
    DiagnosticCode("G013", "Schlüssel ist kein Text",
                   "Ein Schlüssel ist leer, oder an seiner Stelle steht eine Liste oder Zuordnung.",
                   "Vor jedem Doppelpunkt einen Namen aus Buchstaben angeben, z. B. `title:`."),
    DiagnosticCode("G014", "Zu tief verschachtelt",
                   f"Die Daten sind mehr als {MAX_DEPTH} Ebenen tief verschachtelt; so tief geht kein Leitfaden.",
                   "Die Einrückung und die Klammern `[` und `{` prüfen."),
)
"""Every diagnostic code this module emits, documented for the contributors' page."""

_LITERAL_HELP = "; soll der Text mit '{}' beginnen, setze ihn in Anführungszeichen"
_NAME_HELP = "schreibe vor den Doppelpunkt einen Namen, z. B. 'title:'"


@dataclass(frozen=True)
class ReadDocument:
    """What reading one file's events produced: data (if complete), positions, problems."""

    data: PlainData
    values: dict[DataPath, Position]
    keys: dict[DataPath, Position]
    diagnostics: tuple[Diagnostic, ...]
    syntax_error: YAMLError | None


class _Stop(Exception):
    """Stop reading this file: the parser failed, or reading on would not help."""


@dataclass(frozen=True)
class _Reading:
    """What one call of read_document accumulates while it walks the events."""

    path: PurePosixPath
    events: Iterator[events.Event]
    lines: list[str]
    values: dict[DataPath, Position] = field(default_factory=dict)
    keys: dict[DataPath, Position] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    syntax_errors: list[YAMLError] = field(default_factory=list)
    flow: list[bool] = field(default_factory=list)  # per open collection: written in brackets?

    def next_event(self) -> events.Event:
        try:
            return next(self.events)
        except YAMLError as error:
            self.syntax_errors.append(error)
            raise _Stop from error

    def report(self, code: str, mark: Mark | Position | None, message: str, help_text: str,
               notes: tuple[str, ...] = ()) -> None:
        position = _position(mark)
        self.diagnostics.append(Diagnostic(code, Severity.ERROR, self.path, position, message, notes, help_text))
        if len(self.diagnostics) > MAX_PROBLEMS:
            raise _Stop


def _position(mark: Mark | Position | None) -> Position:
    if isinstance(mark, Position):
        return mark
    return Position(mark.line + 1, mark.column + 1) if mark is not None else Position(1, 1)


def read_document(path: PurePosixPath, text: str) -> ReadDocument:
    """Walk the events of one YAML text; build its data and positions, and report what is not allowed.

    libyaml's parser reads the text when the guard lets it (load/parser.py); on any syntax error the text
    is read again by PyYAML's pure parser, whose problems the syntax messages are translated from.
    """
    lines = split_lines(text)
    if fast_path_allowed(text):
        document = _read_events(path, text, lines, parse_events_c(text))
        if document.syntax_error is None:
            return document
    return _read_events(path, text, lines, parse_events_pure(text))


def _read_events(path: PurePosixPath, text: str, lines: list[str], stream: Iterator[events.Event]) -> ReadDocument:
    reading = _Reading(path, stream, lines)
    data: PlainData = None
    try:
        if text.strip():  # PyYAML refuses lines of only tabs, but a blank file is simply empty
            data = _read_stream(reading, text)
        else:
            _report(reading, empty_file(text))
    except _Stop:
        data = None
    syntax_error = reading.syntax_errors[0] if reading.syntax_errors else None
    return ReadDocument(data, reading.values, reading.keys, tuple(reading.diagnostics), syntax_error)


def _read_stream(reading: _Reading, text: str) -> PlainData:
    reading.next_event()  # the stream start
    start = reading.next_event()
    if isinstance(start, events.StreamEndEvent):
        _report(reading, empty_file(text))
        return None
    if start.version is not None or start.tags:
        reading.report("G009", start.start_mark, "Direktiven wie '%YAML' oder '%TAG' sind nicht erlaubt",
                       "lösche die Zeile, die mit '%' beginnt")
    root = reading.next_event()
    data = _read_node(reading, root, (), 0)
    reading.next_event()  # the document end
    after = reading.next_event()
    if isinstance(after, events.DocumentStartEvent):
        reading.report("G010", after.start_mark, "hier beginnt mit '---' ein zweites Dokument; erlaubt ist nur eines",
                       "lösche das '---' (erlaubt nur ganz am Anfang der Datei) oder verteile den Inhalt auf "
                       "zwei Dateien")
        raise _Stop
    _report(reading, root_problem(root, text))
    return data


def _report(reading: _Reading, problem: ReadProblem | None) -> None:
    if problem is not None:
        reading.report(problem.code, problem.position, problem.message, problem.help, problem.notes)


def _read_node(reading: _Reading, event: events.Event, path: DataPath, depth: int) -> PlainData:
    reading.values[path] = Position(event.start_mark.line + 1, event.start_mark.column + 1)
    if isinstance(event, events.AliasEvent):
        reading.report("G008", event.start_mark, f"Verweise wie '*{event.anchor}' sind nicht erlaubt",
                       "schreibe den Wert hier aus" + _LITERAL_HELP.format("*"))
        return None
    _check_properties(reading, event)
    if isinstance(event, events.ScalarEvent):
        _check_scalar(reading, event)
        return None if event.style is None and event.value in NULL_WORDS else event.value
    if depth >= MAX_DEPTH:
        reading.report("G014", event.start_mark, f"zu tief verschachtelt: mehr als {MAX_DEPTH} Ebenen",
                       "prüfe die Einrückung und die Klammern '[' und '{'")
        raise _Stop
    reading.flow.append(bool(getattr(event, "flow_style", False)))
    try:
        if isinstance(event, events.SequenceStartEvent):
            return _read_sequence(reading, path, depth + 1)
        return _read_mapping(reading, event, path, depth + 1)
    finally:
        reading.flow.pop()


def _check_properties(reading: _Reading, event: events.Event) -> None:
    if event.anchor is not None:
        reading.report("G008", event.start_mark, f"Anker wie '&{event.anchor}' sind nicht erlaubt",
                       "schreibe den Wert überall aus, wo er gebraucht wird" + _LITERAL_HELP.format("&"))
    if event.tag is not None:
        written = "!!" + event.tag[len(CORE_TAG_PREFIX):] if event.tag.startswith(CORE_TAG_PREFIX) else event.tag
        reading.report("G009", event.start_mark, f"Typangaben wie '{written}' sind nicht erlaubt",
                       "lösche die Typangabe" + _LITERAL_HELP.format("!"))


def _check_scalar(reading: _Reading, event: events.ScalarEvent) -> None:
    for problem in check_scalar(event, reading.lines, in_flow=True in reading.flow):
        _report(reading, problem)


def _read_sequence(reading: _Reading, path: DataPath, depth: int) -> list[PlainData]:
    items: list[PlainData] = []
    event = reading.next_event()
    while not isinstance(event, events.SequenceEndEvent):
        items.append(_read_node(reading, event, (*path, len(items)), depth))
        event = reading.next_event()
    return items


@dataclass(frozen=True)
class _MappingKeys:
    """The keys met so far in one mapping, and where: to find and report duplicates at both places."""

    start: events.Event
    first: dict[str, Position] = field(default_factory=dict)
    reported: set[str] = field(default_factory=set)


def _read_mapping(reading: _Reading, start: events.Event, path: DataPath, depth: int) -> dict[str, PlainData]:
    entries: dict[str, PlainData] = {}
    keys = _MappingKeys(start)
    event = reading.next_event()
    while not isinstance(event, events.MappingEndEvent):
        key = _read_key(reading, event, path, depth, keys)
        value = _read_node(reading, reading.next_event(), (*path, UNUSABLE_KEY if key is None else key), depth)
        if key is not None:
            entries[key] = value
        event = reading.next_event()
    return entries


def _read_key(reading: _Reading, event: events.Event, path: DataPath, depth: int, keys: _MappingKeys) -> str | None:
    """Check one mapping key; return its text, or None when it cannot be used as a key."""
    if isinstance(event, events.ScalarEvent):
        return _scalar_key(reading, event, path, keys)
    _read_node(reading, event, (*path, UNUSABLE_KEY), depth)
    if isinstance(event, events.AliasEvent):
        return None
    if getattr(event, "flow_style", False) and getattr(keys.start, "flow_style", False):
        # `title: {{ name }}` or `[[link]]`: text starting with two brackets, not a key at all
        opening = reading.lines[keys.start.start_mark.line][keys.start.start_mark.column:][:2]
        reading.report("G013", keys.start.start_mark,
                       f"ein Wert darf nicht mit '{opening}' beginnen: YAML liest Klammern am Anfang als Liste "
                       "oder Zuordnung", "setze den ganzen Text in Anführungszeichen, z. B. \"{{ name }}\"")
        return None
    found = "eine Liste" if isinstance(event, events.SequenceStartEvent) else "eine Zuordnung"
    reading.report("G013", event.start_mark, f"ein Schlüssel muss ein Text sein, gefunden: {found}", _NAME_HELP)
    return None


def _scalar_key(reading: _Reading, event: events.ScalarEvent, path: DataPath, keys: _MappingKeys) -> str | None:
    _check_properties(reading, event)
    _check_scalar(reading, event)
    plain, text = event.style is None, event.value
    position = Position(event.start_mark.line + 1, event.start_mark.column + 1)
    if plain and text == "":
        reading.report("G013", position, "der Schlüssel fehlt: vor dem Doppelpunkt steht kein Name", _NAME_HELP)
        return None
    if plain and text == MERGE_KEY:
        reading.report("G008", position, "Zusammenführungen mit '<<' sind nicht erlaubt",
                       "schreibe die Einträge hier aus")
        return None
    if text in keys.first:
        _report_duplicate(reading, text, keys, position)
        return None
    keys.first[text] = position
    reading.keys[(*path, text)] = position
    return text


def _report_duplicate(reading: _Reading, text: str, keys: _MappingKeys, position: Position) -> None:
    """Report a repeated key here and, once, at its first place: either may be the one to change."""
    first = keys.first[text]
    message = f"doppelter Schlüssel '{text}' in derselben Zuordnung"
    help_text = "lösche einen der beiden Einträge oder führe die Werte zusammen"
    if text not in keys.reported:
        keys.reported.add(text)
        again = f"derselbe Schlüssel steht noch einmal in Zeile {position.line}"
        reading.report("G007", first, message, help_text, (again,))
    reading.report("G007", position, message, help_text, (f"zuerst definiert in Zeile {first.line}",))
