"""Nobody answers on a channel where we only send (G370, G371): no replying in the role matrix, no reply template.

Which matrix tasks answer people is said in one place, `MatrixFile.answers_people` (matrix.yml's tasks).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic, DiagnosticCode, Severity
from ..model.matrix import MatrixFile
from ..parse.corpus import Guideline
from ..replycheck.templates import placed_templates
from .findings import finding_at, place_of

BROADCAST_TASK_CODE = "G370"
BROADCAST_TEMPLATE_CODE = "G371"

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode(BROADCAST_TASK_CODE, "Antworten auf einem Kanal ohne Kommentare",
                   "Auf einem Kanal mit 'interaction: broadcast' (channels.yml) senden wir nur: niemand kann dort "
                   "kommentieren, also antwortet dort auch niemand. matrix.yml weist auf dem Kanal aber eine Aufgabe "
                   "zu, die Leuten antwortet (Prüfung policies.no_replies_on_broadcast_channels).",
                   "Die Zuordnung in matrix.yml löschen, oder beim Kanal 'interaction: dialog' setzen, wenn Leute "
                   "dort doch kommentieren oder schreiben können."),
    DiagnosticCode(BROADCAST_TEMPLATE_CODE, "Antwortvorlage für einen Kanal ohne Kommentare",
                   "Eine Antwortvorlage (in einem Szenario oder in legal.yml) nennt unter 'channels:' einen Kanal, auf "
                   "dem wir nur senden ('interaction: broadcast'); dort gibt es nichts zu beantworten "
                   "(Prüfung policies.no_replies_on_broadcast_channels).",
                   "Den Kanal aus 'channels:' der Vorlage nehmen, oder beim Kanal 'interaction: dialog' setzen."),
)
"""Every diagnostic code this module emits, documented for the contributors' page."""


def _broadcast_places(guideline: Guideline) -> dict[str, str]:
    """Map each broadcast channel to where its 'interaction: broadcast' stands."""
    return {channel.id: place_of(guideline.channels, ("channels", index, "interaction"))
            for index, channel in enumerate(guideline.channels.model.channels) if channel.broadcast}


def check_no_replies_on_broadcast_channels(guideline: Guideline, severity: Severity) -> Iterator[Diagnostic]:
    """Report answering tasks and reply templates on channels where we only send."""
    broadcast = _broadcast_places(guideline)
    if not broadcast:
        return
    matrix = guideline.matrix.model
    for index, assignment in enumerate(matrix.assignments):
        if assignment.channel in broadcast and matrix.answers_people(assignment.task):
            yield finding_at(
                guideline.matrix, ("assignments", index, "task"), BROADCAST_TASK_CODE,
                f"auf dem Kanal '{assignment.channel}' senden wir nur (keine Kommentare), aber hier steht die "
                f"Aufgabe '{_task_label(matrix, assignment.task)}'",
                severity=severity, notes=(f"'interaction: broadcast' steht in {broadcast[assignment.channel]}",),
                help_text="lösch diese Zuordnung, oder setz beim Kanal 'interaction: dialog', wenn Leute dort "
                "kommentieren oder schreiben können",
            )
    for placed in placed_templates(guideline):
        for number, channel in enumerate(placed.template.channels):
            if channel not in broadcast:
                continue
            yield finding_at(
                placed.parsed, (*placed.data_path, "channels", number), BROADCAST_TEMPLATE_CODE,
                f"die Vorlage '{placed.template.title}' ist für den Kanal '{channel}' gedacht, dort senden wir aber "
                "nur (keine Kommentare)",
                severity=severity, notes=(f"'interaction: broadcast' steht in {broadcast[channel]}",),
                help_text=f"nimm '{channel}' aus 'channels:' der Vorlage, oder setz beim Kanal 'interaction: dialog'",
            )


def _task_label(matrix: MatrixFile, task_id: str) -> str:
    task = matrix.task(task_id)
    return task.label if task is not None else task_id
