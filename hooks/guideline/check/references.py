"""IDs and references between data files: every ID defined once, every reference to an existing ID."""

from __future__ import annotations

import difflib
import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..diagnostics import Diagnostic, DiagnosticCode
from ..load.source import DataPath
from ..model.layout import DataKind
from ..parse.corpus import Guideline
from ..parse.file import ParsedFile
from .findings import finding_at, place_of, shorten_list

UNKNOWN_REFERENCE_CODE = "G201"
DUPLICATE_ID_CODE = "G202"

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode(
        code=UNKNOWN_REFERENCE_CODE,
        title="Unbekannte ID",
        explanation="Ein Verweis nennt eine Rolle, eine Abteilung, einen Kanal, eine Tonalitätsregel, eine "
        "Eskalationsstufe, ein Szenario oder ein Schulungsmodul, das es nicht gibt – meist ein Tippfehler "
        "oder eine umbenannte ID.",
        fix="ID wie vorgeschlagen korrigieren oder das Fehlende anlegen.",
    ),
    DiagnosticCode(
        code=DUPLICATE_ID_CODE,
        title="Doppelte ID",
        explanation="Zwei Einträge derselben Art haben dieselbe ID; Verweise und Adressen wären mehrdeutig.",
        fix="Einem der beiden Einträge eine andere ID geben und Verweise darauf anpassen.",
    ),
)
"""Every diagnostic code this module emits, documented for the contributors' page."""


@dataclass(frozen=True)
class NamespaceSpec:
    """How one kind of ID is named in messages, and where such IDs are defined."""

    singular: str
    plural: str
    unknown: str  # the adjective, declined for the noun's gender
    article: str  # accusative article, for "leg die Rolle … an"
    kind: DataKind


class Namespace(enum.Enum):
    """Every kind of ID; IDs are unique within their kind."""

    ROLE = NamespaceSpec("Rolle", "Rollen", "unbekannte", "die", DataKind.ROLES)
    DEPARTMENT = NamespaceSpec("Abteilung", "Abteilungen", "unbekannte", "die", DataKind.DEPARTMENTS)
    CHANNEL = NamespaceSpec("Kanal", "Kanäle", "unbekannter", "den", DataKind.CHANNELS)
    TONE_RULE = NamespaceSpec("Tonalitätsregel", "Tonalitätsregeln", "unbekannte", "die", DataKind.TONE)
    ESCALATION_LEVEL = NamespaceSpec("Eskalationsstufe", "Eskalationsstufen", "unbekannte", "die",
                                     DataKind.ESCALATION)
    SCENARIO = NamespaceSpec("Szenario", "Szenarien", "unbekanntes", "das", DataKind.SCENARIO)
    TRAINING = NamespaceSpec("Schulungsmodul", "Schulungsmodule", "unbekanntes", "das", DataKind.TRAINING)
    PHASE = NamespaceSpec("Phase", "Phasen", "unbekannte", "die", DataKind.PROCESS)

    @property
    def spec(self) -> NamespaceSpec:
        return self.value


@dataclass(frozen=True)
class Mention:
    """An ID where it is defined or referenced: its kind, the file and the data path of the value."""

    namespace: Namespace
    item_id: str
    parsed: ParsedFile[Any]
    data_path: DataPath


def _each(namespace: Namespace, parsed: ParsedFile[Any], base: DataPath, ids: Iterable[str]) -> Iterator[Mention]:
    for index, item_id in enumerate(ids):
        yield Mention(namespace, item_id, parsed, (*base, index))


# --- where IDs are defined ----------------------------------------------------------------------


def defined_ids(guideline: Guideline) -> tuple[Mention, ...]:
    """Return every ID definition, in file order."""
    listed: tuple[tuple[Namespace, ParsedFile[Any], str], ...] = (
        (Namespace.TONE_RULE, guideline.tone, "rules"),
        (Namespace.DEPARTMENT, guideline.departments, "departments"),
        (Namespace.ROLE, guideline.roles, "roles"),
        (Namespace.CHANNEL, guideline.channels, "channels"),
        (Namespace.ESCALATION_LEVEL, guideline.escalation, "levels"),
        (Namespace.PHASE, guideline.process, "phases"),
    )
    found = [
        Mention(namespace, item.id, parsed, (key, index, "id"))
        for namespace, parsed, key in listed
        for index, item in enumerate(getattr(parsed.model, key))
    ]
    found.extend(Mention(Namespace.SCENARIO, s.model.id, s, ("id",)) for s in guideline.scenarios)
    found.extend(Mention(Namespace.TRAINING, t.model.id, t, ("id",)) for t in guideline.training)
    return tuple(found)


# --- where IDs are referenced -------------------------------------------------------------------


def _role_references(parsed: ParsedFile[Any]) -> Iterator[Mention]:
    for index, role in enumerate(parsed.model.roles):
        yield Mention(Namespace.DEPARTMENT, role.department, parsed, ("roles", index, "department"))
        yield from _each(Namespace.TRAINING, parsed, ("roles", index, "required_training"), role.required_training)


def _channel_references(parsed: ParsedFile[Any]) -> Iterator[Mention]:
    for index, channel in enumerate(parsed.model.channels):
        base = ("channels", index)
        yield Mention(Namespace.ROLE, channel.owner, parsed, (*base, "owner"))
        yield Mention(Namespace.ROLE, channel.deputy, parsed, (*base, "deputy"))
        for number, link in enumerate(channel.links_to):
            yield Mention(Namespace.CHANNEL, link.channel, parsed, (*base, "links_to", number, "channel"))
        yield from _each(Namespace.ROLE, parsed, (*base, "legal", "admins"), channel.legal.admins)


def _matrix_references(parsed: ParsedFile[Any]) -> Iterator[Mention]:
    for index, assignment in enumerate(parsed.model.assignments):
        base = ("assignments", index)
        yield Mention(Namespace.CHANNEL, assignment.channel, parsed, (*base, "channel"))
        yield Mention(Namespace.ROLE, assignment.responsible, parsed, (*base, "responsible"))
        if assignment.approves is not None:
            yield Mention(Namespace.ROLE, assignment.approves, parsed, (*base, "approves"))
        yield from _each(Namespace.ROLE, parsed, (*base, "consulted"), assignment.consulted)
        yield from _each(Namespace.ROLE, parsed, (*base, "informed"), assignment.informed)


def _escalation_references(parsed: ParsedFile[Any]) -> Iterator[Mention]:
    for index, level in enumerate(parsed.model.levels):
        yield from _each(Namespace.ROLE, parsed, ("levels", index, "informed"), level.informed)
        yield Mention(Namespace.ROLE, level.decides, parsed, ("levels", index, "decides"))


def _scenario_references(parsed: ParsedFile[Any]) -> Iterator[Mention]:
    scenario = parsed.model
    yield Mention(Namespace.ESCALATION_LEVEL, scenario.escalation_level, parsed, ("escalation_level",))
    yield Mention(Namespace.ROLE, scenario.owner, parsed, ("owner",))
    yield from _each(Namespace.CHANNEL, parsed, ("channels",), scenario.channels)
    for index, step in enumerate(scenario.steps):
        yield Mention(Namespace.ROLE, step.role, parsed, ("steps", index, "role"))
    for index, escalation in enumerate(scenario.escalate):
        yield Mention(Namespace.ROLE, escalation.to, parsed, ("escalate", index, "to"))
        yield Mention(Namespace.ESCALATION_LEVEL, escalation.level, parsed, ("escalate", index, "level"))
    yield from _each(Namespace.TONE_RULE, parsed, ("tone_rules",), scenario.tone_rules)
    yield from _each(Namespace.TRAINING, parsed, ("training",), scenario.training)


def _training_references(parsed: ParsedFile[Any]) -> Iterator[Mention]:
    yield from _each(Namespace.ROLE, parsed, ("audience",), parsed.model.audience)
    yield from _each(Namespace.TRAINING, parsed, ("prerequisites",), parsed.model.prerequisites)


def _process_references(parsed: ParsedFile[Any]) -> Iterator[Mention]:
    for index, phase in enumerate(parsed.model.phases):
        yield from _each(Namespace.ROLE, parsed, ("phases", index, "roles"), phase.roles)


def _strategy_references(parsed: ParsedFile[Any]) -> Iterator[Mention]:
    for index, source in enumerate(parsed.model.sources):
        if source.department is not None:
            yield Mention(Namespace.DEPARTMENT, source.department, parsed, ("sources", index, "department"))
    for index, platform in enumerate(parsed.model.platform_content):
        yield Mention(Namespace.CHANNEL, platform.channel, parsed, ("platform_content", index, "channel"))


def referenced_ids(guideline: Guideline) -> tuple[Mention, ...]:
    """Return every reference to an ID, in file order."""
    found: list[Mention] = [
        *_role_references(guideline.roles),
        *_channel_references(guideline.channels),
        *_matrix_references(guideline.matrix),
        *_escalation_references(guideline.escalation),
        *_process_references(guideline.process),
        *_strategy_references(guideline.strategy),
    ]
    for scenario in guideline.scenarios:
        found.extend(_scenario_references(scenario))
    for module in guideline.training:
        found.extend(_training_references(module))
    return tuple(found)


# --- the checks ---------------------------------------------------------------------------------


def known_ids(definitions: Iterable[Mention], namespace: Namespace) -> tuple[str, ...]:
    """Return the sorted IDs defined in one namespace."""
    return tuple(sorted({mention.item_id for mention in definitions if mention.namespace is namespace}))


def check_duplicate_ids(definitions: tuple[Mention, ...]) -> tuple[Diagnostic, ...]:
    """Report every definition of an ID defined more than once in its namespace, each naming the others.

    Every place is reported, not only the later ones: the one to change may be the first.
    """
    groups: dict[tuple[Namespace, str], list[Mention]] = {}
    for mention in definitions:
        groups.setdefault((mention.namespace, mention.item_id), []).append(mention)
    return tuple(
        _duplicate(mention, [other for other in group if other is not mention])
        for group in groups.values()
        if len(group) > 1
        for mention in group
    )


def _duplicate(mention: Mention, others: list[Mention]) -> Diagnostic:
    spec = mention.namespace.spec
    return finding_at(
        mention.parsed,
        mention.data_path,
        DUPLICATE_ID_CODE,
        f"doppelte ID '{mention.item_id}': es gibt noch {_indefinite(spec)} {spec.singular} mit dieser ID",
        notes=tuple(f"ebenfalls definiert in {place_of(other.parsed, other.data_path)}" for other in others),
        help_text="gib einem der Einträge eine andere ID",
    )


def _indefinite(spec: NamespaceSpec) -> str:
    return {"die": "eine", "den": "einen", "das": "ein"}[spec.article]


def check_references(definitions: tuple[Mention, ...], references: tuple[Mention, ...]) -> tuple[Diagnostic, ...]:
    """Report every reference to an ID that is not defined."""
    known = {namespace: known_ids(definitions, namespace) for namespace in Namespace}
    return tuple(
        _unknown_reference(reference, known[reference.namespace])
        for reference in references
        if reference.item_id not in known[reference.namespace]
    )


def _unknown_reference(reference: Mention, known: tuple[str, ...]) -> Diagnostic:
    spec = reference.namespace.spec
    close = difflib.get_close_matches(reference.item_id, known, n=1, cutoff=0.6)
    if close:
        help_text = f"meintest du '{close[0]}'?"
    else:
        home = spec.kind.data_path(reference.item_id) if spec.kind.spec.folder else spec.kind.data_path()
        help_text = (
            f"verwende eine der bekannten IDs oder leg {spec.article} {spec.singular} "
            f"{'als' if spec.kind.spec.folder else 'in'} {home} an"
        )
    note = f"bekannte {spec.plural}: {shorten_list(list(known))}" if known else f"es gibt noch keine {spec.plural}"
    return finding_at(
        reference.parsed,
        reference.data_path,
        UNKNOWN_REFERENCE_CODE,
        f"{spec.unknown} {spec.singular} '{reference.item_id}'",
        notes=(note,),
        help_text=help_text,
    )
