"""Who to call: the views of contacts.yml that the scenario, role and escalation pages share.

Every function takes the guideline's optional contacts file and returns nothing when it is absent, so pages of
a guideline without contacts.yml simply leave the sections out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from ..model.contacts import ContactsFile, TimeWindow
from ..model.escalation import EscalationLevel
from ..model.ids import IdKind
from ..model.layout import DataKind
from ..model.parties import Party
from ..model.phone import PhoneNumber
from ..model.week import WEEKDAYS, Day, clock_label
from .links import Link, Links

if TYPE_CHECKING:
    from ..parse.corpus import Guideline

CONTACTS_PAGE = "erreichbarkeit.md"
CONTACTS_LINK = Link("Wen rufe ich an?", CONTACTS_PAGE)
AROUND_THE_CLOCK = "rund um die Uhr"
NO_PARTIES: Mapping[str, Party] = MappingProxyType({})


@dataclass(frozen=True)
class Callee:
    """A role with the person to call for it (None if contacts.yml names nobody)."""

    role: Link
    name: str | None
    phone: PhoneNumber | None


@dataclass(frozen=True)
class AlertRow:
    """One alert of a level: whom, how and by when, with the number to call."""

    callee: Callee
    via: str
    within: str


@dataclass(frozen=True)
class OnCallView:
    """One on-call shift: its number, the role on call and when."""

    title: str
    role: Link
    phone: PhoneNumber
    when: str
    levels: tuple[Link, ...]
    channels: tuple[Link, ...]
    duties: tuple[str, ...]


@dataclass(frozen=True)
class ScenarioReach:
    """The top of a scenario page: whom to call at its level, in and outside office hours."""

    level: Link
    decides: Callee
    alerted_by: Link | None
    alerts: tuple[AlertRow, ...]
    on_call: tuple[OnCallView, ...]
    office_hours: str
    more: Link


def days_label(days: tuple[Day, ...]) -> str:
    """Write days as readers do: runs of three or more weekdays as "Mo–Fr", the rest listed, holidays last."""
    indexes = sorted({day.index for day in days if day is not Day.FEIERTAG})
    parts: list[str] = []
    run: list[int] = []
    for index in [*indexes, -9]:
        if run and index == run[-1] + 1:
            run.append(index)
            continue
        if len(run) >= 3:
            parts.append(f"{WEEKDAYS[run[0]].value}–{WEEKDAYS[run[-1]].value}")
        else:
            parts.extend(WEEKDAYS[i].value for i in run)
        run = [index]
    if Day.FEIERTAG in days:
        parts.append("feiertags")
    return ", ".join(parts)


def windows_label(windows: tuple[TimeWindow, ...]) -> str:
    """Write time windows as "Mo–Fr 08:00–18:00; Sa 09:00–13:00"; an end before the start is the next day's."""
    texts = []
    for window in windows:
        end = clock_label(window.end) if window.end != window.start else f"{clock_label(window.end)} (24 h)"
        next_day = " (Folgetag)" if window.end < window.start else ""
        texts.append(f"{days_label(window.days)} {clock_label(window.start)}–{end}{next_day}")
    return "; ".join(texts)


def contacts_of(guideline: Guideline) -> ContactsFile | None:
    """Return the guideline's contacts, or None if it has no contacts.yml."""
    parsed = guideline.one_of(DataKind.CONTACTS)
    return parsed.model if parsed is not None else None


def parties_of(guideline: Guideline) -> Mapping[str, Party]:
    """Return the guideline's external parties by id (none without parties.yml)."""
    parsed = guideline.one_of(DataKind.PARTIES)
    return MappingProxyType({party.id: party for party in parsed.model.parties} if parsed is not None else {})


def callee(role_id: str, contacts: ContactsFile | None, links: Links,
           parties: Mapping[str, Party] = NO_PARTIES) -> Callee:
    """Return a role with the person contacts.yml names for it, or an external party with its own number."""
    party = parties.get(role_id)
    if party is not None:
        return Callee(links.to(IdKind.PARTY, role_id), None, party.phone)
    person = next((p for p in contacts.people if p.role == role_id), None) if contacts else None
    return Callee(links.to(IdKind.ROLE, role_id), person.name if person else None, person.phone if person else None)


def alert_rows(level: EscalationLevel, contacts: ContactsFile | None, links: Links,
               parties: Mapping[str, Party] = NO_PARTIES) -> tuple[AlertRow, ...]:
    """Return each alert of a level with the person (or the external party's number) to call."""
    return tuple(
        AlertRow(callee(a.role, contacts, links, parties), " oder ".join(m.label for m in a.via), a.within.label)
        for a in level.alerts
    )


def on_call_views(contacts: ContactsFile, links: Links, level_id: str | None = None) -> tuple[OnCallView, ...]:
    """Return the on-call shifts (only those for one level, if given)."""
    return tuple(
        OnCallView(
            title=shift.title, role=links.to(IdKind.ROLE, shift.role), phone=shift.phone,
            when=AROUND_THE_CLOCK if shift.around_the_clock else windows_label(shift.windows),
            levels=tuple(links.to(IdKind.ESCALATION_LEVEL, level) for level in shift.levels),
            channels=tuple(links.to(IdKind.CHANNEL, channel) for channel in shift.channels),
            duties=shift.duties,
        )
        for shift in contacts.on_call
        if level_id is None or level_id in shift.levels
    )


def scenario_reach(level_id: str, guideline: Guideline, links: Links) -> ScenarioReach | None:
    """Return whom to call in a scenario that starts at this level; None without contacts.yml."""
    contacts = contacts_of(guideline)
    if contacts is None:
        return None
    level = next(level for level in guideline.escalation.model.levels if level.id == level_id)
    return ScenarioReach(
        level=links.to(IdKind.ESCALATION_LEVEL, level.id),
        decides=callee(level.decides, contacts, links),
        alerted_by=links.to(IdKind.ROLE, level.alerted_by) if level.alerted_by else None,
        alerts=alert_rows(level, contacts, links, parties_of(guideline)),
        on_call=on_call_views(contacts, links, level.id),
        office_hours=windows_label(contacts.office_hours),
        more=CONTACTS_LINK,
    )


@dataclass(frozen=True)
class LevelAlerts:
    """A level with the alerts that go out on it."""

    level: Link
    alerts: tuple[AlertRow, ...]


@dataclass(frozen=True)
class RoleAlerted:
    """A level at which a role is alerted: how and by when."""

    level: Link
    via: str
    within: str


@dataclass(frozen=True)
class RoleReach:
    """A role page's section on reachability: its number, its on-call duty, when it is alerted, whom it alerts."""

    contact: Callee
    on_call: tuple[OnCallView, ...]
    alerted_at: tuple[RoleAlerted, ...]
    alerts: tuple[LevelAlerts, ...]
    crisis_tasks: tuple[str, ...]
    more: Link


def threshold_label(at_least: int, signal: str, within: str) -> str:
    """Write an alarm threshold as "ab 20 kritischen Beiträgen in 1 h"."""
    return f"ab {at_least} {signal} in {within}"


def level_thresholds(level: EscalationLevel) -> tuple[str, ...]:
    """Return a level's alarm thresholds as text."""
    return tuple(threshold_label(t.at_least, t.signal, t.within.label) for t in level.thresholds)


def role_reach(role_id: str, guideline: Guideline, links: Links) -> RoleReach | None:
    """Return how a role is reached and whom it alerts; None without contacts.yml."""
    contacts = contacts_of(guideline)
    if contacts is None:
        return None
    levels = guideline.escalation.model.levels
    link = lambda level: links.to(IdKind.ESCALATION_LEVEL, level.id)  # noqa: E731
    crisis = contacts.crisis_team
    return RoleReach(
        contact=callee(role_id, contacts, links),
        on_call=tuple(view for view, shift in zip(on_call_views(contacts, links), contacts.on_call)
                      if shift.role == role_id),
        alerted_at=tuple(RoleAlerted(link(level), " oder ".join(m.label for m in a.via), a.within.label)
                         for level in levels for a in level.alerts if a.role == role_id),
        alerts=tuple(LevelAlerts(link(level), alert_rows(level, contacts, links, parties_of(guideline)))
                     for level in levels if level.alerted_by == role_id),
        crisis_tasks=tuple(m.task for m in crisis.members if m.role == role_id) if crisis else (),
        more=CONTACTS_LINK,
    )
