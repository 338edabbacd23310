"""Page context of the channels page: one section per channel, with its legal box and matrix rows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model.channels import Channel
from ..model.ids import IdKind
from ..model.scenarios import Scenario
from . import links as urls
from .links import Link, Links
from .matrix import MatrixRow, broadcast_label, channel_rows
from .page import PlannedPage, Planning
from .scenarios import by_question, question_link

if TYPE_CHECKING:
    from ..parse.corpus import Guideline


@dataclass(frozen=True)
class LegalView:
    """A channel's legal and security facts."""

    imprint: str
    privacy: str
    joint_controller: str | None
    admins: tuple[Link, ...]
    two_factor: bool
    notes: tuple[str, ...]


@dataclass(frozen=True)
class ChannelReference:
    """How one channel points to another."""

    channel: Link
    how: str


@dataclass(frozen=True)
class ChannelView:
    """One channel's section on the channels page."""

    id: str
    name: str
    url: Link | None
    purpose: str
    audience: str
    content_types: tuple[str, ...]
    platform_content: tuple[str, ...]
    rhythm: str
    service_hours: str
    broadcast: str | None  # "nur senden (keine Kommentare)" on a channel where we only send
    max_length: int | None
    owner: Link
    deputy: Link
    links_to: tuple[ChannelReference, ...]
    legal: LegalView
    matrix_rows: tuple[MatrixRow, ...]
    matrix: Link
    scenarios: tuple[Link, ...]


@dataclass(frozen=True)
class ChannelsPage:
    """Context of `kanaele.md`."""

    channels: tuple[ChannelView, ...]


def _channel_view(channel: Channel, guideline: Guideline, links: Links, scenarios: tuple[Scenario, ...]) -> ChannelView:
    channels = guideline.channels.model.channels
    platform = guideline.strategy.model.platform_content
    legal = channel.legal
    return ChannelView(
        id=channel.id, name=channel.name, purpose=channel.purpose, audience=channel.audience,
        url=Link(channel.url, channel.url) if channel.url else None,
        content_types=channel.content_types,
        platform_content=tuple(line for p in platform if p.channel == channel.id for line in p.content),
        rhythm=channel.rhythm, service_hours=channel.service_hours,
        broadcast=broadcast_label(channel), max_length=channel.max_length,
        owner=links.to(IdKind.ROLE, channel.owner), deputy=links.to(IdKind.ROLE, channel.deputy),
        links_to=tuple(ChannelReference(links.to(IdKind.CHANNEL, ref.channel), ref.how) for ref in channel.links_to),
        legal=LegalView(legal.imprint, legal.privacy, legal.joint_controller,
                        tuple(links.to(IdKind.ROLE, r) for r in legal.admins), legal.two_factor, legal.notes),
        matrix_rows=channel_rows(channel.id, guideline.matrix.model, channels, links),
        matrix=links.matrix(channel.id),
        scenarios=tuple(question_link(s) for s in scenarios if channel.id in s.channels),
    )


def channels_context(guideline: Guideline, links: Links) -> ChannelsPage:
    """Build the channels page: one section per channel, anchored by its id."""
    scenarios = by_question(tuple(parsed.model for parsed in guideline.scenarios))  # once, not once per channel
    return ChannelsPage(channels=tuple(_channel_view(c, guideline, links, scenarios)
                                       for c in guideline.channels.model.channels))


def plan_channels(planning: Planning) -> tuple[PlannedPage, ...]:
    """Plan the page of the channels."""
    guideline = planning.guideline
    context = channels_context(guideline, planning.links)
    return (PlannedPage(urls.CHANNELS_PAGE, "Kanäle", "channels.md.j2", context, guideline.source_of(guideline.channels)),)
