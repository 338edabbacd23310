"""Translate PyYAML's syntax errors into German diagnostics a contributor can act on.

Known problems get a plain German message and a fix; anything else keeps PyYAML's own wording in a
note. A tab where YAML expects spaces is reported at the tab, together with every later line that
is indented with tabs, since the parser itself stops at the first one.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import PurePosixPath

from yaml.error import Mark, MarkedYAMLError, YAMLError

from ..diagnostics import Diagnostic, DiagnosticCode, Position, Severity
from .invisible import describe_invisible
from .text import LINE_BREAK, split_lines
from .wording import CONTEXT_NAMES, INDENT_HELP, TOKEN_NAMES, TRANSLATIONS, UNKNOWN_HELP, Translation

SYNTAX_CODE = "G001"
TAB_CODE = "G012"
TAB_HELP = "ersetze Tabs durch Leerzeichen"

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




def translate_yaml_error(path: PurePosixPath, text: str, error: YAMLError) -> tuple[Diagnostic, ...]:
    """Turn one PyYAML error into diagnostics at the place the contributor has to fix."""
    if not isinstance(error, MarkedYAMLError):
        return (_diagnostic(path, Position(1, 1), "die Datei ist kein gültiges YAML", (f"YAML meldet: {error}",),
                            UNKNOWN_HELP),)
    problem = error.problem or ""
    if error.problem_mark is not None and problem.startswith("found character '\\t'"):
        return _tab_diagnostics(path, text, error.problem_mark)
    found = next(
        (d for special in _SPECIAL_CASES if (d := special(path, text, error, problem)) is not None),
        None,
    )
    diagnostic = found or _syntax_diagnostic(path, text, error, problem)
    return (_with_odd_indentation_note(diagnostic, text),)


def _with_odd_indentation_note(diagnostic: Diagnostic, text: str) -> Diagnostic:
    """Name an invisible character in the indentation (e.g. a non-breaking space pasted from the web)."""
    lines = split_lines(text)
    line = lines[diagnostic.position.line - 1] if diagnostic.position.line <= len(lines) else ""
    odd = describe_invisible(line[: len(line) - len(line.lstrip())].replace("\t", " "))
    note = f"die Einrückung enthält ein unsichtbares Zeichen: {odd}; rücke nur mit normalen Leerzeichen ein"
    return replace(diagnostic, notes=(*diagnostic.notes, note)) if odd else diagnostic


def _unclosed_flow(path: PurePosixPath, text: str, error: MarkedYAMLError, problem: str) -> Diagnostic | None:
    """A `[` or `{` whose closing bracket is missing: point at the bracket, not where the parser gave up."""
    start, stop = error.context_mark, error.problem_mark
    closing = next((char for char in "]}" if problem.startswith(f"expected ',' or '{char}'")), "")
    if not closing or start is None or stop is None or stop.line == start.line:
        return None
    what = "die Liste" if closing == "]" else "die Zuordnung"
    opening = "[" if closing == "]" else "{"
    where = "am Dateiende" if stop.index >= len(text.rstrip()) else f"in Zeile {stop.line + 1}"
    return _diagnostic(
        path, _position(start), f"{what} mit '{opening}' wird nicht mit '{closing}' geschlossen",
        (f"die Klammer '{opening}' ist {where} noch offen",),
        f"schließe {what} in dieser Zeile mit '{closing}'; steht der Text absichtlich in '{opening}', setze ihn "
        "ganz in Anführungszeichen",
    )


_KEY_LIKE = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def _indented_key(path: PurePosixPath, text: str, error: MarkedYAMLError, problem: str) -> Diagnostic | None:
    """`key: value` on a line indented deeper than the line before: YAML reads it as that line's text."""
    mark = error.problem_mark
    if mark is None or not problem.startswith("mapping values are not allowed here"):
        return None
    line = split_lines(text)[mark.line]
    key = line[: mark.column].strip(" ")
    if not _KEY_LIKE.fullmatch(key) or mark.line == 0:
        return None
    column = len(line) - len(line.lstrip(" ")) + 1
    return _diagnostic(
        path, Position(mark.line + 1, column),
        f"Einrückung passt nicht: '{key}' ist weiter eingerückt als die Zeile davor und würde zu deren Text "
        "gehören",
        (), f"{INDENT_HELP}; gehört die Zeile zum Text darüber, setze den ganzen Text in Anführungszeichen",
    )


def _dash_without_space(path: PurePosixPath, text: str, error: MarkedYAMLError, problem: str) -> Diagnostic | None:
    """`-entry` written for `- entry`: YAML reads it as text that wants a colon."""
    mark = error.context_mark
    if mark is None or not problem.startswith("could not find expected ':'"):
        return None
    rest = _rest_of_line(text, mark)
    if re.match(r"-[^\s-]", rest) is None:
        return None
    return _diagnostic(path, _position(mark), "nach dem '-' eines Listeneintrags fehlt ein Leerzeichen", (),
                       f"schreibe '- {_shortened(rest[1:])}'")


def _document_end(path: PurePosixPath, text: str, error: MarkedYAMLError, problem: str) -> Diagnostic | None:
    """A line `...` ends the data early; what follows it cannot be read."""
    mark = error.problem_mark
    if mark is None or not problem.startswith("expected '<document start>'"):
        return None
    lines = split_lines(text)
    ends = [number for number in range(mark.line) if lines[number].rstrip() == "..."]
    if not ends:
        return None
    return _diagnostic(
        path, Position(ends[-1] + 1, 1),
        "die Zeile '...' beendet hier die Daten; was danach steht, würde nicht gelesen",
        (), "lösche die Zeile '...'",
    )


def _diagnostic(
    path: PurePosixPath, position: Position, message: str, notes: tuple[str, ...], help_text: str,
    code: str = SYNTAX_CODE
) -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, path, position, message, notes, help_text)


def _position(mark: Mark) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def _syntax_diagnostic(path: PurePosixPath, text: str, error: MarkedYAMLError, problem: str) -> Diagnostic:
    for translation in TRANSLATIONS:
        match = re.match(translation.problem, problem)
        if match is not None and re.search(translation.context, error.context or ""):
            return _translated(path, text, error, translation, match)
    mark = error.problem_mark or error.context_mark
    position = _position(mark) if mark is not None else Position(1, 1)
    notes = (*_context_notes(error, position), f"YAML meldet: {problem or error.context}")
    return _diagnostic(path, position, "die Datei ist kein gültiges YAML", notes, UNKNOWN_HELP)


def _translated(
    path: PurePosixPath, text: str, error: MarkedYAMLError, translation: Translation, match: re.Match[str]
) -> Diagnostic:
    mark = error.context_mark if translation.at_start and error.context_mark else error.problem_mark
    mark = mark or error.context_mark
    position = _position(mark) if mark is not None else Position(1, 1)
    if translation.at_backslash and mark is not None and text[mark.index - 1 : mark.index] == "\\":
        position = Position(position.line, position.column - 1)
    found = dict(TOKEN_NAMES).get(match.group(1), match.group(1)) if match.groups() else ""
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
    name = next((german for english, german in CONTEXT_NAMES if english in error.context), "der Abschnitt")
    return (f"{name} beginnt in Zeile {start.line}, Spalte {start.column}",)


_SPECIAL_CASES = (_unclosed_flow, _indented_key, _document_end, _dash_without_space)


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
