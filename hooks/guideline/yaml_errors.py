"""Translate PyYAML's syntax errors into German diagnostics a contributor can act on.

Known problems get a plain German message and a fix; anything else keeps PyYAML's own wording in a
note. A tab where YAML expects spaces is reported at the tab, together with every later line that
is indented with tabs, since the parser itself stops at the first one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from yaml.error import Mark, MarkedYAMLError, YAMLError

from .diagnostics import Diagnostic, DiagnosticCode, Position, Severity
from .source_text import LINE_BREAK, split_lines

SYNTAX_CODE = "G001"
TAB_CODE = "G012"
TAB_HELP = "ersetzen Sie Tabs durch Leerzeichen"

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode(
        code=SYNTAX_CODE,
        title="YAML-Syntaxfehler",
        explanation="Die Datei ist kein gültiges YAML, z. B. wegen falscher Einrückung, eines fehlenden "
        "Doppelpunkts oder eines nicht geschlossenen Anführungszeichens.",
        fix="Die genannte Zeile und die Zeile davor prüfen: gleich weit eingerückt (nur Leerzeichen), "
        "`schlüssel: wert` mit Leerzeichen nach dem Doppelpunkt, Text mit `: ` oder `#` in Anführungszeichen.",
    ),
    DiagnosticCode(
        code=TAB_CODE,
        title="Tabulator statt Leerzeichen",
        explanation="YAML erlaubt zum Einrücken und zwischen Schlüssel und Wert nur Leerzeichen, keine Tabs.",
        fix="Tabs durch Leerzeichen ersetzen (viele Editoren haben dafür „Einrückung in Leerzeichen umwandeln“).",
    ),
)
"""Every diagnostic code this module emits, documented for the contributors' page."""


@dataclass(frozen=True)
class _Translation:
    """How one kind of PyYAML problem reads in German; `at_start` points at where the construct began."""

    problem: str  # a regular expression; its first group, if any, is available as {found}
    message: str  # may use {found}, {here} (the rest of the line) and {start} (its first character)
    help: str
    at_start: bool = False
    context: str = ""  # a regular expression the error's context must contain


_INDENT_HELP = "rücken Sie die Zeile genau so weit ein wie die anderen Einträge derselben Ebene (nur mit Leerzeichen)"
_QUOTE_HELP = "setzen Sie den Wert in Anführungszeichen"
_STRAY_HELP = "löschen Sie das Zeichen oder setzen Sie den ganzen Wert in Anführungszeichen"

_TRANSLATIONS: tuple[_Translation, ...] = (
    _Translation(r"could not find expected ':'", "fehlender Doppelpunkt nach '{here}'",
                 "schreiben Sie 'schlüssel: wert'; gehört die Zeile zum Text darüber, rücken Sie sie weiter ein",
                 at_start=True),
    _Translation(r"mapping values are not allowed here", "hier ist kein Doppelpunkt erlaubt",
                 "enthält der Text ': ', setzen Sie ihn ganz in Anführungszeichen; sonst prüfen Sie die Einrückung"),
    _Translation(r"sequence entries are not allowed here", "hier darf kein Listeneintrag ('-') beginnen",
                 "prüfen Sie die Einrückung: die Einträge einer Liste stehen genau untereinander"),
    _Translation(r"expected <block end>, but found '<scalar>'", "unerwarteter Text nach dem Wert",
                 "setzen Sie den ganzen Wert in Anführungszeichen oder prüfen Sie die Einrückung"),
    _Translation(r"expected <block end>, but found ('[]},]')", "unerwartetes Zeichen {found}", _STRAY_HELP),
    _Translation(r"expected <block end>, but found", "Einrückung passt nicht", _INDENT_HELP),
    _Translation(r"expected ',' or '\]'", "in der Liste fehlt ein Komma oder die schließende Klammer ']'",
                 "trennen Sie die Einträge mit Kommas und schließen Sie die Liste mit ']'"),
    _Translation(r"expected ',' or '\}'", "in der Zuordnung fehlt ein Komma oder die schließende Klammer '}'",
                 "trennen Sie die Einträge mit Kommas und schließen Sie die Zuordnung mit '}'"),
    _Translation(r"found unexpected (end of stream|document separator)", "das Anführungszeichen wird nicht geschlossen",
                 "beenden Sie den Text mit demselben Anführungszeichen, mit dem er beginnt", at_start=True,
                 context="quoted scalar"),
    _Translation(r"found unknown escape character|expected escape sequence",
                 "ungültige Escape-Sequenz mit '\\' in Text mit doppelten Anführungszeichen",
                 "schreiben Sie einen Backslash als '\\\\' oder setzen Sie den Text in einfache Anführungszeichen"),
    _Translation(r"found character (.*) that cannot start any token", "ein Wert darf nicht mit {found} beginnen",
                 _QUOTE_HELP),
    _Translation(r"expected", "ein Wert darf nicht mit '{start}' beginnen", _QUOTE_HELP, at_start=True,
                 context=r"(anchor|alias|tag|directive)$"),
    _Translation(r"mapping keys are not allowed here", "ein Wert darf nicht mit '{start}' beginnen", _QUOTE_HELP),
    _Translation(r"expected the node content, but found (.*)", "hier fehlt ein Wert, gefunden: {found}",
                 "setzen Sie Text, der mit einem Sonderzeichen beginnt, in Anführungszeichen"),
    _Translation(r"expected (chomping|a comment or a line break|indentation indicator)",
                 "nach '|' oder '>' muss der Text in einer neuen Zeile beginnen",
                 "schreiben Sie den Text eingerückt ab der nächsten Zeile", context="block scalar"),
    _Translation(r"expected '<document start>', but found", "unerwarteter Inhalt nach dem Ende der Daten",
                 "prüfen Sie die Zeilen davor auf Klammern und '...'; löschen Sie überzählige Zeichen"),
    _Translation(r"found undefined tag handle (.*)", "unbekannte Typangabe {found}: Typangaben sind nicht erlaubt",
                 "löschen Sie die Typangabe; soll der Text mit '!' beginnen, setzen Sie ihn in Anführungszeichen"),
    _Translation(r"found incompatible YAML document", "nicht unterstützte YAML-Version",
                 "löschen Sie die Zeile, die mit '%YAML' beginnt"),
)

# PyYAML names tokens in English inside angle brackets; say what the contributor sees instead.
_TOKEN_NAMES: tuple[tuple[str, str], ...] = (
    ("'<stream end>'", "das Dateiende"),
    ("'<document start>'", "'---'"),
    ("'<document end>'", "'...'"),
    ("'<block end>'", "das Ende des eingerückten Blocks"),
    ("'<block mapping start>'", "ein Schlüssel"),
    ("'<block sequence start>'", "ein Listeneintrag"),
    ("'<scalar>'", "Text"),
    ("'<alias>'", "ein Verweis"),
    ("'<anchor>'", "ein Anker"),
    ("'<tag>'", "eine Typangabe"),
    ("'<directive>'", "eine Direktive"),
)

_CONTEXT_NAMES: tuple[tuple[str, str], ...] = (
    ("simple key", "der Schlüssel"),
    ("block mapping", "die Zuordnung"),
    ("flow mapping", "die Zuordnung in '{ }'"),
    ("block collection", "die Liste"),
    ("flow sequence", "die Liste in '[ ]'"),
    ("quoted scalar", "der Text in Anführungszeichen"),
    ("block scalar", "der Textblock"),
    ("node", "der Wert"),
)

_UNKNOWN_HELP = "prüfen Sie diese Zeile und die davor: Einrückung, Doppelpunkte und Anführungszeichen"


def translate_yaml_error(path: PurePosixPath, text: str, error: YAMLError) -> tuple[Diagnostic, ...]:
    """Turn one PyYAML error into diagnostics at the place the contributor has to fix."""
    if not isinstance(error, MarkedYAMLError):
        return (_diagnostic(path, Position(1, 1), "die Datei ist kein gültiges YAML", (f"YAML meldet: {error}",),
                            _UNKNOWN_HELP),)
    problem = error.problem or ""
    if error.problem_mark is not None and problem.startswith("found character '\\t'"):
        return _tab_diagnostics(path, text, error.problem_mark)
    return (_syntax_diagnostic(path, text, error, problem),)


def _diagnostic(
    path: PurePosixPath, position: Position, message: str, notes: tuple[str, ...], help_text: str, code: str = SYNTAX_CODE
) -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, path, position, message, notes, help_text)


def _position(mark: Mark) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def _syntax_diagnostic(path: PurePosixPath, text: str, error: MarkedYAMLError, problem: str) -> Diagnostic:
    for translation in _TRANSLATIONS:
        match = re.match(translation.problem, problem)
        if match is not None and re.search(translation.context, error.context or ""):
            return _translated(path, text, error, translation, match)
    mark = error.problem_mark or error.context_mark
    position = _position(mark) if mark is not None else Position(1, 1)
    notes = (*_context_notes(error, position), f"YAML meldet: {problem or error.context}")
    return _diagnostic(path, position, "die Datei ist kein gültiges YAML", notes, _UNKNOWN_HELP)


def _translated(
    path: PurePosixPath, text: str, error: MarkedYAMLError, translation: _Translation, match: re.Match[str]
) -> Diagnostic:
    mark = error.context_mark if translation.at_start and error.context_mark else error.problem_mark
    mark = mark or error.context_mark
    position = _position(mark) if mark is not None else Position(1, 1)
    found = dict(_TOKEN_NAMES).get(match.group(1), match.group(1)) if match.groups() else ""
    rest = _rest_of_line(text, mark)
    message = translation.message.replace("{found}", found).replace("{here}", _shortened(rest))
    message = message.replace("{start}", rest[:1])
    return _diagnostic(path, position, message, _context_notes(error, position), translation.help)


def _rest_of_line(text: str, mark: Mark | None) -> str:
    """Return what the contributor wrote from a mark to the end of its line."""
    if mark is None:
        return ""
    return LINE_BREAK.split(text[mark.index :], maxsplit=1)[0].rstrip()


def _shortened(words: str, limit: int = 40) -> str:
    return words if len(words) <= limit else words[: limit - 1] + "…"


def _context_notes(error: MarkedYAMLError, position: Position) -> tuple[str, ...]:
    if error.context is None or error.context_mark is None:
        return ()
    start = _position(error.context_mark)
    if start == position:
        return ()
    name = next((german for english, german in _CONTEXT_NAMES if english in error.context), "der Abschnitt")
    return (f"{name} beginnt in Zeile {start.line}, Spalte {start.column}",)


def _tab_diagnostics(path: PurePosixPath, text: str, mark: Mark) -> tuple[Diagnostic, ...]:
    lines = split_lines(text)
    first = _position(mark)
    in_indentation = not lines[first.line - 1][: first.column - 1].strip(" \t")
    diagnostics = [_tab_diagnostic(path, first, in_indentation)]
    for number, line in enumerate(lines[first.line :], start=first.line + 1):
        column = _indentation_tab_column(line)
        if column is not None:
            diagnostics.append(_tab_diagnostic(path, Position(number, column), True))
    return tuple(diagnostics)


def _indentation_tab_column(line: str) -> int | None:
    indentation = line[: len(line) - len(line.lstrip(" \t"))]
    column = indentation.find("\t")
    return column + 1 if column >= 0 else None


def _tab_diagnostic(path: PurePosixPath, position: Position, in_indentation: bool) -> Diagnostic:
    message = (
        "Tabulator in der Einrückung: YAML erlaubt zum Einrücken nur Leerzeichen"
        if in_indentation
        else "Tabulator an dieser Stelle: YAML erlaubt hier nur Leerzeichen"
    )
    return _diagnostic(path, position, message, (), TAB_HELP, code=TAB_CODE)
