"""Checks on single YAML scalars that the parser accepts but the guideline must not: what a value holds.

- A value longer than MAX_SCALAR_CHARS (G015).
- A character a data file must not hold, produced by an escape in double quotes such as "\\0", "\\a" or
  a lone surrogate "\\ud800" (G002, documented in source_text), or an invisible one such as "\\u202e"
  (G019, documented in invisible): raw characters are already refused before parsing, but escapes only
  exist once the parser has read them. Each is reported where its escape sequence stands.
- A plain text running over several lines whose later line starts with "- ": YAML reads the dash as
  part of the text, yet the author nearly always meant a list entry that is indented too far (G001,
  documented in yaml_errors).
- A plain text followed on its line by " #word": YAML starts a comment there and silently drops the
  rest of the line, e.g. a hashtag (G017). A comment written as "# note", with a space, stays allowed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from yaml import events
from yaml.scanner import Scanner

from ..diagnostics import DiagnosticCode, Position
from .errors import SYNTAX_CODE
from .invisible import INVISIBLE_CODE, LINE_SEPARATORS, invisible_note, is_invisible, name_character
from .text import ENCODING_CODE, NON_PRINTABLE, german_number

MAX_SCALAR_CHARS = 50_000
LENGTH_CODE = "G015"
COMMENT_CODE = "G017"
# One escape sequence of a double-quoted text; "\\\\" is matched whole, so it never starts another one.
_ESCAPE = re.compile(r"\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_HIDDEN_COMMENT = re.compile(r"[ \t]+#(?=\S)")

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode(LENGTH_CODE, "Wert zu lang",
                   f"Ein einzelner Text ist länger als {german_number(MAX_SCALAR_CHARS)} Zeichen.",
                   "Den Text kürzen oder auf mehrere Einträge verteilen."),
    DiagnosticCode(COMMENT_CODE, "Text durch '#' abgeschnitten",
                   "Nach einem Leerzeichen beginnt '#' in YAML einen Kommentar: alles danach fehlt im Text, "
                   "z. B. bei einem Hashtag wie 'Folgt uns unter #neuigkeiten'.",
                   "Den ganzen Text in Anführungszeichen setzen. Ein gewollter Kommentar hat ein Leerzeichen nach "
                   "'#'."),
)
"""The code only this module emits; G001 and G002 are documented where they are mainly emitted."""


@dataclass(frozen=True)
class ReadProblem:
    """A problem found while reading a file, ready to be reported at its position."""

    code: str
    position: Position
    message: str
    help: str
    notes: tuple[str, ...] = ()


def check_scalar(event: events.ScalarEvent, lines: Sequence[str], *, in_flow: bool) -> tuple[ReadProblem, ...]:
    """Return what is wrong with one scalar (a value or a key); usually nothing.

    Inside brackets a line break and a dash mean nothing special, so the dash check is left out there.
    """
    if event.style is None and event.start_mark.line == event.end_mark.line and len(event.value) <= MAX_SCALAR_CHARS:
        return _cut_by_comment(event, lines)  # the common case, a one-line plain text: one test of four applies
    layout = () if in_flow else _dash_lines(event, lines)
    return (*_too_long(event), *_escaped_characters(event, lines), *layout, *_cut_by_comment(event, lines))


def _start(event: events.ScalarEvent) -> Position:
    return Position(event.start_mark.line + 1, event.start_mark.column + 1)


def _too_long(event: events.ScalarEvent) -> tuple[ReadProblem, ...]:
    if len(event.value) <= MAX_SCALAR_CHARS:
        return ()
    message = (
        f"der Text ist zu lang: {german_number(len(event.value))} Zeichen, erlaubt sind höchstens "
        f"{german_number(MAX_SCALAR_CHARS)}"
    )
    help_text = "kürze den Text oder verteile ihn auf mehrere Einträge"
    return (ReadProblem(LENGTH_CODE, _start(event), message, help_text),)


def _escaped_characters(event: events.ScalarEvent, lines: Sequence[str]) -> tuple[ReadProblem, ...]:
    """Report each escape in double quotes that writes a character a data file must not hold."""
    if event.style != '"':
        return ()
    return tuple(problem for escape in _escapes(event, lines) if (problem := _unwanted(*escape)) is not None)


def _unwanted(position: Position, written: str, char: str) -> ReadProblem | None:
    """Return what is wrong with the character an escape writes, if a data file must not hold it."""
    if NON_PRINTABLE.match(char) or char in LINE_SEPARATORS:
        # the line and paragraph separators that "\\N", "\\L" and "\\P" write, e.g. in "C:\\Neu"
        message = f"der Text enthält das unzulässige Zeichen U+{ord(char):04X} (geschrieben mit '\\')"
        help_text = (
            "lösche die Escape-Sequenz mit '\\'; soll ein Backslash im Text stehen, schreibe '\\\\' oder setze den "
            "Text in einfache Anführungszeichen"
        )
        return ReadProblem(ENCODING_CODE, position, message, help_text)
    if is_invisible(char):
        message = f"hier steht ein unsichtbares Zeichen, geschrieben als '{written}': {name_character(char)}"
        notes = (invisible_note(char),)
        return ReadProblem(INVISIBLE_CODE, position, message, f"lösche '{written}' aus dem Text", notes)
    return None


def _escapes(event: events.ScalarEvent, lines: Sequence[str]) -> Iterator[tuple[Position, str, str]]:
    """Yield each escape sequence of a double-quoted text: where it stands, how it is written, what it writes."""
    first, last = event.start_mark, event.end_mark
    for index in range(first.line, min(last.line, len(lines) - 1) + 1):
        line = lines[index]
        begin = first.column if index == first.line else 0
        end = last.column if index == last.line else len(line)
        for match in _ESCAPE.finditer(line, begin, end):
            position = Position(index + 1, match.start() + 1)
            digits = next((group for group in match.groups()[:3] if group), None)
            if digits is not None and int(digits, 16) <= 0x10FFFF:
                yield position, match.group(), chr(int(digits, 16))
            elif match.group(4) in Scanner.ESCAPE_REPLACEMENTS:
                yield position, match.group(), Scanner.ESCAPE_REPLACEMENTS[match.group(4)]


def _dash_lines(event: events.ScalarEvent, lines: Sequence[str]) -> tuple[ReadProblem, ...]:
    """Report the continuation lines of a plain text that begin with '- '."""
    first, last = event.start_mark.line, event.end_mark.line
    if event.style is not None or last == first:
        return ()
    problems = []
    for index in range(first + 1, min(last, len(lines) - 1) + 1):
        stripped = lines[index].lstrip(" ")
        if stripped == "-" or stripped.startswith("- "):
            column = len(lines[index]) - len(stripped) + 1
            problems.append(
                ReadProblem(
                    SYNTAX_CODE,
                    Position(index + 1, column),
                    f"diese Zeile beginnt mit '-', gehört aber wegen ihrer Einrückung zum Text ab Zeile {first + 1}",
                    "ist ein Listeneintrag gemeint, rücke das '-' genau so weit ein wie die anderen Einträge der "
                    "Liste; soll der Strich zum Text gehören, setze den ganzen Text in Anführungszeichen",
                )
            )
    return tuple(problems)


def _cut_by_comment(event: events.ScalarEvent, lines: Sequence[str]) -> tuple[ReadProblem, ...]:
    """Report ' #word' right after a plain text: YAML drops it as a comment, the author meant it as text."""
    end = event.end_mark
    if event.style is not None or end.line >= len(lines) or "#" not in lines[end.line]:
        return ()
    found = _HIDDEN_COMMENT.match(lines[end.line], end.column)
    if found is None:
        return ()
    return (
        ReadProblem(
            COMMENT_CODE,
            Position(end.line + 1, found.end()),
            "'#' beginnt hier einen Kommentar: der Rest der Zeile fehlt im Text",
            "soll '#' zum Text gehören (z. B. ein Hashtag), setze den ganzen Text in Anführungszeichen; ein "
            "Kommentar braucht ein Leerzeichen nach '#'",
        ),
    )
