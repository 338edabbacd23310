"""Plan the site: which pages exist, at which URL, with which typed context.

Each page kind has a context dataclass that holds everything its template prints, with every
reference already resolved to a Link, so templates do no lookups of their own. Contexts of the
richer page kinds live with their concept: role_pages, scenario_pages, training_pages,
channel_pages, and overview_pages for the other one-of-a-kind pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from ..diagnostics import DiagnosticCode
from . import links as urls
from .channels import channels_context
from .curriculum import curriculum_order
from .links import Link, Links, resolve_links
from .overview import error_codes_context, process_context, start_context, strategy_context, tone_context
from .roles import role_context, role_matrix_context
from .scenarios import escalation_context, response_phrase, scenario_context, scenario_index_context
from .training import curriculum_context, training_context

if TYPE_CHECKING:
    from ..parse.corpus import Guideline

__all__ = ["Link", "PlannedPage", "plan_pages"]

CODES_SOURCE = PurePosixPath("hooks/guideline/codes.py")
"""Where the catalogue of diagnostic codes is maintained: the edit link of the error code page."""


@dataclass(frozen=True)
class PlannedPage:
    """One page to render: where it goes, its template, its context and its source file."""

    src_uri: str
    title: str
    template: str
    context: Any  # one of the *Page dataclasses of the *_pages modules
    edit_path: PurePosixPath


def plan_pages(guideline: Guideline, codes: tuple[DiagnosticCode, ...]) -> tuple[PlannedPage, ...]:
    """Plan every generated page of the guideline, sorted by URL; `codes` feeds the error code page."""
    links = resolve_links(guideline)
    pages = (
        *_overview_pages(guideline, links, codes),
        *_role_pages(guideline, links),
        *_scenario_pages(guideline, links),
        *_training_pages(guideline, links),
    )
    return tuple(sorted(pages, key=lambda page: page.src_uri))


def _overview_pages(guideline: Guideline, links: Links, codes: tuple[DiagnosticCode, ...]) -> tuple[PlannedPage, ...]:
    organisation = guideline.organisation
    return (
        PlannedPage(urls.START_PAGE, "Start", "start.md.j2",
                    start_context(guideline, links), guideline.source_of(organisation)),
        PlannedPage(urls.TONE_PAGE, "Tonalität", "tone.md.j2", tone_context(guideline, links),
                    guideline.source_of(guideline.tone)),
        PlannedPage(urls.CHANNELS_PAGE, "Kanäle", "channels.md.j2", channels_context(guideline, links),
                    guideline.source_of(guideline.channels)),
        PlannedPage(urls.PROCESS_PAGE, "Prozess", "process.md.j2", process_context(guideline, links),
                    guideline.source_of(guideline.process)),
        PlannedPage(urls.STRATEGY_PAGE, "Content-Strategie", "strategy.md.j2", strategy_context(guideline, links),
                    guideline.source_of(guideline.strategy)),
        PlannedPage(urls.ERROR_CODES_PAGE, "Fehlercodes", "error_codes.md.j2", error_codes_context(codes),
                    CODES_SOURCE),
    )


def _role_pages(guideline: Guideline, links: Links) -> tuple[PlannedPage, ...]:
    source = guideline.source_of(guideline.roles)
    matrix = Link("Rollen und Zuständigkeiten", urls.ROLES_PAGE)
    roles = tuple(
        PlannedPage(urls.role_page(role.id), role.title, "role.md.j2", role_context(role, guideline, links, matrix),
                    source)
        for role in guideline.roles.model.roles
    )
    index = PlannedPage(urls.ROLES_PAGE, matrix.label, "role_matrix.md.j2", role_matrix_context(guideline, links),
                        guideline.source_of(guideline.matrix))
    return (index, *roles)


def _scenario_pages(guideline: Guideline, links: Links) -> tuple[PlannedPage, ...]:
    scenarios = tuple(parsed.model for parsed in guideline.scenarios)
    levels = guideline.escalation.model.levels
    index = Link("Alle Szenarien", urls.SCENARIOS_PAGE)
    escalation_source = guideline.source_of(guideline.escalation)
    max_response = response_phrase(guideline.organisation.model.max_first_response)
    return (
        PlannedPage(urls.SCENARIOS_PAGE, "Szenarien: Was tun, wenn …?", "scenario_index.md.j2",
                    scenario_index_context(scenarios, levels, links), escalation_source),
        PlannedPage(urls.ESCALATION_PAGE, "Eskalationsstufen", "escalation.md.j2",
                    escalation_context(levels, scenarios, max_response, links, index), escalation_source),
        *(
            PlannedPage(urls.scenario_page(parsed.model.id), parsed.model.title, "scenario.md.j2",
                        scenario_context(parsed.model, links, index), guideline.source_of(parsed))
            for parsed in guideline.scenarios
        ),
    )


def _training_pages(guideline: Guideline, links: Links) -> tuple[PlannedPage, ...]:
    modules = tuple(parsed.model for parsed in guideline.training)
    roles = guideline.roles.model.roles
    scenarios = tuple(parsed.model for parsed in guideline.scenarios)
    curriculum = curriculum_context(modules, links)
    ordered = curriculum_order(modules)
    index = Link("Alle Schulungen", urls.CURRICULUM_PAGE)
    first = curriculum.rows[0].module.target if curriculum.rows else None
    index_source = next(
        (guideline.source_of(p) for p in guideline.training if urls.training_page(p.model.id) == first),
        guideline.source_of(guideline.roles),
    )
    return (
        PlannedPage(urls.CURRICULUM_PAGE, "Schulungen", "curriculum.md.j2", curriculum, index_source),
        *(
            PlannedPage(urls.training_page(parsed.model.id), parsed.model.title, "training.md.j2",
                        training_context(parsed.model, ordered, roles, scenarios, links, index),
                        guideline.source_of(parsed))
            for parsed in guideline.training
        ),
    )
