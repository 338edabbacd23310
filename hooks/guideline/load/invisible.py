"""Invisible characters: which ones a data file must not hold, what they are called, and where they stand.

Refused anywhere in a file, text or comment, because nobody can see them in an editor, yet they reach
the page title, the navigation and the search index:
- the direction controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069): they make a line
  look different from what it says, on the page and in the editor (a comment can hide a key);
- every other format character (Unicode category Cf): zero-width spaces and joiners, word joiner and
  invisible operators (U+2060–U+2064), a byte order mark inside the text (U+FEFF), the soft hyphen
  (U+00AD), tag characters and the like;
- characters that look like nothing: the combining grapheme joiner, the Hangul fillers and the
  variation selectors that select no emoji or text style;
- line and paragraph separators (U+0085, U+2028, U+2029): YAML ends a line there, most editors do not,
  so the file parses differently from how it reads.
The soft hyphen is refused too: it is pasted from Word or PDF more often than typed, and a word that
holds one is no longer found by the search. Spaces that are visible as spaces (U+00A0 and the other
Zs characters) stay allowed, and so do emoji: a zero-width joiner between two emoji and the tag
characters of a flag such as 🏴󠁧󠁢󠁳󠁣󠁴󠁿 are part of the emoji.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import PurePosixPath

from ..diagnostics import Diagnostic, DiagnosticCode, Position, Severity
from .text import LINE_BREAK

INVISIBLE_CODE = "G019"

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode(
        code=INVISIBLE_CODE,
        title="Unsichtbares Zeichen",
        explanation="Die Datei enthält ein Zeichen, das man im Editor nicht sieht: ein Zeichen für die "
        "Schreibrichtung (z. B. U+202E), ein Zeichen ohne Breite (z. B. U+200B), einen bedingten Trennstrich "
        "(U+00AD) oder einen Zeilentrenner (U+2028). Es würde unsichtbar in Seitentitel, Navigation und Suche "
        "gelangen oder den Text anders aussehen lassen, als er gespeichert ist.",
        fix="Das Zeichen an der genannten Stelle löschen, am einfachsten, indem man die Wörter davor und danach "
        "neu tippt. Geschützte Leerzeichen und Emoji sind erlaubt.",
    ),
)
"""Every diagnostic code this module emits, documented for the contributors' page."""

DIRECTION_MARKS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
LINE_SEPARATORS = frozenset("\x85\u2028\u2029")
_LOOK_LIKE_NOTHING = frozenset(
    "\u034f\u115f\u1160\u3164\uffa0" + "".join(map(chr, range(0xFE00, 0xFE0E)))
    + "".join(map(chr, range(0xE0100, 0xE01F0)))
)
_ZERO_WIDTH_JOINER = "\u200d"
_EMOJI_MODIFIERS = frozenset("\ufe0f" + "".join(map(chr, range(0x1F3FB, 0x1F400))))
_FLAG = re.compile("\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f")
_BEYOND_ASCII = re.compile("[^\x00-\x7f]")

_NAMES = {
    "\u00a0": "geschütztes Leerzeichen",
    "\u00ad": "bedingter Trennstrich",
    "\u200b": "Leerzeichen ohne Breite",
    "\u200c": "Trenner ohne Breite",
    "\u200d": "Verbinder ohne Breite",
    "\u2060": "Wortverbinder ohne Breite",
    "\ufeff": "Byte-Order-Mark",
    "\x85": "Zeilenumbruch",
    "\u2028": "Zeilentrenner",
    "\u2029": "Absatztrenner",
}
_CATEGORY_NAMES = {"Zs": "besonderes Leerzeichen", "Cf": "unsichtbares Steuerzeichen", "Cc": "Steuerzeichen"}


def is_invisible(char: str) -> bool:
    """Tell whether a data file must not hold this character (emoji parts are allowed by hidden_characters)."""
    return char in LINE_SEPARATORS or char in _LOOK_LIKE_NOTHING or unicodedata.category(char) == "Cf"


def name_character(char: str) -> str:
    """Name a character for a contributor, e.g. "U+202E RIGHT-TO-LEFT OVERRIDE (Zeichen für die Schreibrichtung)"."""
    if char in DIRECTION_MARKS:
        german = "Zeichen für die Schreibrichtung"
    else:
        category = unicodedata.category(char)
        german = _NAMES.get(char, _CATEGORY_NAMES.get(category, "unsichtbares Zeichen"))
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name} ({german})" if name else f"U+{ord(char):04X} ({german})"


def describe_invisible(text: str) -> str | None:
    """Name the first invisible or unusual space character in a text, e.g. in a key that looks right."""
    for char in text:
        if char not in " \t\n" and (is_invisible(char) or unicodedata.category(char)[0] in "CZ"):
            return name_character(char)
    return None


def hidden_characters(line: str) -> Iterator[int]:
    """Yield the index of every invisible character in one line, leaving out the parts of emoji."""
    flags = [match.span() for match in _FLAG.finditer(line)]
    for match in _BEYOND_ASCII.finditer(line):
        index, char = match.start(), match.group()
        if not is_invisible(char) or any(start <= index < end for start, end in flags):
            continue
        if char == _ZERO_WIDTH_JOINER and _joins_emoji(line, index):
            continue
        yield index


def _joins_emoji(line: str, index: int) -> bool:
    """Tell whether a zero-width joiner stands between two emoji, as in 👩‍💻."""
    before, after = line[index - 1 : index], line[index + 1 : index + 2]
    emoji_before = before != "" and (unicodedata.category(before) == "So" or before in _EMOJI_MODIFIERS)
    return emoji_before and after != "" and unicodedata.category(after) == "So"


def find_invisible(path: PurePosixPath, text: str, limit: int) -> tuple[Diagnostic, ...]:
    """Report each invisible character in a file's text at its line and column (at most limit of them)."""
    if not any(is_invisible(char) for char in set(_BEYOND_ASCII.findall(text))):
        return ()  # most files: one pass in C instead of one per line in Python
    found: list[Diagnostic] = []
    line_number, start = 1, 0
    for match in [*LINE_BREAK.finditer(text), None]:
        end = match.start() if match is not None else len(text)
        line = text[start:end]
        found.extend(_invisible(path, Position(line_number, i + 1), line[i]) for i in hidden_characters(line))
        if match is not None and match.group() in LINE_SEPARATORS:
            found.append(_invisible(path, Position(line_number, end - start + 1), match.group()))
        if len(found) >= limit or match is None:
            return tuple(found[:limit])
        line_number, start = line_number + 1, match.end()
    return tuple(found[:limit])


def invisible_help(char: str) -> str:
    """Say how to get rid of an invisible character the contributor cannot see."""
    if char in LINE_SEPARATORS:
        return "ersetze das Zeichen durch ein Leerzeichen oder einen normalen Zeilenumbruch (Eingabetaste)"
    return ("lösche das Zeichen: am einfachsten tippst du die Wörter davor und danach neu (es entsteht oft beim "
            "Kopieren aus Word, PDF oder Webseiten)")


def invisible_note(char: str) -> str:
    """Say why an invisible character is refused."""
    if char in DIRECTION_MARKS:
        return ("es kann die Reihenfolge der Zeichen in der Anzeige umdrehen, sodass der Text anders aussieht, als "
                "er gespeichert ist")
    if char in LINE_SEPARATORS:
        return "YAML beginnt dort eine neue Zeile, die meisten Editoren zeigen aber keinen Umbruch an"
    if char == "\u00ad":
        return "es bleibt unsichtbar im Wort stehen, sodass die Suche das Wort nicht mehr findet"
    return "man sieht es nicht, es gelangt aber in Seitentitel, Navigation und Suche"


def _invisible(path: PurePosixPath, position: Position, char: str) -> Diagnostic:
    return Diagnostic(
        code=INVISIBLE_CODE,
        severity=Severity.ERROR,
        path=path,
        position=position,
        message=f"hier steht ein unsichtbares Zeichen: {name_character(char)}",
        notes=(invisible_note(char),),
        help=invisible_help(char),
    )
