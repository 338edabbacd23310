"""The text the checker matches phrases on, with the way back to the original text.

Normalisation (docs/javascripts/replycheck.js does exactly the same, character for character):

1. every character (Unicode code point) is lowercased on its own (`str.lower`, `String.toLowerCase`);
2. then ä → ae, ö → oe, ü → ue, ß → ss, so "Aerger", "ärger" and "ÄRGER" are one word;
3. any run of whitespace (space, tab, line breaks, no-break spaces) becomes one space.

Each character of the result remembers the span of original characters it came from, so a match in the
normalised text maps back to the exact span in what was written. Offsets count code points, never UTF-16 units.
Phrases match on word boundaries: a letter or digit may not touch the match on either side (a phrase ending
in `*` may go on: "unschlagbar*" finds "unschlagbare").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

WHITESPACE = frozenset(" \t\n\r\f\v\u00a0\u2028\u2029\u202f")
FOLDS = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}
PREFIX_MARK = "*"


_WHITESPACE_RUN = re.compile("[" + "".join(map(re.escape, sorted(WHITESPACE))) + "]+")
_FOLD_TABLE = str.maketrans(FOLDS)
_CONTEXT_LOWER = "\u03a3"  # capital sigma: str.lower() of a whole text lowers it by its context, one by one not


class Normalised:
    """A normalised text and, for each of its characters, the original span [start, end) it stands for.

    The text is made with string methods of C speed; the spans, a loop per character, only when a match must be
    mapped back: `check` normalises every template of the guideline, and few of them hold a finding.
    """

    __slots__ = ("_ends", "_original", "_starts", "text")

    def __init__(self, original: str) -> None:
        self._original = original
        self._starts: tuple[int, ...] | None = None
        self._ends: tuple[int, ...] = ()
        lowered = original.lower()
        if len(lowered) == len(original) and _CONTEXT_LOWER not in original:
            self.text = _WHITESPACE_RUN.sub(" ", lowered.translate(_FOLD_TABLE))
        else:  # a character lowers to two, or by its context: the loop decides
            self.text = self._map()

    def _map(self) -> str:
        """Normalise character by character, noting each result character's original span; return the text."""
        out: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        for index, character in enumerate(self._original):
            if character in WHITESPACE:
                if out and out[-1] == " " and ends[-1] == index:
                    ends[-1] = index + 1
                    continue
                out.append(" ")
                starts.append(index)
                ends.append(index + 1)
                continue
            for lowered in character.lower():
                for folded in FOLDS.get(lowered, lowered):
                    out.append(folded)
                    starts.append(index)
                    ends.append(index + 1)
        self._starts, self._ends = tuple(starts), tuple(ends)
        return "".join(out)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Return the original span of the normalised span [start, end) (end > start)."""
        if self._starts is None:
            self._map()
        assert self._starts is not None
        return self._starts[start], self._ends[end - 1]


def is_word_character(character: str) -> bool:
    """Return whether a character is a letter or digit (JavaScript: /[\\p{L}\\p{N}]/u)."""
    return character.isalnum()


def normalise(text: str) -> Normalised:
    """Return the text lowercased, umlauts spelled out and whitespace runs made one space."""
    return Normalised(text)


def normalise_phrase(phrase: str) -> tuple[str, bool]:
    """Return a phrase as it is searched for, and whether it may go on after its end (a trailing `*`)."""
    prefix = phrase.rstrip().endswith(PREFIX_MARK)
    core = phrase.rstrip().removesuffix(PREFIX_MARK) if prefix else phrase
    return normalise(core).text.strip(" "), prefix


def phrase_spans(haystack: Normalised, phrase: str, prefix: bool) -> Iterator[tuple[int, int]]:
    """Yield the original span of each match of a normalised phrase that stands on word boundaries."""
    if not phrase:
        return
    text = haystack.text
    found = text.find(phrase)
    while found >= 0:
        end = found + len(phrase)
        left = not (is_word_character(phrase[0]) and found > 0 and is_word_character(text[found - 1]))
        right = prefix or not (is_word_character(phrase[-1]) and end < len(text) and is_word_character(text[end]))
        if left and right:
            yield haystack.original_span(found, end)
            found = text.find(phrase, end)
        else:
            found = text.find(phrase, found + 1)
