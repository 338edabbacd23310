"""Typed, frozen models of the guideline: one class per noun of the guideline.

Field descriptions are German: they become the JSON Schema that contributors' editors show.
"""

from __future__ import annotations

import enum

from pydantic import Field

from .base import Model
from .contacts import AlarmThreshold, Alert
from .fields import DateField, DurationField, Line, Phone, StrictBool, Text, Url
from .ids import (
    ChannelId,
    ChannelRef,
    DepartmentId,
    DepartmentRef,
    LevelId,
    LevelRef,
    RoleId,
    RoleRef,
    ScenarioId,
    ToneRuleId,
    ToneRuleRef,
    TrainingId,
    TrainingRef,
)

# --- closed vocabularies -------------------------------------------------------------------------


class Task(enum.Enum):
    """A recurring task on a channel."""

    MONITORING = "monitoring"
    POSTING = "posting"
    REPLYING = "replying"
    ESCALATION = "escalation"
    REPORTING = "reporting"

    @property
    def label(self) -> str:
        return _TASK_LABELS[self]


_TASK_LABELS = {
    Task.MONITORING: "Monitoring",
    Task.POSTING: "Beiträge veröffentlichen",
    Task.REPLYING: "Antworten",
    Task.ESCALATION: "Eskalation entscheiden",
    Task.REPORTING: "Reporting",
}


class TrainingFormat(enum.Enum):
    """How a training module is delivered."""

    WORKSHOP = "workshop"
    SELF_STUDY = "self-study"
    SHADOWING = "shadowing"

    @property
    def label(self) -> str:
        return {"workshop": "Workshop", "self-study": "Selbststudium", "shadowing": "Hospitation"}[self.value]


class FormOfAddress(enum.Enum):
    """How we address people on a channel."""

    DU = "du"
    SIE = "sie"

    @property
    def label(self) -> str:
        return {"du": "du", "sie": "Sie"}[self.value]


class PolicyLevel(enum.Enum):
    """How a policy check reports a breach."""

    ERROR = "error"
    WARNING = "warning"
    OFF = "off"


# --- organisation ---------------------------------------------------------------------------------


class Contact(Model):
    name: Line = Field(description="Name der Ansprechperson oder des Teams für Fragen zum Leitfaden.")
    email: Url | None = Field(None, description="E-Mail-Adresse als mailto:-Link, z. B. mailto:social@example.de.")
    phone: Phone | None = Field(None, description="Telefonnummer, international (+49 …) oder national (0 …).")
    chat: Line | None = Field(None, description="Chat-Kanal im Intranet, z. B. #social-media.")


class Policies(Model):
    """How strictly each policy check of the guideline's own rules is enforced."""

    department_on_team: PolicyLevel = Field(
        PolicyLevel.ERROR, description="Jede Abteilung hat mindestens eine Rolle im Social-Media-Team."
    )
    no_trainee_ownership: PolicyLevel = Field(
        PolicyLevel.ERROR,
        description="Rollen, die Azubis/Praktikantinnen und Praktikanten übernehmen dürfen, verantworten weder Szenarien noch "
        "das Antworten auf einem Kanal.",
    )
    response_time_within_maximum: PolicyLevel = Field(
        PolicyLevel.ERROR, description="Die Erstreaktionszeit jedes Szenarios liegt innerhalb des Maximums."
    )
    channel_owner_and_deputy: PolicyLevel = Field(
        PolicyLevel.ERROR, description="Jeder Kanal hat eine verantwortliche Rolle und eine Vertretung."
    )
    customer_roles_trained: PolicyLevel = Field(
        PolicyLevel.ERROR,
        description="Jede Rolle im Kundendialog hat Pflichtschulungen, und diese existieren.",
    )
    templates_free_of_breach_phrases: PolicyLevel = Field(
        PolicyLevel.WARNING,
        description="Antwortvorlagen enthalten keine Signalphrasen, die gegen eine Tonalitätsregel verstoßen.",
    )
    channel_security: PolicyLevel = Field(
        PolicyLevel.ERROR,
        description="Jeder Kanal hat mindestens zwei Admins und Zwei-Faktor-Authentifizierung.",
    )
    reply_roles_trained: PolicyLevel = Field(
        PolicyLevel.ERROR, description="Jede Rolle, die laut Rollenmatrix Kundenantworten gibt oder freigibt, hat "
        "jedes Schulungsmodul mit 'customer_dialogue_training: true' unter ihren Pflichtschulungen.",
    )
    templates_match_form_of_address: PolicyLevel = Field(
        PolicyLevel.ERROR, description="Jede Vorlage spricht die Leute so an, wie es auf ihren Kanälen üblich ist "
        "(du oder Sie, siehe 'form_of_address' in channels.yml).",
    )
    levels_named: PolicyLevel = Field(
        PolicyLevel.ERROR, description="Texte nennen Eskalationsstufen bei ihrem Namen, nicht als 'Stufe 2' oder ID.",
    )
    employee_contacts_reachable: PolicyLevel = Field(
        PolicyLevel.ERROR,
        description="Jede Ansprechstelle im Kapitel für alle Mitarbeitenden nennt eine Rolle, E-Mail, Telefon "
        "oder ein Formular.",
    )
    crisis_tree_complete: PolicyLevel = Field(PolicyLevel.ERROR, description="Der Entscheidungsbaum in "
                                              "crisis.yml hat eine Startfrage, keine Kreise; jeder Zweig endet.")
    storm_scale_ascending: PolicyLevel = Field(PolicyLevel.ERROR, description="Je stärker der Sturm in crisis.yml, "
                                               "desto höher (oder gleich) die Eskalationsstufe.")
    first_response_covered: PolicyLevel = Field(PolicyLevel.ERROR, description="Servicezeiten und Rufbereitschaft "
                                                "decken die versprochene Reaktionszeit jedes Kanals und jeder Stufe.")
    paused_channel_owners_alerted: PolicyLevel = Field(PolicyLevel.ERROR, description="Pausieren auf einer Stufe "
                                                       "die Beiträge, wird die Verantwortung jedes Kanals alarmiert.")
    level_alerts_complete: PolicyLevel = Field(PolicyLevel.ERROR, description="Jede Stufe alarmiert jemanden, "
                                               "darunter die entscheidende Rolle, die erreichbar ist.")


class Release(Model):
    version: Line = Field(description="Versionsnummer des Leitfadens, z. B. '2.0'.")
    valid_from: DateField = Field(description="Ab wann diese Version verbindlich gilt, als JJJJ-MM-TT, z. B. 2026-03-01.")
    approved_by: tuple[RoleRef, ...] = Field(
        min_length=1, description="IDs der Rollen, die diese Version freigegeben haben, z. B. Geschäftsführung und "
        "Betriebsrat."
    )


class Organisation(Model):
    """organisation.yml: who publishes this guideline and its global settings."""

    name: Line = Field(description="Name des Unternehmens, wie er im Leitfaden erscheint.")
    guideline_title: Line = Field(description="Titel des Leitfadens, z. B. 'Social-Media-Leitfaden'.")
    summary: Text = Field(description="Worum es im Leitfaden geht: zwei, drei Sätze für die Startseite.")
    audience: Text = Field(description="Für wen der Leitfaden gilt.")
    contact: Contact = Field(description="Wer Fragen zum Leitfaden beantwortet.")
    max_first_response: DurationField = Field(
        description="Längste erlaubte Zeit bis zur ersten Reaktion auf einem Kanal, z. B. '24 h'."
    )
    review_interval: DurationField = Field(description="Wie oft der Leitfaden überprüft wird, z. B. '6 Monate'.")
    team_principles: tuple[Text, ...] = Field(
        (), description="Grundsätze der Zusammenarbeit im Social-Media-Team (erscheinen auf der Startseite)."
    )
    release: Release | None = Field(
        None, description="Welche Version des Leitfadens gilt, seit wann, und wer sie freigegeben hat."
    )
    policies: Policies = Field(
        default_factory=Policies, description="Wie streng die automatischen Prüfungen des Leitfadens sind."
    )


# --- tone -----------------------------------------------------------------------------------------


class Example(Model):
    write: Text = Field(description="So schreiben wir (gutes Beispiel).")
    instead_of: Text = Field(description="Statt so (schlechtes Beispiel).")


class ToneRule(Model):
    id: ToneRuleId = Field(description="Eindeutige ID der Regel; Teil der Adresse, z. B. 'freundlich'.")
    title: Line = Field(description="Kurzer Titel der Regel.")
    rule: Line = Field(description="Die Regel in einem Satz.")
    why: Text = Field(description="Warum die Regel wichtig ist.")
    examples: tuple[Example, ...] = Field(min_length=1, description="Beispielpaare: so schreiben wir / statt so.")
    breach_phrases: tuple[Line, ...] = Field(
        (), description="Formulierungen, die auf einen Verstoß hindeuten (werden in Antwortvorlagen gesucht)."
    )


class ToneFile(Model):
    """tone.yml: the tone rules."""

    rules: tuple[ToneRule, ...] = Field(min_length=1, description="Die Tonalitätsregeln in Lesereihenfolge.")


# --- departments and roles ------------------------------------------------------------------------


class Department(Model):
    id: DepartmentId = Field(description="Eindeutige ID der Abteilung, z. B. 'kundenservice'.")
    name: Line = Field(description="Name der Abteilung.")
    description: Text = Field(description="Was die Abteilung zur Social-Media-Arbeit beiträgt.")
    customer_facing: StrictBool = Field(
        False, description="true, wenn die Abteilung nah am Kunden arbeitet (CRM, Hotline, Beratung)."
    )
    committee: StrictBool = Field(
        False, description="true für ein Gremium wie den Betriebsrat: Es wirkt am Leitfaden mit, schickt aber "
        "niemanden ins Social-Media-Team.",
    )


class DepartmentsFile(Model):
    """departments.yml: the company's departments."""

    departments: tuple[Department, ...] = Field(min_length=1, description="Alle Abteilungen des Unternehmens.")


class Role(Model):
    id: RoleId = Field(description="Eindeutige ID der Rolle, z. B. 'community-manager'.")
    title: Line = Field(description="Bezeichnung der Rolle.")
    department: DepartmentRef = Field(description="ID der Abteilung, zu der die Rolle gehört.")
    summary: Text = Field(description="Was die Rolle tut, in ein, zwei Sätzen.")
    responsibilities: tuple[Line, ...] = Field(min_length=1, description="Aufgaben der Rolle, je eine Zeile.")
    social_media_team: StrictBool = Field(
        False, description="true, wenn die Rolle zum Social-Media-Team gehört (eine Person pro Abteilung)."
    )
    customer_dialogue: StrictBool = Field(False, description="true, wenn die Rolle öffentlich mit Kundinnen und Kunden spricht.")
    trainee_allowed: StrictBool = Field(
        False, description="true, wenn Azubis oder Praktikantinnen und Praktikanten die Rolle übernehmen dürfen (nur unterstützend)."
    )
    in_employment_contract: StrictBool = Field(
        False, description="true, wenn die Social-Media-Verantwortung im Arbeitsvertrag festgehalten ist."
    )
    required_training: tuple[TrainingRef, ...] = Field(
        (), description="IDs der Schulungsmodule, die vor dem ersten Kundendialog abgeschlossen sein müssen."
    )


class RolesFile(Model):
    """roles.yml: the roles of the social media work."""

    roles: tuple[Role, ...] = Field(min_length=1, description="Alle Rollen.")


# --- channels -------------------------------------------------------------------------------------


class ChannelLink(Model):
    channel: ChannelRef = Field(description="ID des Kanals, auf den verwiesen wird.")
    how: Line = Field(description="Wie der Verweis aussieht, z. B. 'Teaser mit Link auf den Blogartikel'.")


class ChannelLegal(Model):
    imprint: Line = Field(description="Wo das Impressum verlinkt ist (höchstens zwei Klicks entfernt).")
    privacy: Line = Field(description="Wo die Datenschutzerklärung verlinkt ist.")
    joint_controller: Text | None = Field(
        None, description="Hinweis zur gemeinsamen Verantwortlichkeit (Art. 26 DSGVO), z. B. bei Fanseiten."
    )
    admins: tuple[RoleRef, ...] = Field(description="Rollen mit Admin-Zugang; mindestens zwei.")
    two_factor: StrictBool = Field(description="true, wenn alle Admin-Konten Zwei-Faktor-Authentifizierung nutzen.")
    notes: tuple[Line, ...] = Field((), description="Weitere rechtliche oder Sicherheitshinweise.")


class Channel(Model):
    id: ChannelId = Field(description="Eindeutige ID des Kanals, z. B. 'facebook'.")
    name: Line = Field(description="Name des Kanals, z. B. 'Facebook-Seite'.")
    url: Url | None = Field(None, description="Adresse des Kanals.")
    purpose: Text = Field(description="Wozu wir den Kanal nutzen.")
    audience: Line = Field(description="Wen wir dort erreichen.")
    content_types: tuple[Line, ...] = Field(min_length=1, description="Welche Inhalte dort erscheinen.")
    rhythm: Line = Field(description="Wie oft wir posten, z. B. '3 Beiträge pro Woche'.")
    service_hours: Line = Field(description="Wann der Kanal betreut wird, z. B. 'Mo–Fr 8–18 Uhr'.")
    form_of_address: FormOfAddress | None = Field(
        None, description="Wie wir die Leute auf dem Kanal ansprechen: du oder sie (Sie). Vorlagen werden daran geprüft."
    )
    owner: RoleRef = Field(description="ID der verantwortlichen Rolle.")
    deputy: RoleRef = Field(description="ID der vertretenden Rolle.")
    links_to: tuple[ChannelLink, ...] = Field((), description="Wie der Kanal auf andere Kanäle verweist.")
    legal: ChannelLegal = Field(description="Rechtliches und Sicherheit.")


class ChannelsFile(Model):
    """channels.yml: the channels the company is present on."""

    channels: tuple[Channel, ...] = Field(min_length=1, description="Alle Kanäle.")


# --- role matrix ----------------------------------------------------------------------------------


class Assignment(Model):
    channel: ChannelRef = Field(description="ID des Kanals.")
    task: Task = Field(description="Aufgabe: monitoring, posting, replying, escalation oder reporting.")
    responsible: RoleRef = Field(description="ID der Rolle, die die Aufgabe ausführt (R).")
    approves: RoleRef | None = Field(None, description="ID der Rolle, die freigibt und rechenschaftspflichtig ist (A).")
    consulted: tuple[RoleRef, ...] = Field((), description="IDs der Rollen, die beraten (C).")
    informed: tuple[RoleRef, ...] = Field((), description="IDs der Rollen, die informiert werden (I).")
    rhythm: Line = Field(description="Wie oft, z. B. 'täglich 9, 13 und 17 Uhr'.")


class MatrixFile(Model):
    """matrix.yml: who does what, on which channel, how often."""

    assignments: tuple[Assignment, ...] = Field(min_length=1, description="Zuordnungen Kanal × Aufgabe → Rollen.")


# --- escalation -----------------------------------------------------------------------------------


class EscalationLevel(Model):
    id: LevelId = Field(description="Eindeutige ID der Stufe, z. B. 'stufe-1'.")
    title: Line = Field(description="Name der Stufe, z. B. 'Alltag'.")
    description: Text = Field(description="Woran man die Stufe erkennt.")
    informed: tuple[RoleRef, ...] = Field((), description="IDs der Rollen, die informiert werden.")
    max_first_response: DurationField = Field(description="Längste Zeit bis zur ersten Reaktion, z. B. '1 h'.")
    pause_scheduled_posts: StrictBool = Field(description="true, wenn geplante Beiträge pausiert werden.")
    decides: RoleRef = Field(description="ID der Rolle, die auf dieser Stufe entscheidet.")
    thresholds: tuple[AlarmThreshold, ...] = Field((), description="Ab wann die Stufe gilt, in Zahlen.")
    alerted_by: RoleRef | None = Field(None, description="ID der Rolle, die auf dieser Stufe alarmiert.")
    alerts: tuple[Alert, ...] = Field((), description="Wer auf dieser Stufe wie und wie schnell alarmiert wird.")


class EscalationFile(Model):
    """escalation.yml: the escalation levels, from everyday to crisis."""

    levels: tuple[EscalationLevel, ...] = Field(min_length=1, description="Die Stufen, aufsteigend.")


# --- scenarios ------------------------------------------------------------------------------------


class Step(Model):
    role: RoleRef = Field(description="ID der Rolle, die den Schritt ausführt.")
    action: Text = Field(description="Was zu tun ist.")
    deadline: DurationField | None = Field(None, description="Bis wann, ab Eingang, z. B. '1 h' oder 'sofort'.")


class Escalation(Model):
    when: Line = Field(description="Wann eskaliert wird.")
    to: RoleRef = Field(description="ID der Rolle, an die eskaliert wird.")
    level: LevelRef = Field(description="ID der Eskalationsstufe, die dann gilt.")


class ReplyTemplate(Model):
    title: Line = Field(description="Wofür die Vorlage gedacht ist.")
    text: Text = Field(description="Der Vorlagentext; Platzhalter in eckigen Klammern, z. B. [Name].")
    channels: tuple[ChannelRef, ...] = Field(
        (), description="IDs der Kanäle, für die die Vorlage gedacht ist; leer: alle Kanäle des Szenarios."
    )


class Scenario(Model):
    """scenarios/<id>.yml: one agreed procedure."""

    id: ScenarioId = Field(description="Eindeutige ID; muss dem Dateinamen entsprechen.")
    title: Line = Field(description="Titel, z. B. 'Ein Kunde beschwert sich'.")
    question: Line = Field(description="Die Frage, unter der Leserinnen und Leser suchen: 'Was tun, wenn …?'")
    trigger: Text = Field(description="Woran man erkennt, dass dieses Szenario vorliegt.")
    escalation_level: LevelRef = Field(description="ID der Eskalationsstufe, mit der das Szenario beginnt.")
    first_response: DurationField = Field(description="Längste Zeit bis zur ersten öffentlichen Reaktion.")
    owner: RoleRef = Field(description="ID der Rolle, die das Szenario verantwortet.")
    channels: tuple[ChannelRef, ...] = Field((), description="IDs der Kanäle, auf denen es typischerweise vorkommt.")
    steps: tuple[Step, ...] = Field(min_length=1, description="Die Schritte in ihrer Reihenfolge.")
    escalate: tuple[Escalation, ...] = Field((), description="Wann und an wen eskaliert wird.")
    reply_templates: tuple[ReplyTemplate, ...] = Field((), description="Antwortvorlagen.")
    donts: tuple[Line, ...] = Field((), description="Was man auf keinen Fall tut.")
    tone_rules: tuple[ToneRuleRef, ...] = Field((), description="IDs der Tonalitätsregeln, die hier besonders gelten.")
    training: tuple[TrainingRef, ...] = Field((), description="IDs der Schulungsmodule, die auf das Szenario vorbereiten.")
    keywords: tuple[Line, ...] = Field((), description="Suchbegriffe, unter denen Leserinnen und Leser das Szenario finden.")


# --- training -------------------------------------------------------------------------------------


class OutlineItem(Model):
    title: Line = Field(description="Titel des Abschnitts.")
    duration: DurationField | None = Field(None, description="Dauer des Abschnitts.")
    content: Text | None = Field(None, description="Was in diesem Abschnitt passiert.")


class Exercise(Model):
    title: Line = Field(description="Titel der Übung.")
    description: Text = Field(description="Aufgabenstellung.")


class SelfCheck(Model):
    question: Line = Field(description="Frage zur Selbstkontrolle.")
    answer: Text = Field(description="Erwartete Antwort.")


class TrainingModule(Model):
    """training/<id>.yml: one training module."""

    id: TrainingId = Field(description="Eindeutige ID; muss dem Dateinamen entsprechen.")
    title: Line = Field(description="Titel des Moduls.")
    summary: Text = Field(description="Worum es geht.")
    audience: tuple[RoleRef, ...] = Field(min_length=1, description="IDs der Rollen, für die das Modul gedacht ist.")
    duration: DurationField = Field(description="Gesamtdauer, z. B. '3 h' oder '2 Tage'.")
    format: TrainingFormat = Field(description="Format: workshop, self-study oder shadowing.")
    objectives: tuple[Line, ...] = Field(min_length=1, description="Lernziele.")
    prerequisites: tuple[TrainingRef, ...] = Field((), description="IDs der Module, die vorher abgeschlossen sein müssen.")
    outline: tuple[OutlineItem, ...] = Field(min_length=1, description="Ablauf.")
    exercises: tuple[Exercise, ...] = Field((), description="Übungen.")
    self_check: tuple[SelfCheck, ...] = Field((), description="Fragen zur Selbstkontrolle.")
    customer_dialogue_training: StrictBool = Field(
        False, description="true, wenn jede Rolle, die Kundenantworten gibt oder freigibt, dieses Modul braucht."
    )
