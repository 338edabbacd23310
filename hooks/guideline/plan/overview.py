"""Page contexts of the one-of-a-kind pages: start, tone, process, strategy, error codes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from ..diagnostics import DiagnosticCode
from ..model.ids import IdKind
from ..model.models import ContentOrigin, ContentSource, CoreMessage, Example, Kpi
from . import links as urls
from .links import Link, Links
from .page import PlannedPage, Planning
from .scenarios import by_question, question_link, response_phrase

if TYPE_CHECKING:
    from ..parse.corpus import Guideline

CONTRIBUTING = Link("Mitmachen", urls.CONTRIBUTING_PAGE)


@dataclass(frozen=True)
class ContactView:
    """Who answers questions about the guideline."""

    name: str
    email: Link | None
    phone: str | None
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
    summary: str
    audience: str
    quick_links: tuple[Link, ...]
    scenarios: Link
    tone_rules: tuple[RuleGlance, ...]
    sections: tuple[Link, ...]
    team_principles: tuple[str, ...]
    max_first_response: str
    review_interval: str
    contact: ContactView
    contributing: Link


@dataclass(frozen=True)
class RuleView:
    """One tone rule with its examples and the scenarios where it matters most."""

    id: str
    title: str
    rule: str
    why: str
    examples: tuple[Example, ...]
    breach_phrases: tuple[str, ...]
    scenarios: tuple[Link, ...]


@dataclass(frozen=True)
class TonePage:
    """Context of `tonalitaet.md`."""

    rules: tuple[RuleView, ...]


@dataclass(frozen=True)
class PhaseView:
    """One process phase, anchored by its id."""

    id: str
    number: int
    title: str
    goal: str
    activities: tuple[str, ...]
    outputs: tuple[str, ...]
    roles: tuple[Link, ...]


@dataclass(frozen=True)
class KpiRow:
    """One KPI with the phase it belongs to."""

    phase: Link
    kpi: Kpi


@dataclass(frozen=True)
class ProcessPage:
    """Context of `prozess/index.md`."""

    introduction: str
    phases: tuple[PhaseView, ...]
    kpis: tuple[KpiRow, ...]
    strategy: Link


@dataclass(frozen=True)
class SourceView:
    """Where one kind of content comes from and what may come from there."""

    source: str
    department: Link | None
    content: str
    rework: str
    allowed_messages: tuple[str, ...]


@dataclass(frozen=True)
class SourceGroup:
    """Content sources of one origin: own or third-party."""

    origin: str
    sources: tuple[SourceView, ...]


@dataclass(frozen=True)
class PlatformView:
    """Which content one channel gets."""

    channel: Link
    content: tuple[str, ...]


@dataclass(frozen=True)
class StrategyPage:
    """Context of `prozess/strategie.md`."""

    direction: str
    core_messages: tuple[CoreMessage, ...]
    source_groups: tuple[SourceGroup, ...]
    platform_content: tuple[PlatformView, ...]
    linking: str
    practice: str


@dataclass(frozen=True)
class ErrorCodesPage:
    """Context of `mitmachen/fehlercodes.md`."""

    codes: tuple[DiagnosticCode, ...]
    contributing: Link


def _contact(guideline: Guideline) -> ContactView:
    contact = guideline.organisation.model.contact
    email = Link(contact.email.removeprefix("mailto:"), contact.email) if contact.email else None
    return ContactView(name=contact.name, email=email, phone=contact.phone, chat=contact.chat)


def start_context(guideline: Guideline, links: Links) -> StartPage:
    """Build the start page: quick links to every scenario first, then rules, team and contact."""
    organisation = guideline.organisation.model
    return StartPage(
        guideline_title=organisation.guideline_title,
        organisation=organisation.name,
        summary=organisation.summary,
        audience=organisation.audience,
        quick_links=tuple(question_link(s) for s in by_question(tuple(p.model for p in guideline.scenarios))),
        scenarios=Link("Alle Szenarien nach Eskalationsstufe", urls.SCENARIOS_PAGE),
        tone_rules=tuple(RuleGlance(links.to(IdKind.TONE_RULE, r.id), r.rule) for r in guideline.tone.model.rules),
        sections=(
            Link("Tonalität", urls.TONE_PAGE), Link("Rollen und Zuständigkeiten", urls.ROLES_PAGE),
            Link("Kanäle", urls.CHANNELS_PAGE), Link("Eskalationsstufen", urls.ESCALATION_PAGE),
            Link("Schulungen", urls.CURRICULUM_PAGE), Link("Prozess", urls.PROCESS_PAGE),
            Link("Content-Strategie", urls.STRATEGY_PAGE),
        ),
        team_principles=organisation.team_principles,
        max_first_response=response_phrase(organisation.max_first_response),
        review_interval=organisation.review_interval.label,
        contact=_contact(guideline),
        contributing=CONTRIBUTING,
    )


def tone_context(guideline: Guideline, links: Links) -> TonePage:
    """Build the tone page: one section per rule, anchored by its id."""
    scenarios = by_question(tuple(parsed.model for parsed in guideline.scenarios))
    return TonePage(
        rules=tuple(
            RuleView(
                id=rule.id, title=rule.title, rule=rule.rule, why=rule.why, examples=rule.examples,
                breach_phrases=rule.breach_phrases,
                scenarios=tuple(question_link(s) for s in scenarios if rule.id in s.tone_rules),
            )
            for rule in guideline.tone.model.rules
        )
    )


def process_context(guideline: Guideline, links: Links) -> ProcessPage:
    """Build the process page: the phases by number, then every KPI with its phase."""
    process = guideline.process.model
    phases = sorted(process.phases, key=lambda phase: phase.number)
    return ProcessPage(
        introduction=process.introduction,
        phases=tuple(
            PhaseView(p.id, p.number, p.title, p.goal, p.activities, p.outputs, tuple(links.to(IdKind.ROLE, r) for r in p.roles))
            for p in phases
        ),
        kpis=tuple(KpiRow(links.to(IdKind.PHASE, p.id), kpi) for p in phases for kpi in p.kpis),
        strategy=Link("Content-Strategie", urls.STRATEGY_PAGE),
    )


def _source_view(source: ContentSource, links: Links) -> SourceView:
    department = links.to(IdKind.DEPARTMENT, source.department) if source.department else None
    return SourceView(source.source, department, source.content, source.rework, source.allowed_messages)


def strategy_context(guideline: Guideline, links: Links) -> StrategyPage:
    """Build the content strategy page: own sources before third-party ones."""
    strategy = guideline.strategy.model
    groups = (
        SourceGroup(origin.label, tuple(_source_view(s, links) for s in strategy.sources if s.origin is origin))
        for origin in ContentOrigin
    )
    return StrategyPage(
        direction=strategy.direction,
        core_messages=strategy.core_messages,
        source_groups=tuple(group for group in groups if group.sources),
        platform_content=tuple(PlatformView(links.to(IdKind.CHANNEL, p.channel), p.content) for p in strategy.platform_content),
        linking=strategy.linking,
        practice=strategy.practice,
    )


def error_codes_context(codes: tuple[DiagnosticCode, ...]) -> ErrorCodesPage:
    """List every diagnostic code for contributors."""
    return ErrorCodesPage(codes=codes, contributing=CONTRIBUTING)


CODES_SOURCE = PurePosixPath("hooks/guideline/codes.py")
"""Where the catalogue of diagnostic codes is maintained: the edit link of the error code page."""


def plan_start(planning: Planning) -> tuple[PlannedPage, ...]:
    """Plan the start page."""
    guideline = planning.guideline
    context = start_context(guideline, planning.links)
    return (PlannedPage(urls.START_PAGE, "Start", "start.md.j2", context, guideline.source_of(guideline.organisation)),)


def plan_tone(planning: Planning) -> tuple[PlannedPage, ...]:
    """Plan the page of the tone rules."""
    guideline = planning.guideline
    context = tone_context(guideline, planning.links)
    return (PlannedPage(urls.TONE_PAGE, "Tonalität", "tone.md.j2", context, guideline.source_of(guideline.tone)),)


def plan_process(planning: Planning) -> tuple[PlannedPage, ...]:
    """Plan the page of the five-phase process."""
    guideline = planning.guideline
    context = process_context(guideline, planning.links)
    return (PlannedPage(urls.PROCESS_PAGE, "Prozess", "process.md.j2", context, guideline.source_of(guideline.process)),)


def plan_strategy(planning: Planning) -> tuple[PlannedPage, ...]:
    """Plan the page of the content strategy."""
    guideline = planning.guideline
    context = strategy_context(guideline, planning.links)
    source = guideline.source_of(guideline.strategy)
    return (PlannedPage(urls.STRATEGY_PAGE, "Content-Strategie", "strategy.md.j2", context, source),)


def plan_error_codes(planning: Planning) -> tuple[PlannedPage, ...]:
    """Plan the table of diagnostic codes for contributors."""
    context = error_codes_context(planning.codes)
    return (PlannedPage(urls.ERROR_CODES_PAGE, "Fehlercodes", "error_codes.md.j2", context, CODES_SOURCE),)
