"""The guideline's own content policies (G3xx), each as strict as organisation.yml's `policies` say."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..diagnostics import Diagnostic, DiagnosticCode, Severity
from ..load.source import DataPath
from ..model.organisation import PolicyLevel
from ..model.roles import Role
from ..parse.corpus import Guideline
from ..parse.file import ParsedFile
from . import (
    alerting,
    broadcast,
    coverage,
    crisis,
    deadlines,
    length,
    naming,
    replies,
    reply_training,
    statement_deadlines,
    statements,
    templates,
)
from .employees import check_employee_contacts_reachable
from .findings import finding_at, place_of, shorten_list

EXEMPTION_WITH_TEAM_CODE = "G380"

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode("G301", "Abteilung ohne Social-Media-Team",
                   "Jede Abteilung, die direkt mit Kundinnen und Kunden oder der Öffentlichkeit spricht "
                   "('public_facing: true' in departments.yml), ist mit mindestens einer Rolle im Social-Media-Team "
                   "vertreten, oder sie nennt unter 'team_exemption' einen Grund, warum nicht "
                   "(Prüfung policies.department_on_team). Andere Abteilungen und Gremien wie der Betriebsrat "
                   "('committee: true') brauchen keine Rolle im Team.",
                   "Bei einer Rolle der Abteilung in roles.yml 'social_media_team: true' setzen, oder in "
                   "departments.yml unter 'team_exemption' den Grund eintragen."),
    DiagnosticCode(EXEMPTION_WITH_TEAM_CODE, "Ausnahme trotz Rolle im Team",
                   "Eine Abteilung nennt unter 'team_exemption' einen Grund, warum sie niemanden ins Social-Media-"
                   "Team schickt, hat aber eine Rolle im Team; die Rollenseite zeigt sonst einen Grund, der nicht "
                   "stimmt (Prüfung policies.department_on_team, immer als Warnung).",
                   "'team_exemption' entfernen, oder bei der Rolle 'social_media_team: true' streichen, wenn die "
                   "Abteilung wirklich niemanden schickt."),
    DiagnosticCode("G302", "Azubi-Rolle mit Verantwortung",
                   "Rollen, die Azubis oder Praktikantinnen und Praktikanten übernehmen dürfen, unterstützen nur: sie verantworten "
                   "weder Szenarien noch Kanäle, vertreten keinen Kanal und antworten nicht eigenverantwortlich "
                   "(Prüfung policies.no_trainee_ownership).",
                   "Eine Rolle ohne 'trainee_allowed: true' eintragen."),
    DiagnosticCode("G303", "Reaktionszeit über dem Maximum",
                   "Die Erstreaktionszeit eines Szenarios oder einer Eskalationsstufe ist länger als "
                   "max_first_response in organisation.yml (Prüfung policies.response_time_within_maximum).",
                   "Zeit verkürzen oder, nach Absprache, das Maximum anpassen."),
    DiagnosticCode("G304", "Kanal ohne echte Vertretung",
                   "Verantwortliche Rolle und Vertretung eines Kanals sind dieselbe Rolle; bei Urlaub oder "
                   "Krankheit betreut niemand den Kanal (Prüfung policies.channel_owner_and_deputy).",
                   "Als 'deputy' eine andere Rolle eintragen."),
    DiagnosticCode("G305", "Kundendialog ohne Pflichtschulung",
                   "Eine Rolle spricht öffentlich mit Kundinnen und Kunden, hat aber keine Pflichtschulungen "
                   "(Prüfung policies.customer_roles_trained).",
                   "Unter 'required_training' die IDs der nötigen Schulungsmodule eintragen."),
    DiagnosticCode("G306", "Signalphrase in Antwortvorlage",
                   "Eine Vorlage (in einem Szenario oder an anderer Stelle) enthält eine Formulierung, die laut "
                   "tone.yml auf einen Verstoß gegen eine Tonalitätsregel hindeutet: leere Floskeln wie „wir nehmen "
                   "das sehr ernst“ ebenso wie Verkaufsphrasen. Gesucht wird wie auf der Seite „Antwort prüfen“: ohne Rücksicht "
                   "auf Groß- und Kleinschreibung, Umlaut-Schreibweisen (ae/ä) und Zeilenumbrüche, auf Wortgrenzen, "
                   "Ausnahmen ('except') ausgenommen (Prüfung policies.templates_free_of_breach_phrases).",
                   "Vorlage nach der genannten Regel umformulieren."),
    DiagnosticCode("G307", "Kanal nicht ausreichend gesichert",
                   "Jeder Kanal braucht mindestens zwei verschiedene Admin-Rollen und Zwei-Faktor-"
                   "Authentifizierung, damit der Zugang nicht verloren geht oder gekapert wird "
                   "(Prüfung policies.channel_security).",
                   "Eine zweite Admin-Rolle eintragen bzw. 2FA aktivieren und 'two_factor: true' setzen."),
)
"""Every diagnostic code this module emits, documented for the contributors' page."""

@dataclass(frozen=True)
class Policy:
    """One policy check with the name of its setting in organisation.yml."""

    setting: str
    check: Callable[[Guideline, Severity], Iterator[Diagnostic]]


def check_policies(guideline: Guideline) -> tuple[Diagnostic, ...]:
    """Run every policy that is not switched off, at the severity organisation.yml sets for it."""
    levels = guideline.organisation.model.policies
    found: list[Diagnostic] = []
    for policy in _POLICIES:
        level = getattr(levels, policy.setting)
        if level is not PolicyLevel.OFF:
            found.extend(policy.check(guideline, _severity_of(level)))
    return tuple(found)


def _severity_of(level: PolicyLevel) -> Severity:
    return Severity.ERROR if level is PolicyLevel.ERROR else Severity.WARNING


def _roles_by_id(guideline: Guideline) -> dict[str, tuple[int, Role]]:
    return {role.id: (index, role) for index, role in enumerate(guideline.roles.model.roles)}


# --- department_on_team ---------------------------------------------------------------------------


def check_department_on_team(guideline: Guideline, severity: Severity) -> Iterator[Diagnostic]:
    """Report public-facing departments without a team role or a reason, and reasons beside a team role."""
    roles = tuple(enumerate(guideline.roles.model.roles))
    for index, department in enumerate(guideline.departments.model.departments):
        members = [(number, role) for number, role in roles if role.department == department.id]
        places = [f"{role.id} ({place_of(guideline.roles, ('roles', number, 'id'))})" for number, role in members
                  if role.social_media_team]
        if places and department.team_exemption is not None:
            yield _exemption_beside_team(guideline, index, places)
        elif not places and department.public_facing and department.team_exemption is None \
                and not department.committee:  # a committee such as the works council sends no one to the team
            yield _department_without_team(guideline, index, members, severity)


def _department_without_team(
    guideline: Guideline, index: int, members: list[tuple[int, Role]], severity: Severity
) -> Diagnostic:
    department = guideline.departments.model.departments[index]
    places = [f"{role.id} ({place_of(guideline.roles, ('roles', number, 'id'))})" for number, role in members]
    facing = place_of(guideline.departments, ("departments", index, "public_facing"))
    notes = (f"'public_facing: true' steht in {facing}",
             f"Rollen dieser Abteilung: {shorten_list(places)}" if members else
             "zu dieser Abteilung gehört noch keine Rolle")
    return finding_at(
        guideline.departments, ("departments", index, "id"), "G301",
        f"die Abteilung '{department.id}' spricht mit der Öffentlichkeit, hat aber keine Rolle im Social-Media-Team",
        severity=severity, notes=notes,
        help_text="setze in roles.yml bei einer Rolle dieser Abteilung 'social_media_team: true', oder trag in "
        "departments.yml unter 'team_exemption:' ein, warum die Abteilung niemanden ins Team schickt",
    )


def _exemption_beside_team(guideline: Guideline, index: int, places: list[str]) -> Diagnostic:
    department = guideline.departments.model.departments[index]
    return finding_at(
        guideline.departments, ("departments", index, "team_exemption"), EXEMPTION_WITH_TEAM_CODE,
        f"die Abteilung '{department.id}' begründet, warum sie niemanden ins Social-Media-Team schickt, hat aber "
        "eine Rolle im Team",
        severity=Severity.WARNING, notes=(f"im Social-Media-Team: {shorten_list(places)}",),
        help_text="entferne 'team_exemption', oder streich bei der Rolle 'social_media_team: true', wenn die "
        "Abteilung wirklich niemanden schickt",
    )


# --- no_trainee_ownership -------------------------------------------------------------------------


def _owned_roles(guideline: Guideline) -> Iterator[tuple[ParsedFile[Any], DataPath, str, str]]:
    """Yield each place that names a role responsible for something: file, path, role id, duty."""
    for scenario in guideline.scenarios:
        yield scenario, ("owner",), scenario.model.owner, "kein Szenario verantworten"
    for index, channel in enumerate(guideline.channels.model.channels):
        yield guideline.channels, ("channels", index, "owner"), channel.owner, "keinen Kanal verantworten"
        yield guideline.channels, ("channels", index, "deputy"), channel.deputy, "keinen Kanal vertreten"
    for index, assignment in enumerate(guideline.matrix.model.assignments):
        if guideline.matrix.model.answers_people(assignment.task):
            path = ("assignments", index, "responsible")
            yield guideline.matrix, path, assignment.responsible, "nicht für das Antworten verantwortlich sein"


def check_no_trainee_ownership(guideline: Guideline, severity: Severity) -> Iterator[Diagnostic]:
    """Report trainee roles named as owner, deputy or responsible for replying."""
    roles = _roles_by_id(guideline)
    for parsed, path, role_id, duty in _owned_roles(guideline):
        index, role = roles.get(role_id, (-1, None))
        if role is None or not role.trainee_allowed:
            continue
        where = place_of(guideline.roles, ("roles", index, "trainee_allowed"))
        yield finding_at(
            parsed, path, "G302",
            f"die Rolle '{role_id}' darf von Azubis oder Praktikantinnen und Praktikanten übernommen werden und darf daher "
            f"{duty}",
            severity=severity,
            notes=(f"'trainee_allowed: true' steht in {where}",),
            help_text="trage eine Rolle ohne 'trainee_allowed: true' ein",
        )


# --- response_time_within_maximum -----------------------------------------------------------------


def _response_times(guideline: Guideline) -> Iterator[tuple[ParsedFile[Any], DataPath, Any, str]]:
    for scenario in guideline.scenarios:
        yield scenario, ("first_response",), scenario.model.first_response, "die Erstreaktionszeit"
    for index, level in enumerate(guideline.escalation.model.levels):
        path = ("levels", index, "max_first_response")
        yield guideline.escalation, path, level.max_first_response, f"die Reaktionszeit der Stufe '{level.id}'"


def check_response_time_within_maximum(guideline: Guideline, severity: Severity) -> Iterator[Diagnostic]:
    """Report response times longer than the organisation's maximum."""
    maximum = guideline.organisation.model.max_first_response
    where = place_of(guideline.organisation, ("max_first_response",))
    for parsed, path, duration, what in _response_times(guideline):
        if duration.minutes <= maximum.minutes:
            continue
        yield finding_at(
            parsed, path, "G303",
            f"{what} ({duration.label}) ist länger als das Maximum ({maximum.label})",
            severity=severity, notes=(f"das Maximum steht in {where}",),
            help_text=f"verkürze die Zeit auf höchstens {maximum.label}",
        )


# --- channel_owner_and_deputy ---------------------------------------------------------------------


def check_channel_owner_and_deputy(guideline: Guideline, severity: Severity) -> Iterator[Diagnostic]:
    """Report channels whose deputy is the owner."""
    for index, channel in enumerate(guideline.channels.model.channels):
        if channel.owner != channel.deputy:
            continue
        yield finding_at(
            guideline.channels, ("channels", index, "deputy"), "G304",
            f"die Rolle '{channel.owner}' ist zugleich verantwortlich und Vertretung für den Kanal '{channel.id}'",
            severity=severity,
            help_text="trage als 'deputy' eine andere Rolle ein, die den Kanal bei Abwesenheit betreut",
        )


# --- customer_roles_trained -----------------------------------------------------------------------


def check_customer_roles_trained(guideline: Guideline, severity: Severity) -> Iterator[Diagnostic]:
    """Report roles in customer dialogue without required training."""
    for index, role in enumerate(guideline.roles.model.roles):
        if not role.customer_dialogue or role.required_training:
            continue
        yield finding_at(
            guideline.roles, ("roles", index, "customer_dialogue"), "G305",
            f"die Rolle '{role.id}' spricht mit Kundinnen und Kunden, hat aber keine Pflichtschulung",
            severity=severity,
            help_text="trage unter 'required_training:' die IDs der Schulungsmodule ein, die vor dem ersten "
            "Kundendialog nötig sind",
        )


# --- channel_security -----------------------------------------------------------------------------


def check_channel_security(guideline: Guideline, severity: Severity) -> Iterator[Diagnostic]:
    """Report channels with fewer than two distinct admin roles or without two-factor authentication."""
    for index, channel in enumerate(guideline.channels.model.channels):
        base = ("channels", index, "legal")
        admins = sorted(set(channel.legal.admins))
        if len(admins) < 2:
            yield finding_at(
                guideline.channels, (*base, "admins"), "G307",
                f"der Kanal '{channel.id}' hat {_admin_count(admins)}; nötig sind mindestens zwei verschiedene",
                severity=severity,
                help_text="trage unter 'admins:' eine zweite Rolle ein, damit der Zugang nicht an einer "
                "Person hängt",
            )
        if not channel.legal.two_factor:
            yield finding_at(
                guideline.channels, (*base, "two_factor"), "G307",
                f"der Kanal '{channel.id}' ist nicht mit Zwei-Faktor-Authentifizierung gesichert",
                severity=severity,
                help_text="aktiviere 2FA für alle Admin-Konten und setze dann 'two_factor: true'",
            )


def _admin_count(admins: list[str]) -> str:
    if not admins:
        return "keine Admin-Rolle"
    return f"nur eine Admin-Rolle ('{admins[0]}')"


_POLICIES = (
    Policy("department_on_team", check_department_on_team),
    Policy("no_trainee_ownership", check_no_trainee_ownership),
    Policy("response_time_within_maximum", check_response_time_within_maximum),
    Policy("channel_owner_and_deputy", check_channel_owner_and_deputy),
    Policy("customer_roles_trained", check_customer_roles_trained),
    Policy("templates_free_of_breach_phrases", replies.check_templates_free_of_breach_phrases),
    Policy("templates_pass_reply_check", replies.check_templates_pass_reply_check),
    Policy("channel_security", check_channel_security),
    Policy("reply_roles_trained", reply_training.check_reply_roles_trained),
    Policy("templates_match_form_of_address", templates.check_templates_match_form_of_address),
    Policy("levels_named", naming.check_levels_named),
    Policy("employee_contacts_reachable", check_employee_contacts_reachable),
    Policy("crisis_tree_complete", crisis.check_crisis_tree),
    Policy("storm_scale_ascending", crisis.check_storm_scale_ascending),
    Policy("first_response_covered", coverage.check_first_response_covered),
    Policy("paused_channel_owners_alerted", alerting.check_paused_channel_owners_alerted),
    Policy("level_alerts_complete", alerting.check_level_alerts_complete),
    Policy("no_replies_on_broadcast_channels", broadcast.check_no_replies_on_broadcast_channels),
    Policy("texts_within_channel_length", length.check_texts_within_channel_length),
    Policy("scenario_deadlines_within_level", deadlines.check_scenario_deadlines_within_level),
    Policy("templates_free_of_breach_phrases", statements.check_statements_free_of_breach_phrases),
    Policy("response_time_within_maximum", statement_deadlines.check_statement_deadlines),
    Policy("first_response_covered", statement_deadlines.check_statements_covered),
)
