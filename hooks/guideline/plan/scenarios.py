"""Page contexts for scenarios and escalation levels: what to do, when, and who decides."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING

from ..model.contacts import ContactsFile
from ..model.duration import Duration
from ..model.escalation import EscalationLevel
from ..model.ids import IdKind
from ..model.layout import DataKind
from ..model.parties import Party
from ..model.scenarios import ReplyTemplate, Scenario
from ..replycheck.templates import template_ids
from . import links as urls
from .crisis import crisis_link
from .flowchart import ChartFigure, scenario_figure
from .links import ESCALATION_PAGE, Link, Links, page_of, reading_key
from .page import Deferred, Inputs, PlannedPage, Planning
from .reach import (
    NO_PARTIES,
    AlertRow,
    ScenarioReach,
    alert_rows,
    contacts_of,
    level_thresholds,
    parties_of,
    scenario_reach,
)
from .replycheck import template_check_links
from .search import SCENARIO_BOOST, PageSearch, page_search
from .summary import LevelBadge, ScenarioSummary, SevereScenarios, level_badges, scenario_summary, severe_scenarios

if TYPE_CHECKING:
    from ..load.source import DataPath
    from ..parse.corpus import Guideline
    from ..parse.file import ParsedFile


@dataclass(frozen=True)
class StepView:
    """One numbered step: who does what, by when."""

    number: int
    role: Link
    action: str
    deadline: str | None


@dataclass(frozen=True)
class EscalationView:
    """When to escalate, to whom, and which level then applies."""

    when: str
    to: Link
    level: Link


@dataclass(frozen=True)
class StatementNotice:
    """A statement as a scenario page names it, compactly: what, how strictly, by when, where."""

    statement: Link
    verbatim: bool
    deadline: str
    channels: str  # "auf allen Kanälen", "auf Facebook und X" or "auf 4 Kanälen"


@dataclass(frozen=True)
class ScenarioPage:
    """Context of `szenarien/<id>.md`."""

    question: str
    trigger: str
    level: Link
    first_response: str
    owner: Link
    channels: tuple[Link, ...]
    steps: tuple[StepView, ...]
    escalations: tuple[EscalationView, ...]
    reply_templates: tuple[ReplyTemplate, ...]
    donts: tuple[str, ...]
    tone_rules: tuple[Link, ...]
    training: tuple[Link, ...]
    index: Link
    reach: ScenarioReach | None = None
    statements: tuple[StatementNotice, ...] = ()
    summary: ScenarioSummary | None = None  # the phone's first screen: level, deadline, whom to call, first step
    chart: ChartFigure | None = None  # "Ablauf auf einen Blick": steps and escalation as a flowchart
    template_checks: tuple[Link, ...] = ()  # "Vorlage prüfen": one link per reply template, in their order


@dataclass(frozen=True)
class ScenarioRow:
    """One line of the scenario index: the question links to the scenario."""

    scenario: Link
    first_response: str
    owner: Link


@dataclass(frozen=True)
class ScenarioGroup:
    """The scenarios that start at one escalation level (anchored by the level's id)."""

    id: str
    level: Link
    rows: tuple[ScenarioRow, ...]
    badge: LevelBadge | None = None


@dataclass(frozen=True)
class ScenarioIndexPage:
    """Context of `szenarien/index.md`: scenarios grouped by the level they start at, the most severe first."""

    groups: tuple[ScenarioGroup, ...]
    escalation: Link
    crisis: Link | None = None  # the crisis playbook, the place to go first, if the guideline has one
    statements: Link | None = None  # the texts with a required wording, if the guideline has any
    severe: SevereScenarios | None = None  # "Krise? Hier zuerst": the playbook and the highest-level scenarios


@dataclass(frozen=True)
class LevelView:
    """One escalation level with the scenarios that start at it or escalate to it."""

    id: str
    title: str
    description: str
    max_first_response: str
    pause_scheduled_posts: bool
    decides: Link
    informed: tuple[Link, ...]
    starts: tuple[Link, ...]
    escalated_to: tuple[Link, ...]
    thresholds: tuple[str, ...] = ()
    alerted_by: Link | None = None
    alerts: tuple[AlertRow, ...] = ()


@dataclass(frozen=True)
class EscalationPage:
    """Context of `szenarien/eskalation.md`: one section per level, anchored by its id."""

    max_first_response: str
    levels: tuple[LevelView, ...]
    index: Link


def response_phrase(duration: Duration) -> str:
    """Say when the first reaction is due, e.g. "spätestens 2 Tage nach Eingang" or "sofort"."""
    return "sofort" if duration.minutes == 0 else f"spätestens {duration.label} nach Eingang"


def question_link(scenario: Scenario) -> Link:
    """Return a link to a scenario labelled with its question, as readers search for it."""
    return Link(scenario.question, page_of(IdKind.SCENARIO, scenario.id))


def by_question(scenarios: tuple[Scenario, ...]) -> tuple[Scenario, ...]:
    """Sort scenarios by their question, as readers scan them."""
    return tuple(sorted(scenarios, key=lambda s: (reading_key(s.question), s.id)))


def scenario_context(scenario: Scenario, links: Links, index: Link, reach: ScenarioReach | None = None) -> ScenarioPage:
    """Build the context of one scenario's page."""
    return ScenarioPage(
        question=scenario.question,
        trigger=scenario.trigger,
        level=links.to(IdKind.ESCALATION_LEVEL, scenario.escalation_level),
        first_response=response_phrase(scenario.first_response),
        owner=links.to(IdKind.ROLE, scenario.owner),
        channels=tuple(links.to(IdKind.CHANNEL, c) for c in scenario.channels),
        steps=tuple(
            StepView(number, links.actor(s.role), s.action, s.deadline.label if s.deadline else None)
            for number, s in enumerate(scenario.steps, start=1)
        ),
        escalations=tuple(EscalationView(e.when, links.actor(e.to), links.to(IdKind.ESCALATION_LEVEL, e.level)) for e in scenario.escalate),
        reply_templates=scenario.reply_templates,
        donts=scenario.donts,
        tone_rules=tuple(links.to(IdKind.TONE_RULE, r) for r in scenario.tone_rules),
        training=tuple(links.to(IdKind.TRAINING, m) for m in scenario.training),
        index=index,
        reach=reach,
    )


def scenario_search(scenario: Scenario) -> PageSearch | None:
    """Find a scenario by its keywords (and their compounds' parts), ahead of pages that only mention its topic."""
    texts = (scenario.title, scenario.question, scenario.trigger, *(s.action for s in scenario.steps), *scenario.donts)
    return page_search(scenario.keywords, texts, SCENARIO_BOOST)


def statement_notices(statement_ids: tuple[str, ...], guideline: Guideline, links: Links) -> tuple[
        StatementNotice, ...]:
    """Return the statements a scenario names, in its order, as its page shows them near the top."""
    by_id = {parsed.model.id: parsed.model for parsed in guideline.all_of(DataKind.STATEMENT)}
    return tuple(
        StatementNotice(Link(statement.title, page_of(IdKind.STATEMENT, statement.id)), statement.verbatim,
                        statement.deadline.phrase, _where(statement.all_channels, statement.channels, links))
        for statement in (by_id[i] for i in statement_ids if i in by_id)
    )


def _where(all_channels: bool, channels: tuple[str, ...], links: Links) -> str:
    """Say compactly where a statement goes: "auf allen Kanälen", "auf Facebook und X" or "auf 4 Kanälen"."""
    if all_channels:
        return "auf allen Kanälen"
    if len(channels) > 2:
        return f"auf {len(channels)} Kanälen"
    return "auf " + " und ".join(links.to(IdKind.CHANNEL, c).label for c in channels)


def scenario_index_context(
    scenarios: tuple[Scenario, ...], levels: tuple[EscalationLevel, ...], links: Links
) -> ScenarioIndexPage:
    """Group the scenarios by starting level (the most severe first), each group sorted by question."""
    groups = []
    badges = level_badges(levels)
    for level in reversed(levels):
        members = by_question(tuple(s for s in scenarios if s.escalation_level == level.id))
        rows = tuple(ScenarioRow(question_link(s), s.first_response.label, links.to(IdKind.ROLE, s.owner)) for s in members)
        if rows:
            groups.append(ScenarioGroup(id=level.id, level=links.to(IdKind.ESCALATION_LEVEL, level.id), rows=rows,
                                        badge=badges[level.id]))
    return ScenarioIndexPage(groups=tuple(groups), escalation=Link("Eskalationsstufen", ESCALATION_PAGE))


def escalation_context(
    levels: tuple[EscalationLevel, ...], scenarios: tuple[Scenario, ...], max_first_response: str, links: Links,
    index: Link, contacts: ContactsFile | None = None, parties: Mapping[str, Party] = NO_PARTIES,
) -> EscalationPage:
    """Build the escalation page: every level with who decides and which scenarios lead there."""
    ordered = by_question(scenarios)  # once, not once per level
    return EscalationPage(
        max_first_response=max_first_response,
        levels=tuple(_level_view(level, ordered, links, contacts, parties) for level in levels),
        index=index,
    )


def _level_view(level: EscalationLevel, scenarios: tuple[Scenario, ...], links: Links,
                contacts: ContactsFile | None = None, parties: Mapping[str, Party] = NO_PARTIES) -> LevelView:
    return LevelView(
        id=level.id,
        title=level.title,
        description=level.description,
        max_first_response=response_phrase(level.max_first_response),
        pause_scheduled_posts=level.pause_scheduled_posts,
        decides=links.to(IdKind.ROLE, level.decides),
        informed=tuple(links.actor(r) for r in level.informed),
        starts=tuple(question_link(s) for s in scenarios if s.escalation_level == level.id),
        escalated_to=tuple(question_link(s) for s in scenarios if any(e.level == level.id for e in s.escalate)),
        thresholds=level_thresholds(level),
        alerted_by=links.to(IdKind.ROLE, level.alerted_by) if level.alerted_by else None,
        alerts=alert_rows(level, contacts, links, parties),
    )


def _statements_link(guideline: Guideline) -> Link | None:
    return Link("Pflichttexte", urls.STATEMENTS_PAGE) if guideline.all_of(DataKind.STATEMENT) else None


def plan_scenarios(planning: Planning) -> tuple[PlannedPage, ...]:
    """Plan the scenario index, the escalation levels and one page per scenario."""
    guideline, links = planning.guideline, planning.links
    scenarios = tuple(parsed.model for parsed in guideline.scenarios)
    levels = guideline.escalation.model.levels
    index = Link("Alle Szenarien", urls.SCENARIOS_PAGE)
    escalation_source = guideline.source_of(guideline.escalation)
    max_response = response_phrase(guideline.organisation.model.max_first_response)
    crisis = crisis_link(planning)
    ids = _ids_by_file(template_ids(guideline))
    # A scenario page reads its own scenario and the rest of the guideline, never another scenario: so the
    # preview can tell by these inputs, without making it, that a page is the same as in the last build.
    rest = guideline.replaced(DataKind.SCENARIO, ())
    shared = Inputs(same=rest.files(), equal=(links.fingerprint(), index))
    return (
        PlannedPage(urls.SCENARIOS_PAGE, "Szenarien: Was tun, wenn …?", "scenario_index.md.j2",
                    replace(scenario_index_context(scenarios, levels, links), crisis=crisis,
                            statements=_statements_link(guideline),
                            severe=severe_scenarios(guideline, crisis)),
                    escalation_source),
        PlannedPage(urls.ESCALATION_PAGE, "Eskalationsstufen", "escalation.md.j2",
                    escalation_context(levels, scenarios, max_response, links, index, contacts_of(guideline),
                                       parties_of(guideline)),
                    escalation_source),
        *(
            PlannedPage(page_of(IdKind.SCENARIO, parsed.model.id), parsed.model.title, "scenario.md.j2",
                        _deferred_page(parsed, rest, links, index, ids.get(str(guideline.source_of(parsed)), {}),
                                       shared),
                        guideline.source_of(parsed),
                        scenario_search(parsed.model),
                        trail=(urls.START, Link("Szenarien", urls.SCENARIOS_PAGE)))
            for parsed in guideline.scenarios
        ),
    )


def _ids_by_file(ids: Mapping[tuple[str, DataPath], str]) -> dict[str, dict[tuple[str, DataPath], str]]:
    by_file: dict[str, dict[tuple[str, DataPath], str]] = {}
    for key, template_id in ids.items():
        by_file.setdefault(key[0], {})[key] = template_id
    return by_file


def _deferred_page(parsed: ParsedFile[Scenario], rest: Guideline, links: Links, index: Link,
                   ids: Mapping[tuple[str, DataPath], str], shared: Inputs) -> Deferred:
    """Return a scenario page's context, made when needed, keyed by all it reads (`shared`: all but the scenario)."""
    return Deferred(partial(_scenario_page, parsed, rest, links, index, ids),
                    Inputs(same=(parsed,), equal=(shared, tuple(ids.items()))))


def _scenario_page(parsed: ParsedFile[Scenario], guideline: Guideline, links: Links, index: Link,
                   ids: Mapping[tuple[str, DataPath], str]) -> ScenarioPage:
    scenario = parsed.model
    reach = scenario_reach(scenario.escalation_level, guideline, links)
    page = scenario_context(scenario, links, index, reach)
    badges = level_badges(guideline.escalation.model.levels)
    checks = template_check_links(ids, parsed, ("reply_templates",), tuple(t.title for t in scenario.reply_templates))
    return replace(page, statements=statement_notices(scenario.statements, guideline, links),
                   summary=scenario_summary(scenario, guideline, links, page.first_response, reach),
                   chart=scenario_figure(scenario, links, badges), template_checks=checks)
