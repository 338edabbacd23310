"""Page context of "Externe Stellen": each party with its number first, then when to involve it and where it is named.

The page is the target of every link from a step, an escalation, a level or an alert to an external party; a reader
who follows one in a hurry lands on the party's entry and sees the number to call before anything else.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.ids import IdKind
from ..model.layout import DataKind
from ..model.legal import Runbook
from ..model.parties import PartiesFile, Party
from ..model.phone import PhoneNumber
from ..model.scenarios import Scenario
from . import links as urls
from .links import Link, Links
from .page import PlannedPage, Planning
from .reach import CONTACTS_LINK


@dataclass(frozen=True)
class PartyView:
    """One external party: how to reach it first, then what it is, when to involve it and who keeps the contact."""

    id: str
    name: str
    phone: PhoneNumber | None
    availability: str | None
    email: Link | None
    web: Link | None
    kind: str
    involve_when: str
    keeper: Link
    involved_in: tuple[Link, ...]  # the scenarios and emergencies that name the party in a step, escalation or alert
    levels: tuple[Link, ...]


@dataclass(frozen=True)
class PartiesPage:
    """Context of `externe-stellen.md`."""

    parties: tuple[PartyView, ...]
    contacts: Link | None
    escalation: Link


def _names(scenario: Scenario, party_id: str) -> bool:
    """Tell whether a scenario involves the party in a step or an escalation."""
    return any(step.role == party_id for step in scenario.steps) or any(e.to == party_id for e in scenario.escalate)


def _runbooks_naming(planning: Planning, party_id: str) -> tuple[Link, ...]:
    """Return links to the emergencies (legal.yml) that alert the party or give it a step."""
    legal = planning.guideline.one_of(DataKind.LEGAL)
    runbooks: tuple[Runbook, ...] = legal.model.runbooks if legal is not None else ()
    return tuple(
        planning.links.to(IdKind.LEGAL_TOPIC, runbook.id)
        for runbook in runbooks
        if party_id in runbook.alert or any(step.role == party_id for step in runbook.steps)
    )


def _party_view(party: Party, planning: Planning) -> PartyView:
    links: Links = planning.links
    scenarios = tuple(parsed.model for parsed in planning.guideline.scenarios)
    levels = planning.guideline.escalation.model.levels
    return PartyView(
        id=party.id,
        name=party.name,
        phone=party.phone,
        availability=party.availability,
        email=Link(party.email.removeprefix("mailto:"), party.email) if party.email else None,
        web=Link(party.web.split("://", 1)[-1], party.web) if party.web else None,  # readable, copyable
        kind=party.kind.label,
        involve_when=party.involve_when,
        keeper=links.to(IdKind.ROLE, party.keeper),
        involved_in=(*(links.to(IdKind.SCENARIO, s.id) for s in scenarios if _names(s, party.id)),
                     *_runbooks_naming(planning, party.id)),
        levels=tuple(
            links.to(IdKind.ESCALATION_LEVEL, level.id)
            for level in levels
            if party.id in level.informed or any(alert.role == party.id for alert in level.alerts)
        ),
    )


def parties_context(parties: PartiesFile, planning: Planning) -> PartiesPage:
    """Build the page: every party in the order of parties.yml, each under its id's anchor."""
    has_contacts = planning.guideline.one_of(DataKind.CONTACTS) is not None
    return PartiesPage(
        parties=tuple(_party_view(party, planning) for party in parties.parties),
        contacts=CONTACTS_LINK if has_contacts else None,
        escalation=Link("Eskalationsstufen", urls.ESCALATION_PAGE),
    )


def plan_parties(planning: Planning) -> tuple[PlannedPage, ...]:
    """Plan the page of external parties, if the guideline has parties.yml."""
    parsed = planning.guideline.one_of(DataKind.PARTIES)
    if parsed is None:
        return ()
    return (PlannedPage(urls.PARTIES_PAGE, "Externe Stellen", "parties.md.j2",
                        parties_context(parsed.model, planning), parsed.source_map.path),)
