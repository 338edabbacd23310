"""Page context of the legal page: emergency runbooks first, then each legal topic; and the guideline's release."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..model.ids import IdKind
from ..model.layout import DataKind
from ..model.legal import LegalFile, LegalTopic, Runbook
from ..model.scenarios import ReplyTemplate
from ..replycheck.templates import template_ids
from . import links as urls
from .links import Link, Links
from .page import PlannedPage, Planning
from .replycheck import template_check_links

if TYPE_CHECKING:
    from ..parse.corpus import Guideline

LEGAL_TITLE = "Recht und Mitbestimmung"

_MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember")


@dataclass(frozen=True)
class ReleaseView:
    """Which version of the guideline applies, since when, and who approved it."""

    version: str
    valid_from: str
    approved_by: tuple[Link, ...]


@dataclass(frozen=True)
class RunbookStepView:
    """One step of a runbook: who, what, by when."""

    number: int
    role: Link
    action: str
    deadline: str | None


@dataclass(frozen=True)
class RunbookView:
    """An emergency with its steps and whom to alert."""

    id: str
    title: str
    when: str
    responsible: Link
    alert: tuple[Link, ...]
    steps: tuple[RunbookStepView, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class RetentionView:
    """What we keep, how long, where, and who deletes it."""

    what: str
    how_long: str
    where: str
    deletes: Link


@dataclass(frozen=True)
class TemplateView:
    """A template of a legal topic, with the channels it is meant for."""

    title: str
    text: str
    channels: tuple[Link, ...]
    check: Link | None = None  # "Vorlage prüfen": opens it in the reply checker


@dataclass(frozen=True)
class TopicView:
    """A legal topic: what applies, what we do, who is responsible, where it is written."""

    id: str
    title: str
    responsible: Link
    applies: str
    we_do: tuple[str, ...]
    sources: tuple[str, ...]
    retention: tuple[RetentionView, ...]
    templates: tuple[TemplateView, ...]


@dataclass(frozen=True)
class LegalPage:
    """Context of `recht.md`."""

    introduction: str
    release: ReleaseView | None
    emergencies: tuple[Link, ...]
    runbooks: tuple[RunbookView, ...]
    topics: tuple[TopicView, ...]


def german_date(day: datetime.date) -> str:
    """Return a date as German readers write it, e.g. '1. September 2026'."""
    return f"{day.day}. {_MONTHS[day.month - 1]} {day.year}"


def release_view(guideline: Guideline, links: Links) -> ReleaseView | None:
    """Return the guideline's release as pages show it, if organisation.yml states one."""
    release = guideline.organisation.model.release
    if release is None:
        return None
    approvers = tuple(links.to(IdKind.ROLE, role) for role in release.approved_by)
    return ReleaseView(release.version, german_date(release.valid_from), approvers)


def _runbook_view(runbook: Runbook, links: Links) -> RunbookView:
    steps = tuple(
        RunbookStepView(number, links.actor(s.role), s.action, s.deadline.label if s.deadline else None)
        for number, s in enumerate(runbook.steps, start=1)
    )
    alert = tuple(links.actor(role) for role in runbook.alert)
    return RunbookView(runbook.id, runbook.title, runbook.when, links.to(IdKind.ROLE, runbook.responsible), alert,
                       steps, runbook.sources)


def _template_view(template: ReplyTemplate, links: Links) -> TemplateView:
    return TemplateView(template.title, template.text, tuple(links.to(IdKind.CHANNEL, c) for c in template.channels))


def _topic_view(topic: LegalTopic, links: Links, checks: tuple[Link, ...]) -> TopicView:
    retention = tuple(RetentionView(r.what, r.how_long, r.where, links.to(IdKind.ROLE, r.deletes))
                      for r in topic.retention)
    templates = tuple(replace(_template_view(t, links), check=check)
                      for t, check in zip(topic.templates, checks, strict=True))
    return TopicView(topic.id, topic.title, links.to(IdKind.ROLE, topic.responsible), topic.applies, topic.we_do,
                     topic.sources, retention, templates)


def runbook_links(guideline: Guideline, links: Links) -> tuple[Link, ...]:
    """Return a link to each emergency runbook, for the start page; none without legal.yml."""
    parsed = guideline.one_of(DataKind.LEGAL)
    if parsed is None:
        return ()
    return tuple(links.to(IdKind.LEGAL_TOPIC, runbook.id) for runbook in parsed.model.runbooks)


def plan_legal(planning: Planning) -> tuple[PlannedPage, ...]:
    """Plan the legal page, if the guideline has a legal.yml."""
    parsed = planning.guideline.one_of(DataKind.LEGAL)
    if parsed is None:
        return ()
    model: LegalFile = parsed.model
    links = planning.links
    ids = template_ids(planning.guideline)
    context = LegalPage(
        introduction=model.introduction,
        release=release_view(planning.guideline, links),
        emergencies=runbook_links(planning.guideline, links),
        runbooks=tuple(_runbook_view(runbook, links) for runbook in model.runbooks),
        topics=tuple(_topic_view(topic, links, template_check_links(ids, parsed, ("topics", index, "templates"),
                                                                    tuple(t.title for t in topic.templates)))
                     for index, topic in enumerate(model.topics)),
    )
    return (PlannedPage(urls.LEGAL_PAGE, LEGAL_TITLE, "legal.md.j2", context, parsed.source_map.path),)
