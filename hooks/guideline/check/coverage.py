"""Service hours and the on-call rota cover every promised response time (G310, G316).

A channel that only sends (`interaction: broadcast`) promises no reply and needs no service hours. A
shift or channel `around_the_clock` covers every minute of every week, holidays included.

The week is a ring of minutes from Monday 00:00. A public holiday may fall on any working day (Mo–Fr): each
such week is checked too, with the holiday's windows in place of that weekday's. An uncovered gap is as long
as the wait of a message that arrives when it begins. The codes of alerting.py (G311–G313) are documented
here too, beside their siblings.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..diagnostics import Diagnostic, DiagnosticCode, Severity
from ..model.contacts import ContactsFile, OnCallShift, TimeWindow
from ..model.layout import DataKind
from ..model.week import MINUTES_PER_DAY, MINUTES_PER_WEEK, WEEKDAYS, Day, clock_label, span_label
from ..parse.corpus import Guideline
from ..parse.file import ParsedFile
from .findings import finding_at, place_of, shorten_list

HOURS_CODE = "G375"

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode("G310", "Reaktionszeit nicht abgedeckt",
                   "Zwischen Servicezeiten und Rufbereitschaft bleibt eine Lücke, die länger ist als die versprochene "
                   "Reaktionszeit eines Kanals oder einer Eskalationsstufe: wer zu Beginn der Lücke schreibt, wartet "
                   "zu lange (Prüfung policies.first_response_covered).",
                   "In contacts.yml die Servicezeiten des Kanals verlängern oder eine Rufbereitschaft für die Lücke "
                   "eintragen, die den Kanal sichtet bzw. für die Stufe gilt."),
    DiagnosticCode("G311", "Kanalverantwortung nicht alarmiert",
                   "Auf einer Stufe pausieren die geplanten Beiträge, aber die Rolle, die einen Kanal verantwortet, "
                   "wird nicht alarmiert und erfährt nichts davon (Prüfung policies.paused_channel_owners_alerted).",
                   "Die Rolle unter 'alerts:' der Stufe in escalation.yml eintragen."),
    DiagnosticCode("G312", "Stufe ohne vollständige Alarmierung",
                   "Jede Eskalationsstufe sagt, wer wie und wie schnell alarmiert wird, und die Rolle, die auf der "
                   "Stufe entscheidet, ist darunter (Prüfung policies.level_alerts_complete).",
                   "Unter 'alerts:' Rolle, Weg (via) und Frist (within) eintragen, auch für die entscheidende Rolle."),
    DiagnosticCode("G313", "Alarmierte Rolle ohne Telefonnummer",
                   "Eine Rolle wird auf einer Stufe alarmiert oder entscheidet dort, aber contacts.yml nennt für sie "
                   "niemanden mit Telefonnummer (Prüfung policies.level_alerts_complete).",
                   "Unter 'people:' in contacts.yml einen Eintrag mit Name und Telefonnummer für die Rolle anlegen."),
    DiagnosticCode("G316", "Kanal ohne Servicezeiten",
                   "contacts.yml nennt für einen Kanal keine Servicezeiten; ob seine Reaktionszeit zu halten ist, "
                   "lässt sich nicht prüfen (Prüfung policies.first_response_covered).",
                   "Unter 'service_hours:' in contacts.yml einen Eintrag für den Kanal anlegen. Ein Kanal, auf dem "
                   "wir nur senden ('interaction: broadcast' in channels.yml), braucht keine Servicezeiten."),
    DiagnosticCode(HOURS_CODE, "Zeiten fehlen oder widersprechen sich",
                   "Eine Rufbereitschaft in contacts.yml sagt nicht, wann sie gilt (weder 'windows:' noch "
                   "'around_the_clock: true'), oder eine Rufbereitschaft bzw. die Servicezeiten eines Kanals gelten "
                   "rund um die Uhr und nennen zugleich Zeitfenster. Welche Angabe gemeint ist, lässt sich dann nicht "
                   "sagen.",
                   "Entweder die Zeitfenster eintragen oder 'around_the_clock: true' setzen, nicht beides."),
)
"""Every diagnostic code this module emits, documented for the contributors' page."""

EVERY_HOUR = TimeWindow(days=tuple(Day), start=0, end=0)  # start == end: 24 hours, on every day and holiday
HOLIDAY_DAYS = WEEKDAYS[:5]  # a holiday that falls on a weekend changes nothing worth checking
Interval = tuple[int, int]  # minutes since Monday 00:00, end exclusive, may run past the week's end


@dataclass(frozen=True)
class Gap:
    """The longest time nobody covers: where it begins, how long it is, and the holiday that makes it."""

    start: int
    minutes: int
    holiday: Day | None

    @property
    def label(self) -> str:
        """Name the gap as "Sa 13:00 – Mo 08:00, 43 h", with the holiday it assumes."""
        end = (self.start + self.minutes) % MINUTES_PER_WEEK
        text = f"{_moment(self.start)} – {_moment(end)}, {span_label(self.minutes)}"
        return f"{text}, wenn {self.holiday.value} ein Feiertag ist" if self.holiday else text


def _moment(minute: int) -> str:
    day, rest = divmod(minute % MINUTES_PER_WEEK, MINUTES_PER_DAY)
    return f"{WEEKDAYS[day].value} {clock_label(rest)}"


def _intervals(windows: Iterable[TimeWindow], holiday: Day | None) -> Iterator[Interval]:
    """Place each window on the days it applies to in a week whose `holiday` weekday is a holiday."""
    for window in windows:
        length = (window.end - window.start) % MINUTES_PER_DAY or MINUTES_PER_DAY
        for day in window.days:
            if day is Day.FEIERTAG:
                places = (holiday,) if holiday else ()
            else:
                places = () if day is holiday else (day,)
            for place in places:
                start = place.index * MINUTES_PER_DAY + window.start
                yield start, start + length


def uncovered_gap(windows: tuple[TimeWindow, ...], limit_minutes: int) -> Gap | None:
    """Return the longest uncovered time if it is longer than the limit: in a normal week, else in the worst week
    with a holiday; None if every gap is short enough."""
    normal = _gap_in_week(windows, None)
    if normal is not None and normal.minutes > limit_minutes:
        return normal
    holidays = (gap for day in HOLIDAY_DAYS if (gap := _gap_in_week(windows, day)) is not None)
    worst = max(holidays, key=lambda gap: (gap.minutes, -gap.start), default=None)
    return worst if worst is not None and worst.minutes > limit_minutes else None


def _gap_in_week(windows: tuple[TimeWindow, ...], holiday: Day | None) -> Gap | None:
    merged = _merged(_intervals(windows, holiday))
    if not merged:
        return Gap(0, MINUTES_PER_WEEK, holiday)
    # Each gap runs from the end of one covered stretch to the start of the next, round the ring.
    gaps = [
        (end, (merged[(n + 1) % len(merged)][0] - end) % MINUTES_PER_WEEK)
        for n, (_, end) in enumerate(merged)
    ]
    start, minutes = max(gaps, key=lambda gap: (gap[1], -gap[0]))
    return Gap(start % MINUTES_PER_WEEK, minutes, holiday) if minutes else None


def _merged(intervals: Iterable[Interval]) -> list[Interval]:
    """Fold intervals onto one week, splitting those that run past its end, and join the overlapping ones."""
    pieces: list[Interval] = []
    for start, end in intervals:
        if end - start >= MINUTES_PER_WEEK:
            return [(0, MINUTES_PER_WEEK)]
        start %= MINUTES_PER_WEEK
        end = start + (end - start)
        pieces.extend([(start, MINUTES_PER_WEEK), (0, end - MINUTES_PER_WEEK)] if end > MINUTES_PER_WEEK
                      else [(start, end)])
    merged: list[Interval] = []
    for start, end in sorted(pieces):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


# --- first_response_covered -----------------------------------------------------------------------


def check_first_response_covered(guideline: Guideline, severity: Severity) -> Iterator[Diagnostic]:
    """Report channels and levels whose promised response time an uncovered gap exceeds."""
    contacts = guideline.one_of(DataKind.CONTACTS)
    if contacts is None:
        return
    yield from _channels_without_hours(guideline, contacts, severity)
    yield from _channel_gaps(guideline, contacts, severity)
    yield from _level_gaps(guideline, contacts, severity)


def shift_windows(shift: OnCallShift) -> tuple[TimeWindow, ...]:
    """Return when an on-call shift is on duty: its windows, or every hour if it is around the clock."""
    return (EVERY_HOUR,) if shift.around_the_clock else shift.windows


def _broadcast_channels(guideline: Guideline) -> frozenset[str]:
    return frozenset(channel.id for channel in guideline.channels.model.channels if channel.broadcast)


def _channels_without_hours(guideline: Guideline, contacts: ParsedFile[Any], severity: Severity) -> Iterator[Diagnostic]:
    listed = {entry.channel for entry in contacts.model.service_hours}
    for index, channel in enumerate(guideline.channels.model.channels):
        if channel.id not in listed and not channel.broadcast:
            yield finding_at(
                guideline.channels, ("channels", index, "id"), "G316",
                f"für den Kanal '{channel.id}' stehen in {contacts.source_map.path} keine Servicezeiten",
                severity=severity, help_text="lege unter 'service_hours:' einen Eintrag mit 'channel: "
                f"{channel.id}' und seinen Zeitfenstern an",
            )


def _channel_gaps(guideline: Guideline, contacts: ParsedFile[Any], severity: Severity) -> Iterator[Diagnostic]:
    model: ContactsFile = contacts.model
    default = guideline.organisation.model.max_first_response
    broadcast = _broadcast_channels(guideline)
    for index, entry in enumerate(model.service_hours):
        if entry.around_the_clock or entry.channel in broadcast:
            continue
        shifts = [(n, s) for n, s in enumerate(model.on_call) if entry.channel in s.channels]
        windows = (*entry.hours, *(w for _, s in shifts for w in shift_windows(s)))
        promise = entry.first_response or default
        gap = uncovered_gap(windows, promise.minutes)
        if gap is None:
            continue
        promised_at = place_of(contacts, ("service_hours", index, "first_response")) if entry.first_response \
            else place_of(guideline.organisation, ("max_first_response",))
        watched = [f"'{s.title}' ({place_of(contacts, ('on_call', n, 'title'))})" for n, s in shifts]
        yield finding_at(
            contacts, ("service_hours", index, "channel"), "G310",
            f"der Kanal '{entry.channel}' verspricht eine erste Reaktion in {promise.label}, aber niemand sichtet ihn "
            f"von {gap.label}",
            severity=severity,
            notes=(f"die Reaktionszeit steht in {promised_at}",
                   f"Rufbereitschaft für den Kanal: {shorten_list(watched)}" if watched
                   else "keine Rufbereitschaft sichtet diesen Kanal"),
            help_text="verlängere die Servicezeiten oder nimm den Kanal unter 'channels:' einer Rufbereitschaft "
            "auf, die diese Zeit abdeckt",
        )


def _level_gaps(guideline: Guideline, contacts: ParsedFile[Any], severity: Severity) -> Iterator[Diagnostic]:
    model: ContactsFile = contacts.model
    for index, level in enumerate(guideline.escalation.model.levels):
        shifts = [(n, s) for n, s in enumerate(model.on_call) if level.id in s.levels]
        gap = uncovered_gap((*model.office_hours, *(w for _, s in shifts for w in shift_windows(s))),
                            level.max_first_response.minutes)
        if gap is None:
            continue
        watched = [f"'{s.title}' ({place_of(contacts, ('on_call', n, 'title'))})" for n, s in shifts]
        yield finding_at(
            guideline.escalation, ("levels", index, "max_first_response"), "G310",
            f"die Stufe '{level.id}' verlangt eine Reaktion in {level.max_first_response.label}, aber außerhalb der "
            f"Bürozeiten ist niemand in Rufbereitschaft von {gap.label}",
            severity=severity,
            notes=(f"Bürozeiten: {place_of(contacts, ('office_hours',))}",
                   f"Rufbereitschaft für die Stufe: {shorten_list(watched)}" if watched
                   else "keine Rufbereitschaft gilt für diese Stufe"),
            help_text=f"trage in {contacts.source_map.path} eine Rufbereitschaft mit 'levels: [{level.id}]' für diese "
            "Zeit ein",
        )


# --- hours stated once (always checked) -----------------------------------------------------------


def check_hours_stated(guideline: Guideline) -> tuple[Diagnostic, ...]:
    """Report on-call shifts that never apply, and shifts or channels both around the clock and in windows."""
    contacts = guideline.one_of(DataKind.CONTACTS)
    if contacts is None:
        return ()
    model: ContactsFile = contacts.model
    found = [
        finding_at(contacts, ("on_call", index, "title"), HOURS_CODE,
                   f"die Rufbereitschaft '{shift.title}' sagt nicht, wann sie gilt",
                   help_text="trag unter 'windows:' ihre Zeitfenster ein, oder 'around_the_clock: true', wenn sie "
                   "rund um die Uhr gilt")
        for index, shift in enumerate(model.on_call) if not shift.windows and not shift.around_the_clock
    ]
    found.extend(_both(contacts, ("on_call", index), "windows", f"die Rufbereitschaft '{shift.title}'")
                 for index, shift in enumerate(model.on_call) if shift.windows and shift.around_the_clock)
    found.extend(_both(contacts, ("service_hours", index), "hours", f"die Servicezeit des Kanals '{entry.channel}'")
                 for index, entry in enumerate(model.service_hours) if entry.hours and entry.around_the_clock)
    return tuple(found)


def _both(contacts: ParsedFile[Any], base: tuple[str, int], key: str, what: str) -> Diagnostic:
    return finding_at(
        contacts, (*base, key), HOURS_CODE, f"{what} gilt rund um die Uhr und nennt zugleich Zeitfenster",
        notes=(f"'around_the_clock: true' steht in {place_of(contacts, (*base, 'around_the_clock'))}",),
        help_text=f"lösch die Zeitfenster unter '{key}:', oder lösch 'around_the_clock: true', wenn nur diese "
        "Zeitfenster gelten",
    )
