"""Plan the site: which pages exist, at which URL, with which typed context.

Each page kind has a planner (a function of `Planning`) in the module of its concept, and the context
dataclass its template prints, with every reference already resolved to a Link, so templates do no
lookups of their own. `PLANNERS` is the registry, in the spirit of a linter's rule list: a new page
kind is one module and one line here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..diagnostics import DiagnosticCode
from ..model.changes import NO_HISTORY, DataHistory
from ..model.review import BuildDate
from . import (
    channels,
    contacts,
    crisis,
    crisis_card,
    employees,
    error_codes,
    legal,
    news,
    onboarding,
    parties,
    process,
    replycheck,
    review,
    roles,
    scenarios,
    start,
    statements,
    strategy,
    tone,
    training,
)
from .links import Link, resolve_links
from .page import PlannedPage, Planner, Planning

if TYPE_CHECKING:
    from ..parse.corpus import Guideline

__all__ = ["PLANNERS", "Link", "PlannedPage", "Planning", "plan_pages"]

PLANNERS: tuple[Planner, ...] = (
    start.plan_start,
    tone.plan_tone,
    channels.plan_channels,
    process.plan_process,
    strategy.plan_strategy,
    error_codes.plan_error_codes,
    roles.plan_roles,
    scenarios.plan_scenarios,
    crisis.plan_crisis,
    crisis_card.plan_crisis_card,
    training.plan_training,
    legal.plan_legal,
    employees.plan_employees,
    contacts.plan_contacts,
    statements.plan_statements,
    parties.plan_parties,
    review.plan_review,
    onboarding.plan_onboarding,
    replycheck.plan_reply_check,
)
"""Every page planner of the site; the order does not matter, pages are sorted by URL."""


def plan_pages(
    guideline: Guideline, codes: tuple[DiagnosticCode, ...], today: BuildDate | None = None,
    history: DataHistory = NO_HISTORY,
) -> tuple[PlannedPage, ...]:
    """Plan every generated page of the guideline, sorted by URL; `codes` feeds the error code page.

    `today` is the build's date from git, which review dates are compared with; `history` the data's commits,
    for each page's last change and the page "Was ist neu?".
    """
    planning = Planning(guideline, resolve_links(guideline), codes, today, history)
    planned = tuple(page for planner in PLANNERS for page in planner(planning))
    pages = (*planned, *news.plan_news(planning, planned))
    return review.stamp_pages(planning, tuple(sorted(pages, key=lambda page: page.src_uri)))
