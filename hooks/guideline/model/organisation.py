"""organisation.yml: who publishes the guideline, its release and how strictly its policies are enforced.

Field descriptions are German: they become the JSON Schema that contributors' editors show.
"""

from __future__ import annotations

import enum

from pydantic import Field

from .base import Model
from .fields import DateField, DurationField, HttpsUrl, Line, Phone, Text, Url, WebUrl
from .ids import RoleRef


class PolicyLevel(enum.Enum):
    """How a policy check reports a breach."""

    ERROR = "error"
    WARNING = "warning"
    OFF = "off"


class Contact(Model):
    name: Line = Field(description="Name der Ansprechperson oder des Teams für Fragen zum Leitfaden.")
    email: Url | None = Field(None, description="E-Mail-Adresse als mailto:-Link, z. B. mailto:social@example.de.")
    phone: Phone | None = Field(None, description="Telefonnummer, international (+49 …) oder national (0 …).")
    chat: Line | None = Field(None, description="Chat-Kanal im Intranet, z. B. #social-media.")


class Policies(Model):
    """How strictly each policy check of the guideline's own rules is enforced."""

    department_on_team: PolicyLevel = Field(
        PolicyLevel.ERROR, description="Jede Abteilung, die direkt mit Kundinnen und Kunden oder der Öffentlichkeit spricht, hat eine Rolle im Social-Media-Team oder nennt unter 'team_exemption' einen Grund."
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
        description="Jede Rolle, die öffentlich mit Menschen spricht ('customer_dialogue: true'), hat Pflichtschulungen.",
    )
    templates_free_of_breach_phrases: PolicyLevel = Field(
        PolicyLevel.WARNING,
        description="Antwortvorlagen enthalten keine Signalphrasen, die gegen eine Tonalitätsregel verstoßen.",
    )
    templates_pass_reply_check: PolicyLevel = Field(
        PolicyLevel.WARNING, description="Antwortvorlagen enthalten keine persönlichen Daten und keine Links auf fremde "
        "Adressen (Regeln in reply_check.yml).",
    )
    channel_security: PolicyLevel = Field(
        PolicyLevel.ERROR,
        description="Jeder Kanal hat mindestens zwei Admins und Zwei-Faktor-Authentifizierung.",
    )
    reply_roles_trained: PolicyLevel = Field(
        PolicyLevel.ERROR, description="Jede Rolle, die laut Rollenmatrix öffentlich antwortet oder Antworten freigibt, hat "
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
    no_replies_on_broadcast_channels: PolicyLevel = Field(
        PolicyLevel.ERROR, description="Auf Kanälen, die nur senden ('interaction: broadcast'), antwortet niemand: "
        "keine Antwort-Aufgabe in matrix.yml, keine Antwortvorlage für den Kanal.",
    )
    texts_within_channel_length: PolicyLevel = Field(
        PolicyLevel.ERROR, description="Jede Vorlage ist höchstens so lang, wie 'max_length' jedes ihrer Kanäle "
        "erlaubt.",
    )
    scenario_deadlines_within_level: PolicyLevel = Field(
        PolicyLevel.ERROR, description="Die Erstreaktionszeit jedes Szenarios liegt innerhalb der Frist seiner "
        "Eskalationsstufe, und keine Eskalation führt auf eine Stufe mit längerer Frist.",
    )


class Release(Model):
    version: Line = Field(description="Versionsnummer des Leitfadens, z. B. '2.0'.")
    valid_from: DateField = Field(description="Ab wann diese Version verbindlich gilt, als JJJJ-MM-TT, z. B. 2026-03-01.")
    approved_by: tuple[RoleRef, ...] = Field(
        min_length=1, description="IDs der Rollen, die diese Version freigegeben haben, z. B. Leitung und "
        "Betriebs- oder Personalrat."
    )


class SiteSettings(Model):
    """Where the site is published and where its sources live: the frame around every page."""

    address: HttpsUrl = Field(
        description="Adresse der Website im Intranet, mit https://, z. B. https://leitfaden.beispiel.intern/. "
        "Links in der Sitemap und auf der Fehlerseite gehen von ihr aus."
    )
    repository: WebUrl | None = Field(
        None, description="Web-Adresse des Repositorys mit den Daten, z. B. "
        "https://git.beispiel.intern/kommunikation/leitfaden. Leer: kein Link zum Repository in der Kopfzeile."
    )
    edit_base: WebUrl | None = Field(
        None, description="Anfang der Adresse, unter der man eine Datei im Repository bearbeitet, z. B. "
        "https://git.beispiel.intern/kommunikation/leitfaden/-/edit/main/ (GitLab) oder …/edit/main/ (GitHub, "
        "Gitea). Jede Seite hängt den Pfad ihrer YAML-Datei an. Leer: keine Bearbeiten-Knöpfe."
    )


class Organisation(Model):
    """organisation.yml: who publishes this guideline and its global settings."""

    name: Line = Field(description="Name der Organisation, wie er im Leitfaden erscheint.")
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
    site: SiteSettings | None = Field(
        None, description="Adresse der Website, Repository und Bearbeiten-Links. Leer: die Website kennt ihre "
        "Adresse nicht und zeigt weder Repository-Link noch Bearbeiten-Knöpfe."
    )
    policies: Policies = Field(
        default_factory=Policies, description="Wie streng die automatischen Prüfungen des Leitfadens sind."
    )
