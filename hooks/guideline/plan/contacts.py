"""Page context of "Wen rufe ich an?": on-call numbers first, then each level's alerts, service hours,
the crisis team and everyone's number."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.contacts import ContactsFile
from ..model.duration import Duration
from ..model.ids import IdKind
from ..model.layout import DataKind
from ..model.phone import PhoneNumber
from . import links as urls
from .links import Link, Links
from .matrix import NO_PART, broadcast_label
from .page import PlannedPage, Planning
from .reach import (
    AROUND_THE_CLOCK,
    CONTACTS_PAGE,
    AlertRow,
    Callee,
    OnCallView,
    alert_rows,
    callee,
    level_thresholds,
    on_call_views,
    parties_of,
    windows_label,
)


@dataclass(frozen=True)
class LevelReach:
    """One escalation level: from when it applies, who decides, who alerts, who is alerted."""

    level: Link
    thresholds: tuple[str, ...]
    max_first_response: str
    decides: Callee
    alerted_by: Link | None
    alerts: tuple[AlertRow, ...]


@dataclass(frozen=True)
class ChannelReach:
    """A channel's service hours and the first reply it promises."""

    channel: Link
    hours: str
    first_response: str


@dataclass(frozen=True)
class CrisisMemberView:
    """A seat in the crisis team: its task, the member and the deputy, with their numbers."""

    task: str
    role: Link
    name: str
    phone: PhoneNumber
    deputy_name: str
    deputy_phone: PhoneNumber


@dataclass(frozen=True)
class CrisisView:
    """The crisis team: from which level it meets, where, and who sits in it."""

    convenes: Link
    meeting: str
    dial_in: PhoneNumber | None
    members: tuple[CrisisMemberView, ...]


@dataclass(frozen=True)
class ContactsPage:
    """Context of `erreichbarkeit.md`."""

    office_hours: str
    on_call: tuple[OnCallView, ...]
    levels: tuple[LevelReach, ...]
    channels: tuple[ChannelReach, ...]
    crisis: CrisisView | None
    people: tuple[Callee, ...]
    escalation: Link
    parties: Link | None = None  # the external parties' own page, if the guideline has parties.yml


def crisis_view(contacts: ContactsFile, links: Links) -> CrisisView | None:
    """Return the crisis team with every member's and deputy's number, or None if contacts.yml names none."""
    team = contacts.crisis_team
    if team is None:
        return None
    members = tuple(
        CrisisMemberView(m.task, links.to(IdKind.ROLE, m.role), m.member.name, m.member.phone, m.deputy.name,
                         m.deputy.phone)
        for m in team.members
    )
    return CrisisView(links.to(IdKind.ESCALATION_LEVEL, team.convenes), team.meeting, team.dial_in, members)


def _channel_reach(contacts: ContactsFile, planning: Planning, default: Duration) -> tuple[ChannelReach, ...]:
    """Return each channel's service hours; a channel where we only send promises no reply and is listed as such."""
    links = planning.links
    broadcast = {c.id: label for c in planning.guideline.channels.model.channels if (label := broadcast_label(c))}
    listed = tuple(
        ChannelReach(links.to(IdKind.CHANNEL, entry.channel),
                     AROUND_THE_CLOCK if entry.around_the_clock else windows_label(entry.hours),
                     (entry.first_response or default).label)
        for entry in contacts.service_hours if entry.channel not in broadcast
    )
    return (*listed, *(ChannelReach(links.to(IdKind.CHANNEL, channel), label, NO_PART)
                       for channel, label in broadcast.items()))


def contacts_context(contacts: ContactsFile, planning: Planning) -> ContactsPage:
    """Build the page: on-call numbers, levels, service hours, crisis team, then everyone's number."""
    guideline, links = planning.guideline, planning.links
    default = guideline.organisation.model.max_first_response
    return ContactsPage(
        office_hours=windows_label(contacts.office_hours),
        on_call=on_call_views(contacts, links),
        levels=tuple(
            LevelReach(links.to(IdKind.ESCALATION_LEVEL, level.id), level_thresholds(level),
                       level.max_first_response.label, callee(level.decides, contacts, links),
                       links.to(IdKind.ROLE, level.alerted_by) if level.alerted_by else None,
                       alert_rows(level, contacts, links, parties_of(guideline)))
            for level in guideline.escalation.model.levels
        ),
        channels=_channel_reach(contacts, planning, default),
        crisis=crisis_view(contacts, links),
        people=tuple(callee(person.role, contacts, links) for person in contacts.people),
        escalation=Link("Eskalationsstufen", urls.ESCALATION_PAGE),
        parties=urls.PARTIES if guideline.one_of(DataKind.PARTIES) is not None else None,
    )


def plan_contacts(planning: Planning) -> tuple[PlannedPage, ...]:
    """Plan the "Wen rufe ich an?" page, if the guideline has contacts.yml."""
    parsed = planning.guideline.one_of(DataKind.CONTACTS)
    if parsed is None:
        return ()
    return (PlannedPage(CONTACTS_PAGE, "Wen rufe ich an?", "contacts.md.j2", contacts_context(parsed.model, planning),
                        parsed.source_map.path),)
