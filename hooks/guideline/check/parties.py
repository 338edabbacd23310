"""External parties (G350–G353): never a role, named somewhere, reachable, and alerted only in ways they can be.

parties.yml is optional: a guideline without it is not checked here.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic, DiagnosticCode, Severity
from ..model.contacts import AlertMedium
from ..model.ids import IdKind
from ..model.layout import DataKind
from ..model.parties import PartiesFile, Party
from ..parse.corpus import Guideline
from ..parse.file import ParsedFile
from .findings import finding_at, place_of
from .references import Mention

ROLE_COLLISION_CODE = "G350"
UNUSED_PARTY_CODE = "G351"
UNREACHABLE_PARTY_CODE = "G352"
ALERT_WAY_CODE = "G353"

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode(
        ROLE_COLLISION_CODE, "Externe Stelle mit der ID einer Rolle",
        "Eine externe Stelle in parties.yml hat dieselbe ID wie eine Rolle in roles.yml. Schritte, Eskalationen "
        "und Alarmierungen nennen Rollen und externe Stellen im selben Feld; bei gleicher ID wäre unklar, wer "
        "gemeint ist.",
        "Der externen Stelle eine eigene ID geben, z. B. mit dem Ort dahinter ('polizei-…'), und Verweise anpassen.",
    ),
    DiagnosticCode(
        UNUSED_PARTY_CODE, "Externe Stelle wird nirgends einbezogen",
        "Eine externe Stelle steht in parties.yml, aber kein Schritt, keine Eskalation, keine Eskalationsstufe "
        "und kein Notfall nennt sie; im Ernstfall denkt niemand an sie. Das ist eine Warnung.",
        "Die Stelle dort eintragen, wo sie einbezogen wird (z. B. unter 'informed:' einer Eskalationsstufe oder "
        "als 'role:' eines Schritts), oder den Eintrag löschen.",
    ),
    DiagnosticCode(
        UNREACHABLE_PARTY_CODE, "Externe Stelle ohne Kontaktweg",
        "Eine externe Stelle nennt weder Telefonnummer noch E-Mail-Adresse noch Webadresse; wer sie im Ernstfall "
        "erreichen muss, sucht erst.",
        "Mindestens 'phone', 'email' oder 'web' eintragen, im Notfall am besten die Telefonnummer.",
    ),
    DiagnosticCode(
        ALERT_WAY_CODE, "Externe Stelle auf einem Weg alarmiert, den sie nicht hat",
        "Eine Eskalationsstufe alarmiert eine externe Stelle per Anruf oder E-Mail, aber parties.yml nennt dafür "
        "keine Nummer oder Adresse; oder per Messenger, den externe Stellen hier nicht haben.",
        "In parties.yml die fehlende Telefonnummer oder E-Mail-Adresse ergänzen oder unter 'via:' einen Weg wählen, "
        "den die Stelle hat.",
    ),
)
"""Every diagnostic code this module emits, documented for the contributors' page."""


def check_parties(guideline: Guideline, references: tuple[Mention, ...]) -> tuple[Diagnostic, ...]:
    """Run every check of the external parties; nothing without parties.yml."""
    parsed = guideline.one_of(DataKind.PARTIES)
    if parsed is None:
        return ()
    return (
        *_role_collisions(guideline, parsed),
        *_unused_parties(parsed, references),
        *_unreachable_parties(parsed),
        *_alerts_without_way(guideline, parsed),
    )


def _role_collisions(guideline: Guideline, parsed: ParsedFile[PartiesFile]) -> Iterator[Diagnostic]:
    roles = {role.id: index for index, role in enumerate(guideline.roles.model.roles)}
    for index, party in enumerate(parsed.model.parties):
        if party.id not in roles:
            continue
        yield finding_at(
            parsed, ("parties", index, "id"), ROLE_COLLISION_CODE,
            f"die externe Stelle '{party.id}' hat dieselbe ID wie eine Rolle",
            notes=(f"die Rolle ist definiert in {place_of(guideline.roles, ('roles', roles[party.id], 'id'))}",
                   "Schritte, Eskalationen und Alarmierungen nennen Rollen und externe Stellen im selben Feld"),
            help_text=f"gib der externen Stelle eine eigene ID, z. B. '{party.id}-extern', und passe die Verweise an",
        )


def _unused_parties(parsed: ParsedFile[PartiesFile], references: tuple[Mention, ...]) -> Iterator[Diagnostic]:
    named = {mention.item_id for mention in references if IdKind.PARTY in mention.kinds}
    for index, party in enumerate(parsed.model.parties):
        if party.id in named:
            continue
        yield finding_at(
            parsed, ("parties", index, "id"), UNUSED_PARTY_CODE,
            f"die externe Stelle '{party.id}' wird nirgends einbezogen",
            severity=Severity.WARNING,
            notes=("kein Schritt, keine Eskalation, keine Eskalationsstufe und kein Notfall nennt sie",),
            help_text=f"trage '{party.id}' dort ein, wo die Stelle einbezogen wird (z. B. unter 'informed:' einer "
            "Eskalationsstufe), oder lösche den Eintrag",
        )


def _unreachable_parties(parsed: ParsedFile[PartiesFile]) -> Iterator[Diagnostic]:
    for index, party in enumerate(parsed.model.parties):
        if party.phone is not None or party.email is not None or party.web is not None:
            continue
        yield finding_at(
            parsed, ("parties", index, "id"), UNREACHABLE_PARTY_CODE,
            f"die externe Stelle '{party.id}' nennt keinen Weg, sie zu erreichen",
            help_text="trage mindestens 'phone', 'email' oder 'web' ein, im Notfall am besten die Telefonnummer",
        )


def _alerts_without_way(guideline: Guideline, parsed: ParsedFile[PartiesFile]) -> Iterator[Diagnostic]:
    parties = {party.id: index for index, party in enumerate(parsed.model.parties)}
    for level_index, level in enumerate(guideline.escalation.model.levels):
        for alert_index, alert in enumerate(level.alerts):
            if alert.role not in parties:
                continue
            party = parsed.model.parties[parties[alert.role]]
            for way_index, medium in enumerate(alert.via):
                missing = _missing_way(party, medium)
                if missing is None:
                    continue
                yield finding_at(
                    guideline.escalation, ("levels", level_index, "alerts", alert_index, "via", way_index),
                    ALERT_WAY_CODE,
                    f"die externe Stelle '{party.id}' soll per {medium.label} alarmiert werden, {missing}",
                    notes=(f"die Stelle ist definiert in {place_of(parsed, ('parties', parties[party.id], 'id'))}",),
                    help_text=_way_help(medium),
                )


def _missing_way(party: Party, medium: AlertMedium) -> str | None:
    """Say why the party cannot be alerted this way, or None if it can."""
    if medium is AlertMedium.PHONE and party.phone is None:
        return "aber parties.yml nennt keine Telefonnummer ('phone') für sie"
    if medium is AlertMedium.EMAIL and party.email is None:
        return "aber parties.yml nennt keine E-Mail-Adresse ('email') für sie"
    if medium is AlertMedium.MESSENGER:
        return "aber externe Stellen erreicht ihr nicht über euren Messenger"
    return None


def _way_help(medium: AlertMedium) -> str:
    field = {AlertMedium.PHONE: "'phone'", AlertMedium.EMAIL: "'email'"}
    if medium in field:
        return f"trage in parties.yml {field[medium]} für die Stelle ein oder wähle unter 'via:' einen anderen Weg"
    return "wähle unter 'via:' phone oder email"
