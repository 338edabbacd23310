"""IDs reserved by fixed pages: a role, scenario or training module must not take a fixed page's address.

Roles, scenarios and training modules each get a page named after their ID (links.role_page …). Some of
those addresses belong to fixed pages, e.g. `szenarien/eskalation.md`; an ID that would take one is an
error at the ID, long before the site build would fail on two pages with one address.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ..diagnostics import Diagnostic, DiagnosticCode
from ..plan import links
from .findings import finding_at
from .references import Mention, Namespace

RESERVED_ID_CODE = "G206"

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode(
        code=RESERVED_ID_CODE,
        title="Reservierte ID",
        explanation="Rollen, Szenarien und Schulungsmodule bekommen eine eigene Seite, deren Adresse ihre ID ist. "
        "Einige IDs (z. B. 'index' oder beim Szenario 'eskalation') gehören schon zu festen Seiten des "
        "Leitfadens; eine solche Seite würde sonst überschrieben.",
        fix="Eine andere ID wählen (bei Szenarien und Schulungsmodulen auch die Datei umbenennen) und Verweise "
        "darauf anpassen.",
    ),
)
"""Every diagnostic code this module emits, documented for the contributors' page."""

PAGE_FOLDERS: Mapping[Namespace, str] = MappingProxyType(
    {
        Namespace.ROLE: links.ROLE_FOLDER,
        Namespace.SCENARIO: links.SCENARIO_FOLDER,
        Namespace.TRAINING: links.TRAINING_FOLDER,
    }
)
"""The kinds of ID that get a page of their own, with the folder of that page."""


def check_reserved_ids(definitions: tuple[Mention, ...]) -> tuple[Diagnostic, ...]:
    """Report IDs whose own page would take the place of a fixed page, e.g. a scenario 'eskalation'."""
    return tuple(
        finding_at(
            mention.parsed,
            mention.data_path,
            RESERVED_ID_CODE,
            f"die ID '{mention.item_id}' ist reserviert: unter {PAGE_FOLDERS[mention.namespace]}/"
            f"{mention.item_id}.md steht schon eine feste Seite des Leitfadens",
            notes=(f"reserviert für {mention.namespace.spec.plural}: "
                   f"{', '.join(sorted(links.RESERVED_IDS[PAGE_FOLDERS[mention.namespace]]))}",),
            help_text=_reserved_help(mention),
        )
        for mention in definitions
        if mention.namespace in PAGE_FOLDERS
        and mention.item_id in links.RESERVED_IDS.get(PAGE_FOLDERS[mention.namespace], frozenset())
    )


def _reserved_help(mention: Mention) -> str:
    rename = ", benenne die Datei entsprechend um" if mention.namespace.spec.kind.spec.folder else ""
    example = f"{mention.namespace.spec.singular.lower()}-{mention.item_id}"
    return f"wähle eine andere ID, z. B. '{example}'{rename} und passe die Verweise darauf an"
