"""Page context of the start page: the questions people come with, the tone at a glance, whom to ask."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..model.ids import IdKind
from ..model.layout import DataKind
from ..model.phone import PhoneNumber
from . import links as urls
from .crisis import crisis_link
from .legal import ReleaseView, release_view, runbook_links
from .links import Link, Links
from .onboarding import ONBOARDING_PAGE
from .page import PlannedPage, Planning
from .reach import CONTACTS_LINK
from .replycheck import reply_check_link
from .scenarios import response_phrase
from .summary import BadgedScenario, SevereScenarios, badged_scenarios, severe_scenarios

if TYPE_CHECKING:
    from ..parse.corpus import Guideline


@dataclass(frozen=True)
class ContactView:
    """Who answers questions about the guideline."""

    name: str
    email: Link | None
    phone: PhoneNumber | None
    chat: str | None


@dataclass(frozen=True)
class RuleGlance:
    """A tone rule at a glance: its title links to its section."""

    rule: Link
    summary: str


@dataclass(frozen=True)
class StartPage:
    """Context of `index.md`; its heading is the guideline's title, its page title is "Start"."""

    guideline_title: str
    organisation: str
    employees: Link | None  # the chapter for every employee, if the guideline has one
    summary: str
    audience: str
    reach: Link | None
    quick_links: tuple[BadgedScenario, ...]  # every scenario, the most severe first, with its level badge
    emergencies: tuple[Link, ...]
    scenarios: Link
    tone_rules: tuple[RuleGlance, ...]
    sections: tuple[Link, ...]
    team_principles: tuple[str, ...]
    max_first_response: str
    review_interval: str
    release: ReleaseView | None
    contact: ContactView
    contributing: Link
    crisis: Link | None = None  # the crisis playbook, shown first, if the guideline has one
    crisis_card: Link | None = None  # the one-page crisis card to print
    parties: Link | None = None  # the external parties with their numbers, if the guideline has parties.yml
    severe: SevereScenarios | None = None  # "Krise? Hier zuerst": the playbook and the highest-level scenarios
    reply_check: Link | None = None  # "Antwort prüfen", under the tone rules at a glance


def contact_view(guideline: Guideline) -> ContactView:
    """Return who answers questions about the guideline, as organisation.yml names them."""
    contact = guideline.organisation.model.contact
    email = Link(contact.email.removeprefix("mailto:"), contact.email) if contact.email else None
    return ContactView(name=contact.name, email=email, phone=contact.phone, chat=contact.chat)


def _legal_section(guideline: Guideline) -> tuple[Link, ...]:
    return (Link("Recht und Mitbestimmung", urls.LEGAL_PAGE),) if guideline.one_of(DataKind.LEGAL) else ()


def _statements_section(guideline: Guideline) -> tuple[Link, ...]:
    return (Link("Pflichttexte", urls.STATEMENTS_PAGE),) if guideline.all_of(DataKind.STATEMENT) else ()


def _onboarding_section(guideline: Guideline) -> tuple[Link, ...]:
    return (Link("Neu hier? Onboarding und Einarbeitung", ONBOARDING_PAGE),) if guideline.one_of(DataKind.ONBOARDING) \
        else ()


def _employees(guideline: Guideline) -> Link | None:
    chapter = guideline.one_of(DataKind.EMPLOYEES)
    return Link(chapter.model.title, urls.EMPLOYEES_PAGE) if chapter else None


def start_context(guideline: Guideline, links: Links) -> StartPage:
    """Build the start page: the chapter for everyone and every scenario, the most severe first, then the rest."""
    organisation = guideline.organisation.model
    employees = _employees(guideline)
    return StartPage(
        guideline_title=organisation.guideline_title,
        organisation=organisation.name,
        employees=employees,
        summary=organisation.summary,
        audience=organisation.audience,
        reach=CONTACTS_LINK if guideline.one_of(DataKind.CONTACTS) is not None else None,
        quick_links=badged_scenarios(guideline),
        emergencies=runbook_links(guideline, links),
        scenarios=Link("Alle Szenarien nach Eskalationsstufe", urls.SCENARIOS_PAGE),
        tone_rules=tuple(RuleGlance(links.to(IdKind.TONE_RULE, r.id), r.rule) for r in guideline.tone.model.rules),
        sections=(
            *((employees,) if employees else ()), *_onboarding_section(guideline),
            Link("Tonalität", urls.TONE_PAGE), Link("Rollen und Zuständigkeiten", urls.ROLES_PAGE),
            Link("Kanäle", urls.CHANNELS_PAGE), Link("Eskalationsstufen", urls.ESCALATION_PAGE),
            Link("Schulungen", urls.CURRICULUM_PAGE), Link("Prozess", urls.PROCESS_PAGE),
            Link("Content-Strategie", urls.STRATEGY_PAGE), *_legal_section(guideline),
            *_statements_section(guideline),
        ),
        team_principles=organisation.team_principles,
        max_first_response=response_phrase(organisation.max_first_response),
        review_interval=organisation.review_interval.label,
        release=release_view(guideline, links),
        contact=contact_view(guideline),
        contributing=urls.CONTRIBUTING,
        parties=urls.PARTIES if guideline.one_of(DataKind.PARTIES) is not None else None,
    )


def plan_start(planning: Planning) -> tuple[PlannedPage, ...]:
    """Plan the start page."""
    guideline = planning.guideline
    crisis = crisis_link(planning)
    context = replace(start_context(guideline, planning.links), crisis=crisis, crisis_card=urls.CRISIS_CARD,
                      severe=severe_scenarios(guideline, crisis), reply_check=reply_check_link())
    return (PlannedPage(urls.START_PAGE, "Start", "start.md.j2", context, guideline.source_of(guideline.organisation)),)
