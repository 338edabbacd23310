"""matrix.yml: which tasks there are, and who does which task on which channel, how often.

Field descriptions are German: they become the JSON Schema that contributors' editors show.
"""

from __future__ import annotations

from pydantic import Field

from .base import Model
from .fields import Line, StrictBool
from .ids import ChannelRef, RoleRef, TaskId, TaskRef


class Task(Model):
    id: TaskId = Field(description="Eindeutige ID der Aufgabe, z. B. 'replying' oder 'warnung-veroeffentlichen'.")
    label: Line = Field(description="Name der Aufgabe, wie er in der Rollenmatrix steht, z. B. 'Antworten'.")
    description: Line = Field(description="Was zur Aufgabe gehört, in einem Satz.")
    answers_people: StrictBool = Field(
        False, description="true, wenn bei dieser Aufgabe Menschen öffentlich geantwortet wird (Kommentare, "
        "Nachrichten). Dann gelten die Regeln fürs Antworten: Schulung für den Dialog, keine Azubi-Rolle als "
        "Verantwortliche.",
    )


DEFAULT_TASKS = (
    Task(id="monitoring", label="Monitoring",
         description="Den Kanal regelmäßig sichten und neue Kommentare, Nachrichten und Erwähnungen einordnen."),
    Task(id="posting", label="Beiträge veröffentlichen",
         description="Beiträge nach Redaktionsplan vorbereiten, freigeben lassen und veröffentlichen."),
    Task(id="replying", label="Antworten",
         description="Öffentlich auf Kommentare, Fragen und Nachrichten antworten.", answers_people=True),
    Task(id="escalation", label="Eskalation entscheiden",
         description="Entscheiden, ob ein Fall eskaliert wird und welche Eskalationsstufe gilt."),
    Task(id="reporting", label="Reporting",
         description="Kennzahlen des Kanals auswerten und regelmäßig berichten."),
)
"""The tasks that apply when matrix.yml declares none: the five every channel has had from the start."""


class Assignment(Model):
    channel: ChannelRef = Field(description="ID des Kanals.")
    task: TaskRef = Field(description="ID der Aufgabe; ohne eigene Liste unter 'tasks': monitoring, posting, "
                          "replying, escalation oder reporting.")
    responsible: RoleRef = Field(description="ID der Rolle, die die Aufgabe ausführt (R).")
    approves: RoleRef | None = Field(None, description="ID der Rolle, die freigibt und rechenschaftspflichtig ist (A).")
    consulted: tuple[RoleRef, ...] = Field((), description="IDs der Rollen, die beraten (C).")
    informed: tuple[RoleRef, ...] = Field((), description="IDs der Rollen, die informiert werden (I).")
    rhythm: Line = Field(description="Wie oft, z. B. 'täglich 9, 13 und 17 Uhr'.")


class MatrixFile(Model):
    """matrix.yml: which tasks there are, and who does which task on which channel, how often."""

    tasks: tuple[Task, ...] = Field(
        DEFAULT_TASKS, min_length=1,
        description="Die Aufgaben der Rollenmatrix in der Reihenfolge, in der die Tabellen sie zeigen. Ohne diese "
        "Liste gelten die fünf Standardaufgaben monitoring, posting, replying, escalation und reporting; wer eigene "
        "Aufgaben braucht, listet alle auf, auch die Standardaufgaben, die bleiben sollen.",
    )
    assignments: tuple[Assignment, ...] = Field(min_length=1, description="Zuordnungen Kanal × Aufgabe → Rollen.")

    def task(self, task_id: str) -> Task | None:
        """Return the task with this id, if the matrix has it."""
        return next((task for task in self.tasks if task.id == task_id), None)

    def answers_people(self, task_id: str) -> bool:
        """Tell whether whoever does this task answers people in public (the rules for replies apply)."""
        task = self.task(task_id)
        return task is not None and task.answers_people
