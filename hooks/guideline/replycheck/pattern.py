"""The part of regular expressions that Python's `re` and JavaScript's `RegExp` (flags "iu") read alike.

A pattern from the YAML runs in both: in `check` and in the reader's browser. Only this subset is accepted:
characters, character classes `[…]` (with ranges), groups `(…)` and `(?:…)`, alternatives `|`, the
quantifiers `* + ? {n} {n,} {n,m}` (each optionally lazy with `?`), `^` and `.`, and the escapes `\\s \\S \\n
\\t` plus escaped syntax characters (`\\. \\[ \\( \\* …`, inside a class also `\\-`). Refused, because the two
engines differ or one lacks them: lookarounds and every other `(?…)`, backreferences, `$`, `\\b \\B \\d \\w
\\A \\Z`, possessive quantifiers, `{,n}`, a lone `{ } ]` and `[` inside a class.
"""

from __future__ import annotations

import re

SYNTAX_CHARACTERS = frozenset("^$\\.*+?()[]{}|/")
CLASS_ESCAPES = SYNTAX_CHARACTERS | {"-"}
CHARACTER_ESCAPES = frozenset("sSnt")
_QUANTIFIER = re.compile(r"\{(\d+)(,(\d*))?\}")


def pattern_problem(pattern: str) -> tuple[int, str] | None:
    """Return the offset and a German description of the first construct outside the subset, or None."""
    index = 0
    in_class = False
    while index < len(pattern):
        character = pattern[index]
        problem, index, in_class = _step(pattern, index, character, in_class)
        if problem is not None:
            return problem
    if in_class:
        return len(pattern), "eine Zeichenklasse '[' wird nicht mit ']' geschlossen"
    return _compile_problem(pattern)


def _step(pattern: str, index: int, character: str, in_class: bool) -> tuple[tuple[int, str] | None, int, bool]:
    """Read one construct at index; return a problem (or None), the next index and whether a class is open."""
    if character == "\\":
        return _escape_problem(pattern, index, in_class), index + 2, in_class
    if in_class:
        if character == "[":
            return (index, "'[' innerhalb einer Zeichenklasse: schreib '\\['"), index + 1, True
        return None, index + 1, character != "]"
    return _outside_class(pattern, index, character)


def _outside_class(pattern: str, index: int, character: str) -> tuple[tuple[int, str] | None, int, bool]:
    if character == "[":
        start = index + 1 + (pattern[index + 1:index + 2] == "^")
        return None, start + (pattern[start:start + 1] == "]"), True  # a leading ']' is literal in Python only
    if character == "(" and pattern.startswith("(?", index):
        if pattern.startswith("(?:", index):
            return None, index + 3, False
        return (index, f"'{pattern[index:index + 3]}' wird nicht unterstützt: erlaubt ist nur die Gruppe '(?:'"), \
            index + 1, False
    if character == "$":
        return (index, "'$' wird nicht unterstützt (Python und der Browser verstehen es verschieden)"), index + 1, False
    if character == "{":
        match = _QUANTIFIER.match(pattern, index)
        if match is None:
            return (index, "'{' steht nur für eine Wiederholung wie {2} oder {2,5}: schreib sonst '\\{'"), index + 1, False
        return _possessive(pattern, match.end()), match.end(), False
    if character in "}]":
        return (index, f"'{character}' ohne Gegenstück: schreib '\\{character}'"), index + 1, False
    if character in "*+?":
        return _possessive(pattern, index + 1), index + 1, False
    return None, index + 1, False


def _possessive(pattern: str, after: int) -> tuple[int, str] | None:
    if pattern[after:after + 1] == "+":
        return after, "'+' nach einer Wiederholung (possessiv) wird nicht unterstützt"
    return None


def _escape_problem(pattern: str, index: int, in_class: bool) -> tuple[int, str] | None:
    escaped = pattern[index + 1:index + 2]
    allowed = CLASS_ESCAPES if in_class else SYNTAX_CHARACTERS
    if escaped in allowed or escaped in CHARACTER_ESCAPES:
        return None
    if not escaped:
        return index, "'\\' am Ende des Musters"
    return index, (f"'\\{escaped}' wird nicht unterstützt: erlaubt sind \\s \\S \\n \\t und Escapes von Sonderzeichen "
                   "wie \\. \\[ \\(; statt \\d schreib [0-9], statt \\w [a-zäöüß0-9]")


_COMPILE_ERRORS = (
    ("missing )", "eine Klammer '(' wird nicht mit ')' geschlossen"),
    ("unbalanced parenthesis", "')' ohne öffnende Klammer: schreib '\\)'"),
    ("nothing to repeat", "eine Wiederholung (* + ? {…}) steht ohne etwas davor"),
    ("multiple repeat", "zwei Wiederholungen stehen direkt hintereinander"),
    ("bad character range", "ein Bereich in einer Zeichenklasse läuft rückwärts, z. B. [z-a]"),
)


def _compile_problem(pattern: str) -> tuple[int, str] | None:
    try:
        re.compile(pattern, re.IGNORECASE)
    except re.error as error:
        said = next((german for english, german in _COMPILE_ERRORS if error.msg.startswith(english)),
                    "der Ausdruck ist unvollständig oder falsch geklammert")
        return (error.pos or 0), f"das Muster ist ungültig: {said}"
    return None


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Compile an accepted pattern as both runners do: ignoring case."""
    return re.compile(pattern, re.IGNORECASE)


def matches_empty_text(pattern: str) -> bool:
    """Return whether the pattern matches the empty text, and so would find something in every reply."""
    return compile_pattern(pattern).search("") is not None
