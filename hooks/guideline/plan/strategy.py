"""Page context of the content strategy: sources, platform content and core messages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model.ids import IdKind
from ..model.strategy import ContentOrigin, ContentSource, CoreMessage
from . import links as urls
from .links import Link, Links
from .page import PlannedPage, Planning

if TYPE_CHECKING:
    from ..parse.corpus import Guideline


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
    practice: str | None


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


def plan_strategy(planning: Planning) -> tuple[PlannedPage, ...]:
    """Plan the page of the content strategy."""
    guideline = planning.guideline
    context = strategy_context(guideline, planning.links)
    source = guideline.source_of(guideline.strategy)
    return (PlannedPage(urls.STRATEGY_PAGE, "Content-Strategie", "strategy.md.j2", context, source),)
