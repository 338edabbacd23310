"""IDs and references between data files: every ID defined once, every reference to an existing ID."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..diagnostics import Diagnostic, DiagnosticCode
from ..load.source import DataPath
from ..model.ids import Defines, IdKind, IdKindSpec, RefersTo, id_values
from ..model.layout import defining_kind
from ..parse.corpus import Guideline
from ..parse.file import ParsedFile
from .findings import finding_at, place_of, shorten_list

UNKNOWN_REFERENCE_CODE = "G201"
DUPLICATE_ID_CODE = "G202"

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode(
        code=UNKNOWN_REFERENCE_CODE,
        title="Unbekannte ID",
        explanation="Ein Verweis nennt eine ID, die es nicht gibt: eine Rolle, eine Abteilung, einen Kanal, eine "
        "Tonalitätsregel, eine Eskalationsstufe, ein Szenario, ein Schulungsmodul oder eine externe Stelle – meist "
        "ein Tippfehler oder eine umbenannte ID.",
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
class Mention:
    """An ID where it is defined or referenced: its kind, the file and the data path of the value."""

    kind: IdKind
    item_id: str
    parsed: ParsedFile[Any]
    data_path: DataPath
    also: tuple[IdKind, ...] = ()  # a reference that may name one of several kinds, e.g. a role or a party

    @property
    def kinds(self) -> tuple[IdKind, ...]:
        """Return every kind the mention may name, its first kind first."""
        return (self.kind, *self.also)


def _mentions(guideline: Guideline, marker_type: type[Defines | RefersTo]) -> tuple[Mention, ...]:
    """Return every id the guideline's files define or name, as their models' id fields declare, in file order."""
    return tuple(
        Mention(found.marker.kind, found.value, parsed, found.data_path,
                found.marker.also if isinstance(found.marker, RefersTo) else ())
        for parsed in guideline.files()
        for found in id_values(parsed.model)
        if isinstance(found.marker, marker_type)
    )


def defined_ids(guideline: Guideline) -> tuple[Mention, ...]:
    """Return every ID definition, in file order."""
    return _mentions(guideline, Defines)


def referenced_ids(guideline: Guideline) -> tuple[Mention, ...]:
    """Return every reference to an ID, in file order."""
    return _mentions(guideline, RefersTo)


# --- the checks ---------------------------------------------------------------------------------


def known_ids(definitions: Iterable[Mention], kind: IdKind) -> tuple[str, ...]:
    """Return the sorted IDs defined of one kind."""
    return tuple(sorted({mention.item_id for mention in definitions if mention.kind is kind}))


def check_duplicate_ids(definitions: tuple[Mention, ...]) -> tuple[Diagnostic, ...]:
    """Report every definition of an ID defined more than once in its kind, each naming the others.

    Every place is reported, not only the later ones: the one to change may be the first.
    """
    groups: dict[tuple[IdKind, str], list[Mention]] = {}
    for mention in definitions:
        groups.setdefault((mention.kind, mention.item_id), []).append(mention)
    return tuple(
        _duplicate(mention, [other for other in group if other is not mention])
        for group in groups.values()
        if len(group) > 1
        for mention in group
    )


def _duplicate(mention: Mention, others: list[Mention]) -> Diagnostic:
    spec = mention.kind.spec
    return finding_at(
        mention.parsed,
        mention.data_path,
        DUPLICATE_ID_CODE,
        f"doppelte ID '{mention.item_id}': es gibt noch {_indefinite(spec)} {spec.singular} mit dieser ID",
        notes=tuple(f"ebenfalls definiert in {place_of(other.parsed, other.data_path)}" for other in others),
        help_text="gib einem der Einträge eine andere ID",
    )


def _indefinite(spec: IdKindSpec) -> str:
    return {"die": "eine", "den": "einen", "das": "ein"}[spec.article]


def check_references(definitions: tuple[Mention, ...], references: tuple[Mention, ...]) -> tuple[Diagnostic, ...]:
    """Report every reference to an ID that is not defined."""
    known = {kind: known_ids(definitions, kind) for kind in IdKind}
    return tuple(
        _unknown_reference(reference, known)
        for reference in references
        if not any(reference.item_id in known[kind] for kind in reference.kinds)
    )


def _unknown_reference(reference: Mention, known_by_kind: dict[IdKind, tuple[str, ...]]) -> Diagnostic:
    spec = reference.kind.spec
    known = tuple(sorted({item for kind in reference.kinds for item in known_by_kind[kind]}))
    close = difflib.get_close_matches(reference.item_id, known, n=1, cutoff=0.6)
    if close:
        help_text = f"meintest du '{close[0]}'?"
    else:
        homes = " oder ".join(_home(kind, reference) for kind in reference.kinds)
        help_text = f"verwende eine der bekannten IDs oder leg {homes} an"
    notes = [f"bekannte {kind.spec.plural}: {shorten_list(list(known_by_kind[kind]))}"
             for kind in reference.kinds if known_by_kind[kind]] or [f"es gibt noch keine {spec.plural}"]
    notes.extend(kind.spec.unknown_note for kind in reference.kinds if kind.spec.unknown_note)
    if _is_party_for_role(reference, known_by_kind):
        notes.append(f"'{reference.item_id}' ist eine externe Stelle (parties.yml), keine Rolle: hier ist nur eine "
                     "Rolle der eigenen Organisation möglich")
        help_text = ("nenne hier eine Rolle, z. B. die, die den Kontakt zur Stelle pflegt; externe Stellen stehen in "
                     "Schritten, Eskalationen, bei 'informed:' und 'alerts:'")
    return finding_at(
        reference.parsed,
        reference.data_path,
        UNKNOWN_REFERENCE_CODE,
        f"{spec.unknown} {' oder '.join(kind.spec.singular for kind in reference.kinds)} '{reference.item_id}'",
        notes=tuple(notes),
        help_text=help_text,
    )


def _home(kind: IdKind, reference: Mention) -> str:
    """Say where an item of this kind is created: "die Rolle in roles.yml"."""
    home_kind = defining_kind(kind)
    home = home_kind.data_path(reference.item_id) if home_kind.spec.folder else home_kind.data_path()
    return f"{kind.spec.article} {kind.spec.singular} {'als' if home_kind.spec.folder else 'in'} {home}"


def _is_party_for_role(reference: Mention, known_by_kind: dict[IdKind, tuple[str, ...]]) -> bool:
    """Tell whether a field that takes only a role names an external party: parties are never on the team."""
    return reference.kinds == (IdKind.ROLE,) and reference.item_id in known_by_kind[IdKind.PARTY]
