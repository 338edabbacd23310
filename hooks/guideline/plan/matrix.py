"""The role matrix as readers see it: who does which task on which channel (R, A, C, I)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.channels import Channel
from ..model.ids import IdKind
from ..model.matrix import Assignment, MatrixFile
from ..model.roles import Role
from .links import Link, Links, anchor_of, matrix_anchor

NO_PART = "–"


@dataclass(frozen=True)
class MatrixRow:
    """One task on one channel: who does it (R), approves (A), is consulted (C) and informed (I)."""

    channel: Link
    task: Link
    responsible: Link
    approves: Link | None
    consulted: tuple[Link, ...]
    informed: tuple[Link, ...]
    rhythm: str


@dataclass(frozen=True)
class ChannelMatrix:
    """The matrix rows of one channel, under an anchor of the roles page."""

    channel: Link
    anchor: str
    rows: tuple[MatrixRow, ...]
    broadcast: str | None  # "nur senden (keine Kommentare)" on a channel where we only send


@dataclass(frozen=True)
class OverviewRow:
    """One role's letters per channel, in the order of the overview's columns."""

    role: Link
    cells: tuple[str, ...]


@dataclass(frozen=True)
class MatrixOverview:
    """The compact table roles × channels."""

    channels: tuple[Link, ...]
    rows: tuple[OverviewRow, ...]


@dataclass(frozen=True)
class RoleAssignment:
    """A task on a channel in which one role takes part, with its letters."""

    channel: Link
    task: Link
    letters: str
    rhythm: str
    broadcast: str | None  # "nur senden (keine Kommentare)" on a channel where we only send


def broadcast_label(channel: Channel | None) -> str | None:
    """Return how pages say that we only send on a channel, or None for a dialog channel."""
    return channel.interaction.label if channel is not None and channel.broadcast else None


@dataclass(frozen=True)
class TaskView:
    """A task of the matrix as the roles page explains it, under its own anchor."""

    anchor: str
    label: str
    description: str


def task_views(matrix: MatrixFile) -> tuple[TaskView, ...]:
    """Return the matrix's tasks in their declared order (the defaults if matrix.yml lists none)."""
    return tuple(
        TaskView(anchor_of(IdKind.TASK, task.id), task.label, task.description)
        for task in matrix.tasks
    )


def role_letters(assignment: Assignment, role_id: str) -> tuple[str, ...]:
    """Return the parts (R, A, C, I) a role has in an assignment."""
    parts = (
        ("R", assignment.responsible == role_id),
        ("A", assignment.approves == role_id),
        ("C", role_id in assignment.consulted),
        ("I", role_id in assignment.informed),
    )
    return tuple(letter for letter, present in parts if present)


def _ordered(matrix: MatrixFile, channels: tuple[Channel, ...]) -> tuple[Assignment, ...]:
    """Return the assignments in the order of channels.yml, and within a channel in the order of the tasks."""
    channel_order = {channel.id: index for index, channel in enumerate(channels)}
    task_order = {task.id: index for index, task in enumerate(matrix.tasks)}
    return tuple(sorted(matrix.assignments, key=lambda a: (
        channel_order.get(a.channel, len(channel_order)), task_order.get(a.task, len(task_order)))))


def matrix_row(assignment: Assignment, links: Links) -> MatrixRow:
    """Resolve one assignment's roles to links."""
    return MatrixRow(
        channel=links.to(IdKind.CHANNEL, assignment.channel),
        task=links.to(IdKind.TASK, assignment.task),
        responsible=links.to(IdKind.ROLE, assignment.responsible),
        approves=links.to(IdKind.ROLE, assignment.approves) if assignment.approves else None,
        consulted=tuple(links.to(IdKind.ROLE, role_id) for role_id in assignment.consulted),
        informed=tuple(links.to(IdKind.ROLE, role_id) for role_id in assignment.informed),
        rhythm=assignment.rhythm,
    )


def channel_rows(
    channel_id: str, matrix: MatrixFile, channels: tuple[Channel, ...], links: Links
) -> tuple[MatrixRow, ...]:
    """Return one channel's matrix rows in task order."""
    return tuple(matrix_row(a, links) for a in _ordered(matrix, channels) if a.channel == channel_id)


def channel_matrices(matrix: MatrixFile, channels: tuple[Channel, ...], links: Links) -> tuple[ChannelMatrix, ...]:
    """Return a table per channel that has assignments, in the order of channels.yml."""
    tables = (
        ChannelMatrix(
            channel=links.to(IdKind.CHANNEL, channel.id),
            anchor=matrix_anchor(channel.id),
            rows=channel_rows(channel.id, matrix, channels, links),
            broadcast=broadcast_label(channel),
        )
        for channel in channels
    )
    return tuple(table for table in tables if table.rows)


def matrix_overview(
    assignments: tuple[Assignment, ...], channels: tuple[Channel, ...], roles: tuple[Role, ...], links: Links
) -> MatrixOverview:
    """Return the compact roles × channels table; a cell lists a role's letters over all tasks."""
    rows = []
    for role in roles:
        cells = tuple(_overview_cell(assignments, channel.id, role.id) for channel in channels)
        rows.append(OverviewRow(role=links.to(IdKind.ROLE, role.id), cells=cells))
    return MatrixOverview(channels=tuple(links.matrix(channel.id) for channel in channels), rows=tuple(rows))


def _overview_cell(assignments: tuple[Assignment, ...], channel_id: str, role_id: str) -> str:
    letters = {
        letter for a in assignments if a.channel == channel_id for letter in role_letters(a, role_id)
    }
    return ", ".join(letter for letter in "RACI" if letter in letters) or NO_PART


def role_assignments(
    role_id: str, matrix: MatrixFile, channels: tuple[Channel, ...], links: Links
) -> tuple[RoleAssignment, ...]:
    """Return every task in which a role takes part, in channel and task order."""
    by_id = {channel.id: channel for channel in channels}
    return tuple(
        RoleAssignment(
            channel=links.to(IdKind.CHANNEL, a.channel),
            task=links.to(IdKind.TASK, a.task),
            letters=", ".join(role_letters(a, role_id)),
            rhythm=a.rhythm,
            broadcast=broadcast_label(by_id.get(a.channel)),
        )
        for a in _ordered(matrix, channels)
        if role_letters(a, role_id)
    )
