"""A statement's deadline: within the response times, and someone there to publish it in time (G364, G365)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..diagnostics import Diagnostic, DiagnosticCode, Severity
from ..model.contacts import ContactsFile
from ..model.layout import DataKind
from ..parse.corpus import Guideline
from ..parse.file import ParsedFile
from .coverage import Gap, shift_windows, uncovered_gap
from .findings import finding_at, place_of
from .statements import PlacedStatement, placed_statements

DEADLINE_CODE = "G364"
UNCOVERED_CODE = "G365"

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode(DEADLINE_CODE, "Frist des Pflichttextes zu lang",
                   "Die Frist eines Pflichttextes ist länger als max_first_response in organisation.yml oder als "
                   "die Reaktionszeit der Eskalationsstufe, mit der ein Szenario beginnt, das den Text verwendet "
                   "(Prüfung policies.response_time_within_maximum).",
                   "Die Frist unter 'deadline: within:' verkürzen oder, nach Absprache, die Reaktionszeit anpassen."),
    DiagnosticCode(UNCOVERED_CODE, "Pflichttext nicht rechtzeitig zu veröffentlichen",
                   "Ein Pflichttext muss auf einem Kanal innerhalb seiner Frist erscheinen, aber laut contacts.yml "
                   "ist eine Zeit lang länger als diese Frist niemand da, der ihn veröffentlichen könnte. Gezählt "
                   "werden die Bürozeiten (dann sind alle Rollen erreichbar), die Servicezeiten des Kanals, die "
                   "Rufbereitschaften, die ihn sichten, und die Rufbereitschaften der Eskalationsstufen, mit denen "
                   "die Szenarien beginnen, die den Text verwenden. Kanäle ohne Servicezeiten meldet G316; ohne "
                   "contacts.yml wird nicht geprüft (Prüfung policies.first_response_covered).",
                   "In contacts.yml die Servicezeiten verlängern oder eine Rufbereitschaft eintragen, die den Kanal "
                   "sichtet oder für die Stufe des Szenarios gilt, oder die Frist verlängern."),

)
"""Every diagnostic code this module emits, documented for the contributors' page."""

_WITHIN = ("deadline", "within")


def _users(guideline: Guideline, statement_id: str) -> Iterator[tuple[ParsedFile[Any], int]]:
    """Yield each scenario that names the statement, with the index of the name in its 'statements'."""
    for scenario in guideline.scenarios:
        for index, named in enumerate(scenario.model.statements):
            if named == statement_id:
                yield scenario, index


# --- policy response_time_within_maximum ----------------------------------------------------------


def check_statement_deadlines(guideline: Guideline, severity: Severity) -> Iterator[Diagnostic]:
    """Report deadlines longer than the organisation's maximum or the starting level of a scenario using them."""
    maximum = guideline.organisation.model.max_first_response
    for parsed in guideline.all_of(DataKind.STATEMENT):
        statement = parsed.model
        within = statement.deadline.within
        if within.minutes > maximum.minutes:
            yield finding_at(
                parsed, _WITHIN, DEADLINE_CODE,
                f"die Frist des Pflichttextes '{statement.id}' ({within.label}) ist länger als das Maximum "
                f"({maximum.label})",
                severity=severity, notes=(f"das Maximum steht in {place_of(guideline.organisation, ('max_first_response',))}",),
                help_text=f"verkürze die Frist auf höchstens {maximum.label}",
            )
        yield from _beyond_levels(guideline, parsed, severity)


def _beyond_levels(guideline: Guideline, parsed: ParsedFile[Any], severity: Severity) -> Iterator[Diagnostic]:
    """Report each scenario using the statement whose starting level promises a reaction sooner than its deadline."""
    statement, within = parsed.model, parsed.model.deadline.within
    levels = {level.id: (index, level) for index, level in enumerate(guideline.escalation.model.levels)}
    for scenario, index in _users(guideline, statement.id):
        level_index, level = levels.get(scenario.model.escalation_level, (-1, None))
        if level is None or within.minutes <= level.max_first_response.minutes:
            continue
        yield finding_at(
            parsed, _WITHIN, DEADLINE_CODE,
            f"die Frist des Pflichttextes '{statement.id}' ({within.label}) ist länger als die Reaktionszeit "
            f"der Stufe '{level.id}' ({level.max_first_response.label}), mit der das Szenario "
            f"'{scenario.model.id}' beginnt",
            severity=severity,
            notes=(f"das Szenario verwendet den Text in {place_of(scenario, ('statements', index))}",
                   "die Reaktionszeit der Stufe steht in "
                   f"{place_of(guideline.escalation, ('levels', level_index, 'max_first_response'))}"),
            help_text=f"verkürze die Frist auf höchstens {level.max_first_response.label}",
        )


# --- policy first_response_covered ----------------------------------------------------------------


def check_statements_covered(guideline: Guideline, severity: Severity) -> Iterator[Diagnostic]:
    """Report statements that no one could publish in time on some channel, as contacts.yml tells."""
    contacts = guideline.one_of(DataKind.CONTACTS)
    if contacts is None:
        return  # without service hours nothing says when someone is there
    for placed in placed_statements(guideline):
        gaps = tuple(_gaps(guideline, contacts, placed))
        if gaps:
            yield _uncovered(placed, gaps, severity)


def _gaps(guideline: Guideline, contacts: ParsedFile[Any], placed: PlacedStatement) -> Iterator[
        tuple[str, Gap, str]]:
    """Yield each channel of the statement with the longest time no one could publish, and its hours' place.

    Office hours count (every role is reachable then), and so do the on-call shifts that watch the channel or
    serve the level a scenario using the statement starts at: they are alerted when its trigger happens.
    """
    model: ContactsFile = contacts.model
    levels = {scenario.model.escalation_level for scenario, _ in _users(guideline, placed.statement.id)}
    hours = {entry.channel: (index, entry) for index, entry in enumerate(model.service_hours)}
    for channel in placed.channels:
        index, entry = hours.get(channel, (-1, None))
        if entry is None or entry.around_the_clock:
            continue  # G316 reports a channel without service hours
        shifts = (s for s in model.on_call if channel in s.channels or levels.intersection(s.levels))
        windows = (*model.office_hours, *entry.hours, *(window for shift in shifts for window in shift_windows(shift)))
        gap = uncovered_gap(windows, placed.statement.deadline.within.minutes)
        if gap is not None:
            yield channel, gap, place_of(contacts, ("service_hours", index, "channel"))


def _uncovered(placed: PlacedStatement, gaps: tuple[tuple[str, Gap, str], ...], severity: Severity) -> Diagnostic:
    statement = placed.statement
    names = ", ".join(f"'{channel}'" for channel, _, _ in gaps)
    noun = "dem Kanal" if len(gaps) == 1 else "den Kanälen"
    return finding_at(
        placed.parsed, _WITHIN, UNCOVERED_CODE,
        f"der Pflichttext '{statement.id}' muss {statement.deadline.phrase} erscheinen, aber auf {noun} {names} ist nicht immer jemand da, der ihn "
        "veröffentlichen könnte",
        severity=severity,
        notes=tuple(f"'{channel}': niemand da von {gap.label} (Servicezeiten in {where})" for channel, gap, where in gaps),
        help_text="verlängere in contacts.yml die Servicezeiten, trag eine Rufbereitschaft ein, die den Kanal sichtet "
        "oder für die Stufe des Szenarios gilt, oder verlängere die Frist",
    )
