"""Each escalation level alerts whom it needs (G311–G313): the owners of paused channels, the role that
decides, and someone with a phone number for every role it alerts.

Alerting is part of the optional contacts layer: a guideline without contacts.yml is not checked for it.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic, Severity
from ..model.channels import Channel
from ..model.escalation import EscalationLevel
from ..model.layout import DataKind
from ..parse.corpus import Guideline
from .findings import finding_at, place_of


def alerted_roles(level: EscalationLevel) -> frozenset[str]:
    """Return the roles that learn of a level: those alerted, and the role that raises the alarm."""
    return frozenset({alert.role for alert in level.alerts} | ({level.alerted_by} if level.alerted_by else set()))


def check_paused_channel_owners_alerted(guideline: Guideline, severity: Severity) -> Iterator[Diagnostic]:
    """Report channel owners who are not alerted at a level that pauses scheduled posts, once per owner."""
    if guideline.one_of(DataKind.CONTACTS) is None:
        return
    owned: dict[str, list[tuple[int, Channel]]] = {}
    for number, channel in enumerate(guideline.channels.model.channels):
        owned.setdefault(channel.owner, []).append((number, channel))
    for index, level in enumerate(guideline.escalation.model.levels):
        if not level.pause_scheduled_posts:
            continue
        alerted = alerted_roles(level)
        for owner, channels in sorted(owned.items()):
            if owner in alerted:
                continue
            names = ", ".join(f"'{channel.id}'" for _, channel in channels)
            yield finding_at(
                guideline.escalation, ("levels", index, "pause_scheduled_posts"), "G311",
                f"auf der Stufe '{level.id}' pausieren die Beiträge, aber '{owner}' wird nicht alarmiert, obwohl die "
                f"Rolle {'den Kanal' if len(channels) == 1 else 'die Kanäle'} {names} verantwortet",
                severity=severity,
                notes=tuple(f"'{channel.id}' verantwortet laut "
                            f"{place_of(guideline.channels, ('channels', number, 'owner'))}" for number, channel in channels),
                help_text=f"trage unter 'alerts:' der Stufe '{level.id}' die Rolle '{owner}' mit Weg und Frist ein",
            )


def check_level_alerts_complete(guideline: Guideline, severity: Severity) -> Iterator[Diagnostic]:
    """Report levels that alert nobody or not the role that decides, and alerted roles nobody can be called for."""
    contacts = guideline.one_of(DataKind.CONTACTS)
    if contacts is None:
        return
    parties = guideline.one_of(DataKind.PARTIES)
    # an external party is reached at its own number (parties.yml, G352/G353), not through a person in contacts.yml
    reachable = {person.role for person in contacts.model.people} | (
        {party.id for party in parties.model.parties} if parties is not None else set())
    for index, level in enumerate(guideline.escalation.model.levels):
        base = ("levels", index)
        if not level.alerts:
            yield finding_at(
                guideline.escalation, (*base, "id"), "G312", f"die Stufe '{level.id}' sagt nicht, wer alarmiert wird",
                severity=severity,
                help_text="trage unter 'alerts:' je Rolle ein, wie (via: phone, messenger, email) und wie schnell "
                "(within) sie alarmiert wird",
            )
        elif level.decides not in alerted_roles(level):
            yield finding_at(
                guideline.escalation, (*base, "decides"), "G312",
                f"auf der Stufe '{level.id}' entscheidet '{level.decides}', wird aber nicht alarmiert",
                severity=severity, help_text=f"trage '{level.decides}' unter 'alerts:' der Stufe ein",
            )
        needed = [((*base, "decides"), level.decides), *(((*base, "alerts", n, "role"), a.role)
                                                          for n, a in enumerate(level.alerts))]
        for path, role in needed:
            if role in reachable:
                continue
            reachable = reachable | {role}  # one report per role is enough
            yield finding_at(
                guideline.escalation, path, "G313",
                f"die Rolle '{role}' wird auf der Stufe '{level.id}' gebraucht, aber {contacts.source_map.path} nennt "
                "niemanden mit Telefonnummer für sie",
                severity=severity, help_text=f"lege unter 'people:' einen Eintrag mit 'role: {role}', Name und "
                "Telefonnummer an",
            )
