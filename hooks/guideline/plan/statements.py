"""Page context of the statements: each wording ready to copy, with its deadline, channels and source."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model.ids import IdKind
from ..model.layout import DataKind
from ..model.statements import Statement, bracketed
from . import links as urls
from .legal import german_date
from .links import Link, Links
from .page import PlannedPage, Planning
from .scenarios import by_question, question_link

if TYPE_CHECKING:
    from ..parse.corpus import Guideline

@dataclass(frozen=True)
class StatementView:
    """One statement as its section shows it, anchored by its id."""

    id: str
    title: str
    verbatim: bool
    placeholders: tuple[str, ...]  # those that may be replaced, in brackets: "[Datum]"; none if verbatim
    deadline: str  # "spätestens 30 Minuten nach der Anordnung des Gesundheitsamts"
    purpose: str | None
    text: str
    all_channels: bool
    channels: tuple[Link, ...]  # every channel it goes to, resolved also for 'all_channels'
    published_by: Link
    changes_approved_by: Link
    source: str
    source_date: str
    scenarios: tuple[Link, ...]


@dataclass(frozen=True)
class StatementsPage:
    """Context of `pflichttexte.md`: one section per statement, sorted by title."""

    statements: tuple[StatementView, ...]
    scenarios: Link


def statement_views(guideline: Guideline, links: Links) -> tuple[StatementView, ...]:
    """Return every statement of the guideline as the statements page shows it, sorted by title."""
    statements = sorted((parsed.model for parsed in guideline.all_of(DataKind.STATEMENT)),
                        key=lambda s: (urls.reading_key(s.title), s.id))
    return tuple(_view(statement, guideline, links) for statement in statements)


def _channel_ids(statement: Statement, guideline: Guideline) -> tuple[str, ...]:
    return statement.channels_among(tuple(channel.id for channel in guideline.channels.model.channels))


def _view(statement: Statement, guideline: Guideline, links: Links) -> StatementView:
    scenarios = by_question(tuple(parsed.model for parsed in guideline.scenarios))
    return StatementView(
        id=statement.id, title=statement.title, verbatim=statement.verbatim,
        placeholders=() if statement.verbatim else tuple(map(bracketed, statement.placeholders)),
        deadline=statement.deadline.phrase, purpose=statement.purpose, text=statement.text,
        all_channels=statement.all_channels,
        channels=tuple(links.to(IdKind.CHANNEL, c) for c in _channel_ids(statement, guideline)),
        published_by=links.to(IdKind.ROLE, statement.published_by),
        changes_approved_by=links.to(IdKind.ROLE, statement.changes_approved_by),
        source=statement.source, source_date=german_date(statement.source_date),
        scenarios=tuple(question_link(s) for s in scenarios if statement.id in s.statements),
    )


def plan_statements(planning: Planning) -> tuple[PlannedPage, ...]:
    """Plan the page of the statements, if the guideline has any."""
    guideline = planning.guideline
    files = guideline.all_of(DataKind.STATEMENT)
    if not files:
        return ()
    context = StatementsPage(statement_views(guideline, planning.links),
                             Link("Alle Szenarien", urls.SCENARIOS_PAGE))
    return (PlannedPage(urls.STATEMENTS_PAGE, "Pflichttexte", "statements.md.j2", context,
                        guideline.source_of(files[0])),)
