"""Statements with a required wording: placeholders, channels, tone and age (G360–G363, G366).

`placed_statements` gives every statement with the channels it goes to, resolved; a check of a per-channel
limit (e.g. a text's length) can take its (text, channels) pairs from there.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from ..diagnostics import Diagnostic, DiagnosticCode, Severity
from ..model.layout import DataKind
from ..model.statements import Statement, bracketed, placeholders_in
from ..parse.corpus import Guideline
from ..parse.file import ParsedFile
from .findings import finding_at, place_of
from .replies import statement_breach_phrases
from .templates import ChannelText

VERBATIM_PLACEHOLDER_CODE = "G360"
UNDECLARED_PLACEHOLDER_CODE = "G361"
BREACH_PHRASE_CODE = "G362"
STALE_WORDING_CODE = "G363"
CHANNELS_CODE = "G366"

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode(VERBATIM_PLACEHOLDER_CODE, "Platzhalter in wörtlichem Pflichttext",
                   "Ein Pflichttext mit 'verbatim: true' muss Wort für Wort veröffentlicht werden; ein Platzhalter "
                   "in eckigen Klammern wie [Datum] müsste aber vor dem Senden ersetzt werden. Beides zugleich geht "
                   "nicht.",
                   "Den Wortlaut mit der Stelle abstimmen, von der er stammt, und ohne Platzhalter eintragen, oder "
                   "'verbatim: false' setzen und die Platzhalter unter 'placeholders:' nennen."),
    DiagnosticCode(UNDECLARED_PLACEHOLDER_CODE, "Platzhalter im Pflichttext nicht freigegeben",
                   "Ein Pflichttext enthält einen Platzhalter in eckigen Klammern, der nicht unter 'placeholders:' "
                   "steht. Nur dort genannte Platzhalter dürfen vor dem Senden ersetzt werden; alles andere bleibt "
                   "wörtlich.",
                   "Den Platzhalter unter 'placeholders:' eintragen (nach Freigabe durch die Rolle unter "
                   "'changes_approved_by') oder aus dem Text nehmen."),
    DiagnosticCode(BREACH_PHRASE_CODE, "Signalphrase in Pflichttext",
                   "Der Wortlaut eines Pflichttextes enthält eine Formulierung, die laut tone.yml auf einen Verstoß "
                   "gegen eine Tonalitätsregel hindeutet (Prüfung policies.templates_free_of_breach_phrases).",
                   "Den Wortlaut mit der Stelle, von der er stammt, neu abstimmen; ist er wörtlich vorgegeben, die "
                   "Warnung bewusst stehen lassen."),
    DiagnosticCode(STALE_WORDING_CODE, "Wortlaut prüfen",
                   "Der Wortlaut eines Pflichttextes ist älter als das Prüfintervall (review_interval in "
                   "organisation.yml), gemessen am Gültigkeitsbeginn dieser Version des Leitfadens "
                   "(release.valid_from). Ohne 'release' wird das nicht geprüft. Das ist eine Warnung: `check` läuft "
                   "durch, `check --strict` nicht.",
                   "Den Wortlaut mit der Stelle unter 'source' bestätigen oder erneuern lassen und das Datum unter "
                   "'source_date' eintragen."),
    DiagnosticCode(CHANNELS_CODE, "Pflichttext ohne eindeutige Kanäle",
                   "Ein Pflichttext sagt, wo er erscheinen muss: entweder 'all_channels: true' oder eine Liste unter "
                   "'channels:', nicht beides und nicht keins von beiden.",
                   "Entweder 'all_channels: true' setzen oder die IDs der Kanäle unter 'channels:' eintragen."),
)
"""Every diagnostic code this module emits, documented for the contributors' page."""


@dataclass(frozen=True)
class PlacedStatement:
    """A statement with its file and the ids of the channels it goes to ('all_channels' resolved)."""

    parsed: ParsedFile[Statement]
    channels: tuple[str, ...]

    @property
    def statement(self) -> Statement:
        return self.parsed.model


def statement_channels(statement: Statement, guideline: Guideline) -> tuple[str, ...]:
    """Return the ids of the channels a statement goes to: all of the guideline's, or its own list."""
    return statement.channels_among(tuple(channel.id for channel in guideline.channels.model.channels))


def placed_statements(guideline: Guideline) -> Iterator[PlacedStatement]:
    """Yield every statement with the channels it goes to, sorted by id."""
    for parsed in guideline.all_of(DataKind.STATEMENT):
        yield PlacedStatement(parsed, statement_channels(parsed.model, guideline))


def statement_texts(guideline: Guideline) -> Iterator[ChannelText]:
    """Yield every statement's wording with all the channels it goes to, for the channels' length limits."""
    for placed in placed_statements(guideline):
        statement = placed.parsed.model
        yield ChannelText(placed.parsed, ("text",), f"der Pflichttext '{statement.title}'", statement.text,
                          placed.channels)


# --- the wording and the channels: contradictions within one file, always errors ------------------


def check_statements(guideline: Guideline) -> tuple[Diagnostic, ...]:
    """Report statements that contradict themselves (placeholders in verbatim text, unclear channels) or are old."""
    found: list[Diagnostic] = []
    for parsed in guideline.all_of(DataKind.STATEMENT):
        found.extend(_placeholder_findings(parsed))
        found.extend(_channel_findings(parsed))
    found.extend(_stale_wordings(guideline))
    return tuple(found)


def _placeholder_findings(parsed: ParsedFile[Statement]) -> Iterator[Diagnostic]:
    statement = parsed.model
    used = placeholders_in(statement.text)
    if statement.verbatim:
        yield from _verbatim_placeholders(parsed, used)
        return
    undeclared = tuple(name for name in used if name not in statement.placeholders)
    if undeclared:
        yield finding_at(parsed, ("text",), UNDECLARED_PLACEHOLDER_CODE,
                         f"{_placeholders('der', 'die', undeclared)} im Pflichttext '{statement.id}' "
                         f"{'steht' if len(undeclared) == 1 else 'stehen'} nicht unter 'placeholders:'",
                         notes=(f"freigegeben: {', '.join(map(bracketed, statement.placeholders)) or 'kein Platzhalter'}",),
                         help_text="trag, was ersetzt werden darf, mit dem Namen ohne Klammern unter 'placeholders:' ein, "
                         f"z. B. '- {undeclared[0]}'; alles andere nimm aus dem Text")


def _verbatim_placeholders(parsed: ParsedFile[Statement], used: tuple[str, ...]) -> Iterator[Diagnostic]:
    statement = parsed.model
    notes = (f"'verbatim: true' steht in {place_of(parsed, ('verbatim',))}",)
    if used:
        yield finding_at(parsed, ("text",), VERBATIM_PLACEHOLDER_CODE,
                         f"der Pflichttext '{statement.id}' muss wörtlich raus, enthält aber "
                         f"{_placeholders('den', 'die', used)}", notes=notes,
                         help_text="stimm den Wortlaut ohne Platzhalter ab, oder setze 'verbatim: false' und trag die "
                         "Platzhalter unter 'placeholders:' ein")
    if statement.placeholders:
        yield finding_at(parsed, ("placeholders",), VERBATIM_PLACEHOLDER_CODE,
                         f"der Pflichttext '{statement.id}' muss wörtlich raus, nennt aber Platzhalter, die ersetzt "
                         "werden dürfen", notes=notes, help_text="lösch 'placeholders:' oder setze 'verbatim: false'")


def _placeholders(singular: str, plural: str, names: tuple[str, ...]) -> str:
    """Name placeholders with their article: "den Platzhalter [Datum]", "die Platzhalter [Datum], [Gebiet]"."""
    return f"{singular if len(names) == 1 else plural} Platzhalter {', '.join(map(bracketed, names))}"


def _channel_findings(parsed: ParsedFile[Statement]) -> Iterator[Diagnostic]:
    statement = parsed.model
    if statement.all_channels and statement.channels:
        yield finding_at(parsed, ("channels",), CHANNELS_CODE,
                         f"der Pflichttext '{statement.id}' nennt Kanäle und zugleich 'all_channels: true'",
                         help_text="lösch die Liste unter 'channels:' oder setze 'all_channels: false'")
    elif not statement.all_channels and not statement.channels:
        yield finding_at(parsed, ("id",), CHANNELS_CODE,
                         f"der Pflichttext '{statement.id}' sagt nicht, auf welchen Kanälen er erscheint",
                         help_text="setze 'all_channels: true' oder trag die IDs der Kanäle unter 'channels:' ein")


# --- the age of a wording: a warning at the start of each release ---------------------------------


def _stale_wordings(guideline: Guideline) -> Iterator[Diagnostic]:
    organisation = guideline.organisation.model
    if organisation.release is None:
        return  # without a release date nothing says from when on a wording counts as old
    valid_from = organisation.release.valid_from
    interval = organisation.review_interval
    for parsed in guideline.all_of(DataKind.STATEMENT):
        dated = parsed.model.source_date
        if dated + datetime.timedelta(minutes=interval.minutes) >= valid_from:
            continue
        yield finding_at(
            parsed, ("source_date",), STALE_WORDING_CODE,
            f"Wortlaut prüfen: der Wortlaut von '{parsed.model.id}' stammt vom {dated.isoformat()} und ist zum "
            f"Gültigkeitsbeginn dieser Version ({valid_from.isoformat()}) älter als das Prüfintervall "
            f"({interval.label})",
            severity=Severity.WARNING,
            notes=(f"das Prüfintervall steht in {place_of(guideline.organisation, ('review_interval',))}",
                   f"der Gültigkeitsbeginn steht in {place_of(guideline.organisation, ('release', 'valid_from'))}"),
            help_text=f"lass den Wortlaut von „{parsed.model.source}“ bestätigen und trag das Datum unter "
            "'source_date' ein",
        )


# --- policy templates_free_of_breach_phrases ------------------------------------------------------


def check_statements_free_of_breach_phrases(guideline: Guideline, severity: Severity) -> Iterator[Diagnostic]:
    """Report statements whose wording contains a tone rule's breach phrase, as the reply checker finds it."""
    for parsed, phrase in statement_breach_phrases(guideline):
        yield finding_at(
            parsed, ("text",), BREACH_PHRASE_CODE,
            f"der Pflichttext '{parsed.model.id}' enthält '{phrase.text}', eine Signalphrase der "
            f"Tonalitätsregel '{phrase.rule.id}'",
            severity=severity, notes=(f"Regel: {phrase.rule.rule}", f"Signalphrase definiert in {phrase.where}"),
            help_text=f"stimm den Wortlaut mit „{parsed.model.source}“ neu ab; ist er so vorgegeben, lass "
            "die Warnung bewusst stehen",
        )
