"""Law, works-council agreements and emergency runbooks: what applies, what we do, and who is responsible."""

from __future__ import annotations

from pydantic import Field

from .base import Model
from .fields import DurationField, Line, Text
from .ids import ActorRef, LegalTopicId, RoleRef
from .scenarios import ReplyTemplate


class Retention(Model):
    what: Line = Field(description="Was aufbewahrt wird, z. B. 'Screenshots gelöschter Kommentare'.")
    how_long: Line = Field(description="Wie lange, z. B. '6 Monate nach Abschluss des Falls'.")
    where: Line = Field(description="Wo es liegt, z. B. 'Ordner Moderation im Team-Laufwerk'.")
    deletes: RoleRef = Field(description="ID der Rolle, die nach Ablauf löscht.")


class LegalTopic(Model):
    id: LegalTopicId = Field(description="Eindeutige ID des Themas; Teil der Adresse, z. B. 'bildrechte'.")
    title: Line = Field(description="Titel des Themas, z. B. 'Bildrechte und Fotos von Beschäftigten'.")
    responsible: RoleRef = Field(description="ID der Rolle, die für das Thema zuständig ist und Fragen beantwortet.")
    applies: Text = Field(description="Was gilt: die Rechtslage oder Vereinbarung in eigenen, verständlichen Worten.")
    we_do: tuple[Line, ...] = Field(min_length=1, description="Was wir deshalb tun, je eine Zeile.")
    sources: tuple[Line, ...] = Field(
        min_length=1, description="Fundstellen als Text, z. B. 'Art. 13 DSGVO' (keine Links nötig)."
    )
    retention: tuple[Retention, ...] = Field((), description="Was wir wie lange wo aufbewahren und wer löscht.")
    templates: tuple[ReplyTemplate, ...] = Field(
        (), description="Vorlagen zum Thema, z. B. für eine öffentliche Warnung; 'channels' sagt, wofür sie gelten."
    )


class RunbookStep(Model):
    role: ActorRef = Field(description="ID der Rolle oder der externen Stelle (parties.yml), die den Schritt ausführt.")
    action: Text = Field(description="Was zu tun ist.")
    deadline: DurationField | None = Field(None, description="Bis wann, ab Entdeckung, z. B. '15 min' oder 'sofort'.")


class Runbook(Model):
    id: LegalTopicId = Field(description="Eindeutige ID des Notfalls; Teil der Adresse, z. B. 'konto-gehackt'.")
    title: Line = Field(description="Titel, z. B. 'Konto gehackt oder gesperrt'.")
    when: Text = Field(description="Woran du den Notfall erkennst.")
    responsible: RoleRef = Field(description="ID der Rolle, die den Notfall leitet.")
    alert: tuple[ActorRef, ...] = Field(
        min_length=1, description="IDs der Rollen und externen Stellen (parties.yml), die sofort informiert werden."
    )
    steps: tuple[RunbookStep, ...] = Field(min_length=1, description="Die Schritte in ihrer Reihenfolge.")
    sources: tuple[Line, ...] = Field((), description="Fundstellen als Text, falls es eine Meldepflicht o. Ä. gibt.")


class LegalFile(Model):
    """legal.yml: law, works-council agreements and emergency runbooks."""

    introduction: Text = Field(description="Worum es auf der Seite geht und dass sie keine Rechtsberatung ersetzt.")
    runbooks: tuple[Runbook, ...] = Field((), description="Notfälle mit Schritten, zuerst auf der Seite.")
    topics: tuple[LegalTopic, ...] = Field(min_length=1, description="Die Rechtsthemen in Lesereihenfolge.")
