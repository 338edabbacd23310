"""Texts name escalation levels by their title, the name the escalation page shows (G342)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..diagnostics import Diagnostic, DiagnosticCode, Severity
from ..model.escalation import EscalationLevel
from ..parse.corpus import Guideline
from .findings import finding_at, texts_of

LEVEL_NAME_CODE = "G342"

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode(LEVEL_NAME_CODE, "Eskalationsstufe als Nummer genannt",
                   "Ein Text spricht von „Stufe 2“ (oder „Eskalationsstufe 2“, „Stufen 3“) oder nennt die ID einer "
                   "Stufe. Die Seite Eskalationsstufen zeigt die Stufen aber mit ihrem Namen, z. B. „Erhöhte "
                   "Aufmerksamkeit“; wer im Ernstfall nach der Nummer sucht, findet sie nicht. Gezählt wird in der "
                   "Reihenfolge von escalation.yml. Zusammengesetzte Wörter wie „Gebläsestufe 2“ sind nicht "
                   "gemeint (Prüfung policies.levels_named).",
                   "Den Namen der Stufe schreiben, z. B. „ab der Stufe „Kritische Lage““."),
)
"""Every diagnostic code this module emits, documented for the contributors' page."""

_NUMBERED = r"(?i:\b(?:eskalations)?stufen?\s+(?P<number>\d+)\b)"


def check_levels_named(guideline: Guideline, severity: Severity) -> Iterator[Diagnostic]:
    """Report texts that call a level 'Stufe N' or by its id instead of its title."""
    levels = guideline.escalation.model.levels
    mentions = _mentions_pattern(levels)
    for parsed in guideline.files():
        for data_path, text in texts_of(parsed.model, with_ids=False):
            for said, level in _numbered_levels(text, levels, mentions):
                yield finding_at(
                    parsed, data_path, LEVEL_NAME_CODE,
                    f"der Text nennt „{said}“ statt des Namens der Eskalationsstufe",
                    severity=severity,
                    notes=(f"„{said}“ ist die Stufe „{level.title}“ (ID '{level.id}'); so heißt sie auf der "
                           "Seite Eskalationsstufen",),
                    help_text=f"schreib den Namen der Stufe: „{level.title}“",
                )


def _mentions_pattern(levels: tuple[EscalationLevel, ...]) -> re.Pattern[str]:
    """Return one pattern for 'Stufe N' (any case) and for every level id that cannot be an ordinary word.

    One search per text instead of one per level: the check reads every text of the guideline.
    """
    ids = sorted((level.id for level in levels if _looks_like_an_id(level.id)), key=len, reverse=True)
    if not ids:
        return re.compile(_NUMBERED)
    return re.compile(_NUMBERED + r"|\b(?P<id>" + "|".join(map(re.escape, ids)) + r")\b")


def _numbered_levels(text: str, levels: tuple[EscalationLevel, ...], mentions: re.Pattern[str]) -> Iterator[
        tuple[str, EscalationLevel]]:
    """Yield each mention of a level by number, then by id, with the level meant; each level once per text."""
    if "stufe" not in text.casefold() and not any(level.id in text for level in levels):
        return  # the pattern matches neither: a plain substring test is far cheaper than the search
    by_number: dict[str, tuple[str, EscalationLevel]] = {}
    by_id: set[str] = set()
    for match in mentions.finditer(text):
        if match.group("number") is None:
            by_id.add(match.group("id"))
            continue
        number = int(match.group("number"))
        if 1 <= number <= len(levels) and match.group().casefold() not in levels[number - 1].title.casefold():
            by_number.setdefault(levels[number - 1].id, (match.group(), levels[number - 1]))
    yield from by_number.values()
    for level in levels:
        if level.id in by_id and level.id not in by_number:
            yield level.id, level


def _looks_like_an_id(level_id: str) -> bool:
    """An id with a digit or hyphen cannot be an ordinary word of the text (unlike 'alltag')."""
    return any(character.isdigit() or character == "-" for character in level_id)
